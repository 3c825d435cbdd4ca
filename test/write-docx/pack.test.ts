import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {unzipSync} from 'fflate'
import {describe, expect, it} from 'vitest'
import {parseDocument} from '../../src/doc/parse.ts'
import {officialLayout} from '../../src/layout/gbt9704.ts'
import {buildDocument, compileParts, createDocxWriter, patches, writeDocx} from '../../src/write/docx/index.ts'
import {fallbackCreated, normalisePackage, packParts} from '../../src/write/docx/pack.ts'
import {Packer} from 'docx'

const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8')

describe('docx packing', () => {
  // The fast path (docx's compiler, the parts that are the same in every document written once per
  // writer, shared cells and runs, compressed parts reused) must give the bytes the plain path
  // (Packer.toBuffer, unzip, re-zip) gives.
  const cases = [
    ['notice', () => parseDocument(fixture('doc/notice.md')), officialLayout()],
    ['leaflet', () => parseDocument(fixture('write-docx/leaflet.md')), officialLayout()],
    ['notice, other fonts', () => parseDocument(fixture('doc/notice.md')), officialLayout({fonts: {body: '仿宋', title: '华文中宋'}})],
    ['link', () => parseDocument('---\ntitle: 链接\n---\n\n见[官网](https://www.xiuzhou.gov.cn/)。\n'), officialLayout()],
    ['link in a table', () => parseDocument('---\ntitle: 链接\n---\n\n| 单位 | 网址 |\n|---|---|\n| 区发改局 | [官网](https://www.xiuzhou.gov.cn/) |\n'), officialLayout()]
  ] as const

  it.each(cases)('writes the same bytes as Packer.toBuffer and a plain re-pack: %s', async (_name, read, layout) => {
    const doc = read()
    const plain = normalisePackage(new Uint8Array(await Packer.toBuffer(buildDocument(doc, {layout}))), doc.meta.created ?? fallbackCreated, patches)
    // Twice with one writer: the second write takes parts, cells, runs and compressed parts from its memo.
    const write = createDocxWriter(layout)
    for (let i = 0; i < 2; i++) expect(Buffer.from(await write(read())).equals(Buffer.from(plain))).toBe(true)
  })

  it('writes documents of both variants with one writer as each alone', async () => {
    const layout = officialLayout()
    const notice = () => parseDocument(fixture('doc/notice.md'))
    const leaflet = () => parseDocument(fixture('write-docx/leaflet.md'))
    const write = createDocxWriter(layout)
    for (const read of [leaflet, notice, leaflet, notice]) {
      expect(Buffer.from(await write(read())).equals(Buffer.from(await writeDocx(read(), {layout})))).toBe(true)
    }
  })

  it('keeps the parts of differently styled documents apart', async () => {
    const doc = parseDocument(fixture('doc/notice.md'))
    const a = unzipSync(await writeDocx(doc, {layout: officialLayout()}))
    const b = unzipSync(await writeDocx(doc, {layout: officialLayout({fonts: {body: '仿宋'}})}))
    expect(Buffer.from(a['word/styles.xml']).equals(Buffer.from(b['word/styles.xml']))).toBe(false)
    expect(Buffer.from(a['word/theme/theme1.xml']).equals(Buffer.from(b['word/theme/theme1.xml']))).toBe(true)
  })

  it('compiles the parts Packer zips, whether or not the same parts were written before', async () => {
    const layout = officialLayout()
    const doc = parseDocument(fixture('doc/notice.md'))
    const fresh = await compileParts(buildDocument(doc, {layout}), 'styles')
    const known = new Map<string, string>()
    await compileParts(buildDocument(doc, {layout}), 'styles', known)
    const cached = await compileParts(buildDocument(doc, {layout}), 'styles', known)
    const text = (v: string | Uint8Array) => (typeof v === 'string' ? v : new TextDecoder().decode(v))
    expect(Object.keys(cached).sort()).toEqual(Object.keys(fresh).sort())
    for (const name of Object.keys(fresh)) {
      if (name === 'docProps/core.xml') continue // docx stamps the current time
      expect(text(cached[name]), name).toBe(text(fresh[name]))
    }
    expect(packParts({...fresh}, fallbackCreated)).toBeInstanceOf(Uint8Array)
  })
})
