/**
 * What every workbook we write shares: a titled table sheet (title row, header row, borders, wrapped
 * text, frozen header, print setup a bureau can use as is), Excel's cell-length limit, real dates,
 * and reproducible packing (fixed zip entry times, independent of the time zone).
 */
import type ExcelJS from 'exceljs'
// The workbook class alone: exceljs's main module also loads its streaming reader and writer and
// the CSV support, which cost about 200 ms of every build that writes a ledger and are never used here.
import Workbook from 'exceljs/lib/doc/workbook.js'
import {unzipSync} from 'fflate'
import {zipEntries} from '../zip.ts'

/** Excel refuses cells longer than this many characters (UTF-16 code units). */
export const excelCellLimit = 32767

export type CellValue = string | number | Date | {formula: string; result: string} | null

export interface Column {
  header: string
  key: string
  width: number
  /** Date cells get this number format. */
  numFmt?: string
  /** True where the bureau writes: unlocked (on a protected sheet) and shaded. */
  open?: boolean
}

export const dayFormat = 'yyyy"年"m"月"d"日"'
export const isoDayFormat = 'yyyy-mm-dd'

/** An ISO day as the Date exceljs stores as that day's serial number (UTC midnight). */
export function excelDay(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number)
  return new Date(Date.UTC(y!, m! - 1, d!))
}

/**
 * Collects cells too long for Excel. Each is cut to the limit with a note at the end, so the file
 * still opens; the message names the sheet, row and column.
 */
export class CellGuard {
  readonly warnings: string[] = []
  constructor(private readonly file: string) {}

  fit(value: CellValue, sheet: string, row: number, column: string): CellValue {
    if (typeof value !== 'string' || value.length <= excelCellLimit) return value
    const marker = '……（超出 Excel 单元格字数上限，以下从略）'
    this.warnings.push(
      `${this.file} 工作表“${sheet}”第${row}行“${column}”有 ${value.length} 个字符，超过 Excel 单元格上限 ${excelCellLimit}，已截断；全文见任务清单或政策原文`
    )
    return value.slice(0, excelCellLimit - marker.length).replace(/[\uD800-\uDBFF]$/, '') + marker
  }
}

export interface TableSheetOptions {
  /** The first row, merged across the table: names the document (and the unit). */
  title: string
  columns: readonly Column[]
  rows: ReadonlyArray<Record<string, CellValue | undefined>>
  guard: CellGuard
  /** Protect the sheet: locked cells (the office's data) cannot be edited, open columns can. */
  protect?: boolean
}

const thin = {style: 'thin'} as const
/** Thin lines on all four sides of a table cell. */
const border = {top: thin, left: thin, bottom: thin, right: thin}
const openFill: ExcelJS.Fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: 'FFFFF8DC'}}
const headFill: ExcelJS.Fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: 'FFE8E8E8'}}

/**
 * Cell styles are shared objects, one per column kind: exceljs gives a style object it has seen
 * before the same style id at once, but works out (and serialises) a fresh object for every cell.
 * So a cell's style is assigned whole and never changed afterwards.
 */
export const styles = {
  title: {font: {bold: true, size: 14}, alignment: {vertical: 'middle', horizontal: 'left'}},
  partHeader: {font: {bold: true}, border},
  data: {alignment: {wrapText: true, vertical: 'top'}, border}
} satisfies Record<string, Partial<ExcelJS.Style>>

function headerStyle(column: Column): Partial<ExcelJS.Style> {
  return {font: {bold: true}, alignment: {wrapText: true, vertical: 'middle', horizontal: 'center'}, border, fill: column.open ? openFill : headFill}
}

function dataStyle(column: Column): Partial<ExcelJS.Style> {
  return {
    ...styles.data,
    ...(column.numFmt ? {numFmt: column.numFmt} : {}),
    ...(column.open ? {protection: {locked: false}, fill: openFill} : {})
  }
}

/** Rows of the title and the header; data starts on the row after. */
const titleRow = 1
export const headerRow = 2

/** A sheet with a title row, a header row and the rows, set up for printing and (optionally) protected. */
export function addTableSheet(workbook: ExcelJS.Workbook, name: string, options: TableSheetOptions): ExcelJS.Worksheet {
  const {columns, guard} = options
  const sheet = workbook.addWorksheet(name, {
    views: [{state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}`}],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: {left: 0.4, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3},
      printTitlesRow: `${titleRow}:${headerRow}`
    },
    headerFooter: {oddFooter: '&L&A&R第 &P 页，共 &N 页', evenFooter: '&L&A&R第 &P 页，共 &N 页'}
  })
  sheet.columns = columns.map((c) => ({key: c.key, width: c.width}))
  const title = sheet.getRow(titleRow)
  title.getCell(1).value = guard.fit(options.title, name, titleRow, '标题')
  title.getCell(1).style = styles.title
  title.height = 26
  sheet.mergeCells(titleRow, 1, titleRow, columns.length)
  const header = sheet.getRow(headerRow)
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1)
    cell.value = c.header
    cell.style = headerStyle(c)
  })
  header.height = 30
  const cellStyles = columns.map(dataStyle)
  options.rows.forEach((values, index) => {
    const number = headerRow + 1 + index
    const row = sheet.getRow(number)
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1)
      const value = values[c.key]
      cell.value = guard.fit(value ?? null, name, number, c.header)
      cell.style = cellStyles[i]!
    })
  })
  const last = headerRow + options.rows.length
  sheet.autoFilter = {from: {row: headerRow, column: 1}, to: {row: Math.max(last, headerRow), column: columns.length}}
  if (options.protect) {
    // No password: exceljs salts password hashes with random bytes, which would break same input → same bytes.
    void sheet.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      autoFilter: true,
      sort: false,
      insertRows: false,
      deleteRows: false
    })
  }
  return sheet
}

/** A new workbook with fixed metadata. */
export function newWorkbook(created: Date, title: string): ExcelJS.Workbook {
  const workbook = new Workbook()
  workbook.creator = 'policy-press'
  workbook.lastModifiedBy = 'policy-press'
  workbook.title = title
  workbook.created = created
  workbook.modified = created
  workbook.calcProperties = {fullCalcOnLoad: true}
  return workbook
}

/** Serialise a workbook: stored by exceljs, then packed once with fixed entry times. */
export async function packWorkbook(workbook: ExcelJS.Workbook, created: Date): Promise<Uint8Array> {
  const buffer = new Uint8Array(await workbook.xlsx.writeBuffer({zip: {compression: 'STORE'}}))
  return repack(buffer, created)
}

/** Re-pack a zip with fixed entry times (same entries, same order; see `zipEntries`). */
function repack(zip: Uint8Array, mtime: Date): Uint8Array {
  return zipEntries(
    Object.entries(unzipSync(zip)).map(([name, data]) => ({name, data})),
    mtime
  )
}
