/**
 * The web application of `policy-press serve` (Hono): the page, its assets, and the JSON API the
 * page uses. Everything it does is the command line's own stages on the workspace folder:
 *
 *   GET  /api/policies                 policies in the workspace
 *   POST /api/policies                 upload a policy (multipart `file`; .txt .md .docx)
 *   GET  /api/policy?path=             source text, outline, check messages
 *   PUT  /api/policy?path=             save edited text ({text}), then the same as GET
 *   GET  /api/config?path=             issuing details of the config beside the policy
 *   PUT  /api/config?path=             write them ({values}), validated as the command line does
 *   POST /api/build?path=              start a build → {job}
 *   GET  /api/build/:job/events        its progress (server-sent events)
 *   GET  /api/output?path=             the documents of the last build
 *   GET  /api/zip?path=[&doc=]         all documents, or one document's (one bureau's), as .zip
 *   GET  /api/ledgers?path=            returned ledgers kept for the policy
 *   POST /api/ledgers?path=            upload returned ledgers (multipart `file`, .xlsx)
 *   POST /api/collect?path=[&date=]    the progress report from them (as `policy-press collect`)
 *   GET  /output/…                     a generated file (preview; `?download=1` to save)
 *
 * Bad input is a `UserError`: the answer is `{error: {message, hint, file, line, field}}` with the
 * command line's Chinese text. See guard.ts for who may call.
 */
import {readFileSync, statSync, existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {Hono, type Context} from 'hono'
import {bodyLimit} from 'hono/body-limit'
import {streamSSE} from 'hono/streaming'
import {UserError} from '../errors.ts'
import {safeFileName, writeFileAtomic} from '../write/files.ts'
import {analyze} from './analyze.ts'
import {collectPolicy, ledgersDirOf, listLedgers} from './collect.ts'
import {configPathFor, errorBody, internalErrorBody, readForm, writeForm} from './config-form.ts'
import {guard} from './guard.ts'
import {Jobs, type JobEvent} from './jobs.ts'
import {groupDocuments, listOutput, zipFiles} from './output.ts'
import {isEditableName, isPolicyName, policyExtensions, Workspace} from './workspace.ts'

export interface AppOptions {
  /** Workspace folder. */
  root: string
  /** Address the server listens on (for the Host check). Default `127.0.0.1`. */
  host?: string
  /** Secret required beyond loopback (see guard.ts). */
  token?: string
  /** Largest upload or saved text, in bytes. Default 10 MB. */
  maxUpload?: number
}

// From the package root (two folders up, as from every module in src/ and dist/cli/), so the compiled
// command finds the page where the sources keep it.
const assetsDir = new URL('../../src/serve/assets/', import.meta.url)
const assets: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8'
}

// The page's Chinese face where the machine has none of its own (the PDF writer embeds the same font).
const pageFont = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')

const contentTypes: Record<string, string> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip'
}

const pageSecurity =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
// Generated HTML is shown in a frame of the page, sandboxed: it can run nothing.
const outputSecurity = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'"

export function createApp(options: AppOptions): Hono {
  const workspace = new Workspace(options.root)
  const root = workspace.root
  const jobs = new Jobs(root)
  const maxUpload = options.maxUpload ?? 10 * 1024 * 1024
  const tooLarge = (c: Context) =>
    c.json({error: {message: `文件太大：超过 ${Math.round(maxUpload / 1024 / 1024)} MB 的上限`, hint: '政策文件通常只有几十 KB；请确认选的是政策文本本身，而不是扫描图片或压缩包。'}}, 413)
  const limit = bodyLimit({maxSize: maxUpload, onError: tooLarge})
  const page = readFileSync(new URL('index.html', assetsDir), 'utf8')

  const app = new Hono()
  app.use(async (c, next) => {
    await next()
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'no-referrer')
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store')
    if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', pageSecurity)
  })
  app.use(guard({host: options.host ?? '127.0.0.1', token: options.token}))
  app.onError((error, c) => {
    if (error instanceof UserError) return c.json({error: errorBody(error)}, 400)
    return c.json({error: internalErrorBody(error)}, 500)
  })
  app.notFound((c) => c.json({error: {message: '没有这个页面或文件', hint: '请从页面上的列表里选择。'}}, 404))

  app.get('/', (c) => c.html(page))
  app.get('/assets/:name', (c) => {
    const name = c.req.param('name')
    const type = assets[name]
    if (!type) return c.notFound()
    return c.body(readFileSync(new URL(name, assetsDir)), 200, {'Content-Type': type})
  })

  app.get('/assets/fonts/noto-sans-sc.ttf', (c) =>
    c.body(readFileSync(pageFont), 200, {'Content-Type': 'font/ttf', 'Cache-Control': 'max-age=86400'})
  )

  const policyParam = (c: Context): {relative: string; absolute: string} => {
    const relative = c.req.query('path') ?? ''
    return {relative, absolute: workspace.policy(relative)}
  }

  app.get('/api/policies', (c) =>
    c.json({workspace: path.basename(root), policies: workspace.policies(), extensions: policyExtensions, maxUpload, building: jobs.busy()?.policy ?? null})
  )

  app.post('/api/policies', limit, async (c) => {
    const body = await c.req.parseBody()
    const file = body.file
    if (!(file instanceof File)) throw new UserError('没有收到文件', {hint: '在“政策文件”里选择一个文件，或把文件拖到虚线框里。'})
    const name = safeFileName(file.name)
    if (!isPolicyName(name)) {
      throw new UserError(`“${file.name}”不是可以打开的政策文件`, {hint: `请选择 ${policyExtensions.join('、')} 文件；旧版 .doc 请先在 Word 或 WPS 里另存为 .docx。`})
    }
    if (file.size === 0) throw new UserError(`文件“${file.name}”是空的`, {hint: '请选择有内容的政策文件。'})
    const bytes = new Uint8Array(await file.arrayBuffer())
    const target = freeName(workspace, name, body.replace === '1')
    await writeFileAtomic(target, bytes)
    return c.json({saved: workspace.relative(target), policies: workspace.policies()}, 201)
  })

  app.get('/api/policy', async (c) => {
    const {relative, absolute} = policyParam(c)
    return c.json(await policyState(root, relative, absolute))
  })

  app.put('/api/policy', limit, async (c) => {
    const {relative, absolute} = policyParam(c)
    if (!isEditableName(relative)) throw new UserError(`“${relative}”是 Word 文件，不能在页面里修改`, {hint: '请在 Word 或 WPS 里修改后重新上传；或运行 policy-press import 把它转成 .md 再修改。'})
    const body = (await c.req.json().catch(() => ({}))) as {text?: unknown}
    if (typeof body.text !== 'string') throw new UserError('没有收到要保存的文字', {hint: '刷新页面后重试。'})
    await writeFileAtomic(absolute, body.text)
    return c.json({saved: true, ...(await policyState(root, relative, absolute))})
  })

  app.get('/api/config', (c) => {
    const {absolute} = policyParam(c)
    return c.json(readForm(configPathFor(absolute), root))
  })

  app.put('/api/config', bodyLimit({maxSize: 64 * 1024, onError: tooLarge}), async (c) => {
    const {absolute} = policyParam(c)
    const body = (await c.req.json().catch(() => ({}))) as {values?: unknown}
    if (typeof body.values !== 'object' || body.values === null) throw new UserError('没有收到发文信息', {hint: '刷新页面后重试。'})
    return c.json(await writeForm(configPathFor(absolute), root, body.values as Record<string, unknown>))
  })

  app.post('/api/build', (c) => {
    const {relative} = policyParam(c)
    const busy = jobs.busy()
    if (busy) return c.json({error: {message: `正在生成“${busy.policy}”的文件，请等它完成后再试`}}, 409)
    return c.json({job: jobs.start(relative).id}, 202)
  })

  app.get('/api/build/:job/events', (c) => {
    const job = jobs.get(c.req.param('job'))
    if (!job) return c.notFound()
    return streamSSE(c, async (stream) => {
      const queue: JobEvent[] = [...job.events]
      let wake: (() => void) | undefined
      const listener = (event: JobEvent) => {
        queue.push(event)
        wake?.()
      }
      if (!job.finished) job.listeners.add(listener)
      stream.onAbort(() => {
        job.listeners.delete(listener)
        wake?.()
      })
      for (;;) {
        const event = queue.shift()
        if (event) {
          await stream.writeSSE({event: event.type, data: JSON.stringify(event)})
          if (event.type === 'done' || event.type === 'failed') break
          continue
        }
        if (stream.aborted || (job.finished && queue.length === 0)) break
        await new Promise<void>((resolve) => (wake = resolve))
        wake = undefined
      }
      job.listeners.delete(listener)
    })
  })

  app.get('/api/output', (c) => {
    const {relative} = policyParam(c)
    const outDir = Jobs.outDirOf(relative)
    const files = listOutput(workspace.resolveInside(outDir))
    return c.json({outDir, documents: groupDocuments(files), count: files.length})
  })

  app.get('/api/zip', (c) => {
    const {relative} = policyParam(c)
    const outDir = Jobs.outDirOf(relative)
    const dir = workspace.resolveInside(outDir)
    const files = listOutput(dir)
    const doc = c.req.query('doc')
    const chosen = doc === undefined ? files : groupDocuments(files).find((document) => document.id === doc)?.files ?? []
    if (chosen.length === 0) throw new UserError('还没有可以下载的文件', {hint: '先按“生成全部文件”。'})
    const name = `${path.basename(outDir)}${doc === undefined ? '' : '-' + safeFileName(doc.split('/').pop()!)}.zip`
    return c.body(zipFiles(dir, chosen.map((file) => file.name)), 200, {
      'Content-Type': contentTypes.zip!,
      'Content-Disposition': attachment(name)
    })
  })

  app.get('/api/ledgers', (c) => {
    const {relative} = policyParam(c)
    return c.json({folder: ledgersDirOf(relative), ledgers: listLedgers(workspace, relative)})
  })

  app.post('/api/ledgers', limit, async (c) => {
    const {relative} = policyParam(c)
    const body = await c.req.parseBody({all: true})
    const files = [body.file].flat().filter((file): file is File => file instanceof File)
    if (files.length === 0) throw new UserError('没有收到台账文件', {hint: '选择各单位交回的任务台账（.xlsx），可以一次选多个。'})
    for (const file of files) {
      if (path.extname(file.name).toLowerCase() !== '.xlsx') {
        throw new UserError(`“${file.name}”不是任务台账（.xlsx）`, {hint: '请上传生成的“任务台账.xlsx”由各单位填好后交回的文件；旧版 .xls 请先另存为 .xlsx。'})
      }
    }
    // A bureau sending its ledger again replaces the earlier file of the same name.
    for (const file of files) {
      await writeFileAtomic(workspace.resolveInside(`${ledgersDirOf(relative)}/${safeFileName(file.name)}`), new Uint8Array(await file.arrayBuffer()))
    }
    return c.json({folder: ledgersDirOf(relative), ledgers: listLedgers(workspace, relative)}, 201)
  })

  app.post('/api/collect', async (c) => {
    const {relative} = policyParam(c)
    return c.json(await collectPolicy(workspace, relative, c.req.query('date') || undefined))
  })

  app.get('/output/*', (c) => {
    let relative: string
    try {
      relative = decodeURIComponent(c.req.path.slice(1))
    } catch {
      throw new UserError('文件地址写得不对', {hint: '请从页面上的文件列表里打开。'})
    }
    const absolute = workspace.resolveInside(relative)
    if (!existsSync(absolute) || !statSync(absolute).isFile()) return c.notFound()
    const format = path.extname(absolute).slice(1).toLowerCase()
    const headers: Record<string, string> = {'Content-Type': contentTypes[format] ?? 'application/octet-stream'}
    if (format === 'html') headers['Content-Security-Policy'] = outputSecurity
    else headers['Content-Security-Policy'] = "default-src 'none'; frame-ancestors 'self'"
    if (c.req.query('download') === '1') headers['Content-Disposition'] = attachment(path.basename(absolute))
    return c.body(readFileSync(absolute), 200, headers)
  })

  return app
}

/** Source, outline and messages; an unusable source still shows its text, with the message. */
async function policyState(root: string, relative: string, absolute: string) {
  const editable = isEditableName(relative)
  try {
    return {editable, ...(await analyze(root, relative))}
  } catch (error) {
    const body = errorBody(error)
    let text = ''
    if (editable) text = readFileSync(absolute, 'utf8')
    return {editable, path: relative, text, outline: [], units: [], messages: [], counts: {parts: 0, tasks: 0}, error: body}
  }
}

/** Where an upload goes: its own name at the top of the workspace, or name-2, name-3… unless replacing. */
function freeName(workspace: Workspace, name: string, replace: boolean): string {
  const ext = path.extname(name)
  const stem = name.slice(0, name.length - ext.length)
  let candidate = workspace.resolveInside(name)
  for (let n = 2; !replace && existsSync(candidate); n++) candidate = workspace.resolveInside(`${stem}-${n}${ext}`)
  return candidate
}

function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}
