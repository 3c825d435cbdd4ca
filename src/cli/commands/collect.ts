/** `policy-press collect`: the ledgers bureaus returned → 落实情况汇总.xlsx, 督办通报.docx/.pdf, 落实情况.html. */
import {existsSync, statSync} from 'node:fs'
import path from 'node:path'
import {parseDay} from '../../config/dates.ts'
import {displayPath} from '../../config/load.ts'
import {UserError} from '../../errors.ts'
import type {ParsedArgs} from '../args.ts'
import type {Io} from '../io.ts'
import {checkOutputFolder, collectOptions, loadSource, parseSource} from '../source.ts'

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const quiet = args.options.quiet === true
  const say = (line: string) => {
    if (!quiet) io.stdout(line + '\n')
  }
  const [sourceArg, ...ledgerArgs] = args.positionals
  const dateArg = args.options.date as string | undefined
  const date = dateArg === undefined ? undefined : parseDay(dateArg)
  if (dateArg !== undefined && !date) {
    throw new UserError(`--date 的值“${dateArg}”不是日期`, {hint: '写成 --date 2024-06-30（统计截止日期，逾期任务按它判断）。'})
  }
  const ledgers = ledgerArgs.map((file) => {
    const absolute = path.resolve(io.cwd, file)
    const shown = displayPath(absolute, io.cwd)
    if (!existsSync(absolute)) throw new UserError(`找不到台账文件 ${shown}`, {file: shown, hint: '检查文件名和所在文件夹；文件名里有空格时用英文引号括起来。'})
    if (statSync(absolute).isDirectory()) {
      throw new UserError(`${shown} 是一个文件夹，不是台账文件`, {file: shown, hint: `写出其中的 .xlsx 文件，例如 ${path.join(shown, '*.xlsx')}。`})
    }
    return {path: absolute, shown}
  })
  const input = await loadSource(sourceArg!, io.cwd, args.options.config as string | undefined)
  const {policy} = await parseSource(input)
  const stem = path.basename(input.source.path, path.extname(input.source.path))
  const output = args.options.output as string | undefined
  const outDir = path.resolve(io.cwd, output ?? path.join('output', `${stem}-落实情况`))
  checkOutputFolder(outDir, io.cwd)

  const {collect} = await import('../../collect/index.ts')
  const report = await collect({...collectOptions(input, policy, ledgers, outDir, date), force: args.options.force === true})
  const {view, collected} = report
  say(`${input.source.shown}：读取 ${ledgers.length} 个台账文件`)
  for (const file of ledgers) {
    const rows = collected.rows.filter((r) => r.report?.file === file.shown).length
    say(`  ${file.shown}：采用 ${rows} 行填报`)
  }
  say(
    view.dateFromReports
      ? `统计截止日期：${view.date}（没有指定 --date，取各台账中最晚的填报日期）`
      : `统计截止日期：${view.date}`
  )
  if (collected.problems.length > 0) {
    say(`填报问题 ${collected.problems.length} 条（均照录在 落实情况汇总.xlsx 的“填报问题”表中）：`)
    for (const problem of collected.problems) say(`  ${problem.message}`)
  }
  const t = view.totals
  say(
    `共 ${view.taskCount} 项任务、${view.unitCount} 个单位（按单位计 ${t.total} 项）：已完成 ${t.done}，推进中 ${t.inProgress}，未开始 ${t.notStarted}，滞后 ${t.behind}，无法推进 ${t.blocked}，未报告 ${t.unreported}；逾期 ${t.late}；未报送单位 ${view.unreportedUnitCount} 个`
  )
  for (const warning of report.warnings) say(`注意：${warning}`)
  for (const document of report.documents) say(`  已生成 ${displayPath(path.join(outDir, document.name), io.cwd)}`)
  return 0
}
