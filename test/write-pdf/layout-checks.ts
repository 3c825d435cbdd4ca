/**
 * Layout checks on a notice PDF read back (ours, or LibreOffice's from the .docx), shared by the
 * sample tests: words broken in table cells, title lines, body text on page 1, the 版记 page.
 */
import type {Doc, Inline} from '../../src/doc/types.ts'
import {words} from '../../src/doc/words.ts'
import {isTitleShape} from '../../src/layout/title.ts'
import {breakOpportunities, wordSegments} from '../../src/write/pdf/lines.ts'
import {brokenWords, datesIn, pieces, type Broken} from './cells.ts'
import {lines, type Extracted} from './extract.ts'

const squash = (s: string) => s.replace(/\s+/g, '')

/** Unit names and dates broken across two lines of a table cell (text of at most `maxSize` points). */
export function brokenInCells(pdf: Extracted, names: readonly string[], maxSize = 12): Broken[] {
  const text = pdf.items.map((i) => i.str).join('')
  return brokenWords(pieces(pdf.items, maxSize), [...names, ...datesIn(squash(text))])
}

/** Where a line may end in `nodes` (offsets in their squashed text): between words, outside kept spans. */
export function allowedBreaks(nodes: readonly Inline[]): Set<number> {
  const flat = (ns: readonly Inline[]): Array<{text: string; keep?: boolean}> =>
    ns.flatMap((n) => (n.type === 'text' ? [{text: n.value, keep: n.keep}] : n.type === 'break' ? [] : flat(n.children)))
  const segments = wordSegments(flat(nodes), words)
  const can = breakOpportunities(segments)
  const out = new Set<number>()
  let at = 0
  segments.forEach((seg, i) => {
    at += squash(seg.text).length
    if (can[i]) out.add(at)
  })
  return out
}

export interface TitleLines {
  lines: string[]
  /** Line ends that are not between words (offsets in the title). */
  badBreaks: number[]
  /** Whether the line lengths make a 梯形 or 菱形. */
  shaped: boolean
}

/**
 * The lines of a title drawn at `size` points on `page`, found by matching the title's text
 * line by line from its first line.
 */
export function titleLines(pdf: Extracted, title: readonly Inline[], page: number, size: number): TitleLines | undefined {
  const text = squash(title.map((n) => (n.type === 'text' ? n.value : '')).join(''))
  const candidates = lines(pdf.items).filter((l) => l.page === page && Math.abs(l.size - size) < 0.6)
  const start = candidates.findIndex((l) => text.startsWith(squash(l.text)) && squash(l.text).length > 0)
  if (start < 0) return undefined
  const out: string[] = []
  let at = 0
  for (const line of candidates.slice(start)) {
    const piece = squash(line.text)
    if (!text.startsWith(piece, at) || piece.length === 0) break
    out.push(piece)
    at += piece.length
    if (at === text.length) break
  }
  if (at !== text.length) return undefined
  const allowed = allowedBreaks(title)
  const ends: number[] = []
  out.slice(0, -1).reduce((n, l) => (ends.push(n + l.length), n + l.length), 0)
  const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u0000-\u2000]/.test(ch) ? 0.5 : 1), 0)
  return {lines: out, badBreaks: ends.filter((e) => !allowed.has(e)), shaped: isTitleShape(out.map(width))}
}

/** Body text lines (at `size` points) on page 1 that belong to the main text. */
export function bodyOnPage1(pdf: Extracted, doc: Doc, size = 16): string[] {
  const first = doc.main.find((b) => b.type === 'paragraph')
  const opening = first && first.type === 'paragraph' ? squash(first.children.map((n) => (n.type === 'text' ? n.value : '')).join('')) : ''
  return lines(pdf.items)
    .filter((l) => l.page === 1 && Math.abs(l.size - size) < 0.6)
    .map((l) => squash(l.text))
    .filter((t) => t.length > 2 && opening.includes(t))
}

/** Pages whose last line is a heading (`一、…`, `（一）…`): a heading must never end a page. */
export function headingsEndingPages(pdf: Extracted): string[] {
  const all = lines(pdf.items).filter((l) => !/^—\s*\d+\s*—$/.test(l.text.trim()))
  const out: string[] = []
  for (let page = 1; page <= pdf.pages; page++) {
    const last = all.filter((l) => l.page === page).sort((a, b) => a.y - b.y)[0]
    if (last && /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(squash(last.text))) out.push(`p${page}: ${last.text}`)
  }
  return out
}

/** Pages on which the 版记's 抄送 line and 印发 line are drawn. */
export function imprintPages(pdf: Extracted): number[] {
  const pages = new Set<number>()
  for (const line of lines(pdf.items)) if (/^抄送：|印发$/.test(squash(line.text))) pages.add(line.page)
  return [...pages]
}

/** Every unit name of the policy, as resolved and as written. */
export function unitNames(policy: unknown): string[] {
  const names = new Set<string>()
  JSON.stringify(policy, (_key, value: unknown) => {
    if (value && typeof value === 'object' && 'role' in value && 'name' in value) {
      const unit = value as {name: string; written?: string}
      names.add(unit.name)
      if (unit.written) names.add(unit.written)
    }
    return value
  })
  return [...names]
}

