/**
 * The task ledger (任务台账.xlsx): a summary sheet and one sheet per unit, built from the task-list
 * views. Real header rows, column widths, wrapped text, frozen header. Bytes are reproducible:
 * workbook dates come from the options, and the zip is re-packed with fixed entry times.
 */
import ExcelJS from 'exceljs'
import {unzipSync, zipSync, type Zippable} from 'fflate'
import type {TaskListView} from '../view/tasklist.ts'

export interface XlsxOptions {
  /** Timestamp written as created/modified and as zip entry times. Default 2000-01-01T00:00:00Z. */
  created?: Date
  /** Title of the summary sheet. Default `汇总`. */
  summaryName?: string
}

interface Column {
  header: string
  key: string
  width: number
}

const unitColumns: Column[] = [
  {header: '序号', key: 'index', width: 6},
  {header: '类别', key: 'kind', width: 10},
  {header: '政策条款/事项', key: 'clause', width: 28},
  {header: '主要内容/具体目标', key: 'content', width: 60},
  {header: '牵头单位', key: 'lead', width: 16},
  {header: '配合单位', key: 'supports', width: 24},
  {header: '完成时限', key: 'deadline', width: 15},
  {header: '进展情况', key: 'progress', width: 24},
  {header: '备注', key: 'note', width: 16}
]

const summaryColumns: Column[] = [
  {header: '序号', key: 'index', width: 6},
  {header: '单位', key: 'unit', width: 22},
  {header: '牵头领域', key: 'domains', width: 10},
  {header: '牵头条款', key: 'leads', width: 10},
  {header: '配合条款', key: 'supports', width: 10},
  {header: '争取事项', key: 'items', width: 10},
  {header: '量化目标', key: 'targets', width: 10},
  {header: '合计', key: 'total', width: 8},
  {header: '工作表', key: 'sheet', width: 22}
]

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

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Array<Record<string, string | number>>): void {
  const sheet = workbook.addWorksheet(name, {views: [{state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2'}]})
  sheet.columns = columns.map((c) => ({header: c.header, key: c.key, width: c.width}))
  for (const row of rows) sheet.addRow(row)
  sheet.eachRow((row, number) => {
    row.alignment = {wrapText: true, vertical: number === 1 ? 'middle' : 'top'}
    if (number === 1) {
      row.font = {bold: true}
      row.height = 22
    }
    row.eachCell({includeEmpty: true}, (cell) => {
      cell.border = {top: {style: 'thin'}, left: {style: 'thin'}, bottom: {style: 'thin'}, right: {style: 'thin'}}
    })
  })
  sheet.autoFilter = {from: {row: 1, column: 1}, to: {row: 1, column: columns.length}}
}

function unitRows(view: TaskListView): Array<Record<string, string | number>> {
  const rows: Array<Record<string, string | number>> = []
  let index = 0
  for (const d of view.domains) {
    rows.push({index: ++index, kind: '牵头领域', clause: `${d.numeral}、${d.title}`, content: `共${d.clauseCount}条`, lead: view.unit, supports: '', deadline: view.deadline, progress: '', note: d.note})
  }
  for (const c of view.leads) {
    rows.push({index: ++index, kind: '牵头条款', clause: c.clause, content: c.content, lead: c.lead, supports: c.supports, deadline: c.deadline, progress: '', note: c.note})
  }
  for (const c of view.supports) {
    rows.push({index: ++index, kind: '配合条款', clause: c.clause, content: c.content, lead: c.lead, supports: c.supports, deadline: c.deadline, progress: '', note: c.note})
  }
  for (const item of view.items) {
    rows.push({index: ++index, kind: '争取事项', clause: `${item.number}.${item.title}`, content: item.target, lead: item.role === '牵头' ? view.unit : '', supports: item.units, deadline: view.deadline, progress: '', note: item.note})
  }
  for (const t of view.targets) {
    rows.push({index: ++index, kind: '量化目标', clause: t.source, content: t.text, lead: '', supports: '', deadline: view.deadline, progress: '', note: t.role})
  }
  return rows
}

/** Build the ledger workbook from the task-list views (in order). */
export async function writeXlsx(views: readonly TaskListView[], options: XlsxOptions = {}): Promise<Uint8Array> {
  const created = options.created ?? new Date('2000-01-01T00:00:00Z')
  const summaryName = options.summaryName ?? '汇总'
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'policy-press'
  workbook.lastModifiedBy = 'policy-press'
  workbook.created = created
  workbook.modified = created
  const names = sheetNames(views.map((v) => v.unit), [summaryName])
  addSheet(
    workbook,
    summaryName,
    summaryColumns,
    views.map((v, i) => ({
      index: i + 1,
      unit: v.unit,
      domains: v.counts.domains,
      leads: v.counts.leads,
      supports: v.counts.supports,
      items: v.counts.items,
      targets: v.counts.targets,
      total: v.counts.total,
      sheet: names[i]
    }))
  )
  views.forEach((view, i) => addSheet(workbook, names[i], unitColumns, unitRows(view)))
  // exceljs only stores the parts: they are compressed once, when re-packed.
  const buffer = new Uint8Array(await workbook.xlsx.writeBuffer({zip: {compression: 'STORE'}}))
  return repack(buffer, created)
}

/** Re-pack a zip with fixed entry times (same entries, same order). */
export function repack(zip: Uint8Array, mtime: Date): Uint8Array {
  const entries = unzipSync(zip)
  const out: Zippable = {}
  for (const [name, data] of Object.entries(entries)) out[name] = [data, {mtime, level: 6}]
  return zipSync(out, {mtime})
}
