/**
 * The zip writer of the Office packages we write (.docx, .xlsx): the layout of fflate's `zipSync`
 * with `{level, mtime}` per entry, deflated by Node's native zlib (about twice as fast as JavaScript
 * deflate), and a part whose text was compressed before in this process is not compressed again
 * (the Word writer packs ~30 documents per build that share all parts but the body and the core properties).
 */
import * as zlib from 'node:zlib'

export interface ZipEntry {
  name: string
  data: string | Uint8Array
  /** Keep the compressed text for later packages (parts that repeat). Only for string data. */
  shared?: boolean
}

interface Stored {
  /** Uncompressed size. */
  size: number
  crc: number
  compressed: Uint8Array
}

const encoder = new TextEncoder()
/** Compressed shared parts by level and text; cleared when it grows past `cacheLimit` entries. */
const cache = new Map<string, Stored>()
const cacheLimit = 256

/**
 * Zip `entries` in the order given, each entry deflated at `level` (0 stores it) and stamped with
 * the UTC fields of `time` (zip stores wall-clock fields without a zone: UTC keeps the bytes the same
 * in every time zone). Times before 1980, which zip cannot hold, are written as 1980-01-01.
 */
export function zipEntries(entries: readonly ZipEntry[], time: Date, level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6): Uint8Array {
  const mtime = new Date(Math.max(time.getTime(), Date.UTC(1980, 0, 1)))
  const year = mtime.getUTCFullYear() - 1980
  if (year > 119) throw new RangeError('zip dates must be before 2100')
  const dosTime =
    ((year << 25) | ((mtime.getUTCMonth() + 1) << 21) | (mtime.getUTCDate() << 16) | (mtime.getUTCHours() << 11) | (mtime.getUTCMinutes() << 5) | (mtime.getUTCSeconds() >> 1)) >>> 0

  const files = entries.map((entry) => {
    const name = encoder.encode(entry.name)
    const stored = store(entry, level)
    return {name, utf8: name.length !== entry.name.length, ...stored}
  })
  let localSize = 0
  let centralSize = 0
  for (const f of files) {
    localSize += 30 + f.name.length + f.compressed.length
    centralSize += 46 + f.name.length
  }
  const out = new Uint8Array(localSize + centralSize + 22)
  const view = new DataView(out.buffer)
  const method = level === 0 ? 0 : 8
  let local = 0
  let central = localSize
  for (const f of files) {
    // local file header
    view.setUint32(local, 0x04034b50, true)
    view.setUint16(local + 4, 20, true)
    view.setUint16(local + 6, f.utf8 ? 0x800 : 0, true)
    view.setUint16(local + 8, method, true)
    view.setUint32(local + 10, dosTime, true)
    view.setUint32(local + 14, f.crc, true)
    view.setUint32(local + 18, f.compressed.length, true)
    view.setUint32(local + 22, f.size, true)
    view.setUint16(local + 26, f.name.length, true)
    view.setUint16(local + 28, 0, true)
    out.set(f.name, local + 30)
    out.set(f.compressed, local + 30 + f.name.length)
    // central directory header (version made by 2.0, MS-DOS; no attributes, no comment)
    view.setUint32(central, 0x02014b50, true)
    view.setUint16(central + 4, 20, true)
    view.setUint16(central + 6, 20, true)
    view.setUint16(central + 8, f.utf8 ? 0x800 : 0, true)
    view.setUint16(central + 10, method, true)
    view.setUint32(central + 12, dosTime, true)
    view.setUint32(central + 16, f.crc, true)
    view.setUint32(central + 20, f.compressed.length, true)
    view.setUint32(central + 24, f.size, true)
    view.setUint16(central + 28, f.name.length, true)
    view.setUint32(central + 42, local, true)
    out.set(f.name, central + 46)
    local += 30 + f.name.length + f.compressed.length
    central += 46 + f.name.length
  }
  // end of central directory
  view.setUint32(central, 0x06054b50, true)
  view.setUint16(central + 8, files.length, true)
  view.setUint16(central + 10, files.length, true)
  view.setUint32(central + 12, centralSize, true)
  view.setUint32(central + 16, localSize, true)
  return out
}

function store(entry: ZipEntry, level: number): Stored {
  const key = entry.shared && typeof entry.data === 'string' ? `${level}\u0000${entry.data}` : undefined
  if (key !== undefined) {
    const hit = cache.get(key)
    if (hit) return hit
  }
  const bytes = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data
  const stored: Stored = {size: bytes.length, crc: crc32(bytes), compressed: level === 0 ? bytes : zlib.deflateRawSync(bytes, {level})}
  if (key !== undefined) {
    if (cache.size >= cacheLimit) cache.clear()
    cache.set(key, stored)
  }
  return stored
}

/** zlib's native CRC-32: Node 20.15 and later (`engines` allows any Node 20), else undefined. */
const nativeCrc32 = (zlib as {crc32?: (data: Uint8Array) => number}).crc32

let crcTable: Int32Array | undefined

/** CRC-32 (ISO 3309), as zip stores it: zlib's native one, or a table-driven one on older Node 20. */
export function crc32(bytes: Uint8Array): number {
  if (nativeCrc32) return nativeCrc32(bytes) >>> 0
  crcTable ??= Int32Array.from({length: 256}, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c
  })
  let c = -1
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ -1) >>> 0
}
