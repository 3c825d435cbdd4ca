/**
 * Where a task is in the policy, in the document's own words: the citation a reader looks for.
 *
 * - Arabic clause numbers `1.` `2.` (the sample): `第N条`, ranges `第1—7条`, lists `第1、5、6条`.
 * - Articles `第一条`: the label itself (`第十二条`), ranges `第一条至第七条`.
 * - Bracketed labels `（一）`: `第（十二）项` (the usual way to cite them), ranges `第（一）至（七）项`.
 * - Item labels `一、` and numbered table rows `1、` / `1`: `第十二项`, `第12项`.
 * - A part-level task (the part is the task): the part, `第二部分`.
 * - An unnumbered task: its group (or its part when it has none) and the start of its title,
 *   `第（一）项“优化固体废物管理…”`, `第二部分“严格控制增量…”`.
 * When a scheme's labels repeat (numbering restarts per part), every citation of that scheme
 * carries its part: `第三部分（二）`. A range (first to last) is used only for a run of tasks that
 * follow each other in the document with consecutive numbers of one scheme (the sample keeps its
 * own rule: more than three clauses are cited by first and last); anything else is listed.
 */
import type {Clause, Domain, Policy} from '../tree/types.ts'
import {chineseNumeral, foldDigits, labelNumber} from '../tree/numerals.ts'

type Scheme = 'sample' | 'article' | 'bracket' | 'item' | 'arabicItem' | 'part' | 'none'

interface Ref {
  /** Place in the policy, 0-based, document order. */
  index: number
  scheme: Scheme
  /** Number of the label; undefined for unnumbered tasks. */
  n?: number
  /** The label as cited, without part (`（三）`, `第三条`, `三`, `3`, `第（一）项“优化…”`). */
  core: string
  /** `第二部分`, or '' when the citation needs no part. */
  part: string
  /** The part the task is in (`第二部分`), needed or not. */
  home: string
}

/** Citations of the tasks of one policy. */
export interface Citer {
  /** One task: `第8条`, `第（十二）项`, `第二部分第（三）项`, `第十二项`. */
  cite(clause: Clause): string
  /** Tasks listed one by one (document order, duplicates dropped): `第1、5、6条`, `第（一）、（五）项`. */
  list(clauses: readonly Clause[]): string
  /** Tasks as a span where that is exact (`第1—7条`, `第（一）至（七）项`), else listed; '' for none. */
  range(clauses: readonly Clause[]): string
  /** 1-based place of a task in the policy (document order): the sample's clause number. */
  place(clause: Clause): number
  /** The sentence that tells the reader what the bracketed citations are. */
  note: string
}

/** `第二部分`, `第三章` (a part written `第…章`/`第…部分` keeps its label); '' for the implicit part. */
export function partName(domain: Domain): string {
  if (domain.implicit) return ''
  const label = domain.label.replace(/\s+/g, '')
  if (/^第.+(?:章|部分|篇|节)$/.test(label)) return label
  return `第${label || chineseNumeral(domain.ordinal)}部分`
}

/** A title's first words for an unnumbered task: `“优化固体废物管理…”`. */
function titleStart(title: string): string {
  const text = title.trim().replace(/[。；，、：:;,.]+$/, '')
  const cut = text.split(/[，。；：]/)[0]!
  const short = cut.length > 12 ? cut.slice(0, 12) : cut
  return `“${short}${short.length < text.length ? '…' : ''}”`
}

function isPartLevel(clause: Clause, domain: Domain): boolean {
  if (domain.implicit || clause.label === '') return false
  const sameStart = clause.position && domain.position && clause.position.start.offset === domain.position.start.offset
  return Boolean(sameStart) || (clause.label === domain.label && clause.title.startsWith(domain.title))
}

function classify(clause: Clause, domain: Domain, index: number): Ref {
  const label = clause.label.replace(/\s+/g, '')
  const punctuation = clause.labelPunctuation.trim()
  const n = labelNumber(label.replace(/^[（(]|[）)]$/g, '').replace(/^第|条$/g, ''))
  const part = partName(domain)
  if (label === '') {
    const group = /^[（(]([一二三四五六七八九十百]+)[）)]/.exec(clause.group ?? '')?.[1]
    return {index, scheme: 'none', core: `${group ? `第（${group}）项` : ''}${titleStart(clause.title)}`, part, home: part}
  }
  if (isPartLevel(clause, domain)) return {index, scheme: 'part', n: domain.ordinal, core: part || label, part: '', home: part}
  if (/^第.+条$/.test(label)) return {index, scheme: 'article', n, core: label, part, home: part}
  if (/^[（(].+[）)]$/.test(label)) return {index, scheme: 'bracket', n, core: `（${label.slice(1, -1)}）`, part, home: part}
  if (/^[0-9０-９]+$/.test(label)) {
    const folded = foldDigits(label)
    if (punctuation === '.' || punctuation === '．') return {index, scheme: 'sample', n: clause.number, core: String(clause.number), part, home: part}
    return {index, scheme: 'arabicItem', n, core: folded, part, home: part}
  }
  return {index, scheme: 'item', n, core: label, part, home: part}
}

/** One scheme's labels, listed (`1、5、6` inside `第…条`) or as a span. */
function wrap(scheme: Scheme, cores: readonly string[], span: boolean): string {
  const [first, last] = [cores[0]!, cores.at(-1)!]
  switch (scheme) {
    case 'sample':
      return span ? `第${first}—${last}条` : `第${cores.join('、')}条`
    case 'arabicItem':
      return span ? `第${first}—${last}项` : `第${cores.join('、')}项`
    case 'item':
      return span ? `第${first}至第${last}项` : `第${cores.join('、')}项`
    case 'bracket':
      return span ? `第${first}至${last}项` : `第${cores.join('、')}项`
    default:
      return span ? `${first}至${last}` : cores.join('、')
  }
}

function citeOne(ref: Ref): string {
  return ref.part + wrap(ref.scheme, [ref.core], false)
}

/** Refs listed: consecutive refs of one part and scheme share the part and the wrapper; groups joined with `；`. */
function listRefs(refs: readonly Ref[]): string {
  const groups: Ref[][] = []
  for (const ref of refs) {
    const open = groups.at(-1)
    if (open && open[0]!.part === ref.part && open[0]!.scheme === ref.scheme && ref.scheme !== 'none') open.push(ref)
    else groups.push([ref])
  }
  const joiner = groups.some((g) => g[0]!.part !== '') ? '；' : '、'
  return groups.map((g) => g[0]!.part + wrap(g[0]!.scheme, g.map((r) => r.core), false)).join(joiner)
}

/** True when the refs follow each other in the document with consecutive numbers of one scheme. */
function isRun(refs: readonly Ref[]): boolean {
  return refs.every((ref, i) => {
    if (ref.n === undefined || ref.scheme === 'none' || ref.scheme !== refs[0]!.scheme) return false
    if (i === 0) return true
    const previous = refs[i - 1]!
    if (ref.index !== previous.index + 1) return false
    return ref.n === previous.n! + 1 || (ref.part !== previous.part && ref.n === 1)
  })
}

function spanRefs(first: Ref, last: Ref): string {
  if (first.part === last.part) return first.part + wrap(first.scheme, [first.core, last.core], true)
  return `${citeOne(first)}至${citeOne(last)}`
}

/** The citations of a policy's tasks (the style is learnt from the whole policy: whether labels repeat). */
export function clauseCiter(policy: Policy): Citer {
  const refs = new Map<Clause, Ref>()
  let index = 0
  for (const domain of policy.children) for (const clause of domain.children) refs.set(clause, classify(clause, domain, index++))
  // A scheme whose labels are unique in the policy needs no part; nor does an unnumbered task
  // whose group label is used in one part only.
  const all = [...refs.values()]
  for (const scheme of new Set(all.map((r) => r.scheme))) {
    if (scheme === 'none' || scheme === 'part') continue
    const mine = all.filter((r) => r.scheme === scheme)
    if (new Set(mine.map((r) => r.core)).size === mine.length) for (const r of mine) r.part = ''
  }
  const groupParts = new Map<string, Set<string>>()
  const groupOf = (ref: Ref) => /^第（.+?）项/.exec(ref.core)?.[0]
  for (const ref of all) {
    const group = ref.scheme === 'none' ? groupOf(ref) : ref.scheme === 'bracket' ? `第${ref.core}项` : undefined
    if (group) groupParts.set(group, (groupParts.get(group) ?? new Set()).add(ref.home))
  }
  for (const ref of all) {
    const group = ref.scheme === 'none' ? groupOf(ref) : undefined
    if (group && groupParts.get(group)!.size === 1) ref.part = ''
  }
  const refOf = (clause: Clause): Ref => {
    const ref = refs.get(clause)
    if (!ref) throw new Error(`clause ${clause.id} is not a task of this policy`)
    return ref
  }
  const ordered = (clauses: readonly Clause[]) => [...new Set(clauses)].map(refOf).sort((a, b) => a.index - b.index)
  const sample = all.length > 0 && all.every((r) => r.scheme === 'sample' && r.part === '')
  const first = all[0]
  return {
    cite: (clause) => citeOne(refOf(clause)),
    list: (clauses) => (clauses.length === 0 ? '' : listRefs(ordered(clauses))),
    range(clauses) {
      const chosen = ordered(clauses)
      if (chosen.length === 0) return ''
      if (chosen.length <= 3) return listRefs(chosen)
      // The sample's rule: more than three clauses are cited by the first and the last.
      if (sample || isRun(chosen)) return spanRefs(chosen[0]!, chosen.at(-1)!)
      return listRefs(chosen)
    },
    place: (clause) => refOf(clause).index + 1,
    note: sample || !first
      ? '每项后括号里的“第N条”是政策原文的条款序号'
      : `每项后括号里的“${citeOne(first)}”等指出该项在政策原文中的位置`
  }
}
