import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {strToU8, unzipSync, zipSync, type Zippable} from 'fflate'
import {describe, expect, it, vi} from 'vitest'
import {parseDocument} from '../../src/doc/parse.ts'
import {officialLayout} from '../../src/layout/gbt9704.ts'
import {buildDocument, compileParts, createDocxWriter, patches, writeDocx} from '../../src/write/docx/index.ts'
import {fallbackCreated, normalisePackage, packParts} from '../../src/write/docx/pack.ts'
import {crc32, zipEntries} from '../../src/write/docx/zip.ts'
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

describe('zipEntries', () => {
  const mtime = new Date(2024, 2, 5, 8, 30, 12)
  const entries = [
    {name: '[Content_Types].xml', data: '<Types/>'},
    {name: 'word/document.xml', data: '<w:document>' + '政策文本'.repeat(500) + '</w:document>'},
    {name: 'media/图片.bin', data: new Uint8Array([0, 1, 2, 255])},
    {name: 'empty.xml', data: ''}
  ]
  const fflateZip = (level: 0 | 6) => {
    const zippable: Zippable = {}
    for (const e of entries) zippable[e.name] = [typeof e.data === 'string' ? strToU8(e.data) : e.data, {mtime, level}]
    return zipSync(zippable)
  }

  it('writes the bytes fflate zipSync writes when storing (level 0)', () => {
    const ours = zipEntries(entries, mtime, 0)
    expect(Buffer.from(ours).equals(Buffer.from(fflateZip(0)))).toBe(true)
  })

  it('deflates with zlib into a zip that fflate reads back entry for entry, with the same headers', () => {
    const ours = zipEntries(entries, mtime, 6)
    const theirs = fflateZip(6)
    const read = unzipSync(ours)
    expect(Object.keys(read)).toEqual(entries.map((e) => e.name))
    for (const e of entries) {
      const want = typeof e.data === 'string' ? strToU8(e.data) : e.data
      expect(Buffer.from(read[e.name]!).equals(Buffer.from(want)), e.name).toBe(true)
    }
    // Local header up to the CRC (signature, version, flags, method, DOS time and date, CRC-32) as fflate writes it.
    expect(Buffer.from(ours.subarray(0, 18)).equals(Buffer.from(theirs.subarray(0, 18)))).toBe(true)
  })

  it('gives the same bytes when shared parts come from the cache', () => {
    const shared = entries.map((e) => ({...e, shared: true}))
    const first = zipEntries(shared, mtime)
    const second = zipEntries(shared, mtime)
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true)
    expect(Buffer.from(second).equals(Buffer.from(zipEntries(entries, mtime)))).toBe(true)
  })

  it('computes CRC-32 as zip does', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array())).toBe(0)
  })

  it('computes the same CRC-32 where zlib has none (Node 20 before 20.15)', async () => {
    vi.resetModules()
    vi.doMock('node:zlib', async (original) => ({...(await original<typeof import('node:zlib')>()), crc32: undefined}))
    try {
      const {crc32: tableCrc32} = await import('../../src/write/docx/zip.ts')
      expect(tableCrc32).not.toBe(crc32)
      expect(tableCrc32(strToU8('123456789'))).toBe(0xcbf43926)
      expect(tableCrc32(new Uint8Array())).toBe(0)
      const bytes = strToU8(fixture('doc/notice.md'))
      expect(tableCrc32(bytes)).toBe(crc32(bytes))
    } finally {
      vi.doUnmock('node:zlib')
      vi.resetModules()
    }
  })
})
