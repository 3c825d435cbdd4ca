/**
 * Outline inference for real documents: the levels are whatever numbering schemes the text uses
 * (`schemes.ts`), nested in GB/T 9704 order; tasks are the nodes that carry duties (`duties.ts`),
 * at whatever depth they sit; parts without duties are context; a task table in the text or an
 * annex (`table.ts`) gives the tasks when the body has none. The front and back of the document
 * (`front.ts`) go to `Policy.front`.
 */
import type {VFile} from 'vfile'
import type {Clause, Deadline, Domain, Duty, Front, Policy, PolicyMeta, Text, UnitRef} from '../tree/types.ts'
import type {Registry} from '../units/registry.ts'
import type {Block} from './blocks.ts'
import {buildAppendix, joinSrcs, splitLead, textNode, titleEnd, unitRef, unitRefs} from './build.ts'
import {deadlineInText, policyYear} from './deadline.ts'
import {findDuties, isDutyLine, leadConvention, type FoundDuty} from './duties.ts'
import {annexLabel, dateLine, documentNumberLine, isoDate, isRecipients, isSignature, isTitleLine, noticeSentence, publicationNote} from './front.ts'
import {boxPattern, numberingOf, schemes, type Numbered} from './schemes.ts'
import {leadPhrase} from './numbering.ts'
import type {Src} from './source.ts'
import {isTaskTable, tableTasks} from './table.ts'

const source = 'policy-press'
const statusLine = /^[（(]([^（）()]{1,20})[）)]$/

/** Paragraphs and label each clause was made from (for the closing trim). */
const clauseSrcs = new WeakMap<Clause, Src[]>()
const clauseNums = new WeakMap<Clause, Numbered | undefined>()

type TextBlock = Extract<Block, {src: Src}>
type TableBlock = Extract<Block, {kind: 'table'}>

/** A node of the inferred outline: a numbered paragraph with the paragraphs that follow it. */
export interface OutlineNode {
  num?: Numbered
  srcs: Src[]
  children: OutlineNode[]
  box?: boolean
}

export interface Outline {
  /** Paragraphs before the first numbered one. */
  lead: Src[]
  nodes: OutlineNode[]
}

/** Nest numbered paragraphs by scheme rank; unnumbered ones continue the node above. */
export function inferOutline(srcs: Src[]): Outline {
  const outline: Outline = {lead: [], nodes: []}
  const stack: Array<{node: OutlineNode; rank: number}> = []
  // Levels in GB/T 9704 order (`第一章` › `一、` › `（一）` › `1.` › `（1）` › `①`), except that
  // articles (`第一条`) sit under whatever numbered heading precedes the first of them (`一、总则`).
  const levels = new Map<string, number>(schemes.map((scheme) => [scheme.id, scheme.rank]))
  let previous: number | undefined
  for (const src of srcs) {
    const id = numberingOf(src.value)?.scheme.id
    if (id === 'article') {
      if (previous !== undefined && previous > levels.get('article')!) levels.set('article', previous + 0.25)
      break
    }
    if (id) previous = levels.get(id)
  }
  // A heading with a part lead (`1、扩大有效投资政策（由区发改局牵头实施）`) is a part whatever its label.
  const partRank = (src: Src, num: Numbered) => {
    const rest = src.value.slice(num.contentStart)
    return leadPhrase.test(rest) && !/[。！？]/.test(rest) ? Math.min(levels.get(num.scheme.id)!, levels.get('chinese')!) : levels.get(num.scheme.id)!
  }
  for (const src of srcs) {
    const text = src.value
    const num = numberingOf(text)
    const box = !num && boxPattern.test(text)
    if (num || box) {
      // A box sits inside the node above it and holds its heading and one paragraph.
      if (box && stack[stack.length - 1]?.node.box) stack.pop()
      const rank = num ? partRank(src, num) : (stack[stack.length - 1]?.rank ?? -1) + 0.5
      while (stack.length > 0 && stack[stack.length - 1]!.rank >= rank) stack.pop()
      const node: OutlineNode = {srcs: [src], children: []}
      if (num) node.num = num
      if (box) node.box = true
      const parent = stack[stack.length - 1]
      if (parent) parent.node.children.push(node)
      else outline.nodes.push(node)
      stack.push({node, rank})
      continue
    }
    if (stack[stack.length - 1]?.node.box && stack[stack.length - 1]!.node.srcs.length >= 2) stack.pop()
    const top = stack[stack.length - 1]
    if (top) top.node.srcs.push(src)
    else outline.lead.push(src)
  }
  return outline
}

interface Context {
  registry?: Registry
  year?: number
}

const dutyCache = new WeakMap<Src, FoundDuty[]>()
function dutiesOf(src: Src): FoundDuty[] {
  let found = dutyCache.get(src)
  if (!found) {
    found = findDuties(src.value)
    dutyCache.set(src, found)
  }
  return found
}
const ownDuties = (node: OutlineNode) => node.srcs.some((s) => dutiesOf(s).length > 0)
const carries = (node: OutlineNode): boolean => ownDuties(node) || subDuties(node)
const subDuties = (node: OutlineNode): boolean => node.children.some((c) => !c.box && carries(c))
/**
 * A node whose enumeration (`①…②…`, `（1）…（2）…`) is closed by one duty list on its last item:
 * the duty belongs to the node, which is the task; its items are its text.
 */
const closedEnumeration = (node: OutlineNode): boolean => {
  const items = node.children.filter((c) => !c.box)
  return items.length >= 2 && !ownDuties(node) && items.slice(0, -1).every((c) => !carries(c)) && !subDuties(items[items.length - 1]!)
}
/** A node that holds tasks below it (a part or a group), rather than being a task. */
const holdsTasks = (node: OutlineNode): boolean => subDuties(node) && !closedEnumeration(node)
const allSrcs = (node: OutlineNode): Src[] => [...node.srcs, ...node.children.filter((c) => !c.box).flatMap(allSrcs)]
/** Boxes anywhere under a node, as text. */
const boxesOf = (node: OutlineNode): Text[] => node.children.flatMap((c) => (c.box ? c.srcs.map(textNode) : boxesOf(c)))
/** A heading line: the numbered paragraph is a short title with no sentence end. */
const headingLine = (node: OutlineNode): boolean => {
  const text = node.srcs[0]!.value.slice(node.num?.contentStart ?? 0)
  return text.length <= 40 && !/[。！？；]/.test(text) && findDuties(text).length === 0
}

/** A task from its paragraphs: label, title sentence, body, duties, units, deadline. */
export function makeClause(srcs: Src[], num: Numbered | undefined, number: number, context: Context): Clause {
  const src = srcs.length === 1 ? srcs[0]! : joinSrcs(srcs)
  const start = num?.contentStart ?? 0
  const value = src.value
  // Duties per paragraph, offsets into the joined text.
  const duties: Array<FoundDuty & {at: number}> = []
  let at = 0
  for (const part of srcs) {
    for (const duty of dutiesOf(part)) duties.push({...duty, at: at + duty.start})
    at += part.value.length + 1
  }
  const end = value.replace(/[\s\u3000]+$/, '').length
  const last = duties[duties.length - 1]
  const closing = last && last.at + last.text.length >= end && last.at >= start ? last : undefined
  const pre = value.slice(start, closing ? closing.at : value.length)
  const firstLength = Math.max(0, srcs[0]!.value.length - start)
  const stop = titleEnd(pre.slice(0, firstLength))
  const title = stop === -1 ? pre.slice(0, firstLength) : pre.slice(0, stop)
  const clause: Clause = {
    type: 'clause',
    id: '',
    number,
    label: num?.label ?? '',
    labelPunctuation: num?.punctuation ?? '',
    title,
    body: pre.slice(title.length),
    unitsText: closing ? value.slice(closing.at, end) : '',
    units: [],
    duties: [],
    measures: [],
    targets: [],
    budgets: []
  }
  // Union of the duty lists: the first list's lead leads, later leads support unless marked 牵头.
  const seen = new Set<string>()
  let leadTaken = false
  for (const found of duties) {
    const refs: UnitRef[] = []
    let host: UnitRef | undefined
    const prefix = /^[区市县省州镇]/.exec(found.units[0]?.written ?? '')?.[0] ?? ''
    for (const unit of found.units) {
      const offset = found.at - found.start + unit.offset
      const ref = unitRef(context.registry, unit.written, unit.role, unit.nested, host, src.range(offset, offset + unit.written.length), prefix)
      if (!unit.nested) host = ref
      refs.push(ref)
    }
    const duty: Duty = {text: found.text, units: refs}
    if (found.deadline) duty.deadline = withYear(found.deadline, context.year)
    if (found.note) duty.note = found.note
    if (found.remark) duty.note = duty.note ? `${duty.note}；${found.remark}` : found.remark
    const position = src.range(found.at, found.at + found.text.length)
    if (position) duty.position = position
    clause.duties.push(duty)
    const hasLead = refs.some((r) => r.role === 'lead')
    for (const [index, ref] of refs.entries()) {
      if (seen.has(ref.written)) continue
      seen.add(ref.written)
      const explicit = found.units[index]!.explicit
      const role = ref.role === 'lead' && (!leadTaken || explicit) ? 'lead' : 'support'
      clause.units.push(role === ref.role ? ref : {...ref, role})
    }
    if (hasLead) leadTaken = true
  }
  const deadline = clause.duties.find((d) => d.deadline)?.deadline ?? deadlineInText(pre, context.year)
  if (deadline) clause.deadline = deadline
  const position = src.range(0, value.length)
  if (position) clause.position = position
  clauseSrcs.set(clause, srcs)
  clauseNums.set(clause, num)
  return clause
}

function withYear(deadline: Deadline, year?: number): Deadline {
  return deadline.date || year === undefined ? deadline : (deadlineInText(deadline.text, year) ?? deadline)
}

/**
 * Split a task's paragraphs where several of them end in a duty (unnumbered tasks: a paragraph
 * whose first sentence is its title, closed by its own duty list). A paragraph that is only a
 * duty line (`责任单位：…`) stays with the one above.
 */
function splitTasks(srcs: Src[]): Src[][] {
  const groups: Src[][] = []
  let current: Src[] = []
  for (const src of srcs) {
    // A second duty line (`配合单位：…` after `牵头单位：…`) or a time limit line stays with the task above.
    if (current.length === 0 && groups.length > 0 && (isDutyLine(src.value) || /^(完成时限|完成时间|时间节点|时限要求)[：:]/.test(src.value.trim()))) {
      groups[groups.length - 1]!.push(src)
      continue
    }
    current.push(src)
    const duties = dutiesOf(src)
    const endsInDuty = duties.length > 0
    if (endsInDuty) {
      groups.push(current)
      current = []
    }
  }
  if (current.length > 0) {
    if (groups.length === 0) groups.push(current)
    else groups[groups.length - 1]!.push(...current)
  }
  return groups
}

interface Built {
  domains: Domain[]
  closing: Src[]
}

function domainOf(node: OutlineNode | undefined, ordinal: number, context: Context): Domain {
  const domain: Domain = {type: 'domain', ordinal, label: '', labelPunctuation: '', title: '', leads: [], intro: [], targets: [], children: []}
  if (!node) {
    domain.implicit = true
    return domain
  }
  const head = node.srcs[0]!
  const num = node.num
  const rest = head.value.slice(num?.contentStart ?? 0)
  const stop = titleEnd(rest)
  const {title, lead, leadStart} = splitLead(stop === -1 ? rest : rest.slice(0, stop))
  domain.label = num ? num.label.replace(/^[（(]|[）)]$/g, '') : ''
  domain.labelPunctuation = num?.punctuation ?? ''
  if (num && /^第/.test(num.label)) domain.label = num.label
  domain.title = title.replace(/[。]$/, '')
  if (lead !== undefined) {
    const base = (num?.contentStart ?? 0) + leadStart
    domain.leads = unitRefs(context.registry, lead, (from, to) => head.range(base + from, base + to), 'lead')
  }
  if (head.position) domain.position = head.position
  return domain
}

/** What the heading paragraph says after its first sentence, if anything: the part's text. */
function headingRest(node: OutlineNode): Text | undefined {
  const head = node.srcs[0]!
  const stop = titleEnd(head.value)
  return stop !== -1 && stop < head.value.replace(/[\s\u3000]+$/, '').length ? textNode(head.slice(stop)) : undefined
}

/** A group's heading as the tasks under it carry it: its label and first sentence. */
function groupTitleOf(node: OutlineNode): string {
  const heading = node.srcs[0]!.value
  const stop = titleEnd(heading)
  return stop === -1 ? heading : heading.slice(0, stop)
}

/** Clauses of a node that holds tasks below it: groups recurse, task nodes become clauses. */
function collectTasks(node: OutlineNode, withDuties: boolean, path: string, context: Context, out: Clause[], domain: Domain, group?: string, first = 0) {
  let index = first
  const push = (clause: Clause) => {
    index++
    clause.id = `${path}.${index}`
    if (group !== undefined) clause.group = group
    out.push(clause)
  }
  for (const child of node.children) {
    if (child.box) {
      ;(domain.boxes ??= []).push(...child.srcs.map(textNode))
      continue
    }
    const isGroup = withDuties ? holdsTasks(child) : child.num?.scheme.id === 'section'
    if (isGroup) {
      index++
      const groupPath = `${path}.${index}`
      const groupTitle = groupTitleOf(child)
      // The group's own paragraphs: tasks when they carry duties, otherwise the part's text.
      let own = 0
      if (withDuties && ownDuties(child)) {
        const pieces = splitTasks(child.srcs)
        pieces.forEach((srcs, k) => {
          const clause = makeClause(srcs, k === 0 ? child.num : undefined, k + 1, context)
          clause.id = `${groupPath}.${k + 1}`
          clause.group = groupTitle
          out.push(clause)
        })
        own = pieces.length
      } else domain.intro.push(...child.srcs.slice(1).map(textNode))
      collectTasks(child, withDuties, groupPath, context, out, domain, groupTitle, own)
      continue
    }
    const srcs = allSrcs(child)
    ;(domain.boxes ??= []).push(...boxesOf(child))
    if (domain.boxes.length === 0) delete domain.boxes
    const pieces = withDuties ? splitTasks(srcs) : [srcs]
    if (pieces.length > 1 && child.num) {
      // A numbered paragraph followed by unnumbered ones, each closed by its own duty list:
      // the number heads a group whose first task is its own paragraph.
      index++
      const groupTitle = groupTitleOf(child)
      pieces.forEach((piece, k) => {
        const clause = makeClause(piece, k === 0 ? child.num : undefined, k === 0 ? child.num!.number : k + 1, context)
        clause.id = `${path}.${index}.${k + 1}`
        clause.group = groupTitle
        out.push(clause)
      })
      continue
    }
    pieces.forEach((piece, k) => push(makeClause(piece, k === 0 ? child.num : undefined, k === 0 ? (child.num?.number ?? index + 1) : index + 1, context)))
  }
}

/** Tasks of an outline: parts mode (top nodes are parts) or a flat list. */
function buildFromOutline(outline: Outline, context: Context): Built {
  const nodes = outline.nodes
  const withDuties = nodes.some((n) => ownDuties(n) || subDuties(n)) || outline.lead.some((s) => dutiesOf(s).length > 0)
  const topStructured = nodes.filter((n) => n.children.some((c) => !c.box))
  const chapters = nodes.some((n) => n.num?.scheme.id === 'chapter')
  // With duties, parts are top nodes that hold tasks, or headings whose paragraphs carry duties
  // (a flat list's items are run-in sentences: `一、对…。（A负责）`).
  // Without duties, bare headings with nothing under them are parts without tasks, not a list of tasks.
  const bareHeadings = nodes.length > 0 && nodes.every((n) => headingLine(n) && n.srcs.length === 1 && n.children.length === 0)
  const partsMode = withDuties
    ? nodes.some((n) => holdsTasks(n) || (headingLine(n) && carries(n)))
    : chapters || bareHeadings || topStructured.length * 2 >= nodes.length
  const domains: Domain[] = []
  const closing: Src[] = []
  if (!partsMode) {
    const domain = domainOf(undefined, 1, context)
    let index = 0
    for (const node of nodes) {
      if (node.box) {
        ;(domain.boxes ??= []).push(...node.srcs.map(textNode))
        continue
      }
      const pieces = withDuties ? splitTasks(allSrcs(node)) : [allSrcs(node)]
      pieces.forEach((piece, k) => {
        index++
        const clause = makeClause(piece, k === 0 ? node.num : undefined, k === 0 ? (node.num?.number ?? index) : index, context)
        clause.id = String(index)
        domain.children.push(clause)
      })
    }
    domains.push(domain)
  } else {
    nodes.forEach((node, n) => {
      const domain = domainOf(node, n + 1, context)
      const path = String(n + 1)
      const hasSub = withDuties ? holdsTasks(node) : node.children.some((c) => !c.box)
      if (hasSub) {
        // Paragraphs under the heading, before the first child: the part's introduction.
        domain.intro.push(...node.srcs.slice(1).map(textNode))
        const rest = headingRest(node)
        if (rest) domain.intro.unshift(rest)
        collectTasks(node, withDuties, path, context, domain.children, domain)
      } else if (withDuties && carries(node)) {
        // A part with no items that carries its own duty: a part-level task; or, when several of
        // its paragraphs close with a duty under a heading line, unnumbered tasks of the part.
        const boxes = boxesOf(node)
        if (boxes.length) (domain.boxes ??= []).push(...boxes)
        let pieces = splitTasks(allSrcs(node))
        const unnumbered = pieces.length > 1 && headingLine(node)
        if (unnumbered) pieces = splitTasks(allSrcs(node).slice(1))
        pieces.forEach((piece, k) => {
          const clause = makeClause(piece, k === 0 && !unnumbered ? node.num : undefined, k + 1, context)
          clause.id = `${path}.${k + 1}`
          domain.children.push(clause)
        })
      } else {
        // Context (指导思想, 基本原则…): kept as the part's text, not tasks.
        const all = allSrcs(node)
        const rest = headingRest(node)
        if (rest) domain.intro.push(rest)
        domain.intro.push(...all.slice(1).map(textNode))
      }
      domains.push(domain)
    })
  }
  // After the last task's duty list, unnumbered paragraphs are the closing, not the task.
  if (withDuties) trimClosing(domains, closing, context)
  return {domains, closing}
}

/** Move paragraphs after the last duty of the document's last task to the closing. */
function trimClosing(domains: Domain[], closing: Src[], context: Context) {
  const lastDomain = [...domains].reverse().find((d) => d.children.length > 0)
  if (!lastDomain) return
  const clause = lastDomain.children[lastDomain.children.length - 1]!
  const srcs = clauseSrcs.get(clause)
  if (!srcs || clause.duties.length === 0) return
  let lastDutyAt = -1
  srcs.forEach((src, k) => {
    if (dutiesOf(src).length > 0) lastDutyAt = k
  })
  if (lastDutyAt === -1 || lastDutyAt === srcs.length - 1) return
  const kept = srcs.slice(0, lastDutyAt + 1)
  closing.push(...srcs.slice(lastDutyAt + 1))
  const rebuilt = makeClause(kept, clauseNums.get(clause), clause.number, context)
  rebuilt.id = clause.id
  if (clause.group !== undefined) rebuilt.group = clause.group
  lastDomain.children[lastDomain.children.length - 1] = rebuilt
}


interface Segment {
  blocks: Block[]
  /** The segment starts after a signature (the policy after its notice, or what follows the end). */
  afterSignature?: boolean
  /** Annex label line, for annexes. */
  label?: TextBlock
}

const isText = (b: Block | undefined): b is TextBlock => b !== undefined && b.kind !== 'table'
const valueOf = (b: Block | undefined) => (isText(b) ? b.src.value : '')

/** Build the policy of a real document (not in the sample's shape). */
export function buildGeneral(blocks: Block[], file: VFile, registry: Registry | undefined, meta: PolicyMeta): Policy {
  const policy: Policy = {type: 'policy', title: '', meta, preamble: [], children: [], closing: []}
  const front: Front = {}
  let i = 0
  // Front lines: title lines, document number, issuer, recipients.
  const titleLines: Src[] = []
  for (; i < Math.min(blocks.length, 8); i++) {
    const block = blocks[i]
    if (!isText(block)) break
    const text = block.src.value
    if (documentNumberLine.test(text)) front.documentNumber = textNode(block.src)
    else if (statusLine.test(text) && titleLines.length > 0) break
    else if (isRecipients(text) && i <= 6) {
      front.recipients = textNode(block.src)
      i++
      break
    } else if (/文件$/.test(text) && titleLines.length === 0 && text.length <= 30) (front.issuer ??= []).push(textNode(block.src))
    else if (isTitleLine(text) && !dateLine.test(text) && (titleLines.length === 0 || !front.documentNumber || titleLines.length > 0) && !numberingOf(text)) {
      if (front.documentNumber && titleLines.length > 0 && i > 0 && documentNumberLine.test(valueOf(blocks[i - 1]))) break
      titleLines.push(block.src)
    } else break
  }
  if (!front.recipients && !front.documentNumber) {
    // A text that starts with its own title and no front: one title line.
    i = titleLines.length > 0 ? 1 : 0
    titleLines.splice(1)
  }
  policy.title = titleLines.map((s) => s.value).join('')
  // A bracketed line under the title (`（征求意见稿）`) is the status; a document number is not.
  const statusAt = (k: number) => {
    const value = valueOf(blocks[k])
    if (!statusLine.test(value) || documentNumberLine.test(value)) return false
    policy.status = statusLine.exec(value)![1]
    if (!meta.status) meta.status = policy.status
    return true
  }
  if (statusAt(i)) i++
  const position = titleLines[0]?.position

  // Signature blocks: a short line above a date line (optionally followed by a publication note).
  const signatureAt = new Map<number, number>()
  for (let k = i; k < blocks.length - 1; k++) {
    if (isText(blocks[k]) && isText(blocks[k + 1]) && dateLine.test(valueOf(blocks[k + 1])) && isSignature(valueOf(blocks[k]))) {
      let end = k + 2
      while (isText(blocks[end]) && publicationNote.test(valueOf(blocks[end]))) end++
      signatureAt.set(k, end)
    } else if (isText(blocks[k]) && dateLine.test(valueOf(blocks[k])) && !signatureAt.has(k - 1)) {
      let end = k + 1
      while (isText(blocks[end]) && publicationNote.test(valueOf(blocks[end]))) end++
      signatureAt.set(k, end)
    }
  }
  const firstStructured = blocks.findIndex((b, k) => k >= i && isText(b) && (numberingOf(b.src.value)?.scheme.rank ?? 9) <= 4)
  const signature: Text[] = []
  const takeSignature = (k: number) => {
    const end = signatureAt.get(k)!
    for (let j = k; j < end; j++) signature.push(textNode((blocks[j] as TextBlock).src))
    const date = blocks.slice(k, end).map(valueOf).find((v) => dateLine.test(v))
    if (date && isoDate(date) && !front.date) front.date = isoDate(date)
    return end
  }
  // A wrapping notice: a signature before the first numbered part; the policy's own title follows.
  let wrapAt = [...signatureAt.keys()].find((k) => k >= i && (firstStructured === -1 || k < firstStructured))
  if (wrapAt === undefined) {
    // Without a signature: `…现印发给你们，请认真贯彻执行。` followed by the policy's own title.
    const noticeAt = blocks.findIndex((b, k) => k >= i && k < i + 3 && isText(b) && noticeSentence.test(b.src.value) && b.src.value.length <= 200)
    const own = blocks[noticeAt + 1]
    if (noticeAt !== -1 && (firstStructured === -1 || noticeAt + 1 < firstStructured) && isText(own) && isTitleLine(own.src.value) && !annexLabel.test(own.src.value)) {
      signatureAt.set(noticeAt + 1, noticeAt + 1)
      wrapAt = noticeAt + 1
    }
  }
  if (wrapAt !== undefined && blocks.slice(i, wrapAt).every(isText)) {
    front.notice = blocks.slice(i, wrapAt).map((b) => textNode((b as TextBlock).src))
    i = takeSignature(wrapAt)
    const own = blocks[i]
    if (isText(own) && isTitleLine(own.src.value) && !annexLabel.test(own.src.value)) {
      front.noticeTitle = policy.title
      policy.title = own.src.value
      i++
      if (statusAt(i)) i++
    }
  }

  // Segments: the body, then annexes (an `附件` line on its own; `附件：title` when none is).
  const aloneAnnex = (b: Block) => isText(b) && /^附件[ \u3000]*[0-9０-９一二三四五六七八九十]*$/.test(b.src.value)
  const anyAlone = blocks.slice(i).some(aloneAnnex)
  const segments: Segment[] = [{blocks: []}]
  for (let k = i; k < blocks.length; k++) {
    const block = blocks[k]!
    if (signatureAt.has(k)) {
      // A signature ends what came before it: a notice whose policy follows, or the document.
      k = takeSignature(k) - 1
      segments.push({blocks: [], afterSignature: true})
      continue
    }
    if (isText(block) && (anyAlone ? aloneAnnex(block) : annexLabel.test(block.src.value) && /[：:]/.test(block.src.value.slice(0, 6)))) {
      segments.push({blocks: [block], label: block})
      continue
    }
    segments[segments.length - 1]!.blocks.push(block)
  }
  if (signature.length) front.signature = signature
  if (Object.keys(front).length > 0) policy.front = front

  const context: Context = {registry, year: policyYear(policy.title, front.documentNumber?.value, front.date)}
  const conventions: Text[] = []

  // Which part of the document holds the tasks: the body, or an annex (table or numbered paragraphs).
  const built = segments.map((segment, index) => buildSegment(segment, index > 0, context, file))
  const dutyCount = (b: SegmentBuild) => b.domains.reduce((n, d) => n + d.children.filter((c) => c.units.length > 0).length, 0)
  const taskCount = (b: SegmentBuild) => b.domains.reduce((n, d) => n + d.children.length, 0)
  // The tasks are where the duties are; in a document without duties, where most tasks are.
  const score = built.some((b) => dutyCount(b) > 0) ? dutyCount : taskCount
  let main = 0
  for (let k = 1; k < built.length; k++) if (score(built[k]!) > score(built[main]!)) main = k
  const body = built[0]!
  const chosen = built[main]!
  if (main !== 0 && segments[main]!.afterSignature && !segments.slice(1, main).some((seg) => seg.label)) {
    // A notice with its own signature, then the policy: the policy's title follows the signature.
    if (!front.notice) front.notice = body.texts
    else policy.preamble.push(...body.texts)
    if (chosen.title) {
      front.noticeTitle ??= policy.title
      policy.title = chosen.title
      chosen.lead = chosen.lead.slice(1)
    }
    policy.preamble.push(...chosen.lead)
    chosen.lead = []
  } else if (main !== 0) {
    policy.preamble.push(...body.texts)
    if (!front.noticeTitle && body.title && !policy.title) policy.title = body.title
  } else {
    policy.preamble.push(...body.lead)
  }
  policy.children = chosen.domains
  policy.closing.push(...(main === 0 ? chosen.closing : [...chosen.lead, ...chosen.closing]))
  built.forEach((b, k) => {
    if (k === 0 || k === main) return
    if (b.appendixFrom !== undefined && !policy.appendix) {
      const segBlocks = segments[k]!.blocks
      policy.appendix = buildAppendix(segBlocks, b.appendixFrom, file, registry, policy.children)
      return
    }
    policy.closing.push(...b.texts)
  })
  for (const text of [...policy.preamble, ...policy.closing, ...policy.children.flatMap((d) => d.children.flatMap((c) => c.duties.map((u) => ({type: 'text' as const, value: u.note ?? ''}))))]) {
    if (leadConvention.test(text.value) && conventions.length === 0) conventions.push(text)
  }
  if (conventions.length) policy.leadConvention = conventions[0]!.value
  if (position && !policy.position) policy.position = position
  const clauses = policy.children.flatMap((d) => d.children)
  policy.duties = clauses.some((c) => c.units.length > 0) ? 'units' : 'none'
  if (clauses.length === 0) {
    const message = file.message('没有找到编号条款或任务（如「一、…」「（一）…」「1.…」「第一条」），这不像一份政策文件', {ruleId: 'not-a-policy', source})
    message.fatal = true
  }
  return policy
}

interface SegmentBuild {
  title?: string
  lead: Text[]
  domains: Domain[]
  closing: Text[]
  /** Everything as text, for a segment that does not hold the tasks. */
  texts: Text[]
  /** Index in the segment's blocks where a legacy appendix (label, title, table) starts. */
  appendixFrom?: number
}

function buildSegment(segment: Segment, annex: boolean, context: Context, file: VFile): SegmentBuild {
  const blocks = segment.blocks
  const texts: Text[] = []
  for (const block of blocks) {
    if (isText(block)) texts.push(textNode(block.src))
    else texts.push(tableText(block))
  }
  const result: SegmentBuild = {lead: [], domains: [], closing: [], texts}
  // An annex: its label line (`附件`, `附件1：title`), then its title line.
  let from = segment.label ? 1 : 0
  const labelRest = segment.label ? (annexLabel.exec(segment.label.src.value)?.[3] ?? '') : ''
  if (annex && labelRest) result.title = labelRest
  else if (annex && isText(blocks[from]) && isTitleLine(valueOf(blocks[from]))) {
    result.title = valueOf(blocks[from])
    from++
  }
  const tables = blocks.filter((b): b is TableBlock => b.kind === 'table')
  const taskTable = tables.find((t) => isTaskTable(t))
  if (taskTable) {
    const at = blocks.indexOf(taskTable)
    const after = blocks.slice(at + 1)
    const {domains} = tableTasks(taskTable, context)
    result.domains = domains
    result.lead = blocks.slice(0, at).map((b) => (isText(b) ? textNode(b.src) : tableText(b)))
    result.closing = after.map((b) => (isText(b) ? textNode(b.src) : tableText(b)))
    // When the body holds the tasks, an annex table is the document's appendix.
    if (annex && segment.label) result.appendixFrom = 0
    return result
  }
  if (annex && tables.length > 0 && segment.label) result.appendixFrom = 0
  const srcs: Src[] = []
  for (const block of blocks.slice(from)) {
    if (isText(block)) srcs.push(block.src)
    else if (!annex) file.message('正文中的表格未能识别为任务表，按段落保留', {ruleId: 'stray-table', source, place: block.position})
  }
  const outline = inferOutline(srcs)
  const built = buildFromOutline(outline, context)
  result.lead = [...blocks.slice(0, from).map((b) => textNode((b as TextBlock).src)), ...outline.lead.map(textNode)]
  result.domains = built.domains.filter((d) => !d.implicit || d.children.length > 0 || (d.boxes?.length ?? 0) > 0)
  result.closing = built.closing.map(textNode)
  return result
}

function tableText(block: TableBlock): Text {
  const node: Text = {type: 'text', value: block.rows.map((row) => row.map((cell) => cell.value).join('\t')).join('\n')}
  if (block.position) node.position = block.position
  return node
}
