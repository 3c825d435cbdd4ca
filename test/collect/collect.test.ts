/**
 * The loop closed: build the sample's ledger, fill in copies as bureaus would (including their
 * mistakes), run `collect`, and read the results back from every file it writes.
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import {strFromU8, unzipSync} from 'fflate'
import {describe, expect, it} from 'vitest'
import {build} from '../../src/build/index.ts'
import {collect, type CollectReport} from '../../src/collect/index.ts'
import {loadSource, parseSource} from '../../src/cli/source.ts'
import {ledgerView, statuses, type LedgerRow} from '../../src/view/ledger.ts'
import {cli, root} from '../helpers/cli.ts'
import {squash} from '../helpers/text.ts'
import {day, openLedger, saveSheetAlone, taskRows, write} from './fill.ts'

const sample = path.join(root, 'source/xiuzhou-2024.txt')
const dir = mkdtempSync(path.join(tmpdir(), 'pp-collect-'))
const at = (name: string) => path.join(dir, name)
const configPath = at('policy-press.config.yml')
writeFileSync(
  configPath,
  [
    'issuer: 嘉兴市秀洲区人民政府办公室',
    'date: 2024-03-05',
    'deadline: 2024-12-31',
    'deadlines:',
    '  parts:',
    '    二: 2024-06-30',
    '  tasks:',
    '    "1.3": 持续推进',
    `registry: ${JSON.stringify(path.join(root, 'source/xiuzhou-units.yml'))}`,
    ''
  ].join('\n')
)

async function loadPolicy() {
  const input = await loadSource(sample, root, configPath)
  const {policy} = await parseSource(input)
  return {input, policy}
}

const key = (id: string, unit: string) => `${id}|${unit}`
const cycle = ['已完成', '推进中', '滞后', '未开始', '无法推进'] as const

describe('collect', async () => {
  const {input, policy} = await loadPolicy()
  const config = input.loaded.config
  await build({source: sample, outDir: at('build'), formats: ['xlsx'], config, registryPath: input.registryPath})
  const ledgerPath = at('build/任务台账.xlsx')
  const ledger = ledgerView({policy: (await loadPolicy()).policy, config, registry: input.registry})

  /** What each task × unit should end up as, filled in below alongside the workbooks. */
  const expected = new Map<string, string>()
  /** Rows edited into mistakes: file, sheet, row. */
  const mistakes: Record<string, {file: string; sheet: string; row: number}> = {}

  // 1. 区发改局 fills in its own sheet of the whole workbook.
  {
    const book = await openLedger(ledgerPath)
    const sheet = book.getWorksheet('区发改局')!
    taskRows(sheet).forEach(({row, id, unit}, i) => {
      const status = cycle[i % cycle.length]!
      write(sheet, row, {
        status,
        progress: `第${i + 1}项进展：已召开专题会议`,
        completed: status === '已完成' ? day('2024-05-31') : null,
        contact: '张三',
        phone: '0573-82000000',
        reported: day('2024-06-28')
      })
      expected.set(key(id, unit), status)
    })
    await book.xlsx.writeFile(at('区发改局.xlsx'))
  }

  // 2. 区财政局 saves its sheet on its own, rows in reverse order, report date typed as text.
  {
    const book = await openLedger(ledgerPath)
    const sheet = book.getWorksheet('区财政局')!
    taskRows(sheet).forEach(({row, id, unit}, i) => {
      const status = i === 0 ? '已完成' : '推进中'
      write(sheet, row, {status, progress: '按计划推进', reported: '2024-06-25'})
      expected.set(key(id, unit), status)
    })
    await saveSheetAlone(sheet, at('区财政局.xlsx'), (rows) => [...rows].reverse())
  }

  // 3. 区科技局 makes every mistake once, and fills the rest correctly.
  {
    const file = '区科技局.xlsx'
    const book = await openLedger(ledgerPath)
    const sheet = book.getWorksheet('区科技局')!
    const rows = taskRows(sheet)
    rows.forEach(({row, id, unit}) => {
      write(sheet, row, {status: '已完成', progress: '已完成', reported: day('2024-06-20')})
      expected.set(key(id, unit), '已完成')
    })
    const [unknown, other, invalid, undated] = rows
    write(sheet, unknown!.row, {id: '9.99', progress: '编号写错的一行'})
    mistakes.unknown = {file, sheet: '区科技局', row: unknown!.row}
    expected.delete(key(unknown!.id, unknown!.unit))
    write(sheet, other!.row, {unit: '区财政局', progress: '替财政局填的一行'})
    mistakes.wrongSheet = {file, sheet: '区科技局', row: other!.row}
    expected.delete(key(other!.id, other!.unit))
    write(sheet, invalid!.row, {status: '进行中'})
    mistakes.invalid = {file, sheet: '区科技局', row: invalid!.row}
    expected.delete(key(invalid!.id, invalid!.unit))
    write(sheet, undated!.row, {status: '推进中', completed: '三月底'})
    mistakes.undated = {file, sheet: '区科技局', row: undated!.row}
    expected.set(key(undated!.id, undated!.unit), '推进中')
    // On the all-tasks sheet, it claims a task that is not its own.
    const all = book.getWorksheet('全部任务')!
    const own = new Set(rows.map((r) => r.id))
    const foreign = taskRows(all).find((r) => !own.has(r.id))!
    write(all, foreign.row, {unit: '区科技局', status: '已完成', progress: '不是本单位的任务'})
    mistakes.notOwn = {file, sheet: '全部任务', row: foreign.row}
    await book.xlsx.writeFile(at(file))
  }

  // 4. 区发改局 sends a correction later (first row now 已完成) and an old copy (second row, earlier date).
  const developmentRows = taskRows((await openLedger(ledgerPath)).getWorksheet('区发改局')!)
  {
    const book = await openLedger(at('区发改局.xlsx'))
    const sheet = book.getWorksheet('区发改局')!
    write(sheet, developmentRows[0]!.row, {status: '已完成', progress: '更正：已全部完成', reported: day('2024-06-30')})
    expected.set(key(developmentRows[0]!.id, '区发改局'), '已完成')
    await saveSheetAlone(sheet, at('区发改局-更正.xlsx'), (rows) => rows.slice(0, 1))
    const old = await openLedger(ledgerPath)
    write(old.getWorksheet('区发改局')!, developmentRows[1]!.row, {status: '未开始', reported: day('2024-06-01')})
    await old.xlsx.writeFile(at('区发改局-旧.xlsx'))
  }

  // 5. Not ledgers of this policy.
  {
    const other = await openLedger(ledgerPath)
    for (const sheet of other.worksheets) {
      sheet.getCell('A1').value = String(sheet.getCell('A1').value).replace(/《.*》/, '《另一份政策》')
      if (sheet.name === '区发改局') write(sheet, 3, {status: '已完成', reported: day('2024-07-31')})
    }
    await other.xlsx.writeFile(at('另一份政策.xlsx'))
    const plain = new ExcelJS.Workbook()
    plain.addWorksheet('Sheet1').addRows([['序号', '事项', '情况'], [1, '会议', '已开']])
    await plain.xlsx.writeFile(at('会议记录.xlsx'))
    writeFileSync(at('损坏.xlsx'), 'not a zip at all')
  }

  const ledgers = ['区发改局.xlsx', '区财政局.xlsx', '区科技局.xlsx', '区发改局-更正.xlsx', '区发改局-旧.xlsx', '另一份政策.xlsx', '会议记录.xlsx', '损坏.xlsx']
  const run = (outDir: string, files = ledgers, date: string | null = '2024-07-01', shown = (name: string) => name): Promise<CollectReport> =>
    collect({
      policy: structuredClone(policy),
      config,
      registry: input.registry,
      ledgers: files.map((name) => ({path: at(name), shown: shown(name)})),
      outDir: at(outDir),
      date: date ?? undefined,
      configDir: dir
    })
  const report = await run('out')
  const out = (name: string) => readFileSync(at(path.join('out', name)))

  const statusOf = (row: LedgerRow) => expected.get(key(row.id, row.unit)) ?? '未报告'
  const lateOf = (row: LedgerRow) => statusOf(row) !== '已完成' && row.deadlineDate !== undefined && row.deadlineDate < '2024-07-01'
  const units = ledger.units.map((u) => u.unit)
  const reportedUnits = new Set(['区发改局', '区财政局', '区科技局'])
  const countsOf = (rows: LedgerRow[]): Record<string, number> => ({
    total: rows.length,
    ...Object.fromEntries([...statuses, '未报告'].map((s) => [s, rows.filter((r) => statusOf(r) === s).length])),
    late: rows.filter(lateOf).length
  })

  it('keeps the latest report per task and unit, and counts what the bureaus wrote', () => {
    for (const row of report.collected.rows) expect(`${row.id} ${row.unit} ${row.status}`).toBe(`${row.id} ${row.unit} ${statusOf(row)}`)
    expect(report.view.totals.total).toBe(ledger.rows.length)
    expect(report.view.unreported.map((u) => u.unit)).toEqual(units.filter((u) => !reportedUnits.has(u)))
    // Deadlines: part 二 is due 2024-06-30 (late on 2024-07-01 unless done), 1.3 is 持续推进 (never late).
    expect(report.collected.rows.filter((r) => r.late).length).toBe(ledger.rows.filter(lateOf).length)
    expect(report.collected.rows.filter((r) => r.late).every((r) => r.part === 2)).toBe(true)
    expect(ledger.rows.find((r) => r.id === '1.3')!.deadline).toBe('持续推进')
  })

  it('reports each mistake with its file, sheet and row, and keeps what was written', () => {
    const problems = report.collected.problems
    const find = (rule: string, place?: {file: string; sheet: string; row: number}) =>
      problems.find((p) => p.rule === rule && (!place || (p.file === place.file && p.sheet === place.sheet && p.row === place.row)))
    const where = (p: {file: string; sheet: string; row: number}) => `${p.file} 工作表“${p.sheet}”第${p.row}行`
    expect(find('unknown-task', mistakes.unknown)?.message).toContain(`${where(mistakes.unknown!)}：任务编号“9.99”不是这份政策的任务`)
    expect(find('unknown-task', mistakes.unknown)?.data).toContain('编号写错的一行')
    expect(find('wrong-sheet', mistakes.wrongSheet)?.message).toContain(`${where(mistakes.wrongSheet!)}：区科技局的工作表里填报了区财政局的任务`)
    expect(find('not-own-task', mistakes.notOwn)?.message).toMatch(/不是区科技局的任务（责任单位：/)
    expect(find('not-own-task', mistakes.notOwn)?.data).toContain('不是本单位的任务')
    expect(find('invalid-status', mistakes.invalid)?.message).toContain('落实状态“进行中”不是可选的状态')
    expect(find('invalid-status', mistakes.invalid)?.message).toContain('是不是“推进中”？')
    expect(find('unreadable-date', mistakes.undated)?.message).toContain('完成日期“三月底”不是可识别的日期')
    const duplicate = problems.filter((p) => p.rule === 'duplicate-report')
    expect(duplicate.map((p) => p.message)).toEqual([
      expect.stringMatching(new RegExp(`任务 ${developmentRows[0]!.id.replace('.', '\\.')}（区发改局）填报了两次：区发改局\\.xlsx 工作表“区发改局”第${developmentRows[0]!.row}行 和 区发改局-更正\\.xlsx 工作表“区发改局”第3行，以填报日期较晚的（2024-06-30）为准`)),
      expect.stringMatching(/区发改局-旧\.xlsx .*以填报日期较晚的（2024-06-28）为准，即 区发改局\.xlsx/)
    ])
    expect(find('other-policy')?.message).toBe('另一份政策.xlsx 是另一份政策的任务台账（《另一份政策》），不是《' + policy.title + '》的，未计入；请核对报送的文件')
    expect(find('not-a-ledger')?.file).toBe('会议记录.xlsx')
    expect(find('unreadable-file')?.file).toBe('损坏.xlsx')
  })

  it('writes the counts per unit and per part, every row and every problem into 落实情况汇总.xlsx', async () => {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(out('落实情况汇总.xlsx') as unknown as ArrayBuffer)
    expect(book.worksheets.map((s) => s.name)).toEqual(['按单位', '按部分', '任务明细', '填报问题'])
    const table = (name: string) => {
      const sheet = book.getWorksheet(name)!
      const header = (sheet.getRow(2).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''))
      return Array.from({length: sheet.rowCount - 2}, (_, i) => {
        const values = sheet.getRow(i + 3).values as ExcelJS.CellValue[]
        return Object.fromEntries(Array.from(header, (h, c) => [h, values[c] ?? null]))
      })
    }
    const byUnit = table('按单位')
    for (const unit of units) {
      const row = byUnit.find((r) => r['单位'] === unit)!
      const want = countsOf(ledger.rows.filter((r) => r.unit === unit))
      expect({total: row['任务'], 已完成: row['已完成'], 推进中: row['推进中'], 未开始: row['未开始'], 滞后: row['滞后'], 无法推进: row['无法推进'], 未报告: row['未报告'], late: row['逾期']}).toEqual(want)
    }
    expect(byUnit.at(-1)!['任务']).toBe(ledger.rows.length)
    const byPart = table('按部分')
    for (const part of ledger.parts) {
      const row = byPart.find((r) => r['所属部分'] === part.label)!
      expect(row['已完成']).toBe(countsOf(ledger.rows.filter((r) => r.part === part.ordinal))['已完成'])
      expect(row['逾期']).toBe(countsOf(ledger.rows.filter((r) => r.part === part.ordinal)).late)
    }
    const details = table('任务明细')
    expect(details.length).toBe(ledger.rows.length)
    const corrected = details.find((r) => r['任务编号'] === developmentRows[0]!.id && r['责任单位'] === '区发改局')!
    expect(corrected['进展情况']).toBe('更正：已全部完成')
    expect(corrected['来源']).toBe('区发改局-更正.xlsx 工作表“区发改局”第3行')
    expect(table('填报问题').length).toBe(report.collected.problems.length)
  })

  it('shows the same figures in 落实情况.html, with a bar per unit', () => {
    const html = out('落实情况.html').toString('utf8')
    expect(html).not.toMatch(/<script|src=|href="http/)
    for (const unit of units) {
      const want = countsOf(ledger.rows.filter((r) => r.unit === unit))
      const bar = new RegExp(`<g class="bar" data-unit="${unit}">(.*?)</g>`).exec(html)![1]!
      const segments = Object.fromEntries([...bar.matchAll(/data-status="([^"]+)" data-count="(\d+)"/g)].map((m) => [m[1], Number(m[2])]))
      for (const status of [...statuses, '未报告']) expect(segments[status] ?? 0).toBe(want[status])
      const row = new RegExp(`<tr><td[^>]*>\\d+</td><td[^>]*>${unit}</td>((?:<td[^>]*>[^<]*</td>)+)</tr>`).exec(html)![1]!
      const cells = [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1])
      expect(cells.slice(0, 8).map(Number)).toEqual([want.total, want['已完成'], want['推进中'], want['未开始'], want['滞后'], want['无法推进'], want['未报告'], want.late])
    }
  })

  it('names the late tasks and the units that did not report in 督办通报.docx and .pdf', () => {
    const xml = strFromU8(unzipSync(new Uint8Array(out('督办通报.docx')))['word/document.xml']!)
    const docx = squash([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    const pdf = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', at('out/督办通报.pdf'), '-']).toString('utf8'))
    const lateIds = [...new Set(ledger.rows.filter(lateOf).map((r) => r.id))]
    const unreported = units.filter((u) => !reportedUnits.has(u))
    expect(lateIds.length).toBeGreaterThan(0)
    for (const text of [docx, pdf]) {
      const late = text.slice(text.indexOf('四、逾期未完成的任务'), text.indexOf('五、未报送落实情况的单位'))
      for (const id of lateIds) expect(late).toContain(`任务${id}，`)
      expect(late).not.toContain('任务1.3，')
      const missing = text.slice(text.indexOf('五、未报送落实情况的单位'), text.indexOf('六、'))
      for (const unit of unreported) expect(missing).toContain(`${unit}（承担任务`)
      for (const unit of reportedUnits) expect(missing).not.toContain(`${unit}（承担任务`)
      expect(text).toContain(`已完成${report.view.totals.done}项`)
    }
  })

  it('spawned as a command: the same bytes, and the report date from the returns when --date is absent', async () => {
    const files = ['区发改局.xlsx', '区财政局.xlsx']
    const result = await cli(['collect', sample, ...files.map(at), '-o', at('cli'), '-c', configPath])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('统计截止日期：2024年6月28日（没有指定 --date，取各台账中最晚的填报日期）')
    // The command shows files outside the working folder by their absolute path.
    const again = await run('again', files, null, at)
    expect(again.collected.date).toBe('2024-06-28')
    for (const name of ['落实情况汇总.xlsx', '督办通报.docx', '督办通报.pdf', '落实情况.html']) {
      expect(readFileSync(at(path.join('cli', name))).equals(readFileSync(at(path.join('again', name)))), name).toBe(true)
    }
    const bad = await cli(['collect', sample, at('会议记录.xlsx'), '-o', at('bad'), '-c', configPath])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('错误：无法确定统计截止日期')
    expect(bad.stderr).not.toMatch(/\n\s+at /)
  })
})
