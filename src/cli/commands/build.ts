/** `policy-press build`: every document for each source, with progress and a closing summary. */
import path from 'node:path'
import {displayPath} from '../../config/load.ts'
import type {Format} from '../../config/types.ts'
import type {ParsedArgs} from '../args.ts'
import type {Io} from '../io.ts'
import {checkOutputFolder, loadSource} from '../source.ts'

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

  for (const file of args.positionals) {
    // Everything that can be wrong with the input is found before anything is written.
    // Source, config and registry are checked here, the output folder below; build() stops on an
    // unusable source or template before it writes anything.
    const input = await loadSource(file, io.cwd, args.options.config as string | undefined)
    const stem = path.basename(input.source.path, path.extname(input.source.path))
    const outDir = path.resolve(
      io.cwd,
      output === undefined ? path.join('output', stem) : args.positionals.length > 1 ? path.join(output, stem) : output
    )
    checkOutputFolder(outDir, io.cwd)
    const config = input.loaded.config

    say(`${input.source.shown} → ${displayPath(outDir, io.cwd)}${path.sep}`)
    const report = await build({
      source: input.source.path,
      outDir,
      formats: (args.options.formats as Format[] | undefined) ?? config.formats,
      config,
      templatesDir: config.templates,
      registryPath: input.registryPath,
      configDir: input.loaded.path ? path.dirname(input.loaded.path) : undefined,
      // One line per file as it is produced; the files reach the folder together when the build saves.
      onDocument: (document) => say(`  已生成 ${displayPath(document.path, io.cwd)}（${size(document.bytes)}）`)
    })
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
