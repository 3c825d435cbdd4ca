/**
 * The writers table, looked up by format name (pandoc's `Writers.hs`).
 *
 * Document writers turn one rendered document (its Markdown and the parsed `Doc`) into a file;
 * they are created once per build (the PDF writer keeps its parsed fonts). The docx and pdf
 * writers are imported lazily (only builds that ask for them pay for loading docx/pdfkit). A
 * factory may answer `{unavailable}` instead of a writer; the build then warns and goes on.
 * Data writers (`xlsx`, `json`) take the views and the tree instead; the build calls them directly.
 */
import type {Config, Format} from '../config/types.ts'
import type {Doc} from '../doc/types.ts'
import {officialLayout} from '../layout/gbt9704.ts'
import {writeHtml} from './html.ts'
import {writeMarkdown} from './md.ts'

export type DocumentFormat = Extract<Format, 'md' | 'html' | 'docx' | 'pdf'>
export const documentFormats: readonly DocumentFormat[] = ['md', 'html', 'docx', 'pdf']

export interface RenderedDocument {
  /** The template output (front matter + Markdown). */
  markdown: string
  /** `parseDocument(markdown)`. */
  doc: Doc
}

export interface WriteResult {
  bytes: Uint8Array | string
  /** Problems the writer worked around (missing font, glyph fallback…), in Chinese. */
  warnings?: string[]
  /** Layout decisions the build reports (fonts embedded, 主送 moved to the 版记), in Chinese. */
  notes?: string[]
}

export interface DocumentWriter {
  /** File extension without the dot. */
  extension: string
  write(input: RenderedDocument): Promise<WriteResult>
}

export interface WriterOptions {
  config: Config
  /** Folder that relative paths in the config (font files) are resolved against. */
  baseDir: string
}

/** Creates a writer, or `{unavailable: reason}` when this format cannot be written here. */
export type WriterFactory = (options: WriterOptions) => Promise<DocumentWriter | {unavailable: string}>

export const writers: Record<DocumentFormat, WriterFactory> = {
  async md() {
    return {extension: 'md', write: async ({markdown}) => ({bytes: writeMarkdown(markdown)})}
  },
  async html() {
    return {extension: 'html', write: async ({doc}) => ({bytes: writeHtml(doc)})}
  },
  async docx({config}) {
    const {writeDocx} = await import('./docx/index.ts')
    const layout = officialLayout({fonts: config.fonts})
    return {
      extension: 'docx',
      write: async ({doc}) => {
        const notes: string[] = []
        return {bytes: await writeDocx(doc, {layout, notes}), notes}
      }
    }
  },
  async pdf({config, baseDir}) {
    const {createPdfWriter} = await import('./pdf/index.ts')
    const writer = createPdfWriter({fontFiles: config.fontFiles, baseDir, layout: officialLayout({fonts: config.fonts})})
    return {
      extension: 'pdf',
      write: async ({doc}) => {
        const result = await writer.write(doc)
        return {bytes: result.bytes, warnings: result.warnings, notes: result.notes}
      }
    }
  }
}

export {writeHtml} from './html.ts'
export {writeMarkdown} from './md.ts'
export {writeXlsx} from './xlsx.ts'
export {writeJson} from './json.ts'
