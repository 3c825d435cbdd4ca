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
 * Decision on shaping: nothing is dropped. Kerning and ligatures stay. Text whose glyphs no
 * lookup fontkit would apply covers skips `layout` the first time, since shaping cannot change
 * it: the ~1000 distinct Han characters of a build, most punctuation and numbers. Such text gets
 * the cmap glyphs and their `hmtx` advances, exactly what `layout` returns for it. Which lookups
 * fontkit applies follows its own rules (the script it detects, that script's default language,
 * the features of its default shaper); see `touchedGlyphs`.
 * test/write-pdf/shape.test.ts checks the results against `layout`.
 */
import {unicodeScript, type FontkitFont} from './fonts.ts'
import {horizontalMetrics} from './hmtx.ts'

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
 * Features fontkit applies to horizontal text by default (its `DefaultShaper`: variation, common,
 * horizontal and directional features). The fraction features (frac, numr, dnom) apply only to
 * the digits around a U+2044 fraction slash, which text that skips `layout` never has; other
 * features (vert, palt, halt, aalt, …) are never applied here. Their lookups cannot change a glyph.
 */
const appliedFeatures = new Set(['rvrn', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern', 'ltra', 'ltrm', 'rtla', 'rtlm'])

/** GPOS pair adjustment (kerning): at a glyph, by the next one. */
const pairPositioning = 2
/** GPOS cursive attachment: at a glyph, by the next one. */
const cursivePositioning = 3
/** GPOS lookup types that apply at a mark by looking back for its base (mark attachment). */
const markPositioning = new Set([4, 5, 6])

/**
 * OpenType script tags of the Unicode scripts text that skips `layout` may have (fontkit's
 * table); all of them shape with fontkit's `DefaultShaper`. Text of other scripts (Arabic,
 * Hangul, Indic, …) always goes through `layout`. Text without any (digits, punctuation) is
 * `zzzz`, for which fontkit falls back to the `DFLT` script.
 */
const scriptTags: Record<string, string> = {Han: 'hani', Latin: 'latn', Hiragana: 'hira', Katakana: 'kana', Greek: 'grek', Cyrillic: 'cyrl'}
/** Where fontkit looks when the font has no entry for the text's script. */
const fallbackScripts = ['DFLT', 'dflt', 'latn']

interface Coverage {
  version: number
  glyphs?: ArrayLike<number>
  rangeRecords?: ArrayLike<{start: number; end: number; startCoverageIndex: number}>
}
interface ClassDef {
  version: number
  startGlyph?: number
  classValueArray?: ArrayLike<number>
  classRangeRecord?: ArrayLike<{start: number; end: number; class: number}>
}
/** A value record: what a positioning lookup adds to a glyph's position (absent fields add nothing). */
interface ValueRecord {
  xAdvance?: number
  yAdvance?: number
  xPlacement?: number
  yPlacement?: number
}
interface Subtable {
  lookupType?: number
  /** Format of a positioning subtable (pair adjustment: 1 by glyph pairs, 2 by class pairs). */
  version?: number
  extension?: Subtable
  coverage?: Coverage
  coverages?: ArrayLike<Coverage>
  inputCoverage?: ArrayLike<Coverage>
  /** Mark attachment (GPOS 4, 5): the mark is the glyph the lookup applies at. */
  markCoverage?: Coverage
  /** Mark-to-mark attachment (GPOS 6). */
  mark1Coverage?: Coverage
  /** Pair adjustment format 1: the pairs of each covered first glyph. */
  pairSets?: {get(index: number): ArrayLike<{secondGlyph: number; value1: ValueRecord; value2: ValueRecord}> | undefined}
  /** Pair adjustment format 2: the values by class of the first and of the second glyph. */
  classDef1?: ClassDef
  classDef2?: ClassDef
  classRecords?: {get(index: number): {get(index: number): {value1: ValueRecord; value2: ValueRecord} | undefined} | undefined}
}
interface LayoutTable {
  scriptList: ArrayLike<{tag: string; script: {defaultLangSys?: {featureIndexes: ArrayLike<number>} | null}}>
  featureList: ArrayLike<{tag: string; feature: {lookupListIndexes: ArrayLike<number>}}>
  lookupList: {
    get(index: number): {lookupType: number; flags?: {flags?: {ignoreBaseGlyphs?: boolean; ignoreLigatures?: boolean}}; subTables: ArrayLike<Subtable>} | undefined
  }
}
interface FontTables {
  _variationProcessor?: unknown
  GSUB?: LayoutTable
  GPOS?: LayoutTable
  GDEF?: {glyphClassDef?: ClassDef}
  directory: {tables: Record<string, unknown>}
}

/** Glyphs shaping may change in text of one script. */
interface Touched {
  /**
   * Wherever they stand: the first-glyph coverage of every lookup of an applied feature in the
   * script's default language system (what fontkit applies: we never name a language), except
   * positioning that needs a second glyph, and the glyphs GDEF classes as marks (whose advance
   * the shaper zeroes).
   */
  alone: Set<number>
  /**
   * Next to other glyphs: `alone` plus mark attachment. `undefined` when the font has a `kern`
   * table (fontkit kerns with it when GPOS does not), so runs always go through `layout`.
   */
  inRun?: Set<number>
  /** Followed by another glyph: cursive attachment, and kerning that cannot be looked up by pair. */
  beforeNext: Set<number>
  /** Kerning subtables, each with its coverage (glyph → coverage index): looked up pair by pair. */
  pairs: Array<{subtable: Subtable; coverage: Map<number, number>}>
}

/**
 * Glyphs that an applied GSUB or GPOS lookup may change in text of `script` (see `Touched`).
 * `undefined` when a table cannot be read this way, or for a variable font instance (whose
 * features may be swapped per instance): then every string goes through `layout`.
 */
function touchedGlyphs(font: FontkitFont, script: string): Touched | undefined {
  const alone = new Set<number>()
  const inRun = new Set<number>()
  const beforeNext = new Set<number>()
  const pairs: Touched['pairs'] = []
  const tables = font as unknown as FontTables
  if (tables._variationProcessor) return undefined
  try {
    for (const [tag, table] of [['GSUB', tables.GSUB], ['GPOS', tables.GPOS]] as const) {
      if (!table) continue
      for (const index of appliedLookups(table, script)) {
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
          const first = sub.coverage ?? sub.coverages?.[0] ?? sub.inputCoverage?.[0] ?? sub.markCoverage ?? sub.mark1Coverage
          // Kerning is looked up pair by pair where the next glyph is simply the next one: no
          // glyph is a mark in text that skips layout, and the lookup skips no other kind.
          const flags = lookup.flags?.flags
          if (tag === 'GPOS' && type === pairPositioning && !flags?.ignoreBaseGlyphs && !flags?.ignoreLigatures && (sub.version === 1 || sub.version === 2)) {
            const coverage = coverageIndexes(first)
            if (!coverage) return undefined
            pairs.push({subtable: sub, coverage})
            continue
          }
          const into = tag !== 'GPOS' ? alone : type === pairPositioning || type === cursivePositioning ? beforeNext : markPositioning.has(type) ? inRun : alone
          if (!addCoverage(first, into)) return undefined
        }
      }
    }
    const classes = tables.GDEF?.glyphClassDef
    if (classes && !addMarks(classes, alone)) return undefined
  } catch {
    return undefined
  }
  for (const id of alone) inRun.add(id)
  return {alone, inRun: tables.directory.tables.kern ? undefined : inRun, beforeNext, pairs}
}

/**
 * Lookups of the applied features in the default language system of the script entry fontkit
 * selects for `script` (its `selectScript`: the script's own entry, else the first fallback).
 */
function appliedLookups(table: LayoutTable, script: string): Set<number> {
  const find = (tags: readonly string[]) => {
    for (const tag of tags) for (let i = 0; i < table.scriptList.length; i++) if (table.scriptList[i].tag === tag) return table.scriptList[i]
    return undefined
  }
  const entry = find([script]) ?? find(fallbackScripts)
  const lookups = new Set<number>()
  const features = entry?.script.defaultLangSys?.featureIndexes ?? []
  for (let f = 0; f < features.length; f++) {
    const record = table.featureList[features[f]]
    if (!record) throw new Error('feature index out of range')
    if (!appliedFeatures.has(record.tag)) continue
    for (let k = 0; k < record.feature.lookupListIndexes.length; k++) lookups.add(record.feature.lookupListIndexes[k])
  }
  return lookups
}

/** Add the glyphs of a coverage table. False when it cannot be read. */
function addCoverage(coverage: Coverage | undefined, into: Set<number>): boolean {
  if (!coverage) return false
  if (coverage.version === 1 && coverage.glyphs) for (let i = 0; i < coverage.glyphs.length; i++) into.add(coverage.glyphs[i])
  else if (coverage.version === 2 && coverage.rangeRecords) {
    for (let i = 0; i < coverage.rangeRecords.length; i++) {
      const {start, end} = coverage.rangeRecords[i]
      for (let g = start; g <= end; g++) into.add(g)
    }
  } else return false
  return true
}

/** Each covered glyph's coverage index (the first, as fontkit finds it). `undefined` when it cannot be read. */
function coverageIndexes(coverage: Coverage | undefined): Map<number, number> | undefined {
  const indexes = new Map<number, number>()
  if (coverage?.version === 1 && coverage.glyphs) {
    for (let i = 0; i < coverage.glyphs.length; i++) if (!indexes.has(coverage.glyphs[i])) indexes.set(coverage.glyphs[i], i)
  } else if (coverage?.version === 2 && coverage.rangeRecords) {
    for (let i = 0; i < coverage.rangeRecords.length; i++) {
      const {start, end, startCoverageIndex} = coverage.rangeRecords[i]
      for (let g = start; g <= end; g++) if (!indexes.has(g)) indexes.set(g, startCoverageIndex + g - start)
    }
  } else return undefined
  return indexes
}

/** The class a class definition gives a glyph (0 when it lists none), as fontkit's `getClassID`. */
function classOf(glyph: number, classes: ClassDef | undefined): number {
  if (classes?.version === 1 && classes.classValueArray && classes.startGlyph !== undefined) {
    const i = glyph - classes.startGlyph
    if (i >= 0 && i < classes.classValueArray.length) return classes.classValueArray[i]
  } else if (classes?.version === 2 && classes.classRangeRecord) {
    for (let i = 0; i < classes.classRangeRecord.length; i++) {
      const range = classes.classRangeRecord[i]
      if (range.start <= glyph && glyph <= range.end) return range.class
    }
  }
  return 0
}

const moves = (value: ValueRecord | undefined): boolean => !value || !!(value.xAdvance || value.yAdvance || value.xPlacement || value.yPlacement)

/**
 * Whether kerning may move `first` or `second` when `second` follows `first`: a covered pair with
 * a non-zero value in any kerning subtable (more than fontkit, which stops at the first
 * subtable that has the pair), or a pair that cannot be looked up.
 */
function kerned(pairs: Touched['pairs'], first: number, second: number): boolean {
  for (const {subtable, coverage} of pairs) {
    const index = coverage.get(first)
    if (index === undefined) continue
    if (subtable.version === 1) {
      const set = subtable.pairSets?.get(index)
      if (!set) return true
      for (let i = 0; i < set.length; i++) if (set[i].secondGlyph === second && (moves(set[i].value1) || moves(set[i].value2))) return true
    } else {
      const record = subtable.classRecords?.get(classOf(first, subtable.classDef1))?.get(classOf(second, subtable.classDef2))
      if (!record || moves(record.value1) || moves(record.value2)) return true
    }
  }
  return false
}

/** Add the glyphs a GDEF class definition puts in class 3 (marks). False when it cannot be read. */
function addMarks(classes: ClassDef, into: Set<number>): boolean {
  if (classes.version === 1 && classes.classValueArray && classes.startGlyph !== undefined) {
    for (let i = 0; i < classes.classValueArray.length; i++) if (classes.classValueArray[i] === 3) into.add(classes.startGlyph + i)
  } else if (classes.version === 2 && classes.classRangeRecord) {
    for (let i = 0; i < classes.classRangeRecord.length; i++) {
      const range = classes.classRangeRecord[i]
      if (range.class === 3) for (let g = range.start; g <= range.end; g++) into.add(g)
    }
  } else return false
  return true
}

/**
 * Characters shaping treats specially whatever the font: combining marks, default ignorables
 * (hidden), controls, format characters and variation selectors, the fraction slash (fractions),
 * and code points without a character. Text with one always goes through `layout`.
 */
const special = /[\p{M}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\u2044]/u

/**
 * The OpenType script fontkit shapes `text` as (its `Script.forString`: the first character of a
 * script other than Common or Inherited decides), or `undefined` for a script not in `scriptTags`.
 */
function textScript(text: string): string | undefined {
  for (const ch of text) {
    const script = unicodeScript(ch.codePointAt(0)!)
    if (script === 'Common' || script === 'Inherited' || script === 'Unknown') continue
    return scriptTags[script]
  }
  return 'zzzz'
}

const touchedCache = new WeakMap<FontkitFont, Map<string, Touched | null>>()

function touchedFor(font: FontkitFont, script: string): Touched | undefined {
  let byScript = touchedCache.get(font)
  if (!byScript) touchedCache.set(font, (byScript = new Map()))
  let touched = byScript.get(script)
  if (touched === undefined) byScript.set(script, (touched = touchedGlyphs(font, script) ?? null))
  return touched ?? undefined
}

type Glyph = {id: number; codePoints: number[]}

/**
 * The glyphs of `text` when shaping cannot change them (no lookup fontkit would apply covers any
 * of them): the cmap glyphs `layout` would return, without setting up a shaping plan. Else `undefined`.
 */
function plainGlyphs(font: FontkitFont, text: string): Glyph[] | undefined {
  if (special.test(text)) return undefined
  const script = textScript(text)
  const touched = script === undefined ? undefined : touchedFor(font, script)
  if (!touched) return undefined
  const glyphs: Glyph[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (!font.hasGlyphForCodePoint(code)) return undefined
    // The glyph object fontkit caches for this id (its code points are the ToUnicode entry).
    glyphs.push(font.glyphForCodePoint(code))
  }
  const covered = glyphs.length === 1 ? touched.alone : touched.inRun
  if (!covered) return undefined
  for (let i = 0; i < glyphs.length; i++) {
    const id = glyphs[i].id
    if (covered.has(id)) return undefined
    if (i < glyphs.length - 1 && (touched.beforeNext.has(id) || kerned(touched.pairs, id, glyphs[i + 1].id))) return undefined
  }
  return glyphs
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
  const plain = plainGlyphs(font, text)
  // The same multiplication pdfkit's `EmbeddedFont.layoutRun` does, so values are bit-identical.
  const scale = 1000 / font.unitsPerEm
  const run = plain ? undefined : font.layout(text)
  const glyphs: Glyph[] = plain ?? run!.glyphs
  const metrics = plain ? horizontalMetrics(font) : undefined
  const n = glyphs.length
  const ids = new Array<number>(n)
  const advances = new Array<number>(n)
  const xAdvances = new Array<number>(n)
  const codePoints = new Array<number[]>(n)
  let units = 0
  for (let i = 0; i < n; i++) {
    const glyph = glyphs[i]
    const advance = metrics ? metrics.advance(glyph.id) : run!.glyphs[i].advanceWidth
    const xAdvance = metrics ? advance : run!.positions[i].xAdvance
    ids[i] = glyph.id
    advances[i] = advance * scale
    xAdvances[i] = xAdvance * scale
    codePoints[i] = glyph.codePoints
    units += xAdvance
  }
  // Text that skipped layout has a glyph for every character.
  const missing: string[] = []
  if (!plain) {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!
      if (cp < 0x20 || /\s/u.test(ch)) continue
      if (!font.hasGlyphForCodePoint(cp)) missing.push(ch)
    }
  }
  shaped = {ids, advances, xAdvances, codePoints, units, missing}
  if (cache.size >= limit) cache.clear()
  cache.set(text, shaped)
  return shaped
}
