/**
 * A document writer in a worker thread: the second core writes one format (the PDFs) while the
 * main thread parses, renders and writes the others. The worker (`worker.ts`) creates the same
 * writer from the writers table; this side posts documents and receives bytes (transferred, not
 * copied). Errors come back as they were thrown: a `UserError` stays one (same message and hint),
 * so the CLI still prints a clear Chinese message; a worker that runs out of memory is reported
 * as a `UserError` too, never as a crash.
 *
 * At most `window` documents are in the worker at a time (the next is posted as one is done), so
 * a long policy's documents are not all copied into the worker at once. The worker holds the
 * process open only while a document is in flight (unref'd when idle), and `close()` ends it.
 */
import {Worker} from 'node:worker_threads'
import {UserError} from '../errors.ts'
import type {DocumentFormat, DocumentWriter, RenderedDocument, WriteResult, WriterOptions} from './index.ts'
import type {PosterFiles, PosterJob} from './poster/index.ts'

/** Messages from the worker. */
export type FromWorker =
  | {kind: 'ready'; extension: string}
  | {kind: 'unavailable'; reason: string}
  | {kind: 'failed'; error: SerializedError}
  | {kind: 'done'; id: number; result: WriteResult | PosterFiles}
  | {kind: 'done'; id: number; error: SerializedError}

/** Messages to the worker: a document to write, or the poster (the PDF writer's worker). */
export type ToWorker = {id: number; input: RenderedDocument} | {id: number; poster: PosterJob}

export interface WorkerData {
  format: DocumentFormat
  options: WriterOptions
}

export interface SerializedError {
  message: string
  stack?: string
  user?: {file?: string; line?: number; hint?: string}
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof UserError) return {message: error.message, stack: error.stack, user: {file: error.file, line: error.line, hint: error.hint}}
  if (error instanceof Error) return {message: error.message, stack: error.stack}
  return {message: String(error)}
}

function reviveError(error: SerializedError): Error {
  const revived = error.user ? new UserError(error.message, error.user) : new Error(error.message)
  if (error.stack) revived.stack = error.stack
  return revived
}

function workerFailure(format: string, error: Error): Error {
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new UserError(`生成 .${format} 文件时内存不足，已停止，输出文件夹没有改动。`, {
      cause: error,
      hint: '政策太长：请把它拆成几个源文件分别生成，或用 --formats 只生成需要的格式。'
    })
  }
  return error
}

/**
 * Start a worker writing `format`; resolves once its writer is created (or reports it unavailable).
 * `begin(inputs)` hands it every document at once, so it works through them without waiting for
 * the main thread; `write(input)` then answers from that queue.
 */
export function threadedWriter(url: URL, format: DocumentFormat, options: WriterOptions, window = 4): Promise<DocumentWriter | {unavailable: string}> {
  const worker = new Worker(url, {workerData: {format, options} satisfies WorkerData})
  type Job = {message: ToWorker; resolve: (result: never) => void; reject: (error: Error) => void}
  /** Posted to the worker, not answered yet. */
  const waiting = new Map<number, Job>()
  /** Not posted yet (beyond the window). */
  const queued: Job[] = []
  const started = new Map<RenderedDocument['doc'], Promise<WriteResult>>()
  let next = 0
  let failure: Error | undefined
  const fill = () => {
    while (waiting.size < window && queued.length > 0) {
      const job = queued.shift()!
      waiting.set(job.message.id, job)
      worker.postMessage(job.message)
    }
    if (waiting.size > 0) worker.ref()
    else worker.unref()
  }
  /** Queue a document or the poster; the answer comes back as the worker's `done` message for its id. */
  const post = <Result>(job: {input: RenderedDocument} | {poster: PosterJob}): Promise<Result> => {
    if (failure) return Promise.reject(failure)
    const result = new Promise<Result>((resolve, reject) => queued.push({message: {id: next++, ...job}, resolve, reject}))
    result.catch(() => undefined) // raised where the build awaits it
    fill()
    return result
  }
  const fail = (error: Error) => {
    failure ??= error
    for (const job of [...waiting.values(), ...queued]) job.reject(failure)
    waiting.clear()
    queued.length = 0
  }
  return new Promise((resolve, reject) => {
    const writer: DocumentWriter = {
      extension: format,
      threaded: true,
      begin(inputs) {
        for (const input of inputs) if (!started.has(input.doc)) started.set(input.doc, post<WriteResult>({input}))
      },
      write(input) {
        const result = started.get(input.doc) ?? post<WriteResult>({input})
        started.delete(input.doc)
        return result
      },
      poster: (poster) => post<PosterFiles>({poster}),
      async close() {
        await worker.terminate()
      }
    }
    worker.on('message', (message: FromWorker) => {
      if (message.kind === 'ready') {
        writer.extension = message.extension
        resolve(writer)
      } else if (message.kind === 'unavailable') {
        resolve({unavailable: message.reason})
        void worker.terminate()
      } else if (message.kind === 'failed') {
        reject(reviveError(message.error))
        void worker.terminate()
      } else {
        const job = waiting.get(message.id)
        waiting.delete(message.id)
        if ('error' in message) job?.reject(reviveError(message.error))
        else job?.resolve(message.result as never)
      }
      fill()
    })
    worker.on('error', (error) => {
      const reported = workerFailure(format, error)
      fail(reported)
      reject(reported)
    })
    worker.on('exit', () => {
      const stopped = new Error(`The .${format} writer thread stopped`)
      fail(stopped)
      reject(stopped)
    })
  })
}
