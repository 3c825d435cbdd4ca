/**
 * Collecting progress in the page: the ledgers bureaus return are kept in the workspace under
 * `报回/<policy name>/`, and `collect` (the command line's own stage, with its `loadSource`,
 * `parseSource` and `checkOutputFolder`) writes the report to `output/<policy name>-落实情况/`,
 * as `policy-press collect 政策 报回/<policy name>/*.xlsx` would.
 */
import {existsSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {checkOutputFolder, collectOptions, loadSource, parseSource} from '../cli/source.ts'
import {parseDay} from '../config/dates.ts'
import {UserError} from '../errors.ts'
import type {StatusCounts} from '../view/progress.ts'
import type {Workspace} from './workspace.ts'

/**
 * A policy's own name inside the workspace: its path without the extension (`a/x.txt` → `a/x`), so
 * two policies named alike in different folders never share an output or ledger folder.
 */
export const stemOf = (policy: string) => path.posix.join(path.posix.dirname(policy.split(path.sep).join('/')), path.basename(policy, path.extname(policy)))

/** Folder of the returned ledgers of a policy, relative to the workspace. */
export function ledgersDirOf(policy: string): string {
  return `报回/${stemOf(policy)}`
}

/** Output folder of the progress report, relative to the workspace (the command's default). */
function progressDirOf(policy: string): string {
  return `output/${stemOf(policy)}-落实情况`
}

/** The returned ledgers kept for a policy, sorted. */
export function listLedgers(workspace: Workspace, policy: string): Array<{name: string; bytes: number}> {
  const dir = workspace.resolveInside(ledgersDirOf(policy))
  if (!existsSync(dir)) return []
  return readdirSync(dir, {withFileTypes: true})
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && path.extname(entry.name).toLowerCase() === '.xlsx')
    .map((entry) => ({name: entry.name, bytes: statSync(path.join(dir, entry.name)).size}))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
}

export interface CollectSummary {
  outDir: string
  date: string
  dateFromReports: boolean
  taskCount: number
  unitCount: number
  reportedUnitCount: number
  unreportedUnitCount: number
  totals: StatusCounts
  problems: Array<{message: string; rule: string}>
  documents: Array<{name: string; bytes: number}>
  warnings: string[]
}

/** Run `collect` over every ledger kept for `policy`; bad input throws the command line's UserError. */
export async function collectPolicy(workspace: Workspace, policy: string, dateText: string | undefined): Promise<CollectSummary> {
  const date = dateText ? parseDay(dateText) : undefined
  if (dateText && !date) {
    throw new UserError(`统计截止日期“${dateText}”不是日期`, {hint: '写成 2024-06-30（逾期任务按它判断）；不写时取台账中最晚的填报日期。'})
  }
  const ledgers = listLedgers(workspace, policy).map((ledger) => ({
    path: workspace.resolveInside(`${ledgersDirOf(policy)}/${ledger.name}`),
    shown: `${ledgersDirOf(policy)}/${ledger.name}`
  }))
  if (ledgers.length === 0) throw new UserError('还没有收到任何台账', {hint: '先在“报回的台账”里上传各单位交回的任务台账（.xlsx）。'})
  const input = await loadSource(policy, workspace.root)
  const {policy: tree} = await parseSource(input)
  const outRelative = progressDirOf(policy)
  const outDir = workspace.resolveInside(outRelative)
  checkOutputFolder(outDir, workspace.root)
  const {collect} = await import('../collect/index.ts')
  const report = await collect(collectOptions(input, tree, ledgers, outDir, date))
  const view = report.view
  return {
    outDir: outRelative,
    date: view.date,
    dateFromReports: view.dateFromReports,
    taskCount: view.taskCount,
    unitCount: view.unitCount,
    reportedUnitCount: view.reportedUnitCount,
    unreportedUnitCount: view.unreportedUnitCount,
    totals: {...view.totals},
    problems: report.collected.problems.map((problem) => ({message: problem.message, rule: problem.rule})),
    documents: report.documents,
    warnings: report.warnings
  }
}
