/**
 * The task ledger (任务台账.xlsx) that bureaus fill in and send back: a summary sheet (counts per unit,
 * linking to each unit's sheet, and per part), a sheet with every task × unit, and one sheet per unit.
 * Every task row carries its stable task id; the office's data is locked, the bureau's columns
 * (落实状态 with a drop-down, 进展情况, 完成日期, 联系人, 联系电话, 填报日期) are open. 完成时限 is a real date
 * where it is one. `collect` reads these columns back by their header names.
 */
import type ExcelJS from 'exceljs'
import {statuses, type LedgerRow, type LedgerView} from '../../view/ledger.ts'
import {formatDate} from '../../view/format.ts'
import {
  addTableSheet,
  CellGuard,
  dayFormat,
  excelDay,
  headerRow,
  isoDayFormat,
  newWorkbook,
  packWorkbook,
  styles,
  type CellValue,
  type Column
} from './sheet.ts'

export interface XlsxOptions {
  /** Timestamp written as created/modified and as zip entry times. Default `view.created`, else 2000-01-01T00:00:00Z. */
  created?: Date
  /** File name used in messages. Default `任务台账.xlsx`. */
  fileName?: string
}

export interface XlsxResult {
  bytes: Uint8Array
  /** Cells cut to Excel's limit, in Chinese (file, sheet, row, column). */
  warnings: string[]
}

/** Header names of the ledger's task sheets: the writer writes them, `collect` finds columns by them. */
export const ledgerHeaders = {
  id: '任务编号',
  part: '所属部分',
  kind: '类别',
  task: '任务',
  content: '主要内容/具体目标',
  unit: '责任单位',
  role: '角色',
  lead: '牵头单位',
  supports: '配合单位',
  deadline: '完成时限',
  status: '落实状态',
  progress: '进展情况',
  completed: '完成日期',
  contact: '联系人',
  phone: '联系电话',
  reported: '填报日期',
  note: '说明'
} as const

export type LedgerKey = keyof typeof ledgerHeaders

const widths: Record<LedgerKey, number> = {
  id: 8, part: 14, kind: 8, task: 26, content: 48, unit: 13, role: 6, lead: 13, supports: 18,
  deadline: 14, status: 10, progress: 36, completed: 12, contact: 9, phone: 13, reported: 12, note: 12
}
const openKeys = new Set<LedgerKey>(['status', 'progress', 'completed', 'contact', 'phone', 'reported'])

const ledgerColumns: Column[] = (Object.keys(ledgerHeaders) as LedgerKey[]).map((key) => ({
  key,
  header: ledgerHeaders[key],
  width: widths[key],
  open: openKeys.has(key),
  numFmt: key === 'deadline' ? dayFormat : key === 'completed' || key === 'reported' ? isoDayFormat : undefined
}))

/** Sheet names of the summary and of the all-tasks sheet. */
export const summarySheet = '汇总'
export const allTasksSheet = '全部任务'

/** Sheet names: no `\ / ? * [ ] :`, no leading/trailing apostrophe, at most 31 characters, unique. */
export function sheetNames(names: readonly string[], taken: readonly string[] = []): string[] {
  const used = new Set(taken.map((t) => t.toLowerCase()))
  return names.map((name) => {
    const base = Array.from(name.replace(/[\\/?*[\]:]/g, '_').replace(/^'+|'+$/g, '') || '_').slice(0, 31).join('')
    let candidate = base
    for (let n = 2; used.has(candidate.toLowerCase()); n++) {
      const suffix = `-${n}`
      candidate = Array.from(base).slice(0, 31 - suffix.length).join('') + suffix
    }
    used.add(candidate.toLowerCase())
    return candidate
  })
}

function taskValues(row: LedgerRow): Record<string, CellValue> {
  return {
    id: row.id,
    part: row.partLabel,
    kind: row.kind,
    task: row.task,
    content: row.content,
    unit: row.unit,
    role: row.role,
    lead: row.lead,
    supports: row.supports,
    deadline: row.deadlineDate && row.deadline === formatDate(row.deadlineDate) ? excelDay(row.deadlineDate) : row.deadline,
    note: row.note
  }
}

/**
 * The status drop-down and date checks on the open columns of a task sheet, one rule per column
 * range (exceljs's per-cell rules are merged into overlapping ranges, which Excel repairs).
 */
function addValidations(sheet: ExcelJS.Worksheet, rows: number): void {
  if (rows === 0) return
  const range = (key: LedgerKey) => {
    const letter = sheet.getColumn(ledgerColumns.findIndex((c) => c.key === key) + 1).letter
    return `${letter}${headerRow + 1}:${letter}${headerRow + rows}`
  }
  const validations = (sheet as unknown as {dataValidations: {add(address: string, validation: ExcelJS.DataValidation): void}}).dataValidations
  validations.add(range('status'), {
    type: 'list',
    allowBlank: true,
    formulae: [`"${statuses.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '落实状态',
    error: `请从下拉列表中选择：${statuses.join('、')}`,
    showInputMessage: true,
    promptTitle: '落实状态',
    prompt: statuses.join('、')
  })
  for (const key of ['completed', 'reported'] as const) {
    validations.add(range(key), {
      type: 'date',
      operator: 'greaterThan',
      allowBlank: true,
      formulae: [new Date(Date.UTC(2000, 0, 1))],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: ledgerHeaders[key],
      error: '请填写日期，例如 2024-06-30'
    })
  }
}

/** Build the ledger workbook. */
export async function writeXlsx(view: LedgerView, options: XlsxOptions = {}): Promise<XlsxResult> {
  const created = options.created ?? (view.created ? new Date(view.created) : new Date('2000-01-01T00:00:00Z'))
  const guard = new CellGuard(options.fileName ?? '任务台账.xlsx')
  const workbook = newWorkbook(created, view.title)
  const names = sheetNames(
    view.units.map((u) => u.unit),
    [summarySheet, allTasksSheet]
  )

  // Summary: units (linking to their sheets), then parts.
  const unitTable = addTableSheet(workbook, summarySheet, {
    title: `${view.title}（汇总）`,
    guard,
    columns: [
      {header: '序号', key: 'index', width: 6},
      {header: '单位', key: 'unit', width: 24},
      {header: '牵头任务', key: 'lead', width: 10},
      {header: '配合任务', key: 'support', width: 10},
      {header: '合计', key: 'total', width: 8},
      {header: '工作表（点击打开）', key: 'sheet', width: 24}
    ],
    rows: view.units.map((u, i) => ({
      index: i + 1,
      unit: u.unit,
      lead: u.lead,
      support: u.support,
      total: u.rows.length,
      sheet: {formula: `HYPERLINK("#'${names[i]!.replace(/'/g, "''")}'!A1","${names[i]!.replace(/"/g, '""')}")`, result: names[i]!}
    })),
    protect: true
  })
  const partStart = headerRow + view.units.length + 2
  const partHeader = unitTable.getRow(partStart)
  ;['序号', '所属部分', '任务数', '牵头任务', '配合任务', '合计'].forEach((text, i) => {
    const cell = partHeader.getCell(i + 1)
    cell.value = text
    cell.style = styles.partHeader
  })
  view.parts.forEach((part, i) => {
    const row = unitTable.getRow(partStart + 1 + i)
    ;[i + 1, part.label, part.tasks, part.lead, part.support, part.lead + part.support].forEach((value, c) => {
      const cell = row.getCell(c + 1)
      cell.value = value
      cell.style = styles.data
    })
  })

  const taskSheet = (name: string, title: string, rows: readonly LedgerRow[]) => {
    const sheet = addTableSheet(workbook, name, {title, guard, columns: ledgerColumns, rows: rows.map(taskValues), protect: true})
    addValidations(sheet, rows.length)
  }
  taskSheet(allTasksSheet, `${view.title}（全部任务）`, view.rows)
  view.units.forEach((unit, i) => taskSheet(names[i]!, `${view.title}（${unit.unit}）`, unit.rows))
  return {bytes: await packWorkbook(workbook, created), warnings: guard.warnings}
}
