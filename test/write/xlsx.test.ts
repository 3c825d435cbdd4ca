import {describe, expect, it} from 'vitest'
import ExcelJS from 'exceljs'
import {unzipSync, strFromU8} from 'fflate'
import {sampleBuild} from '../build/sample.ts'
import {allTasksSheet, ledgerHeaders, sheetNames, summarySheet, writeXlsx} from '../../src/write/xlsx/ledger.ts'
import {excelCellLimit} from '../../src/write/xlsx/sheet.ts'
import {ledgerView} from '../../src/view/ledger.ts'
import {statuses} from '../../src/view/ledger.ts'
import type {Clause, Policy} from '../../src/tree/types.ts'
import {smallPolicy, smallRegistry} from '../view/small-tree.ts'

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  return workbook
}

/** Rows of a task sheet as header → value, from the header row (row 2) down. */
function rowsOf(sheet: ExcelJS.Worksheet): Array<Record<string, ExcelJS.CellValue>> {
  const header = (sheet.getRow(2).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''))
  const rows: Array<Record<string, ExcelJS.CellValue>> = []
  for (let r = 3; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as ExcelJS.CellValue[]
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null]).filter(([h]) => h !== '')))
  }
  return rows
}

const clauses = (policy: Policy): Clause[] => policy.children.flatMap((d) => d.children)

describe('任务台账.xlsx of the sample', async () => {
  const {bytes, report, policy} = await sampleBuild()
  const raw = new Uint8Array(bytes('任务台账.xlsx'))
  const zip = unzipSync(raw)
  const workbook = await load(raw)
  const units = report.documents.filter((d) => d.format === 'md' && d.name.startsWith('各单位任务清单/')).map((d) => d.name.slice(8, -3))
  const taskIds = new Set([...clauses(policy).map((c) => c.id), ...(policy.appendix?.children ?? []).map((i) => `附${i.number}`)])

  it('has a summary, a sheet with every task × unit, and one sheet per unit', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([summarySheet, allTasksSheet, ...units])
  })

  it('gives every row a task id of the policy, and the all-tasks sheet is the union of the unit sheets', () => {
    const all = rowsOf(workbook.getWorksheet(allTasksSheet)!)
    const perUnit = units.flatMap((unit) => rowsOf(workbook.getWorksheet(unit)!).map((row): Record<string, ExcelJS.CellValue> => ({...row, sheet: unit})))
    expect(all.length).toBe(perUnit.length)
    for (const row of perUnit) {
      expect(taskIds.has(String(row[ledgerHeaders.id]))).toBe(true)
      expect(row[ledgerHeaders.unit]).toBe(row.sheet)
      expect(['牵头', '配合']).toContain(row[ledgerHeaders.role])
    }
    const key = (row: Record<string, ExcelJS.CellValue>) => `${row[ledgerHeaders.id]}|${row[ledgerHeaders.unit]}|${row[ledgerHeaders.role]}`
    expect(new Set(all.map(key))).toEqual(new Set(perUnit.map(key)))
    // Each clause has exactly one row per unit named for it (sub-units folded into their parent), lead first.
    const first = clauses(policy)[0]!
    const rows = all.filter((row) => row[ledgerHeaders.id] === first.id)
    expect(rows[0]![ledgerHeaders.role]).toBe('牵头')
    expect(rows.length).toBe(new Set(first.units.map((u) => u.parent ?? u.name)).size)
  })

  it('stores 完成时限 as a real date', () => {
    const row = rowsOf(workbook.getWorksheet(allTasksSheet)!)[0]!
    const due = row[ledgerHeaders.deadline]
    expect(due).toBeInstanceOf(Date)
    expect((due as Date).toISOString().slice(0, 10)).toBe('2024-12-31')
  })

  it('offers a status drop-down and date checks on the bureau columns, and locks the rest', () => {
    const sheet = workbook.getWorksheet(units[0]!)!
    const header = (sheet.getRow(2).values as ExcelJS.CellValue[]).map(String)
    const column = (name: string) => header.indexOf(name)
    const cell = sheet.getRow(3).getCell(column(ledgerHeaders.status))
    expect(cell.dataValidation?.type).toBe('list')
    expect(cell.dataValidation?.formulae?.[0]).toBe(`"${statuses.join(',')}"`)
    expect(sheet.getRow(sheet.rowCount).getCell(column(ledgerHeaders.status)).dataValidation?.type).toBe('list')
    expect(sheet.getRow(3).getCell(column(ledgerHeaders.reported)).dataValidation?.type).toBe('date')
    for (const open of ['status', 'progress', 'completed', 'contact', 'phone', 'reported'] as const) {
      expect(sheet.getRow(3).getCell(column(ledgerHeaders[open])).protection?.locked).toBe(false)
    }
    for (const locked of ['id', 'task', 'unit', 'deadline'] as const) {
      expect(sheet.getRow(3).getCell(column(ledgerHeaders[locked])).protection?.locked).not.toBe(false)
    }
    const xml = strFromU8(zip['xl/worksheets/sheet3.xml']!)
    expect(xml).toMatch(/<sheetProtection [^>]*sheet="1"/)
    expect(xml).not.toContain('hashValue')
    expect((xml.match(/<dataValidation /g) ?? []).length).toBe(3)
  })

  it('prints on A4 landscape, one page wide, header rows repeated, sheet name and page number in the footer', () => {
    const names = workbook.worksheets.map((s) => s.name)
    const book = strFromU8(zip['xl/workbook.xml']!)
    names.forEach((name, i) => {
      const xml = strFromU8(zip[`xl/worksheets/sheet${i + 1}.xml`]!)
      expect(xml).toMatch(/<pageSetUpPr fitToPage="1"/)
      expect(xml).toMatch(/<pageSetup paperSize="9" orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"/)
      expect(xml).toContain('<oddFooter>&amp;L&amp;A&amp;R第 &amp;P 页，共 &amp;N 页</oddFooter>')
      expect(xml).toMatch(/<pane [^>]*ySplit="2"[^>]*state="frozen"/)
      expect(book).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">&apos;${name}&apos;!$1:$2</definedName>`)
    })
  })

  it('links the summary to each unit sheet and counts tasks per unit and per part', () => {
    const summary = workbook.getWorksheet(summarySheet)!
    units.forEach((unit, i) => {
      const row = summary.getRow(3 + i)
      expect(row.getCell(2).value).toBe(unit)
      const link = row.getCell(6).value as {formula: string; result: string}
      expect(link.formula).toBe(`HYPERLINK("#'${unit}'!A1","${unit}")`)
      const own = rowsOf(workbook.getWorksheet(unit)!)
      expect(row.getCell(3).value).toBe(own.filter((r) => r[ledgerHeaders.role] === '牵头').length)
      expect(row.getCell(4).value).toBe(own.filter((r) => r[ledgerHeaders.role] === '配合').length)
      expect(row.getCell(5).value).toBe(own.length)
    })
    const partHeader = 3 + units.length + 1
    expect(summary.getRow(partHeader).getCell(2).value).toBe('所属部分')
    const all = rowsOf(workbook.getWorksheet(allTasksSheet)!)
    policy.children.forEach((domain, i) => {
      const row = summary.getRow(partHeader + 1 + i)
      const inPart = all.filter((r) => r[ledgerHeaders.part] === row.getCell(2).value)
      expect(String(row.getCell(2).value)).toContain(domain.title)
      expect(row.getCell(3).value).toBe(new Set(inPart.map((r) => r[ledgerHeaders.id])).size)
      expect(row.getCell(6).value).toBe(inPart.length)
    })
  })

  it('writes fixed dates', () => {
    expect(strFromU8(zip['docProps/core.xml']!)).toContain('2024-03-05T00:00:00Z')
  })
})

describe('ledger of a small tree', () => {
  function policyWithDeadlines(): Policy {
    const policy = smallPolicy()
    const [first, second] = policy.children[0]!.children
    first!.deadline = {text: '持续推进', source: 'text'}
    second!.deadline = {text: '2024年6月底前', date: '2024-06-30', source: 'text'}
    return policy
  }

  it('shows text deadlines as written and stores configured dates as dates, per task', async () => {
    const view = ledgerView({
      policy: policyWithDeadlines(),
      registry: smallRegistry,
      config: {deadlines: {default: {text: '2025-03-31', date: '2025-03-31'}, tasks: {'4': {text: '2025-09-30', date: '2025-09-30'}}}}
    })
    const {bytes} = await writeXlsx(view)
    const rows = rowsOf((await load(bytes)).getWorksheet(allTasksSheet)!)
    const due = (id: string) => rows.find((r) => r[ledgerHeaders.id] === id)![ledgerHeaders.deadline]
    expect(due('1')).toBe('持续推进')
    expect(due('2')).toBe('2024年6月底前')
    expect((due('3') as Date).toISOString().slice(0, 10)).toBe('2025-03-31')
    expect((due('4') as Date).toISOString().slice(0, 10)).toBe('2025-09-30')
    expect(view.rows.find((r) => r.id === '2')!.deadlineDate).toBe('2024-06-30')
  })

  it('writes the same bytes in every time zone', async () => {
    const view = ledgerView({policy: smallPolicy(), registry: smallRegistry, config: {date: '2024-03-05', deadline: '2024-12-31'}})
    const saved = process.env.TZ
    const outputs: Uint8Array[] = []
    try {
      for (const zone of ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = zone
        outputs.push((await writeXlsx(view)).bytes)
      }
    } finally {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    }
    for (const bytes of outputs.slice(1)) expect(Buffer.from(bytes).equals(Buffer.from(outputs[0]!))).toBe(true)
    // The zip entry time is 2024-03-05 00:00 (DOS date and time fields of the first local header).
    const header = Buffer.from(outputs[0]!)
    const time = header.readUInt16LE(10)
    const date = header.readUInt16LE(12)
    expect([1980 + (date >> 9), (date >> 5) & 15, date & 31, time >> 11, (time >> 5) & 63]).toEqual([2024, 3, 5, 0, 0])
  })

  it('cuts a cell longer than Excel allows, says where, and the file still opens', async () => {
    const policy = smallPolicy()
    policy.children[0]!.children[0]!.body = '长'.repeat(40000)
    const {bytes, warnings} = await writeXlsx(ledgerView({policy, registry: smallRegistry, config: {}}))
    expect(warnings.length).toBeGreaterThan(0)
    expect(warnings[0]).toMatch(/任务台账\.xlsx 工作表“全部任务”第3行“主要内容\/具体目标”有 40000 个字符，超过 Excel 单元格上限 32767/)
    const rows = rowsOf((await load(bytes)).getWorksheet(allTasksSheet)!)
    const cell = String(rows[0]![ledgerHeaders.content])
    expect(cell.length).toBeLessThanOrEqual(excelCellLimit)
    expect(cell).toMatch(/超出 Excel 单元格字数上限/)
  })
})

describe('sheetNames', () => {
  it('removes forbidden characters, truncates to 31 and keeps names unique', () => {
    expect(sheetNames(['区A/B局', '区A:B局', 'x'.repeat(40), '汇总'], ['汇总'])).toEqual(['区A_B局', '区A_B局-2', 'x'.repeat(31), '汇总-2'])
  })
})
