/**
 * The writers table, looked up by format name (pandoc's `Writers.hs`).
 *
 * Document writers turn one rendered document (its Markdown and the parsed `Doc`) into a file;
 * they are created once per build (the PDF writer keeps its parsed fonts). The docx and pdf
 * writers are imported lazily (only builds that ask for them pay for loading docx/pdfkit). A
 * factory may answer `{unavailable}` instead of a writer; the build then warns and goes on.
 * `createWriter` is what a build calls: when running compiled and a core is free, it runs the PDF
 * and Word writers in worker threads (`thread.ts`), so both cores work. Data writers (`xlsx`, `json`) take the views and the
 * tree instead; the build imports them (lazily) and calls them directly.
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
 * documents. It pays only with a free core. Measured on the sample (2-core machine shared with other
 * jobs): CPU per thread drops from 2.5–2.8 s in one thread to 1.3–1.4 s on the main thread with
 * workers of 1.0–1.2 s (PDF) and 0.6–0.8 s (Word), but the process spends 0.2–1.1 s more CPU (each
 * worker loads and warms up its own modules), and with both cores busy (load average 5–17) the median
 * wall time was higher with workers (8.1 s vs 6.3 s at load 5–8). So workers are used when the
 * one-minute load average leaves a core free. POLICY_PRESS_THREADS overrides: `0` for one thread,
 * or the formats to put in workers (`pdf,docx`, `pdf`).
 */
function threadedFormats(): ReadonlySet<string> {
  const setting = process.env.POLICY_PRESS_THREADS
  if (setting !== undefined) return new Set(setting === '0' ? [] : setting.split(','))
  return new Set(loadavg()[0]! < availableParallelism() - 1 ? ['pdf', 'docx'] : [])
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
