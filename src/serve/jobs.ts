/**
 * Build jobs: `生成全部文件` runs the command line's build (`loadSource`, `checkOutputFolder`,
 * `buildOptions`, `build`) for one policy into `output/<name>/` of the workspace, and records
 * its progress as events the page follows (server-sent events, replayed to late listeners):
 * the build's own plan (how many files) and each file as it is made.
 * One build runs at a time. A failed build leaves the output folder as it was (build saves all
 * files together at the end).
 */
import path from 'node:path'
import {build} from '../build/index.ts'
import {buildOptions, checkOutputFolder, loadSource} from '../cli/source.ts'
import type {Format} from '../config/types.ts'
import {UserError} from '../errors.ts'
import {errorBody, internalErrorBody, type ErrorBody} from './config-form.ts'
import {stemOf} from './collect.ts'

export type JobEvent =
  | {type: 'plan'; total: number; outDir: string}
  | {type: 'document'; name: string; format: Format; bytes: number; done: number; total: number}
  | {type: 'done'; documents: number; warnings: string[]; checkMessages: number; outDir: string}
  | {type: 'failed'; error: ErrorBody}

export interface Job {
  id: string
  policy: string
  events: JobEvent[]
  finished: boolean
  listeners: Set<(event: JobEvent) => void>
}

export class Jobs {
  private readonly jobs = new Map<string, Job>()
  private running: Job | undefined
  private counter = 0

  constructor(private readonly root: string) {}

  get(id: string): Job | undefined {
    return this.jobs.get(id)
  }

  /** The job running now, if any. */
  busy(): Job | undefined {
    return this.running
  }

  /** Start building `policy` (workspace-relative). Returns at once; follow the job's events. */
  start(policy: string): Job {
    const job: Job = {id: String(++this.counter), policy, events: [], finished: false, listeners: new Set()}
    this.jobs.set(job.id, job)
    for (const old of [...this.jobs.keys()].slice(0, -10)) this.jobs.delete(old)
    this.running = job
    void this.run(job).finally(() => {
      job.finished = true
      if (this.running === job) this.running = undefined
      job.listeners.clear()
    })
    return job
  }

  /** The output folder of a policy, relative to the workspace: `output/<name without extension>`. */
  static outDirOf(policy: string): string {
    return `output/${stemOf(policy)}`
  }

  private emit(job: Job, event: JobEvent): void {
    job.events.push(event)
    for (const listener of job.listeners) listener(event)
  }

  private async run(job: Job): Promise<void> {
    try {
      const input = await loadSource(job.policy, this.root)
      const outDirRelative = Jobs.outDirOf(job.policy)
      const outDir = path.join(this.root, outDirRelative)
      checkOutputFolder(outDir, this.root)
      let total = 0
      let done = 0
      const report = await build({
        ...buildOptions(input, outDir),
        onPlan: (files) => {
          total = files
          this.emit(job, {type: 'plan', total, outDir: outDirRelative})
        },
        onDocument: (document) => {
          done++
          this.emit(job, {type: 'document', name: document.name, format: document.format, bytes: document.bytes, done, total: Math.max(total, done)})
        }
      })
      this.emit(job, {
        type: 'done',
        documents: report.documents.length,
        warnings: report.warnings,
        checkMessages: report.messages.length,
        outDir: outDirRelative
      })
    } catch (error) {
      this.emit(job, {type: 'failed', error: error instanceof UserError ? errorBody(error) : internalErrorBody(error)})
    }
  }
}
