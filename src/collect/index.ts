/**
 * `collect`: the ledgers bureaus send back → the office's progress report.
 *
 *   policy (parse + extract, as build) → ledger view (which task × unit rows exist, their deadlines)
 *   → read each returned workbook → merge (latest report per row, problems) → progress view
 *   → 落实情况汇总.xlsx; progress template → Markdown → Doc → 督办通报.docx/.pdf (the notice's writers)
 *   and 落实情况.html (the HTML writer plus an inline SVG chart) → one atomic save.
 *
 * Same inputs, same bytes: the report date is an input (--date, else the latest 填报日期 found),
 * never the clock.
 */
import {readFile} from 'node:fs/promises'
import type {Config} from '../config/types.ts'
import {UserError} from '../errors.ts'
import {parseDocument} from '../doc/parse.ts'
import {enrichPolicy} from '../extract/index.ts'
import type {Policy} from '../tree/types.ts'
import type {RegistryLike} from '../view/types.ts'
import {loadTemplates, render} from '../template/index.ts'
import {ledgerView} from '../view/ledger.ts'
import {unusedDeadlines} from '../view/common.ts'
import {progressView, type ProgressView} from '../view/progress.ts'
import {writers, type DocumentWriter} from '../write/index.ts'
import {writeHtml} from '../write/html.ts'
import {writeProgressXlsx} from '../write/xlsx/progress.ts'
import {writeOutputs, type OutputFile} from '../write/files.ts'
import {mergeReports} from './merge.ts'
import {readLedger} from './read.ts'
import {statusChart, withChart} from './chart.ts'
import type {Collected, Report, Problem} from './types.ts'

export interface CollectOptions {
  /** The policy, already parsed. */
  policy: Policy
  config?: Config
  registry?: RegistryLike
  /** Returned ledgers: absolute path and the name to show in messages. */
  ledgers: ReadonlyArray<{path: string; shown: string}>
  /** Output folder (absolute). */
  outDir: string
  /** Report date `YYYY-MM-DD`; default the latest 填报日期 found. */
  date?: string
  /** Template overrides folder. */
  templatesDir?: string
  /** Folder that relative paths in the config (font files) are resolved against. */
  configDir: string
  /** Other files read (the source, the config): never written over. The ledgers are added here. */
  inputs?: readonly string[]
  /** Overwrite output files edited by hand since the last run. Default false. */
  force?: boolean
}

export interface CollectReport {
  collected: Collected
  view: ProgressView
  /** Files written: path relative to the output folder and size. */
  documents: Array<{name: string; bytes: number}>
  warnings: string[]
}

export async function collect(options: CollectOptions): Promise<CollectReport> {
  const config = options.config ?? {}
  const policy = options.policy
  enrichPolicy(policy)
  const ledger = ledgerView({policy, config, registry: options.registry})
  const reports: Report[] = []
  const problems: Problem[] = []
  const sequence = {next: 0}
  for (const file of options.ledgers) {
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(await readFile(file.path))
    } catch (error) {
      throw new UserError(`无法读取台账文件 ${file.shown}`, {file: file.shown, hint: '检查文件名和权限；文件被 Excel 或 WPS 打开时先关闭它。', cause: error})
    }
    const result = await readLedger(bytes, file.shown, policy.title, sequence)
    reports.push(...result.reports)
    problems.push(...result.problems)
  }
  const collected = mergeReports(ledger, reports, problems, {date: options.date, files: options.ledgers.map((l) => l.shown)})
  const view = progressView(collected, policy, config)

  const warnings: string[] = unusedDeadlines(policy, config)
  const files: OutputFile[] = []
  const summary = await writeProgressXlsx(view)
  warnings.push(...summary.warnings)
  files.push({path: '落实情况汇总.xlsx', bytes: summary.bytes})

  const templates = loadTemplates({overrideDir: options.templatesDir})
  const markdown = render(templates, 'progress', view)
  const doc = parseDocument(markdown)
  for (const format of ['docx', 'pdf'] as const) {
    const writer = await writers[format]({config, baseDir: options.configDir})
    if (!('write' in writer)) {
      warnings.push(`未生成督办通报.${format}：${writer.unavailable}`)
      continue
    }
    const result = await (writer as DocumentWriter).write({markdown, doc})
    for (const warning of result.warnings ?? []) if (!warnings.includes(warning)) warnings.push(warning)
    files.push({path: `督办通报.${format}`, bytes: result.bytes})
  }
  files.push({path: '落实情况.html', bytes: withChart(writeHtml(doc), statusChart(view.units))})

  await writeOutputs(options.outDir, files, {
    force: options.force,
    inputs: [...options.ledgers.map((ledger) => ledger.path), ...(options.inputs ?? [])],
    inputFolders: options.templatesDir ? [options.templatesDir] : []
  })
  return {
    collected,
    view,
    documents: files.map((f) => ({name: f.path, bytes: typeof f.bytes === 'string' ? Buffer.byteLength(f.bytes) : f.bytes.byteLength})),
    warnings
  }
}
