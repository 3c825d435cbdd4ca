/**
 * Units and text measurement for the Word writer. Lengths in the layout profile are points;
 * Word wants twips (1/20 pt), half-points for type sizes and eighths of a point for borders.
 */
import type {OfficialLayout} from '../../layout/gbt9704.ts'

export const twips = (points: number): number => Math.round(points * 20)
export const halfPoints = (points: number): number => Math.round(points * 2)
export const eighths = (points: number): number => Math.max(2, Math.round(points * 8))

/** Grid geometry of a section, in twips, as written to w:pgSz / w:pgMar / w:docGrid. */
export interface PageGeometry {
  width: number
  height: number
  top: number
  bottom: number
  left: number
  right: number
  footer: number
  header: number
  /** Text block width (page width − left − right). */
  textWidth: number
  /** Line pitch of the document grid and the exact line height of body text. */
  linePitch: number
  /** w:docGrid/@w:charSpace: (character pitch − body size) × 4096. */
  charSpace: number
  /** Character pitch of body text (twips). */
  charPitch: number
  /** Character spacing on all text, points (negative condenses). */
  condense: number
}

export function pageGeometry(layout: OfficialLayout): PageGeometry {
  const width = twips(layout.page.width)
  const height = twips(layout.page.height)
  const left = twips(layout.margin.left)
  const right = twips(layout.margin.right)
  const top = twips(layout.margin.top)
  const bottom = twips(layout.margin.bottom)
  const text = width - left - right
  const charPitch = text / layout.charsPerLine
  // Integer line pitch that still fits linesPerPage lines in the text block.
  const linePitch = Math.floor((height - top - bottom) / layout.linesPerPage)
  const pageNumberLine = layout.fontSize.pageNumber * 1.2
  return {
    width,
    height,
    top,
    bottom,
    left,
    right,
    header: twips(layout.margin.top / 2),
    // The footer's bottom edge, so that the page number's line starts 7 mm below the text block.
    footer: Math.max(0, twips(layout.margin.bottom - layout.pageNumberOffset - pageNumberLine)),
    textWidth: text,
    linePitch,
    // Rounded down so that 28 pitches never exceed the text block (Word would then set 27).
    charSpace: Math.floor((charPitch / 20 - layout.fontSize.body) * 4096),
    charPitch,
    condense: layout.elements?.condense ?? 0
  }
}

/** Width of `n` body characters (the grid's character pitch), in twips. */
export function chars(geometry: PageGeometry, n: number): number {
  return Math.round(geometry.charPitch * n)
}

/**
 * Width of `n` full-width characters of `size` points, in twips. Paragraphs do not snap to the
 * character grid (see `patches` in index.ts); every character is condensed by `condense` points.
 */
export function charsAt(geometry: PageGeometry, size: number, n: number): number {
  return Math.round(n * (size + geometry.condense) * 20)
}
