import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {describe, expect, it, vi} from 'vitest'
import {loadFont, resolveFontFiles} from '../../src/write/pdf/fonts.ts'
import {segment} from '../../src/write/pdf/lines.ts'
import {shape} from '../../src/write/pdf/shape.ts'
import {compositeComponents, speedUpSubset} from '../../src/write/pdf/subset.ts'

const files = resolveFontFiles()
const sample =
  '关于印发《秀洲区2024年推动经济高质量发展若干政策》的通知：给予0.5万元奖励，增长10%——' +
  '“专精特新”企业……（一）【重点】〔2024〕1号，Special chars stay literal, AVA Wolf 1,000.50；？！、'

type Font = ReturnType<typeof loadFont> & {createSubset(): {includeGlyph(id: number): number; encode(): Uint8Array}}
type Run = {glyphs: Array<{id: number; advanceWidth: number}>; positions: Array<{xAdvance: number; xOffset: number; yOffset: number}>}

describe('shape (cached layout)', () => {
  it('gives what fontkit’s layout gives for every unit, lone Han characters included', () => {
    for (const path of new Set(Object.values(files))) {
      const font = loadFont(path) as Font
      const scale = 1000 / font.unitsPerEm
      for (const {text} of segment(sample)) {
        const run = font.layout(text) as unknown as Run
        const shaped = shape(font, text)
        expect(shaped.ids, text).toEqual(run.glyphs.map((g) => g.id))
        expect(shaped.advances, text).toEqual(run.glyphs.map((g) => g.advanceWidth * scale))
        expect(shaped.xAdvances, text).toEqual(run.positions.map((p) => p.xAdvance * scale))
        expect(shaped.units, text).toBe(run.positions.reduce((a, p) => a + p.xAdvance, 0))
        expect(run.positions.every((p) => !p.xOffset && !p.yOffset), text).toBe(true)
        // Cached: the same object the second time.
        expect(shape(font, text)).toBe(shaped)
      }
    }
  })

  it('gives what layout gives for every pair of characters that kerning or localized forms may touch', () => {
    const chars = [...'0123456789.,:;%-/+()AVTWYLPFkoyfir ，。：“”‘’—…《》（）【】、']
    const texts = chars.flatMap((a) => chars.map((b) => a + b)).concat(['7.22', '0.25', '10.6%', '2023-2025', 'G524', '1+7+N', 'AV.T', 'https://x.cn/'])
    for (const path of new Set(Object.values(files))) {
      const font = loadFont(path) as Font
      const scale = 1000 / font.unitsPerEm
      for (const text of texts) {
        const run = font.layout(text) as unknown as Run
        const shaped = shape(font, text)
        expect(shaped.ids, text).toEqual(run.glyphs.map((g) => g.id))
        expect(shaped.xAdvances, text).toEqual(run.positions.map((p) => p.xAdvance * scale))
      }
    }
  })

  it('skips layout only where shaping cannot change the glyphs, with the same result', () => {
    // Numbers, lone Han characters and full-width punctuation skip it; text a lookup covers
    // (kerned pairs, Latin letters the Latin script localizes) does not.
    const texts = ['98765', '4321', '餮', '，', '（', '“', '•', '—', '1:2', '0.75', '3. ', 'Kerning AV', 'Ｆｕｌｌ', 'カタカナ', 'ひらがな', '〇', 'αβγ', 'Привет', '1⁄2', 'e\u0301', 'a\u200db']
    for (const path of new Set(Object.values(files))) {
      const font = loadFont(path) as Font
      const scale = 1000 / font.unitsPerEm
      const layout = vi.spyOn(font, 'layout')
      const shaped = texts.map((text) => shape(font, text))
      const laidOut = new Set(layout.mock.calls.map(([text]) => text))
      layout.mockRestore()
      expect(laidOut.has('98765') || laidOut.has('餮'), path).toBe(false)
      // A kerned glyph (the full stop) next to one it has no kerning with.
      if (path === files.serif) expect(laidOut.has('0.75'), path).toBe(false)
      texts.forEach((text, i) => {
        const run = font.layout(text) as unknown as Run
        expect(shaped[i].ids, text).toEqual(run.glyphs.map((g) => g.id))
        expect(shaped[i].advances, text).toEqual(run.glyphs.map((g) => g.advanceWidth * scale))
        expect(shaped[i].xAdvances, text).toEqual(run.positions.map((p) => p.xAdvance * scale))
        expect(shaped[i].codePoints, text).toEqual(run.glyphs.map((g) => (g as unknown as {codePoints: number[]}).codePoints))
      })
    }
  })
})

describe('subset', () => {
  it('writes the same font program as fontkit’s own subset for a font with short glyph offsets', () => {
    // The bundled fonts have long `loca` offsets: a fresh parse of one, read as if its offsets
    // were short, is written the way fontkit writes such a font (offsets halved).
    const require = createRequire(createRequire(import.meta.url).resolve('pdfkit'))
    const font = require('fontkit').create(readFileSync(files.serif)) as Font & {loca: {version: number}}
    font.loca.version = 0
    const ids = [...new Set([...sample].flatMap((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id))]
    const plain = font.createSubset()
    const fast = font.createSubset()
    speedUpSubset(font, fast)
    for (const id of ids) expect(fast.includeGlyph(id)).toBe(plain.includeGlyph(id))
    expect(Buffer.from(fast.encode()).equals(Buffer.from(plain.encode()))).toBe(true)
  })

  it('writes the same font program as fontkit’s own subset, whatever the glyphs and their number', () => {
    for (const path of new Set([files.serif, files.sansBold])) {
      const font = loadFont(path) as Font
      const fromSample = [...new Set([...sample].flatMap((ch) => shape(font, ch).ids))]
      // Scattered ids in no order, and none but the .notdef glyph every subset has.
      const scattered = Array.from({length: 400}, (_, i) => (i * 7919) % 30000)
      for (const ids of [fromSample, scattered, []]) {
        const plain = font.createSubset()
        const fast = font.createSubset()
        speedUpSubset(font, fast)
        for (const id of ids) expect(fast.includeGlyph(id)).toBe(plain.includeGlyph(id))
        expect(Buffer.from(fast.encode()).equals(Buffer.from(plain.encode()))).toBe(true)
      }
    }
  })
})

describe('compositeComponents', () => {
  it('finds each component’s glyph id where fontkit’s decoder reads it, whatever the argument and scale sizes', () => {
    const glyph = Buffer.from([
      0xff, 0xff, 0, 0, 0, 0, 0, 10, 0, 10, // numberOfContours −1, bounding box
      0x00, 0x29, 0, 5, 0, 1, 0, 2, 0x40, 0, // more, word arguments, one scale: glyph 5
      0x00, 0x60, 0, 7, 1, 2, 0x40, 0, 0x40, 0, // more, byte arguments, x and y scales: glyph 7
      0x00, 0x80, 0, 9, 1, 2, 0x40, 0, 0, 0, 0, 0, 0x40, 0 // last, two by two: glyph 9
    ])
    expect(compositeComponents(glyph)).toEqual([
      {glyphID: 5, pos: 12},
      {glyphID: 7, pos: 22},
      {glyphID: 9, pos: 32}
    ])
    // A simple glyph (one contour) and an empty one have none.
    expect(compositeComponents(Buffer.from([0, 1, 0, 0, 0, 0, 0, 10, 0, 10, 0, 3]))).toBeUndefined()
    expect(compositeComponents(new Uint8Array(0))).toBeUndefined()
  })
})
