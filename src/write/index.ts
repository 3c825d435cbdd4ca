/**
 * The writers table, looked up by format name (pandoc's `Writers.hs`).
 *
 * Document writers turn one rendered document (its Markdown and the parsed `Doc`) into a file;
 * they are created once per build (the PDF writer keeps its parsed fonts). The docx and pdf
 * writers are loaded on first use, so a build without them still writes everything else.
 * Data writers (`xlsx`, `json`) take the views and the tree instead; the build calls them directly.
 */
import type {Config, Format} from '../config/types.ts'
import type {Doc} from '../doc/types.ts'
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
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

/** Creates a writer, or returns undefined with a reason when this format is unavailable. */
export type WriterFactory = (options: WriterOptions) => Promise<DocumentWriter | {unavailable: string}>

/** Import an optional sibling module; undefined when its file does not exist (yet). Other errors propagate. */
async function optional(specifier: string): Promise<Record<string, unknown> | undefined> {
  const url = new URL(specifier, import.meta.url)
  if (!existsSync(fileURLToPath(url))) return undefined
  return (await import(url.href)) as Record<string, unknown>
}

export const writers: Record<DocumentFormat, WriterFactory> = {
  async md() {
    return {extension: 'md', write: async ({markdown}) => ({bytes: writeMarkdown(markdown)})}
  },
  async html() {
    return {extension: 'html', write: async ({doc}) => ({bytes: writeHtml(doc)})}
  },
  async docx({config}) {
    const module = await optional('./docx/index.ts')
    const writeDocx = module?.writeDocx as ((doc: Doc, options?: unknown) => Promise<Uint8Array>) | undefined
    if (!writeDocx) return {unavailable: '尚未提供 Word (.docx) 输出'}
    return {extension: 'docx', write: async ({doc}) => ({bytes: await writeDocx(doc, {fonts: config.fonts})})}
  },
  async pdf({config, baseDir}) {
    const module = await optional('./pdf/index.ts')
    type PdfWriter = {write(doc: Doc): Promise<{bytes: Uint8Array; warnings?: string[]}>}
    const create = module?.createPdfWriter as ((options?: unknown) => PdfWriter | Promise<PdfWriter>) | undefined
    if (!create) return {unavailable: '尚未提供 PDF 输出'}
    const writer = await create({fontFiles: config.fontFiles, baseDir})
    return {
      extension: 'pdf',
      write: async ({doc}) => {
        const result = await writer.write(doc)
        return {bytes: result.bytes, warnings: result.warnings}
      }
    }
  }
}

export {writeHtml} from './html.ts'
export {writeMarkdown} from './md.ts'
export {writeXlsx} from './xlsx.ts'
export {writeJson} from './json.ts'
