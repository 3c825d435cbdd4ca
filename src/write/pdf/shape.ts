/**
 * Shaped text, cached per process: the glyphs, advances and missing characters of a unit's text
 * in a font, from one `font.layout(text)` call per distinct (font, text).
 *
 * fontkit's `layout` sets up its shaping plan on every call (script, features, lookups), which
 * costs far more than the few glyphs a unit has; units repeat endlessly (each Han character is
 * its own unit), so caching by the exact string keeps every result identical to calling
 * `layout` each time (kerning inside Latin words included) while paying for it once.
 * Fonts themselves are cached for the process (`fonts.ts`), so the cache lives as long as they do.
 *
 * Decision on shaping: nothing is dropped. Kerning and ligatures stay (Latin words, numbers and
 * dashes are always laid out). Only a lone full-width character whose glyph no applied GSUB/GPOS
 * lookup covers skips `layout` the first time, since shaping cannot change it: that saves the
 * plan setup for the ~1000 distinct Han characters of a build (about 0.2 s per process).
 * test/write-pdf/shape.test.ts checks the results against `layout`.
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

/**
 * Features fontkit applies to horizontal text by default (its `DefaultShaper`: common,
 * horizontal, directional and fraction features). Other features (vert, palt, halt, aalt, …)
 * are never applied here, so their lookups cannot change a glyph.
 */
const appliedFeatures = new Set(['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern', 'ltra', 'ltrm', 'rtla', 'rtlm', 'frac', 'numr', 'dnom'])

/** GPOS lookup types that need two glyphs (pair, cursive, mark attachment): a lone glyph is untouched. */
const pairOnlyPositioning = new Set([2, 3, 4, 5, 6])

interface Coverage {
  version: number
  glyphs?: ArrayLike<number>
  rangeRecords?: ArrayLike<{start: number; end: number}>
}
interface Subtable {
  lookupType?: number
  extension?: Subtable
  coverage?: Coverage
  coverages?: ArrayLike<Coverage>
  inputCoverage?: ArrayLike<Coverage>
}
interface LayoutTable {
  featureList: ArrayLike<{tag: string; feature: {lookupListIndexes: ArrayLike<number>}}>
  lookupList: {get(index: number): {lookupType: number; subTables: ArrayLike<Subtable>} | undefined}
}

/**
 * Glyphs that an applied GSUB or GPOS lookup may change when they stand alone: the first-glyph
 * coverage of every lookup of an applied feature (whatever the script or language, so more than
 * fontkit would really apply), except positioning that needs a second glyph. `undefined` when a
 * table cannot be read this way: then every string goes through `layout`.
 */
function touchedGlyphs(font: FontkitFont): Set<number> | undefined {
  const touched = new Set<number>()
  const tables = font as unknown as {GSUB?: LayoutTable; GPOS?: LayoutTable}
  const add = (coverage: Coverage | undefined): boolean => {
    if (!coverage) return false
    if (coverage.version === 1 && coverage.glyphs) for (let i = 0; i < coverage.glyphs.length; i++) touched.add(coverage.glyphs[i])
    else if (coverage.version === 2 && coverage.rangeRecords) {
      for (let i = 0; i < coverage.rangeRecords.length; i++) {
        const {start, end} = coverage.rangeRecords[i]
        for (let g = start; g <= end; g++) touched.add(g)
      }
    } else return false
    return true
  }
  try {
    for (const [tag, table] of [['GSUB', tables.GSUB], ['GPOS', tables.GPOS]] as const) {
      if (!table) continue
      const lookups = new Set<number>()
      for (let i = 0; i < table.featureList.length; i++) {
        const record = table.featureList[i]
        if (!appliedFeatures.has(record.tag)) continue
        for (let k = 0; k < record.feature.lookupListIndexes.length; k++) lookups.add(record.feature.lookupListIndexes[k])
      }
      for (const index of lookups) {
        const lookup = table.lookupList.get(index)
        if (!lookup) return undefined
        for (let k = 0; k < lookup.subTables.length; k++) {
          let sub = lookup.subTables[k]
          let type = lookup.lookupType
          // Extension lookups (GSUB 7, GPOS 9) wrap the real subtable.
          if ((tag === 'GSUB' && type === 7) || (tag === 'GPOS' && type === 9)) {
            if (!sub.extension || sub.lookupType === undefined) return undefined
            type = sub.lookupType
            sub = sub.extension
          }
          if (tag === 'GPOS' && pairOnlyPositioning.has(type)) continue
          const first = sub.coverage ?? sub.coverages?.[0] ?? sub.inputCoverage?.[0]
          if (!add(first)) return undefined
        }
      }
    }
  } catch {
    return undefined
  }
  return touched
}

/** Full-width characters (Han, CJK punctuation, kana, full-width forms) that may skip `layout`. */
const wide = /^[\p{Script=Han}\u3000-\u30ff\uff00-\uffef]$/u
const touchedCache = new WeakMap<FontkitFont, Set<number> | null>()

/**
 * The glyph of a lone full-width character when shaping cannot change it (no applied lookup
 * covers it): what `layout` would return, without setting up a shaping plan. Else `undefined`.
 */
function loneGlyph(font: FontkitFont, text: string): {id: number; advanceWidth: number; codePoints: number[]} | undefined {
  const cp = text.codePointAt(0)!
  if (text.length !== (cp > 0xffff ? 2 : 1) || !wide.test(text) || !font.hasGlyphForCodePoint(cp)) return undefined
  let touched = touchedCache.get(font)
  if (touched === undefined) touchedCache.set(font, (touched = touchedGlyphs(font) ?? null))
  if (!touched) return undefined
  const glyph = font.glyphForCodePoint(cp)
  return touched.has(glyph.id) ? undefined : glyph
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
  // Lone full-width characters no applied lookup covers: the cmap glyph and its advance are
  // exactly what layout would give (checked against layout for the bundled fonts), without
  // fontkit's per-call shaping setup. Everything else (Latin words, numbers, dashes, covered
  // punctuation) is laid out, kerning included.
  const lone = loneGlyph(font, text)
  const run = lone ? {glyphs: [lone], positions: [{xAdvance: lone.advanceWidth}]} : font.layout(text)
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
