/**
 * Places in the source text: offsets to line/column points, line lookup, and the offsets of
 * the parts of a clause (label, title, body, responsibility list) from the tree's guarantee that
 * `label + labelPunctuation + title + body + unitsText` is contiguous from `clause.position.start`.
 */
import type {Point, Position} from 'unist'
import type {Clause} from '../tree/types.ts'

export class SourceText {
  readonly value: string
  /** Offset of the first character of each line (index 0 = line 1). */
  readonly lineStarts: number[]

  constructor(value: string) {
    this.value = value
    this.lineStarts = [0]
    for (let index = 0; index < value.length; index++) {
      if (value.charCodeAt(index) === 10) this.lineStarts.push(index + 1)
    }
  }

  get lineCount(): number {
    return this.lineStarts.length
  }

  /** 1-based line/column point of an offset (columns count UTF-16 code units, as unist does). */
  point(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.value.length))
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (this.lineStarts[middle] <= clamped) low = middle
      else high = middle - 1
    }
    return {line: low + 1, column: clamped - this.lineStarts[low] + 1, offset: clamped}
  }

  span(start: number, end: number = start): Position {
    return {start: this.point(start), end: this.point(Math.max(start, end))}
  }

  /** Offset of the start of a 1-based line. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))]
  }

  /** Text of a 1-based line without its line ending. */
  line(line: number): string {
    if (line < 1 || line > this.lineStarts.length) return ''
    const start = this.lineStarts[line - 1]
    const end = line < this.lineStarts.length ? this.lineStarts[line] - 1 : this.value.length
    return this.value.slice(start, end).replace(/\r$/, '')
  }
}

/** Offsets of the parts of a clause in the source, or undefined when the clause has no offset. */
export interface ClauseOffsets {
  start: number
  title: number
  body: number
  units: number
  end: number
}

export function clauseOffsets(clause: Clause, source: SourceText): ClauseOffsets | undefined {
  const start = clause.position?.start.offset
  if (start === undefined) return undefined
  const title = start + clause.label.length + clause.labelPunctuation.length
  const body = title + clause.title.length
  const units = body + clause.body.length
  const end = units + clause.unitsText.length
  // Guard against a tree that does not match the text: then positions would mislead.
  if (source.value.slice(start, start + clause.label.length) !== clause.label) return undefined
  return {start, title, body, units, end}
}

/** The clause text as the tree holds it (title, body and responsibility list). */
export function clauseText(clause: Clause): string {
  return clause.title + clause.body + clause.unitsText
}

/** Whether the character is a CJK ideograph or CJK/full-width punctuation. */
export function isCjk(char: string | undefined): boolean {
  if (!char) return false
  return /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026]/.test(char)
}

/** Whether the character is Chinese or full-width punctuation (，。、；：“”（）《》 …). */
export function isCjkPunctuation(char: string | undefined): boolean {
  if (!char) return false
  return /[\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u201c\u201d\u2018\u2019\u2014\u2026]/.test(char)
}
