/**
 * PDF writer: the document model → PDF bytes, typeset by our own line engine (`lines.ts`) on top
 * of pdfkit's drawing calls. Official documents follow the GB/T 9704 grid (`official.ts`); the
 * leaflet has its own look (`leaflet.ts`). Fonts are parsed once per process (`fonts.ts`) and
 * subset per document by pdfkit. Output is byte-identical for the same input.
 */
import {existsSync} from 'node:fs'
import {isAbsolute, resolve} from 'node:path'
import type {Doc} from '../../doc/types.ts'
import {UserError} from '../../errors.ts'
import {gbt9704, type FontFiles, type OfficialLayout} from '../../layout/gbt9704.ts'
import {Composer, type Look} from './compose.ts'
import {openPdf} from './document.ts'
import {preloadFonts, resolveFontFiles, type Slot} from './fonts.ts'
import {composeLeaflet, leafletLook} from './leaflet.ts'
import {Measurer} from './measure.ts'
import {composeOfficial, officialLandscapeLook, officialLook} from './official.ts'
import {Painter} from './painter.ts'

export interface PdfWriterOptions {
  /** Layout profile (page, grid, sizes). Default `gbt9704`. Override to change the look. */
  layout?: OfficialLayout
  /**
   * Font files per slot (TTF/OTF), for example the office's licensed 仿宋 as `body` and
   * 小标宋 as `title`. Missing slots use the bundled Noto Serif SC / Noto Sans SC.
   */
  fontFiles?: FontFiles
  /** Folder relative `fontFiles` paths are resolved against (the config file's folder). Default: cwd. */
  baseDir?: string
}

export interface PdfResult {
  bytes: Uint8Array
  /** Problems worked around, in Chinese (for example characters missing from a font). */
  warnings: string[]
  /** What the writer decided for the reader to know (fonts embedded, 主送 moved), in Chinese. */
  notes: string[]
}

export interface PdfWriter {
  write(doc: Doc): Promise<PdfResult>
}

/** Fixed timestamp when the document names none, so output never depends on the clock. */
const epoch = new Date('2000-01-01T00:00:00Z')

export function createPdfWriter(options: PdfWriterOptions = {}): PdfWriter {
  const layout = options.layout ?? gbt9704
  const given: FontFiles = {}
  for (const [slot, path] of Object.entries(options.fontFiles ?? {}) as Array<[Slot, string | undefined]>) {
    if (!path) continue
    const full = isAbsolute(path) ? path : resolve(options.baseDir ?? process.cwd(), path)
    if (!existsSync(full)) {
      throw new UserError(`找不到字体文件：${full}`, {hint: `请检查配置项 fontFiles.${slot}，或删除该项以使用内置的思源（Noto）字体。`})
    }
    given[slot] = full
  }
  const files = resolveFontFiles(given)
  const looks = {official: officialLook(layout), leaflet: leafletLook(layout)}
  const landscape = officialLandscapeLook(layout)
  // Start reading the font files now; the first write waits for them. Each font is parsed when a
  // document first draws with it (a broken file is a UserError from loadFont).
  const preloaded = preloadFonts(Object.values(files))
  // Text measured for one document is measured for all: clause texts recur across documents.
  const measurer = new Measurer(files)
  return {
    async write(doc: Doc): Promise<PdfResult> {
      await preloaded
      const leaflet = doc.meta.layout === 'leaflet'
      return render(doc, layout, files, measurer, leaflet ? looks.leaflet : looks.official, leaflet ? undefined : landscape)
    }
  }
}

function render(doc: Doc, layout: OfficialLayout, files: Record<Slot, string>, measurer: Measurer, look: Look, landscape?: Look): Promise<PdfResult> {
  const created = parseDate(doc.meta.created) ?? epoch
  const {pdf, finish} = openPdf([layout.page.width, layout.page.height], {
    Title: doc.meta.title,
    Subject: doc.meta.documentNumber ?? '',
    Author: doc.meta.signature ?? '',
    Creator: 'policy-press',
    Producer: 'policy-press (pdfkit)',
    CreationDate: created,
    ModDate: created
  })
  const painter = new Painter(pdf as never, files, measurer)
  const composer = new Composer(pdf, painter, look, landscape)
  const notes: string[] = []
  if (doc.meta.layout === 'leaflet') composeLeaflet(composer, doc)
  else notes.push(...composeOfficial(composer, doc, layout))
  notes.push(`PDF 嵌入字体：${painter.embeddedFonts().join('、')}`)
  return finish().then((bytes) => {
    const warnings = painter.warnings()
    if (!doc.meta.title) warnings.push('文档没有标题（front matter 的 title 为空）')
    return {bytes, warnings, notes}
  })
}

function parseDate(value: string | undefined): Date | undefined {
  if (!value) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date
}
