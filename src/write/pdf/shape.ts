/**
 * Shaped text, cached per process: the glyphs, advances and missing characters of a unit's text
 * in a font, from one `font.layout(text)` call per distinct (font, text).
 *
 * fontkit's `layout` sets up its shaping plan on every call (script, features, lookups), which
 * costs far more than the few glyphs a unit has; units repeat endlessly (each Han character is
 * its own unit), so caching by the exact string keeps every result identical to calling
 * `layout` each time (kerning inside Latin words included) while paying for it once.
 * Fonts themselves are cached for the process (`fonts.ts`), so the cache lives as long as they do.
 */
import type {FontkitFont} from './fonts.ts'

export interface Shaped {
  /** Glyph ids in the font. */
  ids: number[]
  /** Each glyph's own advance, in 1/1000 em (as pdfkit scales it). */
  advances: number[]
  /** Each glyph's advance after positioning (kerning), in 1/1000 em. */
  xAdvances: number[]
  /** Code points each glyph stands for (for the ToUnicode map). */
  codePoints: number[][]
  /** Sum of the positioned advances, in font units. */
  units: number
  /** Characters of the text the font has no glyph for. */
  missing: string[]
}

/** Upper bound of cached strings per font, so a long-lived process does not grow without end. */
const limit = 50_000
const caches = new WeakMap<FontkitFont, Map<string, Shaped>>()

/** Shaped `text` in `font` (cached per font and string). */
export function shape(font: FontkitFont, text: string): Shaped {
  let cache = caches.get(font)
  if (!cache) caches.set(font, (cache = new Map()))
  let shaped = cache.get(text)
  if (shaped) return shaped
  const run = font.layout(text)
  // The same multiplication pdfkit's `EmbeddedFont.layoutRun` does, so values are bit-identical.
  const scale = 1000 / font.unitsPerEm
  const n = run.glyphs.length
  const ids = new Array<number>(n)
  const advances = new Array<number>(n)
  const xAdvances = new Array<number>(n)
  const codePoints = new Array<number[]>(n)
  let units = 0
  for (let i = 0; i < n; i++) {
    const glyph = run.glyphs[i]
    const xAdvance = run.positions[i].xAdvance
    ids[i] = glyph.id
    advances[i] = glyph.advanceWidth * scale
    xAdvances[i] = xAdvance * scale
    codePoints[i] = glyph.codePoints
    units += xAdvance
  }
  const missing: string[] = []
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (cp < 0x20 || /\s/u.test(ch)) continue
    if (!font.hasGlyphForCodePoint(cp)) missing.push(ch)
  }
  shaped = {ids, advances, xAdvances, codePoints, units, missing}
  if (cache.size >= limit) cache.clear()
  cache.set(text, shaped)
  return shaped
}
