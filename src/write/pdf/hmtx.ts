/**
 * Horizontal metrics straight from a font's `hmtx` table: what fontkit's `glyph.advanceWidth` and
 * `glyph._getMetrics().leftBearing` give, without what fontkit does to get there (it decodes the
 * glyph's header for its vertical metrics, and each `hmtx` entry through restructure). A variable
 * font instance keeps fontkit's own path (its advances are adjusted per instance).
 */
import type {FontkitFont} from './fonts.ts'

export interface HorizontalMetrics {
  advance(id: number): number
  bearing(id: number): number
}

/** fontkit internals read here. */
interface FontInternals {
  _variationProcessor?: unknown
  hhea: {numberOfMetrics: number}
  maxp: {numGlyphs: number}
  _getTableStream(tag: string): {pos: number; buffer: Uint8Array} | null
  getGlyph(id: number): {advanceWidth: number; _getMetrics(): {leftBearing: number}}
}

const readers = new WeakMap<object, HorizontalMetrics>()

/** The metrics of `font`'s glyphs (one reader per font). */
export function horizontalMetrics(fontkitFont: FontkitFont): HorizontalMetrics {
  let reader = readers.get(fontkitFont)
  if (!reader) readers.set(fontkitFont, (reader = makeReader(fontkitFont as unknown as FontInternals)))
  return reader
}

function makeReader(font: FontInternals): HorizontalMetrics {
  const stream = font._variationProcessor ? null : font._getTableStream('hmtx')
  if (!stream) {
    return {advance: (id) => font.getGlyph(id).advanceWidth, bearing: (id) => font.getGlyph(id)._getMetrics().leftBearing}
  }
  const bytes = stream.buffer
  const start = stream.pos
  // The same rules as fontkit's `_getTableMetrics`: glyphs past the last full entry share its
  // advance and have their own bearing (0 when the table has none).
  const metrics = font.hhea.numberOfMetrics
  const bearings = font.maxp.numGlyphs - metrics
  const uint16 = (at: number) => (bytes[at]! << 8) | bytes[at + 1]!
  const int16 = (at: number) => (uint16(at) << 16) >> 16
  return {
    advance: (id) => (metrics === 0 ? 0 : uint16(start + 4 * Math.min(id, metrics - 1))),
    bearing: (id) => (id < metrics ? int16(start + 4 * id + 2) : id - metrics < bearings ? int16(start + 4 * metrics + 2 * (id - metrics)) : 0)
  }
}
