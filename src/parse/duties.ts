/**
 * Duty forms, as data: how a policy says who does a task. A duty is a bracket that closes a
 * sentence (`（A、B负责）`, `（A牵头，B、C配合）`, `（6月底完成，牵头考核单位：A）`) or a line of its
 * own (`责任单位：A、B`, `牵头单位：A；配合单位：B`). Its inside is cut at top-level `，；` into
 * parts; each part is read by the first entry of `dutyForms` whose pattern matches. Supporting a
 * new form is one entry here and its examples in test/parse/duties.test.ts.
 */
import {splitTop, splitUnitList} from './units.ts'
import {deadlineInText} from './deadline.ts'
import type {Deadline} from '../tree/types.ts'

/** How a part assigns roles: `lead`/`support` explicitly, `ordered` = the first listed leads. */
export type DutyRole = 'lead' | 'support' | 'ordered'

export interface DutyForm {
  id: string
  /** Matched against one part of a duty (after `按职责分工` is taken out). Groups: `units`, optional `together` (会同 X). */
  pattern: RegExp
  role: DutyRole
  /** True when the part is a role statement (a duty must have at least one). */
  marks: boolean
  examples: string[]
}

const units = '(?<units>[^：:]+?)'
export const dutyForms: readonly DutyForm[] = [
  {id: 'lead-label', pattern: /^(?:牵头考核单位|牵头单位|牵头部门|主办单位|牵头)[：:](?<units>.+)$/, role: 'lead', marks: true, examples: ['牵头单位：区发改局', '牵头考核单位：市商务局', '牵头：市发改委']},
  {id: 'support-label', pattern: /^(?:配合单位|配合部门|协办单位|参与单位|协同单位|配合)[：:](?<units>.+)$/, role: 'support', marks: true, examples: ['配合单位：区财政局、区人社局', '配合：市财政局']},
  {id: 'units-label', pattern: /^(?:主要责任单位|责任单位|责任部门|责任处室|主责单位|承办单位|实施单位|责任主体)[：:](?<units>.+)$/, role: 'ordered', marks: true, examples: ['责任单位：区发改局、区财政局', '责任单位:区交通建设局', '责任处室：综合处']},
  {id: 'together-with', pattern: new RegExp(`^${units}会同(?<together>.+?)(?:负责|实施|落实)$`), role: 'ordered', marks: true, examples: ['国家发展改革委会同有关部门负责']},
  {id: 'lead-verb', pattern: new RegExp(`^${units}(?:牵头负责|牵头实施|牵头落实|牵头)$`), role: 'lead', marks: true, examples: ['生态环境部牵头', '人行平潭支行牵头']},
  {id: 'support-verb', pattern: new RegExp(`^${units}(?:配合|参与|协助|协同|配合落实)$`), role: 'support', marks: true, examples: ['财政部、民政部配合', '国家统计局参与']},
  {id: 'responsible', pattern: new RegExp(`^${units}(?:负责落实|负责实施|负责|指导|落实)$`), role: 'ordered', marks: true, examples: ['市场监管总局负责', '人力资源社会保障部、财政部负责', '生态环境部指导']},
  {id: 'deadline-label', pattern: /^(?:完成时限|完成时间|时间节点|时限要求|时限)[：:](?<deadline>.+)$/, role: 'ordered', marks: false, examples: ['完成时限：2024年底前', '时间节点：6月底']},
  {id: 'deadline', pattern: /^(?:(?:[0-9]{4}年)?(?:[0-9]{1,2}月(?:底|末)?|上半年|下半年)|(?:[0-9]{4})?年(?:底|末))(?:前|以前)?(?:完成|建成)?$|^持续推进$/, role: 'ordered', marks: false, examples: ['6月底完成', '2024年底前']},
  {id: 'score', pattern: /^[0-9.]+分$/, role: 'ordered', marks: false, examples: ['0.5分']},
  {id: 'list', pattern: new RegExp(`^${units}$`), role: 'ordered', marks: false, examples: ['区金控集团、城投集团']}
]

/** Statements that the first-listed unit leads (`列第一位者为牵头单位`, `排在第一位的部门为牵头部门，下同`). */
export const leadConvention = /(?:列|排)(?:在)?第一位(?:的|者)?(?:部门|单位)?为牵头|第一个为牵头单位|第一(?:个|位)(?:单位|部门)?为牵头/

/** Phrases taken out of a part before it is matched: they say how, not who. */
const manner = /按职责分工|按照职责分工|按职责|分别|共同|依职责/g
/** Generic tails `等有关部门和单位` → a support entry for the generic phrase. */
const etcTail = /等(?<generic>(?:其他)?(?:有关|相关)(?:部门|单位|地区)(?:和|及|、)?(?:单位|部门|地区)?)$/

export interface FoundUnit {
  written: string
  /** Offset in the duty's text. */
  offset: number
  role: 'lead' | 'support'
  /** Role stated by the text (`牵头`, `配合单位：`) rather than by position. */
  explicit: boolean
  nested: boolean
}

export interface FoundDuty {
  /** Offset of the duty in the paragraph, and its text as written (brackets or label included). */
  start: number
  text: string
  units: FoundUnit[]
  deadline?: Deadline
  note?: string
  /** The bracket is a line of its own or a bracket; `line` duties start at a label. */
  kind: 'bracket' | 'line'
  /** Sentences after the duty inside the bracket (`列第一位者为牵头单位，下同`), as written. */
  remark?: string
  /** A bracket without its pair (`责任单位：A，B）`). */
  stray?: boolean
}

interface Part {
  text: string
  offset: number
}

function splitParts(text: string, offset: number): Part[] {
  return splitTop(text)
    .map((part) => ({text: part.text, offset: offset + part.offset}))
    .filter((p) => p.text.trim() !== '')
}

/** A plausible unit list: short names, no sentence words. */
function plausibleUnits(list: string): boolean {
  if (!list.trim() || /[。！？“”《》]/.test(list)) return false
  // An empty name (`区A、区B、`) is a slip the checks report, not a sign of prose.
  const names = list.split(/[、，,]/).filter((name) => name.trim() !== '')
  return names.length > 0 && names.every((name) => {
    const n = name.replace(/[（(][^）)]*[）)]?/g, '').trim()
    return n.length > 0 && n.length <= 30 && !/的|对|将|把|为了|通过|以下统称|等于/.test(n)
  })
}

/**
 * Read the inside of a duty (`A牵头，B、C配合` or `责任单位：A、B`). Undefined when it is not a duty
 * (a prose bracket such as `（PPP）` or `（以下统称专区监管部门）`).
 */
export function readDuty(inner: string, base = 0): {units: FoundUnit[]; deadline?: Deadline; note?: string; remark?: string} | undefined {
  // The duty is the first sentence; what follows is a remark (a convention, a standing note).
  const stop = inner.search(/[。]/)
  const first = stop === -1 ? inner : inner.slice(0, stop)
  const remark = stop === -1 ? undefined : inner.slice(stop + 1).trim() || undefined
  const parts = splitParts(first, base)
  if (parts.length === 0) return undefined
  type Read = {form: DutyForm; list?: {text: string; offset: number}; together?: {text: string; offset: number}; part: Part}
  const read: Read[] = []
  for (const part of parts) {
    const lead = part.text.length - part.text.trimStart().length
    const raw = part.text.trim().replace(/[）)]$/, (c) => (balanced(part.text.trim()) ? c : ''))
    const cleaned = raw.replace(manner, '')
    const form = dutyForms.find((f) => f.pattern.test(cleaned))
    if (!form) return undefined
    const match = form.pattern.exec(cleaned)!
    const entry: Read = {form, part}
    const unitsText = match.groups?.units
    if (unitsText !== undefined) {
      const at = raw.indexOf(unitsText.replace(manner, '').slice(0, 2))
      entry.list = {text: raw.slice(Math.max(0, at), Math.max(0, at) + lengthIn(raw, at, unitsText)), offset: part.offset + lead + Math.max(0, at)}
    }
    const together = match.groups?.together
    if (together !== undefined) {
      const at = raw.indexOf('会同') + 2
      entry.together = {text: together, offset: part.offset + lead + at}
    }
    read.push(entry)
  }
  if (!read.some((r) => r.form.marks)) return undefined
  for (const r of read) {
    if (r.list && !plausibleUnits(r.list.text.replace(manner, ''))) return undefined
  }
  const found: FoundUnit[] = []
  let deadline: Deadline | undefined
  const notes: string[] = []
  for (const r of read) {
    if (r.form.id === 'deadline' || r.form.id === 'deadline-label') {
      const text = r.part.text.trim().replace(/^[^：:]+[：:]/, (m) => (r.form.id === 'deadline-label' ? '' : m))
      deadline = deadlineInText(text) ?? {text, source: 'text'}
      continue
    }
    if (r.form.id === 'score') {
      notes.push(r.part.text.trim())
      continue
    }
    if (r.list) addUnits(r.list.text, r.list.offset, r.form.role, found)
    if (r.together) addUnits(r.together.text, r.together.offset, 'support', found)
  }
  if (found.length === 0) return undefined
  // Roles: a unit marked 牵头 leads; otherwise the first listed does.
  const explicitLead = found.some((u) => u.explicit && u.role === 'lead')
  let leadGiven = explicitLead
  for (const unit of found) {
    if (unit.explicit) continue
    if (!leadGiven && !unit.nested) {
      unit.role = 'lead'
      leadGiven = true
    } else if (unit.nested) {
      // keeps the role of the unit it is written after (set below)
    } else unit.role = 'support'
  }
  found.forEach((unit, index) => {
    if (unit.nested && index > 0) unit.role = found[index - 1]!.role
  })
  const result: {units: FoundUnit[]; deadline?: Deadline; note?: string; remark?: string} = {units: found}
  if (deadline) result.deadline = deadline
  if (notes.length) result.note = notes.join('，')
  if (remark) result.remark = remark
  return result
}

function balanced(text: string): boolean {
  let depth = 0
  for (const char of text) {
    if (char === '（' || char === '(') depth++
    else if (char === '）' || char === ')') depth--
    if (depth < 0) return false
  }
  return true
}

/** Length in `raw` (which may still hold `按职责分工`) of the span that `cleaned` came from. */
function lengthIn(raw: string, at: number, cleaned: string): number {
  let i = Math.max(0, at)
  let k = 0
  while (i < raw.length && k < cleaned.length) {
    if (raw[i] === cleaned[k]) k++
    i++
  }
  return i - Math.max(0, at)
}

function addUnits(text: string, offset: number, role: DutyRole, found: FoundUnit[]) {
  let list = text.replace(manner, (m) => ' '.repeat(m.length))
  let generic: {written: string; offset: number} | undefined
  const etc = etcTail.exec(list.trimEnd())
  if (etc) {
    generic = {written: etc.groups!.generic!, offset: offset + etc.index + 1}
    list = list.slice(0, etc.index)
  }
  const {entries} = splitUnitList(list)
  // A name split at a bracket with no separator after it is one name: `各县（市、区）人民政府`.
  for (let k = entries.length - 1; k > 0; k--) {
    const previous = entries[k - 1]!
    const entry = entries[k]!
    if (previous.nested || entry.nested) continue
    const between = list.slice(previous.offset + previous.written.length, entry.offset)
    if (between.trim() === '' && /[）)]$/.test(previous.written)) {
      entries.splice(k - 1, 2, {...previous, written: list.slice(previous.offset, entry.offset + entry.written.length)})
    }
  }
  for (const entry of entries) {
    let written = entry.written.replace(/[ \u3000]+/g, '')
    // `A（牵头）` in a unit list or a table cell marks the lead.
    const marked = /[（(]牵头(?:单位|部门)?[）)]$/.exec(written)
    if (marked) written = written.slice(0, marked.index)
    if (!written) continue
    found.push({
      written,
      offset: offset + entry.offset,
      role: marked ? 'lead' : role === 'ordered' ? 'support' : role,
      explicit: marked ? true : role !== 'ordered',
      nested: entry.nested
    })
  }
  if (generic) found.push({written: generic.written, offset: generic.offset, role: 'support', explicit: true, nested: false})
}

/** Labels that open a duty line. */
const lineLabel = /^(?:牵头考核单位|牵头单位|牵头部门|牵头|配合|主要责任单位|责任单位|责任部门|责任处室|主责单位|承办单位|配合单位|配合部门|实施单位)[：:]/

/**
 * Every duty in a paragraph, in order: brackets that read as duties, and a duty line (a paragraph
 * that starts with `责任单位：`, or a label after the last sentence running to the end).
 */
export function findDuties(text: string): FoundDuty[] {
  const duties: FoundDuty[] = []
  // A duty line: the paragraph starts with a label, or a label follows the last sentence end.
  const trimmed = text.replace(/[\s\u3000]+$/, '')
  let lineStart = -1
  if (lineLabel.test(trimmed)) lineStart = 0
  else {
    const tail = /[。；;]\s*((?:牵头考核单位|牵头单位|主要责任单位|责任单位|责任部门|主责单位)[：:][^。]*)。?$/.exec(trimmed)
    if (tail) lineStart = tail.index + tail[0].indexOf(tail[1]!)
  }
  const body = lineStart === -1 ? trimmed : trimmed.slice(0, lineStart)
  // Brackets at depth 0.
  let depth = 0
  let open = -1
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!
    if (char === '（' || char === '(') {
      if (depth === 0) open = i
      depth++
    } else if ((char === '）' || char === ')') && depth > 0) {
      depth--
      if (depth === 0 && open !== -1) {
        const inner = body.slice(open + 1, i)
        const read = readDuty(inner)
        if (read) duties.push(toFound(body.slice(open, i + 1), open, open + 1, read, 'bracket'))
        open = -1
      }
    }
  }
  if (lineStart !== -1) {
    let line = trimmed.slice(lineStart).replace(/。$/, '')
    let stray = false
    if (/[）)]$/.test(line) && !balanced(line)) {
      line = line.slice(0, -1)
      stray = true
    }
    const read = readDuty(line)
    if (read) {
      const duty = toFound(trimmed.slice(lineStart), lineStart, lineStart, read, 'line')
      if (stray) duty.stray = true
      duties.push(duty)
    }
  }
  return duties
}

function toFound(text: string, start: number, innerStart: number, read: NonNullable<ReturnType<typeof readDuty>>, kind: 'bracket' | 'line'): FoundDuty {
  const duty: FoundDuty = {start, text, units: read.units.map((u) => ({...u, offset: u.offset + innerStart})), kind}
  if (read.deadline) duty.deadline = read.deadline
  if (read.note) duty.note = read.note
  if (read.remark) duty.remark = read.remark
  return duty
}

/** True when a paragraph is only a duty line (`责任单位：…`). */
export function isDutyLine(text: string): boolean {
  return lineLabel.test(text.trim())
}
