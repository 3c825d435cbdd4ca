import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {strToU8, unzipSync, zipSync, type Zippable} from 'fflate'
import {describe, expect, it, vi} from 'vitest'
import {crc32, zipEntries} from '../../src/write/zip.ts'

const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8')

describe('zipEntries', () => {
  // zipEntries writes the UTC fields of its time, fflate the local fields of its Date.
  const mtime = new Date(Date.UTC(2024, 2, 5, 8, 30, 12))
  const local = new Date(2024, 2, 5, 8, 30, 12)
  const entries = [
    {name: '[Content_Types].xml', data: '<Types/>'},
    {name: 'word/document.xml', data: '<w:document>' + '政策文本'.repeat(500) + '</w:document>'},
    {name: 'media/图片.bin', data: new Uint8Array([0, 1, 2, 255])},
    {name: 'empty.xml', data: ''}
  ]
  const fflateZip = (level: 0 | 6) => {
    const zippable: Zippable = {}
    for (const e of entries) zippable[e.name] = [typeof e.data === 'string' ? strToU8(e.data) : e.data, {mtime: local, level}]
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

  it('writes times before 1980, which zip cannot hold, as 1980-01-01', () => {
    const early = zipEntries(entries, new Date(Date.UTC(1970, 0, 1)), 0)
    const expected = zipEntries(entries, new Date(Date.UTC(1980, 0, 1)), 0)
    expect(Buffer.from(early).equals(Buffer.from(expected))).toBe(true)
  })

  it('computes CRC-32 as zip does', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array())).toBe(0)
  })

  it('computes the same CRC-32 where zlib has none (Node 20 before 20.15)', async () => {
    vi.resetModules()
    vi.doMock('node:zlib', async (original) => ({...(await original<typeof import('node:zlib')>()), crc32: undefined}))
    try {
      const {crc32: tableCrc32} = await import('../../src/write/zip.ts')
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
