/**
 * The progress report (督办通报 / 落实情况汇总) from the collected ledgers: totals, counts by status per
 * unit and per part, the tasks completed, in progress and late (grouped by part, each cited by its
 * number), and the units that did not report. Plain data for the template, the summary workbook and
 * the chart; templates never count.
 */
import type {Collected, Problem, TaskProgress} from '../collect/types.ts'
import type {Config} from '../config/types.ts'
import type {Policy} from '../tree/types.ts'
import type {FrontMatter} from './types.ts'
import {chineseNumeral, formatDate, isoTimestamp, joinNames} from './format.ts'
import {issuerBlock} from './common.ts'

export interface StatusCounts {
  /** Task × unit rows. */
  total: number
  done: number
  inProgress: number
  notStarted: number
  behind: number
  blocked: number
  unreported: number
  /** Deadline passed on the report date and not 已完成 (overlaps the others). */
  late: number
  /** `45.0%` of rows 已完成. */
  doneRate: string
}

/** Status → key of StatusCounts, in the order columns and chart segments show them. */
export const statusKeys = [
  ['已完成', 'done'],
  ['推进中', 'inProgress'],
  ['未开始', 'notStarted'],
  ['滞后', 'behind'],
  ['无法推进', 'blocked'],
  ['未报告', 'unreported']
] as const

export interface UnitProgress {
  index: number
  unit: string
  counts: StatusCounts
  /** True when at least one of its rows has a usable report. */
  reported: boolean
}

export interface PartProgress {
  index: number
  /** `一、扩大有效投资政策` or `附件`. */
  label: string
  counts: StatusCounts
}

/** One task in a list of the report. */
export interface ProgressTask {
  /** Stable id, `1.3`. */
  id: string
  /** `3.向上争取资金支持。` */
  task: string
  /** Units in this state, joined (`区发改局、区财政局`). */
  units: string
  /** 完成时限 as shown; ''. */
  deadline: string
}

export interface ProgressGroup {
  /** `（一）` numbering of the group within its section. */
  numeral: string
  /** Part label without its own number: `扩大有效投资政策`. */
  title: string
  tasks: ProgressTask[]
}

export interface ProgressDetail {
  id: string
  part: string
  task: string
  unit: string
  role: string
  deadline: string
  deadlineDate?: string
  status: string
  late: boolean
  progress: string
  completed: string
  contact: string
  phone: string
  reported: string
  /** `文件 工作表 第N行` of the report used; ''. */
  source: string
}

export interface ProgressView {
  meta: FrontMatter
  policyTitle: string
  /** Report date formatted (`2024年6月30日`) and ISO. */
  date: string
  isoDate: string
  /** True when the date is the latest 填报日期 found (no --date given). */
  dateFromReports: boolean
  totals: StatusCounts
  /** Distinct tasks. */
  taskCount: number
  unitCount: number
  reportedUnitCount: number
  unreportedUnitCount: number
  fileCount: number
  problemCount: number
  units: UnitProgress[]
  parts: PartProgress[]
  done: ProgressGroup[]
  inProgress: ProgressGroup[]
  late: ProgressGroup[]
  /** Units with no usable report, with their task counts. */
  unreported: Array<{unit: string; tasks: number; late: number}>
  /** Every task × unit with its report, for the summary workbook. */
  details: ProgressDetail[]
  problems: Problem[]
  /** Attachment title: the per-unit table. */
  tableTitle: string
}

function count(rows: readonly TaskProgress[]): StatusCounts {
  const by = (status: string) => rows.filter((r) => r.status === status).length
  const done = by('已完成')
  return {
    total: rows.length,
    done,
    inProgress: by('推进中'),
    notStarted: by('未开始'),
    behind: by('滞后'),
    blocked: by('无法推进'),
    unreported: by('未报告'),
    late: rows.filter((r) => r.late).length,
    doneRate: rows.length === 0 ? '0.0%' : `${((done * 100) / rows.length).toFixed(1)}%`
  }
}

/** Tasks whose rows pass `keep`, grouped by part (in policy order), each with the units concerned. */
function groups(rows: readonly TaskProgress[], keep: (r: TaskProgress) => boolean): ProgressGroup[] {
  const byPart = new Map<string, Map<string, {row: TaskProgress; units: string[]}>>()
  for (const row of rows) {
    if (!keep(row)) continue
    const tasks = byPart.get(row.partLabel) ?? new Map()
    byPart.set(row.partLabel, tasks)
    const entry = tasks.get(row.id) ?? {row, units: []}
    entry.units.push(row.unit)
    tasks.set(row.id, entry)
  }
  return [...byPart.entries()].map(([label, tasks], i) => ({
    numeral: `（${chineseNumeral(i + 1)}）`,
    title: label.replace(/^[一二三四五六七八九十百]+、/, ''),
    tasks: [...tasks.values()].map(({row, units}) => ({id: row.id, task: row.task, units: joinNames(units), deadline: row.deadline}))
  }))
}

/** Rows by `key`, keys in order of first appearance, rows in their order: one pass, not a filter per key. */
function groupBy(rows: readonly TaskProgress[], key: (r: TaskProgress) => string): Map<string, TaskProgress[]> {
  const out = new Map<string, TaskProgress[]>()
  for (const row of rows) {
    const group = out.get(key(row))
    if (group) group.push(row)
    else out.set(key(row), [row])
  }
  return out
}

export function progressView(collected: Collected, policy: Policy, config: Config): ProgressView {
  const rows = collected.rows
  const issuer = issuerBlock(policy, config)
  const unitNames = collected.units
  const byUnit = groupBy(rows, (r) => r.unit)
  const units = unitNames.map((unit, i) => {
    const own = byUnit.get(unit) ?? []
    return {index: i + 1, unit, counts: count(own), reported: own.some((r) => r.status !== '未报告')}
  })
  const parts = [...groupBy(rows, (r) => r.partLabel)].map(([label, inPart], i) => ({index: i + 1, label, counts: count(inPart)}))
  const unreported = units
    .filter((u) => !u.reported)
    .map((u) => ({unit: u.unit, tasks: u.counts.total, late: u.counts.late}))
  const tableTitle = '各单位落实情况统计表'
  const date = formatDate(collected.date)!
  return {
    meta: {
      kind: 'progress',
      layout: 'official',
      title: `关于《${policy.title}》落实情况的通报`,
      issuerMark: issuer.issuerMark,
      recipients: unitNames,
      attachments: [tableTitle],
      signature: issuer.issuer,
      date,
      copiesTo: issuer.copiesTo,
      printedBy: issuer.printedBy,
      printedDate: date,
      created: isoTimestamp(collected.date)
    },
    policyTitle: policy.title,
    date,
    isoDate: collected.date,
    dateFromReports: collected.dateSource === 'reports',
    totals: count(rows),
    taskCount: new Set(rows.map((r) => r.id)).size,
    unitCount: units.length,
    reportedUnitCount: units.length - unreported.length,
    unreportedUnitCount: unreported.length,
    fileCount: collected.files.length,
    problemCount: collected.problems.length,
    units,
    parts,
    done: groups(rows, (r) => r.status === '已完成'),
    inProgress: groups(rows, (r) => r.status === '推进中' && !r.late),
    late: groups(rows, (r) => r.late),
    unreported,
    details: rows.map((r) => ({
      id: r.id,
      part: r.partLabel,
      task: r.task,
      unit: r.unit,
      role: r.role,
      deadline: r.deadline,
      deadlineDate: r.deadlineDate,
      status: r.status,
      late: r.late,
      progress: r.report?.progress ?? '',
      completed: r.report ? (r.report.completed ?? r.report.completedText) : '',
      contact: r.report?.contact ?? '',
      phone: r.report?.phone ?? '',
      reported: r.report ? (r.report.reported ?? r.report.reportedText) : '',
      source: r.report ? `${r.report.file} 工作表“${r.report.sheet}”第${r.report.row}行` : ''
    })),
    problems: collected.problems,
    tableTitle
  }
}
