/**
 * `build`: one source file → every output document, in one pass.
 *
 *   read → parse (+ units registry) → extract → check → views → templates → Markdown
 *   → parseDocument (once per document) → writers (md, html, docx, pdf) + xlsx + json → index.html
 *   → staged write into the output folder.
 *
 * Progress: each file is reported (`onDocument`) as soon as it is produced, while the rest are still
 * being made; the files reach the output folder together at the end (atomic save, see
 * `writeOutputs`), so a build that fails part-way leaves the folder as it was.
 *
 * Same input, same bytes out: dates come from the config or the source's front matter, never
 * from the clock. Timings (ms per stage) are reported for the benchmark, never written to files.
 */
import {readFile} from 'node:fs/promises'
import {existsSync, statSync} from 'node:fs'
import {basename, dirname, extname, isAbsolute, join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {VFileMessage} from 'vfile-message'
import type {Config, Format} from '../config/types.ts'
import {allFormats} from '../config/types.ts'
import {UserError} from '../errors.ts'
import {parseDocument} from '../doc/parse.ts'
import type {Policy} from '../tree/types.ts'
import {assertUsable, parsePolicy} from '../parse/index.ts'
import {enrichPolicy} from '../extract/index.ts'
import {checkPolicy} from '../check/index.ts'
import {defaultRegistryPath, loadRegistry, type Registry} from '../units/registry.ts'
import {loadTemplates, render} from '../template/index.ts'
import {views} from '../view/index.ts'
import type {TaskListView} from '../view/tasklist.ts'
import {indexView, type IndexLink} from '../view/index-page.ts'
import {issuerBlock} from '../view/common.ts'
import type {ViewContext, ViewDocument} from '../view/types.ts'
import {documentFormats, writers, type DocumentWriter} from '../write/index.ts'
import {writeHtml} from '../write/html.ts'
import {writeXlsx} from '../write/xlsx.ts'
import {writeJson} from '../write/json.ts'
import {uniquePaths, writeOutputs, type OutputFile} from '../write/files.ts'

export interface BuildOptions {
  /** Policy source (.txt, .md, .docx). */
  source: string
  /** Output folder. Default `output/<source name without extension>/` under the working directory. */
  outDir?: string
  /** Formats to write. Default `config.formats`, else all. `index.html` is always written. */
  formats?: Format[]
  /** Configuration (already loaded). Default `{}`. */
  config?: Config
  /** Template overrides folder. Default `config.templates`, else `templates/` next to the source when present. */
  templatesDir?: string
  /** Units registry file. Default `config.registry`, else the registry found next to the source. */
  registryPath?: string
  /** Folder that relative paths in `config` are resolved against. Default the source's folder. */
  configDir?: string
  /**
   * Called for each file as soon as it is produced, in the order they are made (a line of progress
   * per document). The file reaches `path` with all the others when the build saves them at the end;
   * if the save fails, the build throws and the output folder is left as it was.
   */
  onDocument?: (event: BuildDocument) => void
}

export interface BuildDocument {
  /** Absolute path of the file in the output folder. */
  path: string
  /** Path relative to the output folder, `/`-separated. */
  name: string
  format: Format
  bytes: number
}

export interface BuildReport {
  source: string
  outDir: string
  documents: BuildDocument[]
  /** Problems outside the policy text (a writer unavailable, a font missing), in Chinese. */
  warnings: string[]
  /** Layout decisions of the writers (fonts embedded in the PDFs, 主送 moved to the 版记), in Chinese, each once. */
  notes: string[]
  /** Check messages on the source (line:column, rule id, severity via `fatal`). */
  messages: VFileMessage[]
  /** Milliseconds per stage: read, registry, parse, extract, check, templates, views, render, doc, write:<format>, index, save, total. */
  timings: Record<string, number>
}

export async function build(options: BuildOptions): Promise<BuildReport> {
  const timings: Record<string, number> = {}
  const started = performance.now()
  let mark = started
  const lap = (stage: string) => {
    const now = performance.now()
    timings[stage] = (timings[stage] ?? 0) + Math.round((now - mark) * 100) / 100
    mark = now
  }
  const config: Config = options.config ?? {}
  const source = resolve(options.source)
  const configDir = resolve(options.configDir ?? dirname(source))
  const fromConfig = (path: string | undefined) => (path === undefined ? undefined : isAbsolute(path) ? path : join(configDir, path))
  const outDir = resolve(options.outDir ?? join('output', basename(source, extname(source))))
  const formats = new Set<Format>(options.formats ?? config.formats ?? allFormats)
  // Writers first, so the PDF writer reads its font files while the text is parsed and rendered.
  const documentWriters = new Map(
    documentFormats
      .filter((format) => formats.has(format))
      .map((format) => {
        const writer = writers[format]({config, baseDir: configDir})
        writer.catch(() => undefined) // awaited (and its error raised) where the format is written
        return [format, writer] as const
      })
  )
  for (const format of formats) {
    if (!allFormats.includes(format)) throw new UserError(`未知的输出格式：${format}`, {hint: `可用格式：${allFormats.join('、')}`})
  }
  const warnings: string[] = []
  const notes: string[] = []

  // read
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await readFile(source))
  } catch (error) {
    throw new UserError(`无法读取政策文件：${source}`, {file: source, hint: (error as Error).message, cause: error})
  }
  lap('read')

  // registry
  const registryPath = options.registryPath ?? fromConfig(config.registry) ?? defaultRegistryPath(source)
  const registry: Registry | undefined = registryPath ? loadRegistry(registryPath) : undefined
  if (!registry) warnings.push('未找到单位名录，单位名称按原文处理')
  lap('registry')

  // parse
  const parsed = await parsePolicy({path: source, bytes}, {registry})
  assertUsable(parsed.file, relative(process.cwd(), source) || source)
  const policy: Policy = parsed.policy
  lap('parse')

  // extract: measures, targets, budgets into the tree
  enrichPolicy(policy)
  lap('extract')

  // check
  const messages = checkPolicy(policy, parsed.file, {registry, settings: config.rules})
  lap('check')

  // templates
  const templatesDir = options.templatesDir ?? fromConfig(config.templates) ?? besideSource(source)
  const templates = loadTemplates({overrideDir: templatesDir})
  lap('templates')

  // views
  const context: ViewContext = {policy, config, registry}
  // Every kind in the views table; the index lists task lists per unit and the rest as documents.
  const documents: Array<ViewDocument & {kind: string}> = Object.entries(views).flatMap(([kind, builder]) =>
    builder(context).map((document) => ({...document, kind}))
  )
  const tasklists = documents.filter((d) => d.kind === 'tasklist')
  const stems = uniquePaths(documents.map((d) => d.path))
  lap('views')

  // templates → Markdown → Doc
  const rendered = documents.map((document) => render(templates, document.template, document.data))
  lap('render')
  const docs = rendered.map((markdown) => parseDocument(markdown))
  lap('doc')

  // Every file produced is staged here and reported at once; all are saved together at the end.
  const files: OutputFile[] = []
  const report: BuildDocument[] = []
  const stage = (path: string, bytes: Uint8Array | string, format: Format) => {
    files.push({path, bytes})
    const document: BuildDocument = {
      path: join(outDir, ...path.split('/')),
      name: path,
      format,
      bytes: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength
    }
    report.push(document)
    options.onDocument?.(document)
  }

  // document writers
  const written = new Map<number, IndexLink[]>()
  for (const format of documentFormats) {
    const pending = documentWriters.get(format)
    if (!pending) continue
    const writer = await pending
    if (!isWriter(writer)) {
      warnings.push(`未生成 .${format} 文件：${writer.unavailable}`)
      continue
    }
    for (const [i, document] of documents.entries()) {
      const result = await writer.write({markdown: rendered[i], doc: docs[i]})
      for (const warning of result.warnings ?? []) if (!warnings.includes(warning)) warnings.push(warning)
      for (const note of result.notes ?? []) if (!notes.includes(note)) notes.push(note)
      const path = `${stems[i]}.${writer.extension}`
      stage(path, result.bytes, format)
      const links = written.get(i) ?? []
      links.push({label: `${document.label}.${writer.extension}`, href: path})
      written.set(i, links)
    }
    lap(`write:${format}`)
  }

  // data writers
  const data: IndexLink[] = []
  const issuer = issuerBlock(policy, config)
  if (formats.has('xlsx')) {
    const created = issuer.created ? new Date(issuer.created) : undefined
    const ledger = tasklists.map((d) => d.data as TaskListView)
    stage('任务台账.xlsx', await writeXlsx(ledger, {created}), 'xlsx')
    data.push({label: '任务台账.xlsx', href: '任务台账.xlsx'})
    lap('write:xlsx')
  }
  if (formats.has('json')) {
    stage('policy.json', writeJson(policy), 'json')
    data.push({label: 'policy.json', href: 'policy.json'})
    lap('write:json')
  }

  // index.html
  const index = indexView({
    policy,
    created: issuer.created,
    notice: documents.flatMap((d, i) => (d.kind === 'tasklist' ? [] : written.get(i) ?? [])),
    units: documents.flatMap((d, i) =>
      d.kind === 'tasklist' ? [{view: d.data as TaskListView, files: written.get(i) ?? []}] : []
    ),
    data,
    messages
  })
  const indexHtml = writeHtml(parseDocument(render(templates, 'index', index)))
  stage('index.html', indexHtml, 'html')
  lap('index')

  // save
  await writeOutputs(outDir, files)
  lap('save')
  timings.total = Math.round((performance.now() - started) * 100) / 100
  return {source, outDir, documents: report, warnings, notes, messages, timings}
}

function isWriter(value: DocumentWriter | {unavailable: string}): value is DocumentWriter {
  return 'write' in value
}

function besideSource(source: string): string | undefined {
  const dir = join(dirname(source), 'templates')
  const builtin = fileURLToPath(new URL('../../templates/', import.meta.url))
  if (resolve(dir) === resolve(builtin)) return undefined
  return existsSync(dir) && statSync(dir).isDirectory() ? dir : undefined
}
