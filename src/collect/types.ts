/** Plain data of `collect`: the rows bureaus filled in, the problems found in them, and the merged result. */
import type {LedgerRow, Status} from '../view/ledger.ts'

/** Where a row came from: file (as the user named it), sheet, 1-based row. */
export interface Place {
  file: string
  sheet?: string
  row?: number
}

/** One row a bureau filled in (any of the open columns written), as read. */
export interface Report extends Place {
  sheet: string
  row: number
  /** Order in which the row was read across all files (later files, later rows: higher). */
  sequence: number
  id: string
  unit: string
  /** The unit the sheet belongs to, from its title (`…任务台账（区发改局）`); undefined on the all-tasks sheet. */
  sheetUnit?: string
  /** 落实状态 as written. */
  statusText: string
  progress: string
  /** 完成日期: ISO when readable; the text as written otherwise. */
  completed?: string
  completedText: string
  contact: string
  phone: string
  /** 填报日期: ISO when readable. */
  reported?: string
  reportedText: string
}

/** A problem with a returned ledger; `data` keeps what the bureau wrote so nothing is lost. */
export interface Problem extends Place {
  /** Stable kebab-case id: `not-a-ledger`, `other-policy`, `unknown-task`, `not-own-task`, `wrong-sheet`, `invalid-status`, `unreadable-date`, `duplicate-report`, `unreadable-file`. */
  rule: string
  message: string
  data?: string
}

/** A ledger row (task × unit) with what was reported for it. */
export interface TaskProgress extends LedgerRow {
  /** The report used (the latest when there were several). */
  report?: Report
  /** The reported status, or `未报告` when there is no usable report. */
  status: Status | '未报告'
  /** Deadline passed on the report date and not 已完成. */
  late: boolean
}

export interface Collected {
  /** Report date (ISO) the figures are as of. */
  date: string
  /** `option` when given with --date, `reports` when it is the latest 填报日期 found. */
  dateSource: 'option' | 'reports'
  rows: TaskProgress[]
  /** Responsible units in the ledger's order (registry order). */
  units: string[]
  problems: Problem[]
  /** Files read, as the user named them. */
  files: string[]
}
