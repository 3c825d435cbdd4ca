/**
 * The API the page uses, driven in-process (Hono's `app.request`) over a temporary workspace
 * holding the sample: it answers what the command line answers (check messages, config messages,
 * build), keeps every request inside the workspace, limits uploads, and refuses foreign hosts,
 * foreign origins, forged state changes and, beyond loopback, requests without the token.
 */
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {Document, Packer, Paragraph} from 'docx'
import {unzipSync} from 'fflate'
import {beforeAll, describe, expect, it} from 'vitest'
import {createApp} from '../../src/serve/app.ts'
import {parsePolicy} from '../../src/parse/index.ts'
import {loadRegistry} from '../../src/units/registry.ts'
import {day, openLedger, taskRows, write} from '../collect/fill.ts'
import {cli, root} from '../helpers/cli.ts'

const origin = 'http://127.0.0.1:4173'
const policy = 'xiuzhou-2024.txt'

/** A workspace with the sample, its registry and config (formats cut to the quick ones). */
function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pp-serve-'))
  copyFileSync(path.join(root, 'source/xiuzhou-2024.txt'), path.join(dir, policy))
  copyFileSync(path.join(root, 'source/xiuzhou-units.yml'), path.join(dir, 'xiuzhou-units.yml'))
  const config = readFileSync(path.join(root, 'source/policy-press.config.yml'), 'utf8')
  writeFileSync(path.join(dir, 'policy-press.config.yml'), config.replace('# formats: [docx, pdf, xlsx]', 'formats: [md, html, xlsx, json]'))
  return dir
}

type App = ReturnType<typeof createApp>

/** A request as the page sends it: own Origin, and the header state changes need. */
function call(app: App, method: string, url: string, init: {body?: FormData | string; json?: unknown; headers?: Record<string, string>} = {}) {
  const headers: Record<string, string> = method === 'GET' ? {} : {Origin: origin, 'X-Policy-Press': '1'}
  let body = init.body
  if (init.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(init.json)
  }
  return app.request(origin + url, {method, headers: {...headers, ...init.headers}, body})
}

const q = (file: string) => `path=${encodeURIComponent(file)}`

/** Read a build's server-sent events to the end. */
async function buildEvents(app: App, file: string): Promise<any[]> {
  const started = await call(app, 'POST', `/api/build?${q(file)}`)
  expect(started.status).toBe(202)
  const {job} = (await started.json()) as {job: string}
  const stream = await call(app, 'GET', `/api/build/${job}/events`)
  expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/)
  const text = await stream.text()
  return text
    .split('\n\n')
    .map((block) => block.split('\n').find((line) => line.startsWith('data: ')))
    .filter((line): line is string => line !== undefined)
    .map((line) => JSON.parse(line.slice(6)) as unknown)
}

describe('serve API', () => {
  let dir: string
  let app: App
  beforeAll(() => {
    dir = workspace()
    app = createApp({root: dir})
  })

  it('serves the page and its assets, with a content security policy', async () => {
    const page = await call(app, 'GET', '/')
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('<label for="upload" class="drop-label">政策文件</label>')
    expect(html).toContain('role="tree" aria-label="结构"')
    expect(html).toContain('aria-label="校对结果"')
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    for (const asset of ['/assets/app.js', '/assets/app.css']) expect((await call(app, 'GET', asset)).status).toBe(200)
    expect((await call(app, 'GET', '/assets/..%2Fapp.ts')).status).toBe(404)
  })

  it('lists the policies in the workspace', async () => {
    const data = (await (await call(app, 'GET', '/api/policies')).json()) as {policies: Array<{path: string}>}
    expect(data.policies.map((p) => p.path)).toEqual([policy])
  })

  it('shows the tree and exactly the messages of `policy-press check`', async () => {
    const response = await call(app, 'GET', `/api/policy?${q(policy)}`)
    expect(response.status).toBe(200)
    const data = (await response.json()) as {
      text: string
      outline: Array<{kind: string; children: Array<{kind: string; units: Array<{name: string; role: string}>}>}>
      messages: Array<{line: number; ruleId: string; message: string}>
    }
    const bytes = readFileSync(path.join(dir, policy))
    const {policy: tree} = await parsePolicy({path: path.join(dir, policy), bytes}, {registry: loadRegistry(path.join(dir, 'xiuzhou-units.yml'))})
    expect(data.outline.filter((part) => part.kind === 'part')).toHaveLength(tree.children.length + (tree.appendix ? 1 : 0))
    const firstTask = data.outline[0]!.children[0]!
    expect(firstTask.units.map((unit) => [unit.name, unit.role])).toEqual(tree.children[0]!.children[0]!.units.map((unit) => [unit.name, unit.role]))
    expect(data.text.split('\n').length).toBe(bytes.toString('utf8').split(/\r?\n/).length)

    const check = await cli(['check', policy, '--format', 'json'], dir)
    const expected = JSON.parse(check.stdout) as unknown[]
    expect(expected.length).toBeGreaterThan(0)
    expect(data.messages).toEqual(expected)
  })

  it('renders groups as a level between part and task', async () => {
    copyFileSync(path.join(root, 'test/fixtures/view/policy-groups.txt'), path.join(dir, 'groups.txt'))
    const data = (await (await call(app, 'GET', `/api/policy?${q('groups.txt')}`)).json()) as {
      outline: Array<{kind: string; title: string; children: Array<{kind: string; title: string; children: Array<{kind: string; id: string}>}>}>
    }
    const first = data.outline[0]!
    expect(first.children.map((child) => [child.kind, child.title])).toEqual([
      ['group', '（一）项目建设'],
      ['group', '（二）要素保障']
    ])
    expect(first.children[0]!.children.map((task) => [task.kind, task.id])).toEqual([
      ['task', '1.1'],
      ['task', '1.2']
    ])
    expect(data.outline[1]!.children.every((child) => child.kind === 'task')).toBe(true)
  })

  it('saves an edit and answers with the updated tree and messages', async () => {
    const before = readFileSync(path.join(dir, policy), 'utf8')
    const line = before.split('\n').findIndex((text) => text.startsWith('1.发挥重大建设项目')) + 1
    const edited = before.replace('（责任单位：区发改局、区资规分局）', '（责任单位：区发改局、区资规分局、区不存在局）')
    expect(edited).not.toBe(before)
    const response = await call(app, 'PUT', `/api/policy?${q(policy)}`, {json: {text: edited}})
    expect(response.status).toBe(200)
    const data = (await response.json()) as {outline: Array<{children: Array<{units: Array<{name: string; status: string}>}>}>; messages: Array<{line: number; ruleId: string}>}
    expect(readFileSync(path.join(dir, policy), 'utf8')).toBe(edited)
    expect(data.outline[0]!.children[0]!.units.at(-1)).toMatchObject({name: '区不存在局', status: 'unknown'})
    expect(data.messages).toContainEqual(expect.objectContaining({line, ruleId: 'unit-unknown'}))
    writeFileSync(path.join(dir, policy), before)
  })

  it('shows an unusable source with the command line message, and its text', async () => {
    writeFileSync(path.join(dir, 'note.txt'), '这只是一段说明文字。\n')
    const data = (await (await call(app, 'GET', `/api/policy?${q('note.txt')}`)).json()) as {text: string; error: {message: string}}
    const check = await cli(['check', 'note.txt'], dir)
    expect(check.code).toBe(2)
    expect(check.stderr).toContain(`错误：${data.error.message}`)
    expect(data.text).toBe('这只是一段说明文字。\n')
  })

  describe('uploads', () => {
    it('saves a policy under its own name, and never overwrites unless asked', async () => {
      const form = () => {
        const body = new FormData()
        body.append('file', new File([readFileSync(path.join(root, 'source/xiuzhou-2024.md'))], 'xiuzhou-2024.md'))
        return body
      }
      const first = await call(app, 'POST', '/api/policies', {body: form()})
      expect(first.status).toBe(201)
      expect(((await first.json()) as {saved: string}).saved).toBe('xiuzhou-2024.md')
      const second = await call(app, 'POST', '/api/policies', {body: form()})
      expect(((await second.json()) as {saved: string}).saved).toBe('xiuzhou-2024-2.md')
      expect(readFileSync(path.join(dir, 'xiuzhou-2024-2.md'))).toEqual(readFileSync(path.join(root, 'source/xiuzhou-2024.md')))
    })

    it('opens a Word file read-only: its tree and messages, no saving over it', async () => {
      const doc = new Document({
        sections: [{children: ['示例方案', '一、投资政策（由区发改局牵头实施）', '1.加大支持。（责任单位：区发改局、区财政局）'].map((text) => new Paragraph(text))}]
      })
      const body = new FormData()
      body.append('file', new File([new Uint8Array(await Packer.toBuffer(doc))], '示例方案.docx'))
      const saved = ((await (await call(app, 'POST', '/api/policies', {body})).json()) as {saved: string}).saved
      expect(saved).toBe('示例方案.docx')
      const data = (await (await call(app, 'GET', `/api/policy?${q(saved)}`)).json()) as {
        editable: boolean
        text: string
        outline: Array<{title: string; children: Array<{units: Array<{name: string; role: string}>}>}>
      }
      expect(data.editable).toBe(false)
      expect(data.text).toContain('1.加大支持。')
      expect(data.outline[0]!.title).toBe('投资政策')
      expect(data.outline[0]!.children[0]!.units.map((unit) => [unit.name, unit.role])).toEqual([['区发改局', 'lead'], ['区财政局', 'support']])
      const before = readFileSync(path.join(dir, saved))
      const put = await call(app, 'PUT', `/api/policy?${q(saved)}`, {json: {text: 'x'}})
      expect(put.status).toBe(400)
      expect(((await put.json()) as {error: {message: string}}).error.message).toMatch(/Word 文件/)
      expect(readFileSync(path.join(dir, saved))).toEqual(before)
    })

    it('keeps a file name with path parts inside the workspace', async () => {
      const body = new FormData()
      body.append('file', new File(['x'], '../../escape.txt'))
      const response = await call(app, 'POST', '/api/policies', {body})
      const saved = ((await response.json()) as {saved: string}).saved
      expect(saved).not.toContain('/')
      expect(existsSync(path.join(dir, saved))).toBe(true)
      expect(existsSync(path.join(dir, '..', 'escape.txt'))).toBe(false)
    })

    it('refuses other file types and empty files with a Chinese message', async () => {
      for (const [name, content, pattern] of [
        ['run.sh', 'echo hi', /不是可以打开的政策文件/],
        ['empty.txt', '', /是空的/]
      ] as const) {
        const body = new FormData()
        body.append('file', new File([content], name))
        const response = await call(app, 'POST', '/api/policies', {body})
        expect(response.status).toBe(400)
        expect(((await response.json()) as {error: {message: string}}).error.message).toMatch(pattern)
        expect(existsSync(path.join(dir, name))).toBe(false)
      }
    })

    it('refuses an upload over the size limit, and writes nothing', async () => {
      const small = createApp({root: dir, maxUpload: 4096})
      const body = new FormData()
      body.append('file', new File([new Uint8Array(5000).fill(65)], 'big.txt'))
      const response = await call(small, 'POST', '/api/policies', {body})
      expect(response.status).toBe(413)
      expect(((await response.json()) as {error: {message: string}}).error.message).toMatch(/文件太大/)
      expect(existsSync(path.join(dir, 'big.txt'))).toBe(false)
      const saved = await call(small, 'PUT', `/api/policy?${q(policy)}`, {json: {text: 'x'.repeat(5000)}})
      expect(saved.status).toBe(413)
      expect(readFileSync(path.join(dir, policy))).toEqual(readFileSync(path.join(root, 'source/xiuzhou-2024.txt')))
    })
  })

  describe('paths stay inside the workspace', () => {
    beforeAll(() => {
      const outside = mkdtempSync(path.join(tmpdir(), 'pp-outside-'))
      writeFileSync(path.join(outside, 'secret.txt'), '1、机密\n1.机密。（责任单位：区发改局）\n')
      symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'link.txt'))
      symlinkSync(outside, path.join(dir, 'linked'))
      mkdirSync(path.join(dir, 'output'), {recursive: true})
      symlinkSync(outside, path.join(dir, 'output', 'escape'))
    })

    it.each([
      '../secret.txt',
      '/etc/passwd',
      'linked/secret.txt',
      'link.txt',
      './xiuzhou-2024.txt',
      '.hidden.txt',
      'a\\..\\..\\secret.txt',
      '%2e%2e/secret.txt',
      'policy-press.config.yml'
    ])('refuses %s', async (bad) => {
      for (const [method, url] of [
        ['GET', `/api/policy?${q(bad)}`],
        ['PUT', `/api/policy?${q(bad)}`],
        ['GET', `/api/config?${q(bad)}`],
        ['POST', `/api/build?${q(bad)}`]
      ] as const) {
        const response = await call(app, method, url, {json: method === 'PUT' ? {text: 'x'} : undefined})
        expect(response.status, `${method} ${url}`).toBe(400)
        expect(((await response.json()) as {error: {message: string}}).error.message).toMatch(/不能使用路径|不是政策文件|没有文件/)
      }
    })

    it('serves generated files only from inside output/, encoded or not', async () => {
      for (const url of ['/output/xiuzhou-2024/.policy-press.json', '/output/..%2Fpolicy-press.config.yml', '/output/%2e%2e/%2e%2e/etc/passwd', '/output/escape/secret.txt', '/output/%252e%252e/x']) {
        const response = await call(app, 'GET', url)
        expect([400, 404], url).toContain(response.status)
      }
      // The listing of policies does not follow the symlinked folder either.
      const data = (await (await call(app, 'GET', '/api/policies')).json()) as {policies: Array<{path: string}>}
      expect(data.policies.map((p) => p.path)).not.toContain('linked/secret.txt')
    })
  })

  describe('who may call', () => {
    it('refuses a foreign Host (DNS rebinding)', async () => {
      const response = await call(app, 'GET', '/api/policies', {headers: {Host: 'attacker.example:4173'}})
      expect(response.status).toBe(403)
    })

    it('refuses state changes from another origin or without the page header', async () => {
      const edit = {json: {text: 'x'}}
      expect((await call(app, 'PUT', `/api/policy?${q(policy)}`, {...edit, headers: {Origin: 'http://attacker.example'}})).status).toBe(403)
      expect((await call(app, 'PUT', `/api/policy?${q(policy)}`, {...edit, headers: {Origin: 'null'}})).status).toBe(403)
      const bare = await app.request(`${origin}/api/policy?${q(policy)}`, {method: 'PUT', headers: {Origin: origin, 'Content-Type': 'application/json'}, body: '{"text":"x"}'})
      expect(bare.status).toBe(403)
      const noOrigin = await app.request(`${origin}/api/build?${q(policy)}`, {method: 'POST', headers: {'X-Policy-Press': '1'}})
      expect(noOrigin.status).toBe(403)
      expect((await call(app, 'GET', '/api/policies', {headers: {'Sec-Fetch-Site': 'cross-site'}})).status).toBe(403)
      expect(readFileSync(path.join(dir, policy))).toEqual(readFileSync(path.join(root, 'source/xiuzhou-2024.txt')))
    })

    it('beyond loopback, requires the token, kept in an HttpOnly SameSite=Strict cookie', async () => {
      const lan = createApp({root: dir, host: '0.0.0.0', token: 'k3y-for-test'})
      const at = 'http://192.168.1.20:4173'
      expect((await lan.request(`${at}/api/policies`)).status).toBe(401)
      expect((await lan.request(`${at}/?token=wrong`)).status).toBe(401)
      expect((await lan.request(`${at}/api/policies`, {headers: {Cookie: 'policy_press_token=wrong'}})).status).toBe(401)
      const opened = await lan.request(`${at}/?token=k3y-for-test`)
      expect(opened.status).toBe(303)
      expect(opened.headers.get('location')).toBe('/')
      const cookie = opened.headers.get('set-cookie')!
      expect(cookie).toMatch(/HttpOnly/)
      expect(cookie).toMatch(/SameSite=Strict/)
      const withCookie = await lan.request(`${at}/api/policies`, {headers: {Cookie: cookie.split(';')[0]!}})
      expect(withCookie.status).toBe(200)
    })
  })

  describe('issuing details', () => {
    it('writes the form into the config, keeping the other keys and the comments', async () => {
      const file = path.join(dir, 'policy-press.config.yml')
      const response = await call(app, 'PUT', `/api/config?${q(policy)}`, {
        json: {values: {documentNumber: '秀政办发〔2024〕9号', date: '2024年4月1日', recipients: '区发改局、区财政局', printedBy: ''}}
      })
      expect(response.status).toBe(200)
      const data = (await response.json()) as {values: Record<string, string>; error?: unknown}
      expect(data.error).toBeUndefined()
      expect(data.values).toMatchObject({documentNumber: '秀政办发〔2024〕9号', date: '2024年4月1日', recipients: '区发改局、区财政局', issuer: '嘉兴市秀洲区人民政府办公室'})
      const text = readFileSync(file, 'utf8')
      expect(text).toContain('registry: xiuzhou-units.yml')
      expect(text).toContain('# 发文字号')
      const parsed = await cli(['parse', policy], dir)
      expect(parsed.code).toBe(0)
    })

    it('writes per-part and per-task deadlines one per line, and reads them back', async () => {
      const values = {'deadlines.parts': '二: 2024-09-30', 'deadlines.tasks': '1.3: 2024年6月底前\n1.4：2024-06-30'}
      const response = await call(app, 'PUT', `/api/config?${q(policy)}`, {json: {values}})
      expect(response.status).toBe(200)
      const data = (await response.json()) as {values: Record<string, string>}
      expect(data.values['deadlines.parts']).toBe('二: 2024-09-30')
      expect(data.values['deadlines.tasks']).toBe('1.3: 2024年6月底前\n1.4: 2024-06-30')
      const {parseConfig} = await import('../../src/config/load.ts')
      const config = parseConfig(readFileSync(path.join(dir, 'policy-press.config.yml'), 'utf8'), path.join(dir, 'policy-press.config.yml'), dir)
      expect(config.deadlines?.tasks?.['1.3']).toEqual({text: '2024年6月底前', date: '2024-06-30'})
      expect(config.deadlines?.parts?.[2]).toEqual({text: '2024-09-30', date: '2024-09-30'})

      const bad = await call(app, 'PUT', `/api/config?${q(policy)}`, {json: {values: {'deadlines.tasks': '第三条: 2024-06-30'}}})
      expect(bad.status).toBe(400)
      const {error} = (await bad.json()) as {error: {message: string; field: string}}
      expect(error.field).toBe('deadlines.tasks')
      expect(error.message).toMatch(/"第三条" 不是任务编号/)
      const cleared = await call(app, 'PUT', `/api/config?${q(policy)}`, {json: {values: {'deadlines.parts': '', 'deadlines.tasks': ''}}})
      expect(readFileSync(path.join(dir, 'policy-press.config.yml'), 'utf8')).not.toContain('deadlines')
      expect(cleared.status).toBe(200)
    })

    it('refuses a bad value with the command line message, next to its field, and keeps the file', async () => {
      const file = path.join(dir, 'policy-press.config.yml')
      const before = readFileSync(file, 'utf8')
      const response = await call(app, 'PUT', `/api/config?${q(policy)}`, {json: {values: {date: '2024-02-30'}}})
      expect(response.status).toBe(400)
      const {error} = (await response.json()) as {error: {message: string; field: string; hint: string}}
      expect(error.field).toBe('date')
      expect(readFileSync(file, 'utf8')).toBe(before)
      // The same text through the command line gives the same message.
      const other = mkdtempSync(path.join(tmpdir(), 'pp-serve-config-'))
      copyFileSync(path.join(dir, policy), path.join(other, policy))
      copyFileSync(path.join(dir, 'xiuzhou-units.yml'), path.join(other, 'xiuzhou-units.yml'))
      writeFileSync(path.join(other, 'policy-press.config.yml'), before.replace(/^date: .*$/m, 'date: 2024-02-30'))
      const check = await cli(['check', policy], other)
      expect(check.code).toBe(2)
      expect(check.stderr).toContain(`错误：${error.message}`)
      expect(check.stderr).toContain(`怎么办：${error.hint}`)
      // And the form shows that file's problem when it is read.
      const shown = (await (await call(createApp({root: other}), 'GET', `/api/config?${q(policy)}`)).json()) as {error: {message: string}}
      expect(shown.error.message).toBe(error.message)
    })
  })

  describe('build', () => {
    it('reports every file as it is made, lists them, and packs them as .zip', async () => {
      const events = await buildEvents(app, policy)
      const plan = events.find((event) => event.type === 'plan') as {total: number; outDir: string}
      const documents = events.filter((event) => event.type === 'document') as Array<{name: string; done: number; total: number}>
      const done = events.at(-1) as {type: string; documents: number}
      expect(done.type).toBe('done')
      expect(documents.map((event) => event.done)).toEqual(documents.map((_, i) => i + 1))
      expect(plan.total).toBe(documents.length)
      expect(done.documents).toBe(documents.length)

      const listing = (await (await call(app, 'GET', `/api/output?${q(policy)}`)).json()) as {
        outDir: string
        documents: Array<{id: string; folder: string; files: Array<{name: string}>}>
      }
      const names = listing.documents.flatMap((document) => document.files.map((file) => file.name)).sort()
      expect(names).toEqual(documents.map((event) => event.name).sort())
      for (const name of names) expect(existsSync(path.join(dir, listing.outDir, name)), name).toBe(true)

      const zip = await call(app, 'GET', `/api/zip?${q(policy)}`)
      expect(zip.headers.get('content-disposition')).toMatch(/attachment/)
      const entries = unzipSync(new Uint8Array(await zip.arrayBuffer()))
      expect(Object.keys(entries).sort()).toEqual(names)
      expect(Buffer.from(entries['index.html']!)).toEqual(readFileSync(path.join(dir, listing.outDir, 'index.html')))

      const bureau = listing.documents.find((document) => document.folder !== '')!
      const one = unzipSync(new Uint8Array(await (await call(app, 'GET', `/api/zip?${q(policy)}&doc=${encodeURIComponent(bureau.id)}`)).arrayBuffer()))
      expect(Object.keys(one).sort()).toEqual(bureau.files.map((file) => file.name).sort())

      const html = await call(app, 'GET', `/${listing.outDir}/index.html`)
      expect(html.headers.get('content-type')).toMatch(/text\/html/)
      expect(html.headers.get('content-security-policy')).toMatch(/^sandbox/)
      const download = await call(app, 'GET', `/${listing.outDir}/${encodeURI(bureau.files[0]!.name)}?download=1`)
      expect(download.status).toBe(200)
      expect(download.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(path.basename(bureau.files[0]!.name))}`)
    })

    it('gives policies of the same name in different folders their own output folders', async () => {
      mkdirSync(path.join(dir, '另一区'), {recursive: true})
      copyFileSync(path.join(root, 'test/fixtures/cli/small/policy.txt'), path.join(dir, '另一区', policy))
      const other = `另一区/${policy}`
      const done = (await buildEvents(app, other)).at(-1) as {type: string}
      expect(done.type).toBe('done')
      const mine = (await (await call(app, 'GET', `/api/output?${q(policy)}`)).json()) as {outDir: string}
      const theirs = (await (await call(app, 'GET', `/api/output?${q(other)}`)).json()) as {outDir: string}
      expect(mine.outDir).toBe('output/xiuzhou-2024')
      expect(theirs.outDir).toBe('output/另一区/xiuzhou-2024')
      expect(readFileSync(path.join(dir, theirs.outDir, '政策原文.md'), 'utf8')).toContain('某某区推动经济发展若干政策')
      expect(readFileSync(path.join(dir, mine.outDir, '政策原文.md'), 'utf8')).toContain('秀洲区')
    })

    it('a failed build reports the command line message and leaves the previous output as it was', async () => {
      const outDir = path.join(dir, 'output', 'xiuzhou-2024')
      const index = path.join(outDir, 'index.html')
      const before = {bytes: readFileSync(index), mtime: statSync(index).mtimeMs}
      const config = path.join(dir, 'policy-press.config.yml')
      const good = readFileSync(config, 'utf8')
      writeFileSync(config, good + 'fromats: [pdf]\n')
      const events = await buildEvents(app, policy)
      writeFileSync(config, good)
      const failed = events.at(-1) as {type: string; error: {message: string}}
      expect(failed.type).toBe('failed')
      expect(failed.error.message).toMatch(/未知的配置项 "fromats"/)
      expect(readFileSync(index)).toEqual(before.bytes)
      expect(statSync(index).mtimeMs).toBe(before.mtime)
    })
  })

  describe('collect', () => {
    it('keeps returned ledgers under 报回/, and collects them as `policy-press collect` does', async () => {
      // A bureau fills in its sheet of the ledger the build made (the build test above).
      const book = await openLedger(path.join(dir, 'output/xiuzhou-2024/任务台账.xlsx'))
      const sheet = book.getWorksheet('区发改局')!
      for (const {row} of taskRows(sheet).slice(0, 3)) write(sheet, row, {status: '已完成', completed: day('2024-05-31'), reported: day('2024-06-28')})
      const filled = new Uint8Array(await book.xlsx.writeBuffer())
      const body = new FormData()
      body.append('file', new File([filled], '区发改局.xlsx'))
      const uploaded = await call(app, 'POST', `/api/ledgers?${q(policy)}`, {body})
      expect(uploaded.status).toBe(201)
      expect(((await uploaded.json()) as {ledgers: Array<{name: string}>}).ledgers.map((l) => l.name)).toEqual(['区发改局.xlsx'])
      expect(readFileSync(path.join(dir, '报回/xiuzhou-2024/区发改局.xlsx'))).toEqual(Buffer.from(filled))

      const response = await call(app, 'POST', `/api/collect?${q(policy)}&date=2024-06-30`)
      expect(response.status).toBe(200)
      const data = (await response.json()) as {outDir: string; taskCount: number; unitCount: number; totals: {total: number; done: number; unreported: number; late: number}; documents: Array<{name: string}>}
      expect(data.totals.done).toBe(3)
      for (const document of data.documents) expect(existsSync(path.join(dir, data.outDir, document.name)), document.name).toBe(true)
      const report = await call(app, 'GET', `/${data.outDir.split('/').map(encodeURIComponent).join('/')}/${encodeURIComponent('落实情况.html')}`)
      expect(report.status).toBe(200)

      const other = mkdtempSync(path.join(tmpdir(), 'pp-serve-collect-'))
      const cliRun = await cli(['collect', path.join(dir, policy), path.join(dir, '报回/xiuzhou-2024/区发改局.xlsx'), '--date', '2024-06-30', '-o', other], dir)
      expect(cliRun.code).toBe(0)
      const t = data.totals
      expect(cliRun.stdout).toContain(`共 ${data.taskCount} 项任务、${data.unitCount} 个单位（按单位计 ${t.total} 项）：已完成 ${t.done}`)
      expect(cliRun.stdout).toContain(`未报告 ${t.unreported}；逾期 ${t.late}`)
      expect(readFileSync(path.join(other, '落实情况.html'))).toEqual(readFileSync(path.join(dir, data.outDir, '落实情况.html')))
    })

    it('refuses what is not a ledger, and a date that is not one', async () => {
      const body = new FormData()
      body.append('file', new File(['x'], '台账.csv'))
      const upload = await call(app, 'POST', `/api/ledgers?${q(policy)}`, {body})
      expect(upload.status).toBe(400)
      expect(((await upload.json()) as {error: {message: string}}).error.message).toMatch(/不是任务台账/)
      const date = await call(app, 'POST', `/api/collect?${q(policy)}&date=2024-02-30`)
      expect(date.status).toBe(400)
      expect(((await date.json()) as {error: {message: string}}).error.message).toMatch(/不是日期/)
      const none = await call(createApp({root: workspace()}), 'POST', `/api/collect?${q(policy)}`)
      expect(((await none.json()) as {error: {message: string}}).error.message).toBe('还没有收到任何台账')
    })
  })
})
