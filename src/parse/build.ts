/**
 * mdast → policy tree. Walks the flat block list once: title, status, preamble, domains with
 * their intro and clauses (optionally under `（一）` groups), closing paragraphs, appendix.
 * Text is kept verbatim; units are resolved against the registry.
 */
import type {Root} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import type {Appendix, AppendixItem, Clause, Domain, Duty, Policy, PolicyMeta, Text, UnitRef} from '../tree/types.ts'
import {resolveUnit, type Registry} from '../units/registry.ts'
import {type Block, toBlocks} from './blocks.ts'
import {arabicLabel, articleLabel, bracketLabel, chineseHeading, innerNumber, labelNumber, leadPhrase} from './numbering.ts'
import type {Src} from './source.ts'
import {findResponsibilityList, splitUnitList} from './units.ts'
import {buildGeneral, makeClause} from './outline.ts'
import {findDuties} from './duties.ts'
import {documentNumberLine, isRecipients} from './front.ts'
import {numberingOf, schemes} from './schemes.ts'

export interface BuildOptions {
  /** Units registry; without it every unit resolves as `unknown`. */
  registry?: Registry
}

const source = 'policy-press'

export function textNode(src: Src): Text {
  const node: Text = {type: 'text', value: src.value}
  if (src.position) node.position = src.position
  return node
}

function metaOf(frontMatter: Record<string, unknown> | undefined): PolicyMeta {
  const meta: PolicyMeta = {}
  if (!frontMatter) return meta
  for (const [key, value] of Object.entries(frontMatter)) {
    if (value === null || value === undefined) continue
    if (value instanceof Date) meta[key] = value.toISOString().slice(0, 10)
    else if (typeof value === 'object') meta[key] = value
    else meta[key] = String(value)
  }
  return meta
}

const appendixLabel = /^(附件[0-9０-９一二三四五六七八九十]*[ \u3000]*[：:]?)[ \u3000]*(.*)$/s
const statusLine = /^[（(]([^（）()]{1,20})[）)]$/

interface Labelled {
  label: string
  punctuation: string
  /** Index in the block's text where the content after label and punctuation starts. */
  contentStart: number
  number: number
  kind: 'arabic' | 'bracket' | 'article' | 'item'
}

/** A clause label at the start of `text`, if any. `expected` disambiguates `11.121人才…`. */
export function clauseLabel(text: string, expected: number): Labelled | undefined {
  let match = arabicLabel.exec(text)
  if (match) {
    const number = labelNumber(match[1]!)
    const rest = match[3]!
    // A decimal such as `1.5亿元…` is not a clause unless it is the number we expect.
    if (number !== expected && /^[0-9０-９]/.test(rest) && match[2]!.trim() !== '、') return undefined
    return {label: match[1]!, punctuation: match[2]!, contentStart: match[1]!.length + match[2]!.length, number, kind: 'arabic'}
  }
  match = articleLabel.exec(text)
  if (match) {
    return {label: match[1]!, punctuation: match[2]!, contentStart: match[1]!.length + match[2]!.length, number: innerNumber(match[1]!), kind: 'article'}
  }
  match = bracketLabel.exec(text)
  if (match) {
    return {label: match[1]!, punctuation: match[2]!, contentStart: match[1]!.length + match[2]!.length, number: innerNumber(match[1]!), kind: 'bracket'}
  }
  return undefined
}

/** Index of the end of the title sentence (after its `。`), or -1. */
export function titleEnd(text: string): number {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if ('（(《“‘「【'.includes(char)) depth++
    else if ('）)》”’」】'.includes(char)) depth = Math.max(0, depth - 1)
    else if (depth === 0 && '。！？'.includes(char)) return i + 1
  }
  return -1
}

/**
 * A unit of a duty list resolved against the registry; a nested unit (`区财政局（区国资办）`) is
 * housed by `host` unless the registry names its parent. A list that writes its level prefix once
 * (`区党群工作部、财金局、金融办`) means `区财金局` by `财金局`: when the name as written is unknown,
 * `prefix` (the list's first name's) is tried (`written` stays as written).
 */
export function unitRef(registry: Registry | undefined, written: string, role: UnitRef['role'], nested: boolean, host: UnitRef | undefined, position: Position | undefined, prefix = ''): UnitRef {
  let resolved = resolveUnit(registry, written)
  if (resolved.status === 'unknown' && prefix && !written.startsWith(prefix)) {
    const prefixed = resolveUnit(registry, prefix + written)
    if (prefixed.status !== 'unknown') resolved = prefixed
  }
  const ref: UnitRef = {name: resolved.name, written, role, status: resolved.status}
  const parent = resolved.parent ?? (nested && host ? host.name : undefined)
  if (parent) ref.parent = parent
  if (nested) ref.nested = true
  if (position) ref.position = position
  return ref
}

export function unitRefs(
  registry: Registry | undefined,
  list: string,
  at: (from: number, to: number) => Position | undefined,
  defaultRole: 'ordered' | 'lead'
): UnitRef[] {
  const {entries} = splitUnitList(list)
  const refs: UnitRef[] = []
  let host: UnitRef | undefined
  let seenTop = 0
  for (const entry of entries) {
    let role: UnitRef['role']
    if (entry.role) role = entry.role
    else if (defaultRole === 'lead') role = 'lead'
    else if (entry.nested && host) role = host.role
    else role = seenTop === 0 ? 'lead' : 'support'
    const ref = unitRef(registry, entry.written, role, entry.nested, host, at(entry.offset, entry.offset + entry.written.length))
    if (!entry.nested) {
      host = ref
      seenTop++
    }
    refs.push(ref)
  }
  return refs
}

function buildClause(
  src: Src,
  labelled: Labelled,
  registry: Registry | undefined,
  group: string | undefined,
  labelText?: {label: string; punctuation: string}
): Clause {
  const content = src.value.slice(labelled.contentStart)
  const list = findResponsibilityList(content)
  if (!list && findDuties(content).length > 0) {
    // Another duty form (`（A负责）`, `（A牵头，B配合）`…): read by the duty-form table.
    const scheme = schemes.find((s) => s.id === (labelled.kind === 'bracket' ? 'bracketChinese' : labelled.kind === 'article' ? 'article' : 'arabic'))!
    const clause = makeClause([src], {scheme, label: labelText?.label ?? labelled.label, punctuation: labelText?.punctuation ?? labelled.punctuation, number: labelled.number, contentStart: labelled.contentStart}, labelled.number, {registry})
    if (group !== undefined) clause.group = group
    return clause
  }
  const pre = list ? content.slice(0, list.start) : content
  const end = titleEnd(pre)
  const title = end === -1 ? pre : pre.slice(0, end)
  const body = end === -1 ? '' : pre.slice(end)
  const base = labelled.contentStart
  const clause: Clause = {
    type: 'clause',
    id: '',
    number: labelled.number,
    label: labelText?.label ?? labelled.label,
    labelPunctuation: labelText?.punctuation ?? labelled.punctuation,
    title,
    body,
    unitsText: list ? list.text : '',
    units: list
      ? unitRefs(registry, list.inner, (from, to) => src.range(base + list.innerStart + from, base + list.innerStart + to), 'ordered')
      : [],
    duties: [],
    measures: [],
    targets: [],
    budgets: []
  }
  if (group !== undefined) clause.group = group
  if (list) {
    const duty: Duty = {text: list.text, units: clause.units}
    const at = src.range(base + list.start, base + list.start + list.text.length)
    if (at) duty.position = at
    clause.duties.push(duty)
  }
  const position = src.range(0, src.value.length)
  if (position) clause.position = position
  return clause
}

interface DomainHeading {
  label: string
  punctuation: string
  rest: string
  restStart: number
}

function domainHeading(block: Block, chineseDomains: boolean): DomainHeading | undefined {
  if (block.kind !== 'heading' && block.kind !== 'paragraph') return undefined
  const text = block.src.value
  const chinese = chineseHeading.exec(text)
  if (chinese && (block.kind === 'heading' || chinese[2]!.trim() === '、')) {
    return {label: chinese[1]!, punctuation: chinese[2]!, rest: chinese[3]!, restStart: chinese[1]!.length + chinese[2]!.length}
  }
  const arabic = arabicLabel.exec(text)
  if (arabic) {
    const rest = arabic[3]!
    const lead = leadPhrase.test(rest)
    const shortHeading = arabic[2]!.trim() === '、' && !chineseDomains && !/[。！？]/.test(rest) && rest.length <= 40
    if (block.kind === 'heading' || lead || shortHeading) {
      return {label: arabic[1]!, punctuation: arabic[2]!, rest, restStart: arabic[1]!.length + arabic[2]!.length}
    }
  }
  if (block.kind === 'heading' && block.depth === 2 && !appendixLabel.test(text)) {
    return {label: '', punctuation: '', rest: text, restStart: 0}
  }
  return undefined
}

function isAppendixStart(block: Block): boolean {
  if (block.kind !== 'heading' && block.kind !== 'paragraph') return false
  const match = appendixLabel.exec(block.src.value)
  return Boolean(match && (match[1]!.includes('：') || match[1]!.includes(':') || match[2] === ''))
}

/**
 * The sample's shape: parts `一、…` (or Markdown `##` headings) over clauses numbered `1.` and no
 * front of a real document. It keeps its own walker (below), which reads it exactly as before;
 * every other shape goes through the outline inference (`outline.ts`).
 */
function sampleShaped(blocks: readonly Block[]): boolean {
  if (blocks.some((b) => b.kind === 'heading' && b.depth === 2)) return true
  const head = blocks.slice(0, 8).filter((b): b is Extract<Block, {src: Src}> => b.kind !== 'table')
  if (head.some((b) => documentNumberLine.test(b.src.value) || isRecipients(b.src.value))) return false
  let arabic = 0
  let other = 0
  for (const block of blocks) {
    if (block.kind === 'item') arabic++
    if (block.kind !== 'paragraph') continue
    const scheme = numberingOf(block.src.value)?.scheme.id
    // The sample walker's own clause label (an empty `1.` included), not a decimal `1.5亿元`.
    if (clauseLabel(block.src.value, Number.NaN)?.kind === 'arabic') arabic++
    else if (scheme === 'bracketChinese' || scheme === 'article' || scheme === 'chapter') other++
  }
  return arabic > 0 && arabic >= other
}

export function buildPolicy(tree: Root, file: VFile, options: BuildOptions = {}): Policy {
  const {registry} = options
  const {blocks, frontMatter, frontMatterError, skipped} = toBlocks(tree)
  if (frontMatterError) {
    file.message(`文件头（YAML）无法解析：${frontMatterError.reason}`, {ruleId: 'front-matter', source, place: frontMatterError.position})
  }
  for (const note of skipped) file.message(note.reason, {ruleId: 'source-skipped', source, place: note.position})
  const meta = metaOf(frontMatter)
  // Each walker is the other's fallback when it finds no tasks (its messages are dropped then).
  const shaped = sampleShaped(blocks)
  const before = file.messages.length
  const general = (): Policy => {
    const policy = buildGeneral(blocks, file, registry, {...meta})
    if (typeof meta.status === 'string' && meta.status) policy.status = meta.status
    if (tree.position && policy.children.length > 0) policy.position = tree.position
    return policy
  }
  const fatal = () => file.messages.slice(before).some((m) => m.fatal)
  if (!shaped) {
    const policy = general()
    if (!fatal()) return policy
    file.messages.splice(before)
    return buildSampleShape(blocks, tree, file, registry, meta, frontMatter)
  }
  const legacy = buildSampleShape(blocks, tree, file, registry, meta, frontMatter)
  // The sample's walker found parts (but no clauses): its reading stands, with its message.
  if (!fatal() || legacy.children.length > 0) return legacy
  const messages = file.messages.splice(before)
  const policy = general()
  if (!fatal()) return policy
  file.messages.splice(before, file.messages.length - before, ...messages)
  return legacy
}

/** The sample's walker: title, status, domains with intro and clauses (optionally in groups), closing, appendix. */
function buildSampleShape(blocks: Block[], tree: Root, file: VFile, registry: Registry | undefined, meta: PolicyMeta, frontMatter: Record<string, unknown> | undefined): Policy {
  const policy: Policy = {type: 'policy', title: '', meta, preamble: [], children: [], closing: []}
  if (tree.position) policy.position = tree.position

  let i = 0
  // Title: a level-1 heading, or (plain text) the first paragraph that is not a heading or clause.
  const first = blocks[0]
  if (first && ((first.kind === 'heading' && first.depth === 1) || (first.kind === 'paragraph' && !chineseHeading.test(first.src.value) && !clauseLabel(first.src.value, 1) && !isAppendixStart(first)))) {
    policy.title = first.src.value
    i = 1
  }
  const next = blocks[i]
  if (next && next.kind === 'paragraph' && statusLine.test(next.src.value)) {
    policy.status = statusLine.exec(next.src.value)![1]
    i++
  }
  if (typeof meta.status === 'string' && meta.status) policy.status = meta.status
  else if (policy.status && !frontMatter) meta.status = policy.status
  else if (policy.status) meta.status = policy.status

  const chineseDomains = blocks.some((b) => b.kind === 'paragraph' && chineseHeading.test(b.src.value) && chineseHeading.exec(b.src.value)![2]!.trim() === '、')

  let domain: Domain | undefined
  let group: string | undefined
  let expected = 1
  let lastClause: {domain: Domain; srcs: Src[]; labelled: Labelled; group?: string; labelText?: {label: string; punctuation: string}} | undefined
  let tail: Src[] = []
  const pendingClauses: Array<NonNullable<typeof lastClause>> = []

  const settleTail = () => {
    if (tail.length === 0 || !lastClause) return
    for (const src of tail) {
      file.message('条款之后、下一条款之前有未编号的段落，已并入上一条款', {ruleId: 'stray-paragraph', source, place: src.position})
    }
    lastClause.srcs.push(...tail)
    tail = []
  }

  const isGroupHeading = (index: number): boolean => {
    const block = blocks[index]!
    if (block.kind === 'heading') return block.depth >= 3
    if (block.kind !== 'paragraph' || !bracketLabel.test(block.src.value)) return false
    for (let j = index + 1; j < blocks.length; j++) {
      const after = blocks[j]!
      if (after.kind === 'item') return true
      if (after.kind === 'table' || isAppendixStart(after) || domainHeading(after, chineseDomains)) return false
      if (after.kind === 'paragraph' || after.kind === 'heading') {
        if (bracketLabel.test(after.src.value)) return false
        const labelled = clauseLabel(after.src.value, expected)
        if (labelled && labelled.kind !== 'bracket') return true
      }
    }
    return false
  }

  for (; i < blocks.length; i++) {
    const block = blocks[i]!
    if (isAppendixStart(block)) {
      settleTailToClosing()
      policy.appendix = buildAppendix(blocks, i, file, registry, policy.children)
      break
    }
    const heading = domainHeading(block, chineseDomains)
    if (heading && block.kind !== 'table') {
      settleTail()
      const {lead, title, leadStart} = splitLead(heading.rest)
      domain = {
        type: 'domain',
        ordinal: policy.children.length + 1,
        label: heading.label,
        labelPunctuation: heading.punctuation,
        title,
        leads: [],
        intro: [],
        targets: [],
        children: []
      }
      if (lead !== undefined) {
        const src = block.src
        const start = heading.restStart + leadStart
        domain.leads = unitRefs(registry, lead, (from, to) => src.range(start + from, start + to), 'lead')
      }
      if (block.src.position) domain.position = block.src.position
      policy.children.push(domain)
      group = undefined
      lastClause = undefined
      continue
    }
    if (block.kind === 'table') {
      const rows = block.rows.map((row) => row.map((cell) => cell.value).join('\t'))
      const text = rows.join('\n')
      file.message('正文中的表格未能识别为附件，按段落保留', {ruleId: 'stray-table', source, place: block.position})
      const node: Text = {type: 'text', value: text}
      if (block.position) node.position = block.position
      if (!domain) policy.preamble.push(node)
      else policy.closing.push(node)
      continue
    }
    if (!domain) {
      policy.preamble.push(textNode(block.src))
      continue
    }
    if (isGroupHeading(i)) {
      settleTail()
      group = block.src.value
      lastClause = undefined
      continue
    }
    let labelled: Labelled | undefined
    let labelText: {label: string; punctuation: string} | undefined
    if (block.kind === 'item') {
      labelled = {label: String(block.number), punctuation: '.', contentStart: 0, number: block.number, kind: 'item'}
      const raw = typeof file.value === 'string' && block.src.position?.start.offset !== undefined ? file.value.slice(block.src.position.start.offset, block.src.position.start.offset + 12) : ''
      const marker = /^(\d+)([.)])/.exec(raw)
      labelText = {label: marker?.[1] ?? String(block.number), punctuation: marker?.[2] ?? '.'}
    } else if (block.kind === 'paragraph') {
      labelled = clauseLabel(block.src.value, expected)
    }
    if (labelled) {
      settleTail()
      const pending = {domain, srcs: [block.src], labelled, group, labelText}
      pendingClauses.push(pending)
      lastClause = pending
      expected = labelled.number + 1
      continue
    }
    if (domain.children.length === 0 && !pendingClauses.some((c) => c.domain === domain)) {
      domain.intro.push(textNode(block.src))
      continue
    }
    tail.push(block.src)
  }
  settleTailToClosing()

  function settleTailToClosing() {
    for (const src of tail) policy.closing.push(textNode(src))
    tail = []
  }

  for (const pending of pendingClauses) {
    const src = pending.srcs.length === 1 ? pending.srcs[0]! : joinSrcs(pending.srcs)
    const clause = buildClause(src, pending.labelled, registry, pending.group, pending.labelText)
    clause.id = `${pending.domain.ordinal}.${pending.domain.children.length + 1}`
    pending.domain.children.push(clause)
  }

  const clauses = policy.children.reduce((n, d) => n + d.children.length, 0)
  policy.duties = policy.children.some((d) => d.children.some((c) => c.units.length > 0)) ? 'units' : 'none'
  if (policy.children.length === 0 || clauses === 0) {
    const message = file.message(
      policy.children.length === 0
        ? '没有找到政策领域（如「一、…」标题），这不像一份政策文件'
        : '没有找到编号条款（如「1.…」），这不像一份政策文件',
      {ruleId: 'not-a-policy', source}
    )
    message.fatal = true
  }
  return policy
}

export function joinSrcs(srcs: Src[]): Src {
  // Multi-paragraph clause (stray paragraphs merged): join with a line feed; the map stays per part.
  const first = srcs[0]!
  let value = ''
  const parts: Array<{src: Src; at: number}> = []
  for (const src of srcs) {
    if (value) value += '\n'
    parts.push({src, at: value.length})
    value += src.value
  }
  const joined = Object.create(first) as Src
  Object.defineProperty(joined, 'value', {value})
  Object.defineProperty(joined, 'range', {
    value: (from: number, to: number) => {
      const a = [...parts].reverse().find((p) => p.at <= from) ?? parts[0]!
      const b = [...parts].reverse().find((p) => p.at < to) ?? parts[0]!
      const start = a.src.range(from - a.at, Math.max(from - a.at, Math.min(to - a.at, a.src.value.length)))?.start
      const end = b.src.range(Math.max(0, to - b.at - 1), Math.max(0, to - b.at))?.end
      return start && end ? {start, end} : undefined
    }
  })
  return joined
}

export function splitLead(rest: string): {title: string; lead?: string; leadStart: number} {
  const match = leadPhrase.exec(rest)
  if (!match) return {title: rest.trim(), leadStart: 0}
  return {title: rest.slice(0, match.index).trim(), lead: match[1]!, leadStart: match.index + match[0].indexOf(match[1]!)}
}

/** Normalised domain name for matching appendix rows to domains. */
function coreName(name: string): string {
  return name
    .replace(chineseHeading, '$3')
    .replace(arabicLabel, '$3')
    .replace(leadPhrase, '')
    .replace(/[“”"‘’「」《》\s\u3000]/g, '')
}

export function matchDomain(name: string, domains: readonly Domain[]): number {
  const core = coreName(name)
  if (!core) return 0
  const exact = domains.find((d) => coreName(d.title) === core)
  if (exact) return exact.ordinal
  const contained = domains.find((d) => {
    const title = coreName(d.title)
    return title.length > 0 && (core.includes(title) || title.includes(core))
  })
  if (contained) return contained.ordinal
  let best = 0
  let bestScore = 0
  for (const domain of domains) {
    const title = coreName(domain.title)
    const score = similarity(core, title)
    if (score > bestScore) {
      best = domain.ordinal
      bestScore = score
    }
  }
  if (bestScore >= 0.7) return best
  const label = chineseHeading.exec(name.trim()) ?? arabicLabel.exec(name.trim())
  if (label) {
    const number = labelNumber(label[1]!)
    if (number >= 1 && number <= domains.length) return number
  }
  return 0
}

/** Dice coefficient on character bigrams. */
function similarity(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0
  const grams = (s: string) => {
    const map = new Map<string, number>()
    for (let i = 0; i < s.length - 1; i++) map.set(s.slice(i, i + 2), (map.get(s.slice(i, i + 2)) ?? 0) + 1)
    return map
  }
  const x = grams(a)
  const y = grams(b)
  let shared = 0
  for (const [gram, count] of x) shared += Math.min(count, y.get(gram) ?? 0)
  return (2 * shared) / (a.length - 1 + b.length - 1)
}

export function buildAppendix(blocks: Block[], start: number, file: VFile, registry: Registry | undefined, domains: Domain[]): Appendix {
  const head = blocks[start]! as Extract<Block, {src: Src}>
  const match = appendixLabel.exec(head.src.value)!
  const appendix: Appendix = {type: 'appendix', label: match[1]!, title: match[2]!.trim(), columns: [], children: []}
  if (head.src.position) appendix.position = {...head.src.position}
  let j = start + 1
  if (!appendix.title) {
    const titleBlock = blocks[j]
    if (titleBlock && titleBlock.kind !== 'table') {
      appendix.title = titleBlock.src.value
      j++
    }
  }
  const table = blocks.slice(j).find((b) => b.kind === 'table') as Extract<Block, {kind: 'table'}> | undefined
  // One message for whatever the appendix holds besides its table, with a count.
  const extra = blocks.slice(j).filter((block) => block !== table && block.kind !== 'table') as Array<Extract<Block, {src: Src}>>
  if (extra.length > 0) {
    const count = extra.length > 1 ? `（共 ${extra.length} 段）` : ''
    file.message(`附件表格之外的内容未读入政策结构${count}`, {ruleId: 'appendix-extra', source, place: extra[0]!.src.position})
  }
  if (!table) {
    file.message('附件中没有找到表格', {ruleId: 'appendix-table', source, place: head.src.position})
    return appendix
  }
  if (table.position && appendix.position) appendix.position.end = table.position.end
  const [header, ...rows] = table.rows
  appendix.columns = (header ?? []).map((cell) => cell.value)
  const find = (pattern: RegExp, fallback: number) => {
    const index = appendix.columns.findIndex((c) => pattern.test(c))
    return index === -1 ? fallback : index
  }
  const width = appendix.columns.length
  const domainCol = find(/领域|类别|板块/, 0)
  const matterCol = find(/事项|任务|内容|名称/, 1)
  const targetCol = find(/目标|指标/, 2)
  const unitsCol = find(/单位|部门/, Math.max(0, width - 1))
  let domainName = ''
  let number = 0
  for (const row of rows) {
    if (row.every((cell) => cell.value.trim() === '')) continue
    const domainCell = row[domainCol]
    if (domainCell && domainCell.value.trim()) domainName = domainCell.value.trim()
    const matter = row[matterCol]?.value ?? ''
    const numbered = arabicLabel.exec(matter)
    number = numbered ? labelNumber(numbered[1]!) : number + 1
    const unitsCell = row[unitsCol]
    const item: AppendixItem = {
      type: 'appendixItem',
      number,
      domain: matchDomain(domainName, domains),
      domainName,
      title: numbered ? numbered[3]!.trim() : matter.trim(),
      target: row[targetCol]?.value.trim() ?? '',
      unitsText: unitsCell?.value ?? '',
      units: unitsCell ? unitRefs(registry, unitsCell.value, (from, to) => unitsCell.range(from, to), 'ordered') : []
    }
    const placed = row.filter((cell) => cell.position)
    if (placed.length > 0) item.position = {start: placed[0]!.position!.start, end: placed[placed.length - 1]!.position!.end}
    appendix.children.push(item)
  }
  return appendix
}
