import {inflateSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {encodePng} from '../../src/write/png.ts'
import {crc32} from '../../src/write/zip.ts'

/** Chunks of a PNG, each CRC checked. */
function chunks(png: Uint8Array): Array<{type: string; data: Buffer}> {
  const buf = Buffer.from(png)
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  const out: Array<{type: string; data: Buffer}> = []
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at)
    expect(buf.readUInt32BE(at + 8 + length)).toBe(crc32(buf.subarray(at + 4, at + 8 + length)))
    out.push({type: buf.toString('latin1', at + 4, at + 8), data: buf.subarray(at + 8, at + 8 + length)})
    at += 12 + length
  }
  return out
}

/** RGBA pixels back from an unfiltered PNG of ours. */
function decode(png: Uint8Array): {width: number; height: number; colourType: number; rgba: number[]} {
  const list = chunks(png)
  expect(list.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND'])
  const header = list[0]!.data
  const width = header.readUInt32BE(0)
  const height = header.readUInt32BE(4)
  const colourType = header[9]!
  expect([...header.subarray(8)]).toEqual([8, colourType, 0, 0, 0])
  const channels = colourType === 2 ? 3 : 4
  const raw = inflateSync(list[1]!.data)
  expect(raw.length).toBe(height * (1 + width * channels))
  const rgba: number[] = []
  for (let y = 0; y < height; y++) {
    const row = raw.subarray(y * (1 + width * channels))
    expect(row[0]).toBe(0)
    for (let x = 0; x < width; x++) {
      const p = row.subarray(1 + x * channels)
      rgba.push(p[0]!, p[1]!, p[2]!, channels === 4 ? p[3]! : 255)
    }
  }
  return {width, height, colourType, rgba}
}

describe('encodePng', () => {
  const width = 3
  const height = 2
  const pixels = (alpha: number) => Uint8Array.from({length: width * height * 4}, (_, i) => (i % 4 === 3 ? (i === 7 ? alpha : 255) : (i * 37) % 256))

  it('writes an opaque image as RGB, pixel for pixel', async () => {
    const rgba = pixels(255)
    const decoded = decode(await encodePng(rgba, width, height))
    expect(decoded).toMatchObject({width, height, colourType: 2})
    expect(decoded.rgba).toEqual([...rgba])
  })

  it('keeps the alpha channel when a pixel is transparent', async () => {
    const rgba = pixels(128)
    const decoded = decode(await encodePng(rgba, width, height))
    expect(decoded.colourType).toBe(6)
    expect(decoded.rgba).toEqual([...rgba])
  })

  it('refuses pixels that do not match the size', async () => {
    await expect(encodePng(new Uint8Array(5), width, height)).rejects.toThrow(RangeError)
  })
})
