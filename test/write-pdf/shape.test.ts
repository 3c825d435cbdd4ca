import {describe, expect, it} from 'vitest'
import {loadFont, resolveFontFiles} from '../../src/write/pdf/fonts.ts'
import {segment} from '../../src/write/pdf/lines.ts'
import {shape} from '../../src/write/pdf/shape.ts'
import {speedUpSubset} from '../../src/write/pdf/subset.ts'

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
})

describe('subset', () => {
  it('writes the same font program as fontkit’s own subset', () => {
    for (const path of new Set([files.serif, files.sansBold])) {
      const font = loadFont(path) as Font
      const ids = [...new Set([...sample].flatMap((ch) => shape(font, ch).ids))]
      const plain = font.createSubset()
      const fast = font.createSubset()
      speedUpSubset(font, fast)
      for (const id of ids) expect(fast.includeGlyph(id)).toBe(plain.includeGlyph(id))
      expect(Buffer.from(fast.encode()).equals(Buffer.from(plain.encode()))).toBe(true)
    }
  })
})
