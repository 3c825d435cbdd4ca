/**
 * 落实情况汇总.xlsx: counts by status per unit and per part, every task × unit with its latest report,
 * and the problems found in the returned ledgers (with what was written, so nothing is lost).
 */
import type {ProgressView, StatusCounts} from '../../view/progress.ts'
import {ledgerHeaders} from './ledger.ts'
import {addTableSheet, CellGuard, dayFormat, excelDay, isoDayFormat, newWorkbook, packWorkbook, type CellValue, type Column} from './sheet.ts'

export interface ProgressXlsxResult {
  bytes: Uint8Array
  warnings: string[]
}

const countColumns: Column[] = [
  {header: '任务', key: 'total', width: 8},
  {header: '已完成', key: 'done', width: 8},
  {header: '推进中', key: 'inProgress', width: 8},
  {header: '未开始', key: 'notStarted', width: 8},
  {header: '滞后', key: 'behind', width: 8},
  {header: '无法推进', key: 'blocked', width: 9},
  {header: '未报告', key: 'unreported', width: 8},
  {header: '逾期', key: 'late', width: 8},
  {header: '完成率', key: 'doneRate', width: 9}
]

const counts = (c: StatusCounts): Record<string, CellValue> => ({...c})
/** An ISO day as a real date cell; anything else a bureau wrote stays text. */
const dayOrText = (value: string): CellValue => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? excelDay(value) : value)

export async function writeProgressXlsx(view: ProgressView, fileName = '落实情况汇总.xlsx'): Promise<ProgressXlsxResult> {
  const created = new Date(view.meta.created ?? '2000-01-01T00:00:00Z')
  const guard = new CellGuard(fileName)
  const title = `《${view.policyTitle}》落实情况汇总（截至${view.date}）`
  const workbook = newWorkbook(created, title)
  addTableSheet(workbook, '按单位', {
    title,
    guard,
    columns: [{header: '序号', key: 'index', width: 6}, {header: '单位', key: 'unit', width: 22}, ...countColumns],
    rows: [
      ...view.units.map((u) => ({index: u.index, unit: u.unit, ...counts(u.counts)})),
      {index: null, unit: '合计', ...counts(view.totals)}
    ]
  })
  addTableSheet(workbook, '按部分', {
    title,
    guard,
    columns: [{header: '序号', key: 'index', width: 6}, {header: '所属部分', key: 'label', width: 28}, ...countColumns],
    rows: [...view.parts.map((p) => ({index: p.index, label: p.label, ...counts(p.counts)})), {index: null, label: '合计', ...counts(view.totals)}]
  })
  addTableSheet(workbook, '任务明细', {
    title,
    guard,
    columns: [
      // The ledger's own column names, so the summary reads like the sheets the bureaus filled in.
      {header: ledgerHeaders.id, key: 'id', width: 8},
      {header: ledgerHeaders.part, key: 'part', width: 14},
      {header: ledgerHeaders.task, key: 'task', width: 28},
      {header: ledgerHeaders.unit, key: 'unit', width: 13},
      {header: ledgerHeaders.role, key: 'role', width: 6},
      {header: ledgerHeaders.deadline, key: 'deadline', width: 14, numFmt: dayFormat},
      {header: ledgerHeaders.status, key: 'status', width: 9},
      {header: '逾期', key: 'late', width: 6},
      {header: ledgerHeaders.progress, key: 'progress', width: 40},
      {header: ledgerHeaders.completed, key: 'completed', width: 12, numFmt: isoDayFormat},
      {header: ledgerHeaders.contact, key: 'contact', width: 9},
      {header: ledgerHeaders.phone, key: 'phone', width: 13},
      {header: ledgerHeaders.reported, key: 'reported', width: 12, numFmt: isoDayFormat},
      {header: '来源', key: 'source', width: 30}
    ],
    rows: view.details.map((d) => ({
      ...d,
      deadline: d.deadlineDate && /日$/.test(d.deadline) ? excelDay(d.deadlineDate) : d.deadline,
      late: d.late ? '是' : '',
      completed: dayOrText(d.completed),
      reported: dayOrText(d.reported)
    }))
  })
  addTableSheet(workbook, '填报问题', {
    title: `${title}：填报问题（${view.problems.length} 条）`,
    guard,
    columns: [
      {header: '序号', key: 'index', width: 6},
      {header: '文件', key: 'file', width: 24},
      {header: '工作表', key: 'sheet', width: 12},
      {header: '行', key: 'row', width: 6},
      {header: '问题', key: 'rule', width: 16},
      {header: '说明', key: 'message', width: 60},
      {header: '原填报内容', key: 'data', width: 60}
    ],
    rows: view.problems.map((p, i) => ({index: i + 1, file: p.file, sheet: p.sheet ?? '', row: p.row ?? null, rule: p.rule, message: p.message, data: p.data ?? ''}))
  })
  return {bytes: await packWorkbook(workbook, created), warnings: guard.warnings}
}
