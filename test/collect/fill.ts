/**
 * Filling in the ledger the way a bureau does: open a copy of the generated workbook with exceljs,
 * write statuses, dates and text into its sheet, save it (whole, or the unit's sheet on its own).
 */
import ExcelJS from 'exceljs'
import {ledgerHeaders, type LedgerKey} from '../../src/write/xlsx/ledger.ts'

export type Values = Partial<Record<LedgerKey, ExcelJS.CellValue>>

export async function openLedger(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(path)
  return workbook
}

/** Column number of a ledger header in a task sheet (header on row 2). */
export function column(sheet: ExcelJS.Worksheet, key: LedgerKey): number {
  const header = (sheet.getRow(2).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''))
  const index = header.indexOf(ledgerHeaders[key])
  if (index < 1) throw new Error(`no column ${ledgerHeaders[key]} in ${sheet.name}`)
  return index
}

/** Data rows of a task sheet: row number, task id and unit. */
export function taskRows(sheet: ExcelJS.Worksheet): Array<{row: number; id: string; unit: string}> {
  const out: Array<{row: number; id: string; unit: string}> = []
  for (let r = 3; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    out.push({row: r, id: String(row.getCell(column(sheet, 'id')).value), unit: String(row.getCell(column(sheet, 'unit')).value)})
  }
  return out
}

export function write(sheet: ExcelJS.Worksheet, row: number, values: Values): void {
  for (const [key, value] of Object.entries(values)) sheet.getRow(row).getCell(column(sheet, key as LedgerKey)).value = value ?? null
}

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`)

/**
 * Save one sheet on its own, as Excel's "move or copy to a new book" does (values, title and
 * header kept), with its data rows in the given order.
 */
export async function saveSheetAlone(sheet: ExcelJS.Worksheet, path: string, order: (rows: number[]) => number[] = (rows) => rows): Promise<void> {
  const book = new ExcelJS.Workbook()
  const copy = book.addWorksheet(sheet.name)
  const copyRow = (from: number, to: number) => {
    const values = sheet.getRow(from).values as ExcelJS.CellValue[]
    copy.getRow(to).values = values
  }
  copyRow(1, 1)
  copyRow(2, 2)
  const rows = Array.from({length: sheet.rowCount - 2}, (_, i) => i + 3)
  order(rows).forEach((from, i) => copyRow(from, 3 + i))
  await book.xlsx.writeFile(path)
}
