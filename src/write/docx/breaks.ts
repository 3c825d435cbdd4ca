/**
 * Where lines end in table cells and titles of the Word file. Word and LibreOffice break Chinese
 * text between any two characters and honour no joiner between Han characters (U+2060, U+200D and
 * U+FEFF were tried: LibreOffice still broke 区资规/分局), so the writer sets these lines itself,
 * as the PDF writer does, with the same word segments and unbreakable spans, and writes a line
 * break (`w:br`) at each line end. Widths are counted on the em grid with room to spare (Latin
 * letters and digits at 0.65 em, wider than in Times New Roman or the Noto faces), so the application never has to
 * break a line again.
 */
import type {Inline} from '../../doc/types.ts'
import {words} from '../../doc/words.ts'
import {measureCell, type CellMeasure} from '../../layout/columns.ts'
import {titleBreaks} from '../../layout/title.ts'
import {breakLines, breakOpportunities, wordSegments, type Unit} from '../pdf/lines.ts'

/** Text pieces of inline nodes, in order (`\n` for a hard break). */
function pieces(nodes: readonly Inline[]): Array<{text: string; keep?: boolean}> {
  return nodes.flatMap((node): Array<{text: string; keep?: boolean}> =>
    node.type === 'text' ? [{text: node.value, keep: node.keep}] : node.type === 'break' ? [{text: '\n'}] : pieces(node.children)
  )
}

/** Inline content as the line engine cuts it: its units, each unit's offset in the text, and the text. */
interface Measured {
  units: Unit[]
  offsets: number[]
  text: string
  /** Whether the text has a hard line break. */
  hard: boolean
  /** `cellMeasure`, once asked for. */
  cell?: CellMeasure
  /** `cellBreaks` by width, once asked for. */
  breaks?: Map<number, number[]>
  /** `titleLineBreaks` by width, once asked for (every unit's task list has the same title). */
  titles?: Map<number, number[]>
}

/**
 * Measured inline content, kept by one writer for all its documents: the same cell texts recur
 * across a build's documents (each unit's task list repeats rows of the notice), and a table asks
 * for each cell's measure and line breaks more than once. `null` when the offsets would not match
 * the text (`measure`).
 */
export interface Measures {
  /** By text pieces (`piecesKey`): the same text in another document. */
  readonly byText: Map<string, Measured | null>
  /** By the nodes themselves: the same cell asked again, without building its key. */
  readonly byNodes: WeakMap<readonly Inline[], Measured | null>
}

export const createMeasures = (): Measures => ({byText: new Map(), byNodes: new WeakMap()})

/**
 * Texts kept measured at most (about 5 KB each with their units and line breaks; the sample's 29
 * documents measure about 530): a far larger build starts again rather than holding every text.
 */
const measureLimit = 2_000

/** Key of pieces: each piece's length, keep flag and text, so different cuts never collide. */
const piecesKey = (parts: ReadonlyArray<{text: string; keep?: boolean}>): string =>
  parts.map((p) => `${p.text.length}${p.keep ? '+' : '-'}${p.text}`).join('')

/** `nodes` measured (`unitsOf`), once per `measures`. */
function measure(nodes: readonly Inline[], measures: Measures): Measured | null {
  let measured = measures.byNodes.get(nodes)
  if (measured === undefined) {
    const parts = pieces(nodes)
    const key = piecesKey(parts)
    measured = measures.byText.get(key)
    if (measured === undefined) {
      measured = unitsOf(parts)
      if (measures.byText.size >= measureLimit) measures.byText.clear()
      measures.byText.set(key, measured)
    }
    measures.byNodes.set(nodes, measured)
  }
  return measured
}

/** The line engine's units of text pieces, each unit's offset in their text, and the text. */
function unitsOf(parts: ReadonlyArray<{text: string; keep?: boolean}>): Measured | null {
  const segments = wordSegments(parts, words)
  const offsets: number[] = []
  let at = 0
  const units: Unit[] = segments.map((seg) => {
    offsets.push(at)
    at += seg.text.length
    const width = seg.cls === 'break' ? 0 : seg.cls === 'latin' ? 0.65 * seg.text.length : seg.cls === 'space' ? 0.5 : [...seg.text].length
    // One object shape for every unit: smaller and faster than spreading segments of two shapes.
    return {text: seg.text, cls: seg.cls, glue: seg.glue, width}
  })
  offsets.push(at)
  // Segmenting collapses runs of spaces: offsets would no longer match the text.
  const text = parts.map((p) => p.text).join('')
  return at === text.length ? {units, offsets, text, hard: units.some((u) => u.cls === 'break')} : null
}

const cjk = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/

/**
 * Offsets where a line break reads back as nothing: next to a Chinese character or after a space
 * (a reader joins lines without a space between Chinese characters). Between two Latin
 * characters the application is left to break, so no space appears where the text has none.
 */
function joinable(text: string, offsets: number[]): number[] {
  return offsets.filter((at) => at > 0 && at < text.length && (cjk.test(text[at - 1]!) || cjk.test(text[at]!) || /\s/.test(text[at - 1]!)))
}

/** Character offsets (in the inline text) where a cell's lines end, for a cell `width` em wide. */
export function cellBreaks(nodes: readonly Inline[], width: number, measures: Measures): number[] {
  const measured = measure(nodes, measures)
  return measured ? byWidth((measured.breaks ??= new Map()), width, () => setCell(measured, width)) : []
}

/** Line breaks for `width` from `made`, set by `set` the first time. */
function byWidth(made: Map<number, number[]>, width: number, set: () => number[]): number[] {
  let breaks = made.get(width)
  if (!breaks) made.set(width, (breaks = set()))
  return breaks
}

function setCell(measured: Measured, width: number): number[] {
  // Text no wider than the cell, without a hard break, is one line: the line engine would end none.
  if (!measured.hard && cellOf(measured).natural <= width) return []
  const lines = breakLines(measured.units, {width, justify: false})
  const ends = lines.slice(0, -1).map((_, i) => {
    const next = lines[i + 1]!.start
    // A hard break in the text already ends this line.
    return measured.units[next - 1]?.cls === 'break' ? -1 : measured.offsets[next]!
  })
  return joinable(measured.text, ends)
}

/** Character offsets where a title's lines end (a 梯形 or 菱形, `titleBreaks`), `width` em wide. */
export function titleLineBreaks(nodes: readonly Inline[], width: number, measures: Measures): number[] {
  const measured = measure(nodes, measures)
  return measured ? byWidth((measured.titles ??= new Map()), width, () => setTitle(measured, width)) : []
}

function setTitle(measured: Measured, width: number): number[] {
  const ends = titleBreaks(
    measured.units.map((u) => (u.cls === 'latin' ? u.width / 1.2 : u.width)),
    breakOpportunities(measured.units),
    width
  )
  return joinable(measured.text, ends.slice(0, -1).map((end) => measured.offsets[end]!))
}

/** A cell's width on one line and its widest unbreakable piece (a word or a kept span), in em. */
export function cellMeasure(nodes: readonly Inline[], measures: Measures): CellMeasure {
  const measured = measure(nodes, measures)
  return measured ? cellOf(measured) : {natural: 0, longest: 0}
}

function cellOf(measured: Measured): CellMeasure {
  measured.cell ??= measureCell(
    measured.units.map((u) => u.width),
    breakOpportunities(measured.units),
    measured.units.map((u) => u.cls === 'break')
  )
  return measured.cell
}
