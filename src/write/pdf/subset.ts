/**
 * Faster font subsetting for TrueType fonts, with the same bytes as fontkit's.
 *
 * pdfkit subsets each font for every document (fontkit's `TTFSubset`). Its `_addGlyph` decodes
 * every glyph's outline into point objects only to learn whether the glyph is composite, then
 * copies the glyph's raw bytes; with thousands of Han glyphs per document that decoding was
 * most of the time spent finishing a PDF. Here the raw bytes, composite components (read from
 * the bytes) and metrics (from `hmtx`) of each glyph are found once per process (fonts are parsed
 * once per process too) and the subset's `_addGlyph` copies them. CFF-based (OTF) fonts and
 * variable fonts keep fontkit's own path.
 */
import type {FontkitFont} from './fonts.ts'
import {horizontalMetrics} from './hmtx.ts'

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
  _getTableStream(tag: string): {pos: number; buffer: Uint8Array}
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

function glyphData(fontkitFont: FontkitFont, id: number): GlyphData {
  const font = fontkitFont as unknown as FontInternals
  let cache = glyphCaches.get(font)
  if (!cache) glyphCaches.set(font, (cache = new Map()))
  let data = cache.get(id)
  if (data) return data
  // What fontkit's `_addGlyph` reads, once: the glyph's bytes and, for a composite glyph, where
  // each component's glyph id sits in them; the metrics from `hmtx`.
  const start = font.loca.offsets[id]
  const end = font.loca.offsets[id + 1]
  const stream = font._getTableStream('glyf')
  // A view into the font file, which the parsed font keeps anyway.
  const bytes = stream.buffer.subarray(stream.pos + start, stream.pos + end)
  const metrics = horizontalMetrics(fontkitFont)
  data = {bytes, components: compositeComponents(bytes), advance: metrics.advance(id), bearing: metrics.bearing(id)}
  cache.set(id, data)
  return data
}

// Composite glyph flags (OpenType `glyf`).
const ARG_1_AND_2_ARE_WORDS = 0x1
const WE_HAVE_A_SCALE = 0x8
const MORE_COMPONENTS = 0x20
const WE_HAVE_AN_X_AND_Y_SCALE = 0x40
const WE_HAVE_A_TWO_BY_TWO = 0x80

/**
 * The components of a composite glyph (negative contour count): each one's glyph id and the
 * offset of that id in the glyph's bytes, as fontkit's `_decodeComposite` reads them. `undefined`
 * for a simple or empty glyph.
 */
export function compositeComponents(bytes: Uint8Array): Array<{glyphID: number; pos: number}> | undefined {
  if (bytes.length < 10) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (view.getInt16(0) >= 0) return undefined
  const components: Array<{glyphID: number; pos: number}> = []
  let pos = 10
  let flags = MORE_COMPONENTS
  while (flags & MORE_COMPONENTS) {
    flags = view.getUint16(pos)
    components.push({glyphID: view.getUint16(pos + 2), pos: pos + 2})
    pos += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2)
    if (flags & WE_HAVE_A_SCALE) pos += 2
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) pos += 4
    else if (flags & WE_HAVE_A_TWO_BY_TWO) pos += 8
  }
  return components
}

/** Give a fresh pdfkit/fontkit subset of `font` the cached `_addGlyph` (TrueType outlines only). */
export function speedUpSubset(fontkitFont: FontkitFont, subset: unknown): void {
  const font = fontkitFont as unknown as FontInternals
  const s = subset as TTFSubset
  if (!s || s.cff != null || typeof s._addGlyph !== 'function' || font._variationProcessor || !font.loca) return
  s._addGlyph = function (this: TTFSubset, id: number): number {
    const data = glyphData(fontkitFont, id)
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
