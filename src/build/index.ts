/**
 * `build`: one source file → every output document, in one pass.
 *
 *   read → parse (+ units registry) → extract → check → views → templates → Markdown
 *   → parseDocument (once per document) → writers (md, html, docx, pdf) + 一图读懂 (pdf, png) + xlsx + json → index.html
 *   → staged write into the output folder.
 *
 * Progress: each file is reported (`onDocument`) as soon as it is produced, while the rest are still
 * being made; the files reach the output folder together at the end (atomic save, see
 * `writeOutputs`), so a build that fails part-way leaves the folder as it was.
 *
 * Same input, same bytes out: dates come from the config or the source's front matter, never
 * from the clock. Timings (ms per stage) are reported for the benchmark, never written to files.
 */
import {readFile, stat} from 'node:fs/promises'
import {existsSync, statSync} from 'node:fs'
import {basename, dirname, extname, isAbsolute, join, relative, resolve} from 'node:path'
import type {VFileMessage} from 'vfile-message'
import type {Config, Format} from '../config/types.ts'
import {allFormats} from '../config/types.ts'
import {UserError} from '../errors.ts'
import {createDocumentParser, parseDocument} from '../doc/parse.ts'
import type {Policy} from '../tree/types.ts'
import {codePointLabel, stripXmlInvalid, withoutXmlInvalid, xmlInvalidPattern} from '../tree/characters.ts'
import {assertUsable, parsePolicy} from '../parse/index.ts'
import {fatalHints} from '../parse/usable.ts'
import {maxSourceBytes, tooLargeReason} from '../read/decode.ts'
import {enrichPolicy} from '../extract/index.ts'
import {checkPolicy} from '../check/index.ts'
import {defaultRegistryPath, loadRegistry, type Registry} from '../units/registry.ts'
import {builtinTemplatesDir, loadTemplates, render} from '../template/index.ts'
import {views} from '../view/index.ts'
import {loadGlossary} from '../view/glossary.ts'
import type {TaskListView} from '../view/tasklist.ts'
import type {InterpretationView} from '../view/interpretation.ts'
import {indexView, type IndexLink} from '../view/index-page.ts'
import {issuerBlock, unusedDeadlines} from '../view/common.ts'
import {ledgerView} from '../view/ledger.ts'
import type {ViewContext, ViewDocument} from '../view/types.ts'
import type {PosterFiles, PosterJob} from '../write/poster/index.ts'
import {createWriter, documentFormats, type DocumentWriter} from '../write/index.ts'
import {writeHtml} from '../write/html.ts'
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
  /** The source's bytes when the caller has read them already (the command line has); default: read `source`. */
  bytes?: Uint8Array
  /** The registry loaded from `registryPath` when the caller has loaded it already; default: load it here. */
  registry?: Registry
  /** Folder that relative paths in `config` are resolved against. Default the source's folder. */
  configDir?: string
  /**
   * Called for each file as soon as it is produced, in the order they are made (a line of progress
   * per document). The file reaches `path` with all the others when the build saves them at the end;
   * if the save fails, the build throws and the output folder is left as it was.
   */
  onDocument?: (event: BuildDocument) => void
  /**
   * Called once, before the first file is made, with the number of files the build means to write
   * (a progress bar's end). A writer found unavailable later makes fewer.
   */
  onPlan?: (files: number) => void
  /** Overwrite or remove output files edited by hand since the last build (or not made by it). Default false. */
  force?: boolean
  /** Other files the build reads (the config file): never written over. Source, registry and templates are added here. */
  inputs?: readonly string[]
  /** Largest number of clauses built in one go (default `maxClauses`); a longer policy stops with a UserError. */
  maxClauses?: number
}

/**
 * A build keeps every document of a policy in memory until the atomic save. Measured peaks (whole
 * process, every format): the synthetic policy 100× the sample, 6,800 clauses and 1,307 files,
 * 2.3 GiB; 147×, 9,996 clauses and 1,991 files, 2.9 GiB. Beyond this many clauses the build stops
 * with a clear message before it writes anything, rather than run out of memory.
 */
export const maxClauses = 10_000

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
  /** Files the previous build made in the output folder that this one no longer makes, removed (relative paths). */
  removed: string[]
  /** Milliseconds per stage: read, registry, parse, extract, check, templates, views, render, doc, write:<format>, poster, index, save, total. */
  timings: Record<string, number>
}

type PendingWriter = Promise<DocumentWriter | {unavailable: string}>

export async function build(options: BuildOptions): Promise<BuildReport> {
  // Writers this build opened (a worker thread among them), released however the build ends.
  const opened: PendingWriter[] = []
  try {
    return await buildWith(options, opened)
  } finally {
    await Promise.all(opened.map((pending) => pending.then((writer) => (isWriter(writer) ? writer.close?.() : undefined), () => undefined)))
  }
}

async function buildWith(options: BuildOptions, opened: PendingWriter[]): Promise<BuildReport> {
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
  // Writers first, so the PDF writer (in a worker thread when compiled) loads pdfkit and reads its
  // font files while the text is parsed and rendered.
  const documentWriters = new Map(
    documentFormats
      .filter((format) => formats.has(format))
      .map((format) => {
        const writer = createWriter(format, {config, baseDir: configDir})
        writer.catch(() => undefined) // awaited (and its error raised) where the format is written
        opened.push(writer)
        return [format, writer] as const
      })
  )
  for (const format of formats) {
    if (!allFormats.includes(format)) throw new UserError(`未知的输出格式：${format}`, {hint: `可用格式：${allFormats.join('、')}`})
  }
  const warnings: string[] = []
  const notes: string[] = []

  // read
  const bytes = options.bytes ?? (await readSourceBytes(source))
  lap('read')

  // registry
  const registryPath = options.registryPath ?? fromConfig(config.registry) ?? defaultRegistryPath(source)
  const registry: Registry | undefined = options.registry ?? (registryPath ? loadRegistry(registryPath) : undefined)
  if (!registry) warnings.push('未找到单位名录，单位名称按原文处理')
  lap('registry')

  // parse
  const parsed = await parsePolicy({path: source, bytes}, {registry})
  assertUsable(parsed.file, relative(process.cwd(), source) || source)
  const policy: Policy = parsed.policy
  const clauses = policy.children.reduce((n, domain) => n + domain.children.length, 0)
  const limit = options.maxClauses ?? maxClauses
  if (clauses > limit) {
    throw new UserError(`源文件 ${relative(process.cwd(), source) || source} 有 ${clauses} 条条款，超过一次生成的上限 ${limit} 条（内存不够），没有生成任何文件。`, {
      file: source,
      hint: '请把政策按领域拆成几个源文件分别生成；只想看结构或校对，可以用 policy-press parse 或 policy-press check。'
    })
  }
  lap('parse')

  // extract: measures, targets, budgets into the tree
  enrichPolicy(policy)
  lap('extract')

  // check
  const messages = checkPolicy(policy, parsed.file, {registry, settings: config.rules})
  // Characters no XML file can hold (reported above by xml-invalid-character) never reach a file:
  // removed from the tree and from the config and registry the views read.
  const invalid = stripXmlInvalid(policy)
  const clean = {config: structuredClone(config), registry: registry && structuredClone(registry)}
  stripXmlInvalid(clean, invalid)
  if (invalid.length > 0) {
    const kinds = [...new Set(invalid.map(codePointLabel))].slice(0, 5).join('、')
    const inSource = String(parsed.file.value).match(xmlInvalidPattern)?.length ?? 0
    warnings.push(
      (inSource > 0 ? `源文件里有 ${inSource} 个 ` : '配置或单位名录里有 ') +
        `Word、Excel 和网页文件都不能容纳的字符（${kinds}），生成的文件里已删去；运行 policy-press check 查看位置`
    )
  }
  lap('check')

  // templates
  const templatesDir = options.templatesDir ?? fromConfig(config.templates) ?? besideSource(source)
  const templates = loadTemplates({overrideDir: templatesDir})
  lap('templates')

  // views
  // templates/glossary.yml next to the source or in the configured templates folder replaces the built-in glossary.
  const glossaryPath = templatesDir !== undefined && existsSync(join(templatesDir, 'glossary.yml')) ? join(templatesDir, 'glossary.yml') : undefined
  const glossary = glossaryPath ? loadGlossary(glossaryPath) : undefined
  const context: ViewContext = {policy, config: clean.config, registry: clean.registry, glossary}
  warnings.push(...unusedDeadlines(policy, config))
  // Every kind in the views table; the index lists task lists per unit and the rest as documents.
  const documents: Array<ViewDocument & {kind: string}> = Object.entries(views).flatMap(([kind, builder]) =>
    builder(context).map((document) => ({...document, kind}))
  )
  // A policy whose tasks name no unit has no responsibility split: say so instead of empty notices.
  const noDuties = policy.duties === 'none'
  if (noDuties) warnings.push('本政策的条款没有写明责任单位，没有责任分工可以生成：不生成责任分工通知、任务清单和任务台账，只生成政策解读和政策原文')
  const stems = uniquePaths(documents.map((d) => d.path))
  const posterFiles = documents.some((d) => d.kind === 'interpretation') ? (['pdf', 'png'] as const).filter((f) => formats.has(f)).length : 0
  options.onPlan?.(documents.length * documentWriters.size + posterFiles + (formats.has('xlsx') ? 1 : 0) + (formats.has('json') ? 1 : 0) + 1)
  lap('views')

  // templates → Markdown → Doc
  const rendered = documents.map((document) => withoutXmlInvalid(render(templates, document.template, document.data)))
  lap('render')
  const docs = rendered.map(createDocumentParser())
  lap('doc')
  // A writer in a worker thread starts on every document as soon as it is ready, while this thread
  // writes the others (not awaited: the loop below awaits each writer, after this has run).
  const inputs = docs.map((doc, i) => ({markdown: rendered[i], doc}))
  for (const pending of documentWriters.values()) pending.then((writer) => isWriter(writer) && writer.begin?.(inputs), () => undefined)

  // 一图读懂 starts now, beside the documents: drawn by the PDF writer (in its thread, with the fonts
  // it has loaded), or here when the build writes no PDFs of documents.
  const issuer = issuerBlock(policy, config)
  const interpretation = documents.findIndex((d) => d.kind === 'interpretation')
  const poster =
    interpretation >= 0 && (formats.has('pdf') || formats.has('png'))
      ? await startPoster(
          {interpretation: documents[interpretation].data as InterpretationView, context, title: `《${policy.title}》一图读懂`, created: issuer.created, pdf: formats.has('pdf'), png: formats.has('png')},
          documentWriters.get('pdf')
        )
      : undefined
  lap('poster')

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

  // data writers: in this thread, before the results of a writer in a worker thread are awaited
  const data: IndexLink[] = []
  let dataWritten = false
  const writeData = async () => {
    if (dataWritten) return
    dataWritten = true
    if (formats.has('xlsx') && !noDuties) {
      const {writeXlsx} = await import('../write/xlsx/ledger.ts') // exceljs: loaded only for builds that write the ledger
      const ledger = await writeXlsx(ledgerView(context))
      for (const warning of ledger.warnings) if (!warnings.includes(warning)) warnings.push(warning)
      stage('任务台账.xlsx', ledger.bytes, 'xlsx')
      data.push({label: '任务台账.xlsx', href: '任务台账.xlsx'})
      lap('write:xlsx')
    }
    if (formats.has('json')) {
      stage('policy.json', writeJson(policy), 'json')
      data.push({label: 'policy.json', href: 'policy.json'})
      lap('write:json')
    }
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
    if (writer.threaded) await writeData()
    for (const [i, document] of documents.entries()) {
      const result = await writer.write(inputs[i])
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

  await writeData()

  // 一图读懂: the interpretation's one-page poster (PDF) and long image (PNG)
  if (poster) {
    const links = written.get(interpretation) ?? []
    const {pdf, png} = await poster.files
    for (const [bytes, name, format] of [[pdf, '一图读懂.pdf', 'pdf'], [png, '一图读懂.png', 'png']] as const) {
      if (!bytes) continue
      stage(name, bytes, format)
      links.push({label: name, href: name})
    }
    written.set(interpretation, links)
    lap('poster')
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
  const indexHtml = writeHtml(parseDocument(withoutXmlInvalid(render(templates, 'index', index))))
  stage('index.html', indexHtml, 'html')
  lap('index')

  // save
  const saved = await writeOutputs(outDir, files, {
    force: options.force,
    inputs: [source, ...(registryPath ? [registryPath] : []), ...(glossaryPath ? [glossaryPath] : []), ...(options.inputs ?? [])],
    inputFolders: [templatesDir ?? builtinTemplatesDir, builtinTemplatesDir]
  })
  for (const path of saved.kept) warnings.push(`上次生成的 ${path} 这次不再生成，但它之后被修改过，已保留（确定不要时删除它，或加 --force）`)
  lap('save')
  timings.total = Math.round((performance.now() - started) * 100) / 100
  return {source, outDir, documents: report, warnings, notes, messages, removed: saved.removed, timings}
}

/**
 * Start 一图读懂 from the interpretation's view: on the PDF writer when there is one (it holds the
 * fonts, maybe in its own thread), else here. The files come back wrapped, so that awaiting the
 * start does not also wait for the poster to be drawn.
 */
async function startPoster(
  job: {interpretation: InterpretationView; context: ViewContext} & Omit<PosterJob, 'view'>,
  pdfWriter: PendingWriter | undefined
): Promise<{files: Promise<PosterFiles>}> {
  const {buildPosterView} = await import('../view/poster.ts')
  const {interpretation, context, ...rest} = job
  const posterJob: PosterJob = {...rest, view: buildPosterView(interpretation, context.policy, {config: context.config, registry: context.registry})}
  const here = () => import('../write/poster/index.ts').then(({writePoster}) => writePoster(posterJob))
  const files = (pdfWriter ?? Promise.resolve(undefined)).then(
    (writer) => (writer && isWriter(writer) && writer.poster ? writer.poster(posterJob) : here()),
    here
  )
  files.catch(() => undefined) // awaited (and its error raised) where the poster is staged
  return {files}
}

function isWriter(value: DocumentWriter | {unavailable: string}): value is DocumentWriter {
  return 'write' in value
}

function besideSource(source: string): string | undefined {
  const dir = join(dirname(source), 'templates')
  if (resolve(dir) === resolve(builtinTemplatesDir)) return undefined
  return existsSync(dir) && statSync(dir).isDirectory() ? dir : undefined
}

/** The source's bytes, refused before reading when the file is larger than any policy. */
async function readSourceBytes(source: string): Promise<Uint8Array> {
  try {
    const size = (await stat(source)).size
    if (size > maxSourceBytes) {
      throw new UserError(`源文件 ${source}：${tooLargeReason(size)}`, {file: source, hint: fatalHints['source-too-large']})
    }
    return new Uint8Array(await readFile(source))
  } catch (error) {
    if (error instanceof UserError) throw error
    throw new UserError(`无法读取政策文件：${source}`, {file: source, hint: (error as Error).message, cause: error})
  }
}
