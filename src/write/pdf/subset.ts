/**
 * Faster font subsetting for TrueType fonts, with the same bytes as fontkit's.
 *
 * pdfkit subsets each font for every document (fontkit's `TTFSubset`). Its `_addGlyph` decodes
 * every glyph's outline into point objects only to learn whether the glyph is composite, then
 * copies the glyph's raw bytes; with thousands of Han glyphs per document that decoding was
 * most of the time spent finishing a PDF. Here the raw bytes, composite components and metrics of
 * each glyph are read once per process (fonts are parsed once per process too) and the subset's
 * `_addGlyph` copies them. CFF-based (OTF) fonts and variable fonts keep fontkit's own path.
 */
import type {FontkitFont} from './fonts.ts'

interface GlyphData {
  /** The glyph's bytes in the `glyf` table. */
  bytes: Uint8Array
  /** Components of a composite glyph: glyph id and where it is written inside `bytes`. */
  components?: Array<{glyphID: number; pos: number}>
  advance: number
  bearing: number
}

/** fontkit internals the subset reads (see fontkit's `TTFSubset._addGlyph`). */
interface FontInternals {
  _variationProcessor?: unknown
  loca: {offsets: number[]}
  _getTableStream(tag: string): {pos: number; readBuffer(length: number): Uint8Array}
  getGlyph(id: number): {
    advanceWidth: number
    _decode(): {numberOfContours: number; components?: Array<{glyphID: number; pos: number}>} | null
    _getMetrics(): {leftBearing: number}
  }
}

interface TTFSubset {
  cff?: unknown
  glyf: Uint8Array[]
  offset: number
  loca: {offsets: number[]}
  hmtx: {metrics: Array<{advance: number; bearing: number}>}
  includeGlyph(id: number): number
  _addGlyph(id: number): number
}

const glyphCaches = new WeakMap<object, Map<number, GlyphData>>()

function glyphData(font: FontInternals, id: number): GlyphData {
  let cache = glyphCaches.get(font)
  if (!cache) glyphCaches.set(font, (cache = new Map()))
  let data = cache.get(id)
  if (data) return data
  // Exactly what fontkit's `_addGlyph` reads, once.
  const glyph = font.getGlyph(id)
  const glyf = glyph._decode()
  const start = font.loca.offsets[id]
  const end = font.loca.offsets[id + 1]
  const stream = font._getTableStream('glyf')
  stream.pos += start
  const bytes = Uint8Array.from(stream.readBuffer(end - start))
  data = {
    bytes,
    components: glyf && glyf.numberOfContours < 0 ? (glyf.components ?? []).map((c) => ({glyphID: c.glyphID, pos: c.pos})) : undefined,
    advance: glyph.advanceWidth,
    bearing: glyph._getMetrics().leftBearing
  }
  cache.set(id, data)
  return data
}

/** Give a fresh pdfkit/fontkit subset of `font` the cached `_addGlyph` (TrueType outlines only). */
export function speedUpSubset(fontkitFont: FontkitFont, subset: unknown): void {
  const font = fontkitFont as unknown as FontInternals
  const s = subset as TTFSubset
  if (!s || s.cff != null || typeof s._addGlyph !== 'function' || font._variationProcessor || !font.loca) return
  s._addGlyph = function (this: TTFSubset, id: number): number {
    const data = glyphData(font, id)
    let bytes = data.bytes
    if (data.components) {
      bytes = new Uint8Array(bytes)
      const view = new DataView(bytes.buffer)
      for (const component of data.components) view.setUint16(component.pos, this.includeGlyph(component.glyphID))
    }
    this.glyf.push(bytes)
    this.loca.offsets.push(this.offset)
    this.hmtx.metrics.push({advance: data.advance, bearing: data.bearing})
    this.offset += bytes.length
    return this.glyf.length - 1
  }
}
