/**
 * A run of source text (a paragraph, heading, list item or table cell, flattened) with a map
 * from string index back to the source point. For plain text the map is exact; for Markdown
 * it is exact inside text nodes whose source span has the same length as their value, and
 * approximate (clamped to the node) where escapes or entities changed the length.
 */
import type {PhrasingContent, RootContent} from 'mdast'
import type {Point, Position} from 'unist'

interface Piece {
  /** Index in `value` where the piece starts. */
  start: number
  value: string
  position?: Position
  /** Source span has exactly the value's length: index arithmetic is exact. */
  exact: boolean
}

export class Src {
  readonly value: string
  readonly position?: Position
  private readonly pieces: Piece[]

  constructor(pieces: Piece[], position?: Position) {
    this.pieces = pieces
    this.value = pieces.map((p) => p.value).join('')
    this.position = position
  }

  static fromString(value: string, position?: Position): Src {
    return new Src([{start: 0, value, position, exact: false}], position)
  }

  /** Source point of string index `index` (0 ≤ index ≤ value.length). */
  pointAt(index: number): Point | undefined {
    const piece =
      this.pieces.find((p) => index >= p.start && index < p.start + p.value.length) ?? this.pieces[this.pieces.length - 1]
    if (!piece) return this.position?.start
    const start = piece.position?.start
    if (!start) return this.position?.start
    const k = Math.max(0, Math.min(index - piece.start, piece.value.length))
    if (!piece.exact) {
      if (k === 0) return {...start}
      if (k >= piece.value.length && piece.position?.end) return {...piece.position.end}
    }
    let line = start.line
    let column = start.column
    for (let i = 0; i < k; i++) {
      if (piece.value[i] === '\n') {
        line++
        column = 1
      } else column++
    }
    const offset = start.offset === undefined ? undefined : start.offset + k
    const result: Point = {line, column}
    if (offset !== undefined) result.offset = offset
    if (!piece.exact && piece.position?.end) {
      const end = piece.position.end
      if (result.line > end.line || (result.line === end.line && result.column > end.column)) return {...end}
      if (result.offset !== undefined && end.offset !== undefined && result.offset > end.offset) result.offset = end.offset
    }
    return result
  }

  /** Position of the string range [from, to). */
  range(from: number, to: number): Position | undefined {
    const start = this.pointAt(from)
    const end = to > from ? this.pointAfter(to - 1) : start
    return start && end ? {start, end} : undefined
  }

  /** The point just after the character at `index`. */
  private pointAfter(index: number): Point | undefined {
    const at = this.pointAt(index)
    if (!at) return undefined
    const char = this.value[index]
    if (char === '\n') return {line: at.line + 1, column: 1, offset: at.offset === undefined ? undefined : at.offset + 1}
    return {line: at.line, column: at.column + 1, offset: at.offset === undefined ? undefined : at.offset + 1}
  }

  /** A sub-run [from, to) keeping the map. */
  slice(from: number, to = this.value.length): Src {
    const pieces: Piece[] = []
    for (const p of this.pieces) {
      const a = Math.max(from, p.start)
      const b = Math.min(to, p.start + p.value.length)
      if (b <= a) continue
      const startPoint = p.exact || a === p.start ? this.pointAt(a) : p.position?.start
      const endPoint = p.exact ? this.pointAfter(b - 1) : b === p.start + p.value.length ? p.position?.end : p.position?.end
      pieces.push({
        start: a - from,
        value: p.value.slice(a - p.start, b - p.start),
        position: startPoint && endPoint ? {start: startPoint, end: endPoint} : undefined,
        exact: p.exact
      })
    }
    return new Src(pieces, this.range(from, to))
  }
}

function exactSpan(value: string, position: Position | undefined): boolean {
  const {start, end} = position ?? {}
  return start?.offset !== undefined && end?.offset !== undefined && end.offset - start.offset === value.length
}

/** Flatten phrasing content into a `Src`. */
export function srcOf(nodes: ReadonlyArray<PhrasingContent | RootContent>, position?: Position): Src {
  const pieces: Piece[] = []
  let at = 0
  const add = (value: string, place: Position | undefined, exact: boolean) => {
    if (value.length === 0) return
    pieces.push({start: at, value, position: place, exact})
    at += value.length
  }
  const visit = (list: ReadonlyArray<PhrasingContent | RootContent>) => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
          add(node.value, node.position, exactSpan(node.value, node.position))
          break
        case 'inlineCode':
        case 'html':
          add(node.value, node.position, false)
          break
        case 'break':
          add('\n', node.position, false)
          break
        case 'image':
          add(node.alt ?? '', node.position, false)
          break
        default:
          if ('children' in node) visit(node.children as PhrasingContent[])
      }
    }
  }
  visit(nodes)
  return new Src(pieces, position)
}
