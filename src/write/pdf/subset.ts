/**
 * Faster font subsetting for TrueType fonts, with the same bytes as fontkit's.
 *
 * pdfkit subsets each font for every document (fontkit's `TTFSubset`). Its `_addGlyph` decodes
 * every glyph's outline into point objects only to learn whether the glyph is composite, then
 * copies the glyph's raw bytes; with thousands of Han glyphs per document that decoding was
 * most of the time spent finishing a PDF, and encoding the tables through restructure most of the
 * rest. Here the raw bytes, composite components (read from the bytes) and metrics (from `hmtx`)
 * of each glyph are found once per process (fonts are parsed once per process too), and the font
 * program is put together from them and the tables every subset of the font shares. CFF-based
 * (OTF) fonts and variable fonts keep fontkit's own path.
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
  /** Glyph ids in subset order (grows while composite glyphs add their components). */
  glyphs: number[]
  includeGlyph(id: number): number
  encode(): Uint8Array
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

/**
 * Give a fresh pdfkit/fontkit subset of `font` our `encode` (TrueType outlines only): the same
 * glyphs in the same order as fontkit's, each glyph's data from the cache, and the font program
 * assembled from the font's `template` instead of encoding every table through restructure.
 */
export function speedUpSubset(fontkitFont: FontkitFont, subset: unknown): void {
  const font = fontkitFont as unknown as FontInternals
  const s = subset as TTFSubset
  if (!s || s.cff != null || typeof s.encode !== 'function' || font._variationProcessor || !font.loca) return
  s.encode = function (this: TTFSubset): Uint8Array {
    const glyphs: GlyphData[] = []
    const bytes: Uint8Array[] = []
    // `glyphs` grows as composite glyphs include their components, as in fontkit's loop.
    for (let i = 0; i < this.glyphs.length; i++) {
      const data = glyphData(fontkitFont, this.glyphs[i]!)
      let glyph = data.bytes
      if (data.components) {
        glyph = new Uint8Array(glyph)
        const view = new DataView(glyph.buffer)
        for (const component of data.components) view.setUint16(component.pos, this.includeGlyph(component.glyphID))
      }
      glyphs.push(data)
      bytes.push(glyph)
    }
    return assemble(template(fontkitFont), glyphs, bytes)
  }
}

/**
 * What every subset of a font shares, taken from a subset fontkit encodes itself: the tables in
 * the order fontkit writes them (head, hhea, loca, maxp, cvt , prep, glyf, hmtx, fpgm, those the
 * font has), the directory's header, and the bytes of the tables copied from the font (head,
 * cvt , prep, fpgm; hhea and maxp differ only in their glyph counts).
 */
interface Template {
  tags: string[]
  header: Uint8Array
  tables: Map<string, Uint8Array>
  /** `loca` with 16-bit offsets (halved), as the font's own. */
  shortLoca: boolean
}

const templates = new WeakMap<object, Template>()

function template(fontkitFont: FontkitFont): Template {
  let made = templates.get(fontkitFont)
  if (made) return made
  const font = fontkitFont as unknown as {createSubset(): {encode(): Uint8Array}; loca: {version: number}}
  const encoded = font.createSubset().encode()
  const view = new DataView(encoded.buffer, encoded.byteOffset, encoded.byteLength)
  const tags: string[] = []
  const tables = new Map<string, Uint8Array>()
  for (let i = 0; i < view.getUint16(4); i++) {
    const entry = 12 + 16 * i
    const tag = String.fromCharCode(...encoded.subarray(entry, entry + 4))
    const offset = view.getUint32(entry + 8)
    tags.push(tag)
    tables.set(tag, encoded.slice(offset, offset + view.getUint32(entry + 12)))
  }
  made = {tags, header: encoded.slice(0, 12), tables, shortLoca: font.loca.version === 0}
  templates.set(fontkitFont, made)
  return made
}

// Where the glyph counts sit in `hhea` (numberOfHMetrics) and `maxp` (numGlyphs).
const hheaMetricsCount = 34
const maxpGlyphCount = 4

/**
 * The font program fontkit's `TTFSubset.encode` writes for these glyphs: a directory (checksums
 * 0, as fontkit leaves them) and the tables one after the other, without padding.
 */
function assemble(t: Template, glyphs: readonly GlyphData[], bytes: readonly Uint8Array[]): Uint8Array {
  const count = glyphs.length
  let glyfSize = 0
  for (const glyph of bytes) glyfSize += glyph.length
  const size = (tag: string) =>
    tag === 'loca' ? (t.shortLoca ? 2 : 4) * (count + 1) : tag === 'glyf' ? glyfSize : tag === 'hmtx' ? 4 * count : t.tables.get(tag)!.length
  const headerSize = 12 + 16 * t.tags.length
  let total = headerSize
  for (const tag of t.tags) total += size(tag)
  const out = new Uint8Array(total)
  const view = new DataView(out.buffer)
  out.set(t.header, 0)
  let at = headerSize
  t.tags.forEach((tag, i) => {
    const entry = 12 + 16 * i
    for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k)
    view.setUint32(entry + 8, at)
    view.setUint32(entry + 12, size(tag))
    if (tag === 'loca') {
      let offset = 0
      for (let g = 0; g <= count; g++) {
        if (t.shortLoca) view.setUint16(at + 2 * g, offset >>> 1)
        else view.setUint32(at + 4 * g, offset)
        offset += g < count ? bytes[g]!.length : 0
      }
    } else if (tag === 'glyf') {
      let p = at
      for (const glyph of bytes) {
        out.set(glyph, p)
        p += glyph.length
      }
    } else if (tag === 'hmtx') {
      glyphs.forEach((glyph, g) => {
        view.setUint16(at + 4 * g, glyph.advance)
        view.setInt16(at + 4 * g + 2, glyph.bearing)
      })
    } else {
      out.set(t.tables.get(tag)!, at)
      if (tag === 'hhea') view.setUint16(at + hheaMetricsCount, count)
      if (tag === 'maxp') view.setUint16(at + maxpGlyphCount, count)
    }
    at += size(tag)
  })
  return out
}
