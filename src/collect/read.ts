/**
 * Read the ledgers bureaus send back: the whole workbook or one unit's sheet saved on its own, rows
 * in any order. Columns are found by their header names (a bureau may insert or move columns), rows
 * by their task id. Only rows where something was written in the bureau's columns are reports.
 * Reading knows nothing of the policy beyond its title: matching rows to tasks is `merge`'s job.
 */
import ExcelJS from 'exceljs'
import {parseDay} from '../config/dates.ts'
import {ledgerHeaders, type LedgerKey} from '../write/xlsx/ledger.ts'
import type {Problem, Report} from './types.ts'

export interface ReadResult {
  reports: Report[]
  problems: Problem[]
}

/** Text of a cell as Excel shows it (rich text joined, formula results, hyperlink text). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return isoOfDate(value)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('').trim()
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as {result?: ExcelJS.CellValue}).result ?? null)
    if ('text' in value) return cellText((value as {text: ExcelJS.CellValue}).text)
    return '' // an error value (#N/A…)
  }
  return String(value).trim()
}

function isoOfDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** Serial numbers Excel uses for 2000-01-01 … 2099-12-31, for dates typed into a cell without a date format. */
const serialRange = [36526, 73050]

/** A date cell as ISO, or undefined with the text as written when it cannot be read as a day. */
export function cellDate(value: ExcelJS.CellValue): {iso?: string; text: string} {
  const inner = value !== null && typeof value === 'object' && !(value instanceof Date) && 'result' in value ? (value.result as ExcelJS.CellValue) : value
  if (inner instanceof Date) return {iso: isoOfDate(inner), text: isoOfDate(inner)}
  if (typeof inner === 'number') {
    if (Number.isInteger(inner) && inner >= serialRange[0]! && inner <= serialRange[1]!) {
      const iso = isoOfDate(new Date((inner - 25569) * 86400000))
      return {iso, text: iso}
    }
    return {text: String(inner)}
  }
  const text = cellText(inner ?? null)
  return {iso: parseDay(text), text}
}

const titlePattern = /《(.+)》任务台账(?:（([^（）]+)）)?\s*$/

/** Read one returned workbook. `file` is the name used in messages; `sequence` continues across files. */
export async function readLedger(bytes: Uint8Array, file: string, policyTitle: string, sequence = {next: 0}): Promise<ReadResult> {
  const reports: Report[] = []
  const problems: Problem[] = []
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  } catch {
    problems.push({
      file,
      rule: 'unreadable-file',
      message: `${file} 不是能读取的 Excel 工作簿（.xlsx），未计入；请让填报单位用 Excel 或 WPS 另存为 .xlsx 后重新报送`
    })
    return {reports, problems}
  }
  let ledgerSheets = 0
  const otherTitles = new Set<string>()
  for (const sheet of workbook.worksheets) {
    const header = findHeader(sheet)
    if (!header) continue
    const title = titleAbove(sheet, header.row)
    const match = titlePattern.exec(title)
    if (match && match[1] !== policyTitle) {
      otherTitles.add(match[1]!)
      continue
    }
    ledgerSheets++
    const missing = (['id', 'unit', 'status'] as const).filter((key) => header.columns[key] === undefined)
    if (missing.length > 0) {
      problems.push({
        file,
        sheet: sheet.name,
        row: header.row,
        rule: 'not-a-ledger',
        message: `${file} 工作表“${sheet.name}”第${header.row}行：缺少“${missing.map((k) => ledgerHeaders[k]).join('”“')}”列，这张表未计入；请用办公室下发的任务台账填报，不要删除或改名表头`
      })
      continue
    }
    const sheetUnit = match?.[2] && match[2] !== '全部任务' && match[2] !== '汇总' ? match[2] : undefined
    const get = (row: ExcelJS.Row, key: LedgerKey): ExcelJS.CellValue => {
      const column = header.columns[key]
      return column === undefined ? null : row.getCell(column).value
    }
    for (let r = header.row + 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r)
      const id = cellText(get(row, 'id'))
      const completed = cellDate(get(row, 'completed'))
      const reported = cellDate(get(row, 'reported'))
      const report: Report = {
        file,
        sheet: sheet.name,
        row: r,
        sequence: 0,
        id,
        unit: cellText(get(row, 'unit')),
        sheetUnit,
        statusText: cellText(get(row, 'status')),
        progress: cellText(get(row, 'progress')),
        completed: completed.iso,
        completedText: completed.text,
        contact: cellText(get(row, 'contact')),
        phone: cellText(get(row, 'phone')),
        reported: reported.iso,
        reportedText: reported.text
      }
      const written = [report.statusText, report.progress, report.completedText, report.contact, report.phone, report.reportedText].some((v) => v !== '')
      if (!written) continue
      report.sequence = sequence.next++
      reports.push(report)
    }
  }
  if (ledgerSheets === 0) {
    problems.push({
      file,
      rule: otherTitles.size > 0 ? 'other-policy' : 'not-a-ledger',
      message:
        otherTitles.size > 0
          ? `${file} 是另一份政策的任务台账（《${[...otherTitles].join('》《')}》），不是《${policyTitle}》的，未计入；请核对报送的文件`
          : `${file} 不是任务台账：没有一张工作表有“${ledgerHeaders.id}”“${ledgerHeaders.unit}”“${ledgerHeaders.status}”表头，未计入；请用 policy-press build 生成的任务台账.xlsx 填报`
    })
  }
  return {reports, problems}
}

/** The header row: the first of the top rows that has the 任务编号 and 责任单位 headers. */
function findHeader(sheet: ExcelJS.Worksheet): {row: number; columns: Partial<Record<LedgerKey, number>>} | undefined {
  const byText = new Map<string, LedgerKey>(Object.entries(ledgerHeaders).map(([key, text]) => [text, key as LedgerKey]))
  for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
    const columns: Partial<Record<LedgerKey, number>> = {}
    sheet.getRow(r).eachCell((cell, column) => {
      const key = byText.get(cellText(cell.value).replace(/\s+/g, ''))
      if (key && columns[key] === undefined) columns[key] = column
    })
    if (columns.id !== undefined && columns.unit !== undefined) return {row: r, columns}
  }
  return undefined
}

function titleAbove(sheet: ExcelJS.Worksheet, headerRow: number): string {
  for (let r = 1; r < headerRow; r++) {
    const text = cellText(sheet.getRow(r).getCell(1).value)
    if (text) return text
  }
  return ''
}
