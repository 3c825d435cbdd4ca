/** `policy-press build`: every document for each source, with progress and a closing summary. */
import path from 'node:path'
import {displayPath} from '../../config/load.ts'
import type {Format} from '../../config/types.ts'
import {UserError} from '../../errors.ts'
import type {ParsedArgs} from '../args.ts'
import type {Io} from '../io.ts'
import {buildOptions, checkOutputFolder, loadSource} from '../source.ts'

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const {build} = await import('../../build/index.ts')
  const json = args.options.json === true
  const quiet = json || args.options.quiet === true
  const say = (line: string) => {
    if (!quiet) io.stdout(line + '\n')
  }
  const output = args.options.output as string | undefined
  const started = performance.now()
  const reports = []
  let documents = 0
  let warnings = 0
  let checkErrors = 0
  let checkWarnings = 0

  const outDirOf = (file: string) => {
    const stem = path.basename(file, path.extname(file))
    return path.resolve(
      io.cwd,
      output === undefined ? path.join('output', stem) : args.positionals.length > 1 ? path.join(output, stem) : output
    )
  }
  // Two sources that would share an output folder (a/x.txt and b/x.txt): refused before anything is read.
  const folders = new Map<string, string>()
  for (const file of args.positionals) {
    const key = outDirOf(file).toLowerCase()
    const other = folders.get(key)
    if (other !== undefined) {
      throw new UserError(`源文件 ${other} 和 ${file} 会写进同一个输出文件夹 ${displayPath(outDirOf(file), io.cwd)}，后一个会覆盖前一个`, {
        file,
        hint: '把其中一个改名，或分两次生成并用 -o 给每个源文件指定不同的输出文件夹。'
      })
    }
    folders.set(key, file)
  }

  for (const file of args.positionals) {
    // Everything that can be wrong with the input is found before anything is written.
    // Source, config and registry are checked here, the output folder below; build() stops on an
    // unusable source or template before it writes anything.
    const input = await loadSource(file, io.cwd, args.options.config as string | undefined)
    const outDir = outDirOf(input.source.path)
    checkOutputFolder(outDir, io.cwd)

    say(`${input.source.shown} → ${displayPath(outDir, io.cwd)}${path.sep}`)
    const report = await build({
      ...buildOptions(input, outDir, args.options.formats as Format[] | undefined),
      // One line per file as it is produced; the files reach the folder together when the build saves.
      onDocument: (document) => say(`  已生成 ${displayPath(document.path, io.cwd)}（${size(document.bytes)}）`),
      force: args.options.force === true
    })
    for (const removed of report.removed) say(`  已删除 ${displayPath(path.join(report.outDir, removed), io.cwd)}（上次生成的文件，这次不再生成）`)
    documents += report.documents.length
    warnings += report.warnings.length
    for (const note of report.notes) say(`  版式：${note}`)
    for (const warning of report.warnings) say(`  注意：${warning}`)
    const problems = report.messages.filter((message) => message.fatal === true).length
    checkErrors += problems
    checkWarnings += report.messages.length - problems
    if (report.messages.length > 0) {
      say(`  校对：${report.messages.length} 条提示（其中 ${problems} 个错误），运行 policy-press check ${input.source.shown} 查看`)
    }
    reports.push({
      source: displayPath(report.source, io.cwd),
      outDir: displayPath(report.outDir, io.cwd),
      documents: report.documents.map((document) => ({
        path: displayPath(document.path, io.cwd),
        name: document.name,
        format: document.format,
        bytes: document.bytes
      })),
      warnings: report.warnings,
      removed: report.removed,
      checkErrors: problems,
      timings: report.timings
    })
  }

  const seconds = (performance.now() - started) / 1000
  if (json) {
    io.stdout(JSON.stringify({ok: true, documents, warnings, checkErrors, checkWarnings, seconds: Math.round(seconds * 100) / 100, sources: reports}, null, 2) + '\n')
  } else {
    const proofreading = checkErrors + checkWarnings > 0 ? `；校对提示 ${checkErrors + checkWarnings} 条（其中 ${checkErrors} 个错误）` : ''
    say(`完成：共生成 ${documents} 个文件，用时 ${seconds.toFixed(1)} 秒，${warnings} 条警告${proofreading}。`)
  }
  return 0
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} 字节`
}
