/**
 * Font files for PDF embedding: resolved per slot, read and parsed once per process, and only
 * when a document first draws with them (a build without the leaflet never parses Noto Sans).
 *
 * pdfkit parses a font file for every document it is given; handing it an already parsed
 * fontkit font instead (pdfkit accepts any object with `layout`) skips the ~250 ms parse of a
 * 10–15 MB CJK font. Subsetting stays per document (pdfkit's `EmbeddedFont` makes its own subset).
 */
import {readFileSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import * as fontkitModule from 'fontkit'
import {getScript} from 'unicode-properties'
import {UserError} from '../../errors.ts'
import type {FontFiles} from '../../layout/gbt9704.ts'

/** The parts of a fontkit font we use. */
export interface FontkitFont {
  postscriptName: string
  familyName: string
  unitsPerEm: number
  numGlyphs: number
  hasGlyphForCodePoint(codePoint: number): boolean
  glyphForCodePoint(codePoint: number): {id: number; advanceWidth: number; codePoints: number[]}
  layout(text: string): {positions: Array<{xAdvance: number}>; glyphs: Array<{id: number; advanceWidth: number; codePoints: number[]}>}
}

const require = createRequire(import.meta.url)
// fontkit and its Unicode data as pdfkit loads them: the ES modules (the versions pinned are
// pdfkit's own, so npm installs one copy). Through require() they would be a second copy, loaded
// again (23–29 ms, measured after loading pdfkit).
const fontkit = fontkitModule as unknown as {create(buffer: Uint8Array): FontkitFont}

/** Unicode script of a code point (`Han`, `Latin`, `Common`, …) from fontkit's own Unicode data, as its shaping sees it. */
export const unicodeScript: (codePoint: number) => string = getScript

/** A font slot of `FontFiles`. */
export type Slot = keyof FontFiles

/** Bundled faces (npm `@expo-google-fonts/noto-*-sc`), used where the config names no file. */
export function bundledFontFiles(): Required<Pick<FontFiles, 'serif' | 'serifBold' | 'sans' | 'sansBold'>> {
  const file = (pkg: string, weight: string, name: string) =>
    require.resolve(`@expo-google-fonts/${pkg}/${weight}/${name}_${weight}.ttf`)
  return {
    serif: file('noto-serif-sc', '400Regular', 'NotoSerifSC'),
    serifBold: file('noto-serif-sc', '700Bold', 'NotoSerifSC'),
    sans: file('noto-sans-sc', '400Regular', 'NotoSansSC'),
    sansBold: file('noto-sans-sc', '700Bold', 'NotoSansSC')
  }
}

/**
 * Which file each slot uses. Role slots fall back to a base face: `body` → serif (仿宋 stand-in),
 * `title` → serifBold (小标宋 stand-in), `heading1` → sansBold (黑体), `heading2` → serifBold
 * (楷体 stand-in: no free 楷体 on npm; bold serif keeps （一） headings distinct from body text).
 */
export function resolveFontFiles(files: FontFiles = {}): Required<FontFiles> {
  const bundled = bundledFontFiles()
  const serif = files.serif ?? bundled.serif
  const serifBold = files.serifBold ?? bundled.serifBold
  const sans = files.sans ?? bundled.sans
  const sansBold = files.sansBold ?? bundled.sansBold
  return {
    serif,
    serifBold,
    sans,
    sansBold,
    body: files.body ?? serif,
    title: files.title ?? serifBold,
    heading1: files.heading1 ?? sansBold,
    heading2: files.heading2 ?? serifBold
  }
}

const cache = new Map<string, FontkitFont>()
/** Font files read ahead (`preloadFonts`), waiting to be parsed. */
const read = new Map<string, Buffer>()
const reading = new Map<string, Promise<void>>()

/**
 * Read font files in the background (in parallel, off the main thread) so that `loadFont` finds
 * the bytes ready: the bundled faces are 10–15 MB each. Never rejects: a file that cannot be read
 * is left for `loadFont`, which reports it.
 */
export function preloadFonts(paths: Iterable<string>): Promise<void> {
  const pending: Array<Promise<void>> = []
  for (const path of new Set(paths)) {
    if (cache.has(path) || read.has(path)) continue
    let promise = reading.get(path)
    if (!promise) {
      promise = readFile(path).then(
        (bytes) => {
          if (!cache.has(path)) read.set(path, bytes)
        },
        () => undefined
      )
      promise.finally(() => reading.delete(path))
      reading.set(path, promise)
    }
    pending.push(promise)
  }
  return Promise.all(pending).then(() => undefined)
}

/**
 * Parsed font for a file path; each path is read and parsed once per process, on first use.
 * A file that is missing, unreadable or not a single TTF/OTF font is a `UserError`.
 */
export function loadFont(path: string): FontkitFont {
  let font = cache.get(path)
  if (!font) {
    try {
      const bytes = read.get(path) ?? readFileSync(path)
      read.delete(path)
      font = fontkit.create(bytes)
      if (typeof font.layout !== 'function') throw new Error(`Not a single font file: ${path}`)
    } catch (cause) {
      throw new UserError(`无法读取字体文件：${path}`, {cause, hint: '字体文件须为单个 TTF 或 OTF 文件。'})
    }
    cache.set(path, font)
  }
  return font
}

/** Number of parsed fonts held by this process (for the bench and tests). */
export function loadedFontCount(): number {
  return cache.size
}
