/**
 * The writers table, looked up by format name (pandoc's `Writers.hs`).
 *
 * Document writers turn one rendered document (its Markdown and the parsed `Doc`) into a file;
 * they are created once per build (the PDF writer keeps its parsed fonts). The docx and pdf
 * writers are imported lazily (only builds that ask for them pay for loading docx/pdfkit). A
 * factory may answer `{unavailable}` instead of a writer; the build then warns and goes on.
 * `createWriter` is what a build calls: when running compiled on a machine with cores to spare, it
 * runs the PDF and Word writers in worker threads (`thread.ts`; see `threadedFormats`). Data writers
 * (`xlsx`, `json`) take the views and the tree instead; the build imports them (lazily) and calls them directly.
 */
import {existsSync} from 'node:fs'
import {availableParallelism, loadavg} from 'node:os'
import type {Config, Format} from '../config/types.ts'
import type {Doc} from '../doc/types.ts'
import {officialLayout} from '../layout/gbt9704.ts'
import {writeHtml} from './html.ts'
import {writeMarkdown} from './md.ts'
import {threadedWriter} from './thread.ts'
import type {PosterFiles, PosterJob} from './poster/index.ts'

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
  /** Writes in a worker thread: the build does its own work before awaiting this writer's files. */
  threaded?: boolean
  write(input: RenderedDocument): Promise<WriteResult>
  /**
   * Every document of the build, once rendered, before the first `write`: a writer in a worker
   * thread starts on all of them at once, alongside the main thread's writers.
   */
  begin?(inputs: readonly RenderedDocument[]): void
  /** Release what the writer holds (its worker thread). */
  close?(): Promise<void>
  /** 一图读懂 (the PDF writer only): drawn with the fonts this writer's thread has loaded. */
  poster?(job: PosterJob): Promise<PosterFiles>
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
    const {createDocxWriter} = await import('./docx/index.ts')
    const writeDocx = createDocxWriter(officialLayout({fonts: config.fonts}))
    return {
      extension: 'docx',
      write: async ({doc}) => {
        const notes: string[] = []
        return {bytes: await writeDocx(doc, {notes}), notes}
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
      },
      poster: async (job) => (await import('./poster/index.ts')).writePoster(job)
    }
  }
}

/**
 * Formats written in worker threads, one thread each, while the main thread writes the rest: the
 * PDF and Word writers are most of a build's work and need nothing from the main thread but the
 * documents (the PDF writer's thread also draws 一图读懂, with the fonts it has loaded).
 *
 * On two cores they do not pay: a cold process already keeps the second core busy with V8's
 * background compiling and collecting, and each worker loads and warms up its own modules. Measured
 * on the sample (`npm run bench -- --quick --only=cli`, 2-core machine, medians of 5, two runs at
 * load average 0.9 and 1.4): one thread 2.66 and 2.73 s, the PDFs in a worker 2.71 and 2.72 s, PDFs
 * and Word files in two workers 2.73 and 2.61 s, with 0.3–0.5 s more CPU. So workers are used only with at least
 * four cores, two of them free by the one-minute load average (not measured here: this machine has
 * two). POLICY_PRESS_THREADS overrides: `0` for one thread, or the formats to put in workers (`pdf,docx`, `pdf`).
 */
function threadedFormats(): ReadonlySet<string> {
  const setting = process.env.POLICY_PRESS_THREADS
  if (setting !== undefined) return new Set(setting === '0' ? [] : setting.split(','))
  const cores = availableParallelism()
  return new Set(cores >= 4 && loadavg()[0]! <= cores - 2 ? ['pdf', 'docx'] : [])
}

/** dist/cli/write-worker.js next to this chunk; absent when running the TypeScript sources. */
const workerUrl = new URL('./write-worker.js', import.meta.url)

/** The writer a build uses for `format`: in a worker thread where that pays, else in this thread. */
export function createWriter(format: DocumentFormat, options: WriterOptions): Promise<DocumentWriter | {unavailable: string}> {
  const useThread = threadedFormats().has(format) && import.meta.url.endsWith('.js') && existsSync(workerUrl)
  return useThread ? threadedWriter(workerUrl, format, options) : writers[format](options)
}

export {writeHtml} from './html.ts'
export {writeMarkdown} from './md.ts'
