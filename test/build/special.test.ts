import {describe, expect, it} from 'vitest'
import {mkdtempSync, writeFileSync, readFileSync, existsSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve, sep} from 'node:path'
import {parseDocument, inlineText} from '../../src/doc/parse.ts'
import {buildInto, listFiles, specialSource, sampleSource} from './sample.ts'

const literal = [
  '对 *重点* 项目给予 _支持_，比例 a|b，编号 #1，符号 <b>粗体</b> 与 [链接](http://x.example) 以及 {{title}} 和 <script>alert(1)</script> 保持原样。',
  '2024年预算安排1.5亿元 & 其他 `代码` ~~删除~~ 反斜杠\\结尾。',
  '- 开头像列表 > 引用 1. 序号。'
]

const htmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

describe('special characters and hostile unit names', async () => {
  const built = await buildInto(specialSource)

  it('keeps clause text literal in the Markdown (read back through parseDocument)', () => {
    const doc = parseDocument(built.text('责任分工通知.md'))
    const text = doc.annexes.flat().map((b) => (b.type === 'table' ? b.rows.flat().map(inlineText).join('\n') : '')).join('\n')
    for (const s of literal) expect(text).toContain(s)
  })

  it('keeps clause text literal in the HTML, escaped, with no injected markup', () => {
    const html = built.text('责任分工通知.html')
    // The only links are the explicit `[链接](…)` ones; compare the page text with them unwrapped.
    const pageText = html.replace(/<a href="[^"]*">([^<]*)<\/a>/g, '$1')
    for (const s of literal) expect(pageText).toContain(htmlEscape(s))
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<b>')
    const list = built.text('各单位任务清单/区发改局.html').replace(/<a href="[^"]*">([^<]*)<\/a>/g, '$1')
    expect(list).toContain(htmlEscape(literal[0]))
  })

  it('keeps unit names literal in the documents and safe in file names', () => {
    const files = listFiles(built.outDir)
    expect(files).toContain('各单位任务清单/_.._etc_区X局.md')
    expect(files).toContain('各单位任务清单/区A_B局.md')
    for (const f of files) expect(resolve(built.outDir, f).startsWith(resolve(built.outDir) + sep)).toBe(true)
    expect(existsSync(resolve(built.outDir, '../../etc/区X局.md'))).toBe(false)
    const md = built.text('各单位任务清单/区A_B局.md')
    expect(parseDocument(md).meta.subtitle).toBe('区A/B局')
    expect(built.text('责任分工通知.md')).toContain('../../etc/区X局')
  })

  it('updates an existing folder: old files stay, new ones replace, no staging left behind', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'policy-press-update-'))
    const outDir = join(parent, 'out')
    await buildInto(specialSource, {outDir})
    writeFileSync(join(outDir, 'keep.txt'), 'mine')
    writeFileSync(join(outDir, '责任分工通知.md'), 'stale')
    // An output edited since the last build is kept unless the build is forced (test/safety/output-folder.test.ts).
    await expect(buildInto(specialSource, {outDir})).rejects.toThrow(/责任分工通知\.md（上次生成之后被修改过）/)
    expect(readFileSync(join(outDir, '责任分工通知.md'), 'utf8')).toBe('stale')
    await buildInto(specialSource, {outDir, force: true})
    expect(readFileSync(join(outDir, 'keep.txt'), 'utf8')).toBe('mine')
    expect(readFileSync(join(outDir, '责任分工通知.md'), 'utf8')).toMatch(/^---\nkind: "notice"/)
    expect(listFiles(parent).filter((f) => f.includes('staging'))).toEqual([])
  })

  it('produces byte-identical output on a second build (all files)', async () => {
    const again = await buildInto(specialSource)
    const files = listFiles(built.outDir)
    expect(listFiles(again.outDir)).toEqual(files)
    for (const f of files) expect(again.bytes(f).equals(built.bytes(f)), f).toBe(true)
  })
})

describe('reproducible sample', () => {
  it('two builds of the sample are byte-identical (all files, docx included when available)', async () => {
    const formats = ['md', 'html', 'xlsx', 'json', 'docx'] as const
    const a = await buildInto(sampleSource, {formats: [...formats]})
    const b = await buildInto(sampleSource, {formats: [...formats]})
    const files = listFiles(a.outDir)
    expect(listFiles(b.outDir)).toEqual(files)
    for (const f of files) expect(b.bytes(f).equals(a.bytes(f)), f).toBe(true)
  })
})
