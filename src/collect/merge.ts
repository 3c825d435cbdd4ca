/**
 * Match the rows bureaus reported against the ledger of the policy: every task × unit gets its
 * latest report (or none), its status and whether it is late on the report date. Rows that match
 * nothing, or say something that cannot be used, become problems that keep what was written.
 */
import {UserError} from '../errors.ts'
import {statuses, type LedgerView, type Status} from '../view/ledger.ts'
import type {Collected, Problem, Report, TaskProgress} from './types.ts'

export interface MergeOptions {
  /** Report date (ISO) from --date; default the latest 填报日期 found. */
  date?: string
  files: string[]
}

const where = (r: Report) => `${r.file} 工作表“${r.sheet}”第${r.row}行`

/** What the bureau wrote in a row, for the problems list. */
export function reportData(r: Report): string {
  return [
    `任务编号：${r.id}`,
    `责任单位：${r.unit}`,
    r.statusText && `落实状态：${r.statusText}`,
    r.progress && `进展情况：${r.progress}`,
    r.completedText && `完成日期：${r.completedText}`,
    r.contact && `联系人：${r.contact}`,
    r.phone && `联系电话：${r.phone}`,
    r.reportedText && `填报日期：${r.reportedText}`
  ]
    .filter(Boolean)
    .join('；')
}

function nearestStatus(text: string): string {
  const hits: Record<string, Status> = {完成: '已完成', 已办结: '已完成', 办结: '已完成', 进行中: '推进中', 正在推进: '推进中', 推进: '推进中', 落后: '滞后', 延期: '滞后', 未启动: '未开始', 暂停: '无法推进'}
  const hit = hits[text]
  return hit ? `是不是“${hit}”？` : ''
}

export function mergeReports(ledger: LedgerView, reports: readonly Report[], problems: Problem[], options: MergeOptions): Collected {
  const key = (id: string, unit: string) => `${id}\u0000${unit}`
  const rows = new Map(ledger.rows.map((row) => [key(row.id, row.unit), row]))
  const ids = new Map<string, string[]>()
  for (const row of ledger.rows) ids.set(row.id, [...(ids.get(row.id) ?? []), row.unit])
  const chosen = new Map<string, Report>()

  for (const report of reports) {
    const data = reportData(report)
    const add = (rule: string, message: string) => problems.push({file: report.file, sheet: report.sheet, row: report.row, rule, message, data})
    if (!report.id) {
      add('unknown-task', `${where(report)}：没有任务编号，这一行未计入；请把内容填到对应任务的行里`)
      continue
    }
    const units = ids.get(report.id)
    if (!units) {
      add('unknown-task', `${where(report)}：任务编号“${report.id}”不是这份政策的任务，这一行未计入；请核对任务编号（不要修改台账的“任务编号”列）`)
      continue
    }
    if (report.sheetUnit && report.unit !== report.sheetUnit) {
      add(
        'wrong-sheet',
        `${where(report)}：${report.sheetUnit}的工作表里填报了${report.unit || '（未写单位）'}的任务 ${report.id}，这一行未计入；${report.unit || '该单位'}的任务应由其自己填报`
      )
      continue
    }
    if (!rows.has(key(report.id, report.unit))) {
      add(
        'not-own-task',
        `${where(report)}：任务 ${report.id} 不是${report.unit || '（未写单位）'}的任务（责任单位：${units.join('、')}），这一行未计入`
      )
      continue
    }
    if (report.statusText && !(statuses as readonly string[]).includes(report.statusText)) {
      add(
        'invalid-status',
        `${where(report)}：落实状态“${report.statusText}”不是可选的状态（${statuses.join('、')}），按未报告统计，其余内容照录；${nearestStatus(report.statusText)}请从下拉列表中选择`
      )
    }
    for (const [label, text, iso] of [
      ['完成日期', report.completedText, report.completed],
      ['填报日期', report.reportedText, report.reported]
    ] as const) {
      if (text && !iso) add('unreadable-date', `${where(report)}：${label}“${text}”不是可识别的日期，按未填写处理，原文照录；请写成 2024-06-30 这样的日期`)
    }
    const k = key(report.id, report.unit)
    const previous = chosen.get(k)
    if (!previous) {
      chosen.set(k, report)
      continue
    }
    const later = laterReport(previous, report)
    const earlier = later === report ? previous : report
    chosen.set(k, later)
    if (reportData(later) === reportData(earlier)) continue
    const why =
      later.reported && later.reported !== earlier.reported
        ? `以填报日期较晚的（${later.reported}）为准`
        : `填报日期相同或未填，以后读到的为准`
    problems.push({
      file: earlier.file,
      sheet: earlier.sheet,
      row: earlier.row,
      rule: 'duplicate-report',
      message: `任务 ${report.id}（${report.unit}）填报了两次：${where(earlier)} 和 ${where(later)}，${why}，即 ${where(later)}；另一行照录在此`,
      data: reportData(earlier)
    })
  }

  let date = options.date
  let dateSource: Collected['dateSource'] = 'option'
  if (!date) {
    const dates = [...chosen.values()].map((r) => r.reported).filter((d): d is string => d !== undefined).sort()
    date = dates.at(-1)
    dateSource = 'reports'
    if (!date) {
      throw new UserError('无法确定统计截止日期：没有用 --date 指定，报送的台账里也没有可识别的“填报日期”', {
        hint: '用 --date 指定截止日期，例如 --date 2024-06-30；逾期任务按这个日期判断。'
      })
    }
  }

  const merged: TaskProgress[] = ledger.rows.map((row) => {
    const report = chosen.get(key(row.id, row.unit))
    const status: TaskProgress['status'] =
      report && (statuses as readonly string[]).includes(report.statusText) ? (report.statusText as Status) : '未报告'
    const late = status !== '已完成' && row.deadlineDate !== undefined && row.deadlineDate < date!
    return {...row, report, status, late}
  })
  const fileIndex = (file: string) => options.files.indexOf(file)
  const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)
  problems.sort((a, b) => fileIndex(a.file) - fileIndex(b.file) || compare(a.sheet ?? '', b.sheet ?? '') || (a.row ?? 0) - (b.row ?? 0))
  return {date, dateSource, rows: merged, units: ledger.units.map((u) => u.unit), problems, files: options.files}
}

/** The later of two reports of one task: the later 填报日期, else the one read later. */
function laterReport(a: Report, b: Report): Report {
  if (a.reported && b.reported && a.reported !== b.reported) return a.reported > b.reported ? a : b
  if (a.reported && !b.reported) return a
  if (b.reported && !a.reported) return b
  return a.sequence > b.sequence ? a : b
}
