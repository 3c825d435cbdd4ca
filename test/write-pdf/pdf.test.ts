import {readFileSync} from 'node:fs'
import {beforeAll, describe, expect, it} from 'vitest'
import {parseDocument, inlineText} from '../../src/doc/parse.ts'
import type {Block, Doc} from '../../src/doc/types.ts'
import {gbt9704} from '../../src/layout/gbt9704.ts'
import {closing, opening} from '../../src/write/pdf/lines.ts'
import {createPdfWriter, type PdfResult} from '../../src/write/pdf/index.ts'
import {extract, lines, type Item, type TextLine} from './extract.ts'

const fixture = (path: string) => parseDocument(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8'))
const writer = createPdfWriter()
const squash = (s: string) => s.replace(/\s+/g, '')
const pageNumber = /^—\s*\d+\s*—$/

/** Texts of the blocks in reading order (table cells row by row). */
function blockTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.type) {
      case 'table':
        return [...b.header, ...b.rows.flat()].map(inlineText)
      case 'list':
        return b.items.map(inlineText)
      case 'callout':
        return blockTexts(b.children)
      default:
        return [inlineText(b.children)]
    }
  })
}

/** Assert every text appears in `all`, in order. */
function expectInOrder(all: string, texts: readonly string[]) {
  let at = 0
  for (const text of texts.map(squash).filter(Boolean)) {
    const found = all.indexOf(text, at)
    expect(found, `“${text}” after offset ${at}`).toBeGreaterThanOrEqual(0)
    at = found + text.length
  }
}

const left = gbt9704.margin.left
const right = gbt9704.margin.left + gbt9704.textBlock.width
/** Character count in grid cells: full-width 1, other characters ½. */
const cells = (text: string) => [...text.replace(/\s/g, '')].reduce((n, ch) => n + (/[\u0000-\u2000]/.test(ch) ? 0.5 : 1), 0)

describe('PDF writer: official notice', () => {
  let doc: Doc
  let result: PdfResult
  let items: Item[]
  let fonts: string[]
  let body: TextLine[]
  let pageSizes: Array<{width: number; height: number; rotate: number}>
  beforeAll(async () => {
    doc = fixture('doc/notice.md')
    result = await writer.write(doc)
    ;({items, fonts, pageSizes} = await extract(result.bytes))
    // Body text on the portrait grid (the annex with its wide table is on a landscape page).
    body = lines(items).filter((l) => l.size === gbt9704.fontSize.body && pageSizes[l.page - 1]!.rotate === 0)
  })

  it('writes a PDF without warnings', () => {
    expect(Buffer.from(result.bytes.subarray(0, 5)).toString()).toBe('%PDF-')
    expect(result.warnings).toEqual([])
  })

  it('extracts every element and paragraph in reading order', () => {
    const all = squash(items.filter((i) => !pageNumber.test(i.str.trim())).map((i) => i.str).join(''))
    const m = doc.meta
    expectInOrder(all, [
      m.issuerMark!,
      m.documentNumber!,
      m.title,
      m.recipients!.join('、') + '：',
      ...blockTexts(doc.main),
      '附件：' + m.attachments![0],
      m.signature!,
      m.date!,
      ...doc.annexes.flatMap(blockTexts),
      '抄送：' + m.copiesTo!.join('，') + '。',
      m.printedBy!,
      m.printedDate! + '印发'
    ])
  })

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    for (const line of lines(items)) {
      const chars = [...line.text.trim()]
      expect(closing.has(chars[0]), line.text).toBe(false)
      expect(opening.has(chars[chars.length - 1]), line.text).toBe(false)
    }
  })

  it('keeps body text on the grid: ≤ 22 lines a page, ≤ 28 characters a line, inside the block', () => {
    const perPage = new Map<number, number>()
    for (const line of body) {
      perPage.set(line.page, (perPage.get(line.page) ?? 0) + 1)
      expect(cells(line.text), line.text).toBeLessThanOrEqual(28)
      expect(line.left).toBeGreaterThanOrEqual(left - 0.5)
      expect(line.right).toBeLessThanOrEqual(right + 0.5)
    }
    for (const [, count] of perPage) expect(count).toBeLessThanOrEqual(22)
    // Baselines sit on the 28.95 pt line pitch.
    const pitch = gbt9704.linePitch
    for (const line of body) {
      const k = (body[0].y - line.y) / pitch
      expect(Math.abs(k - Math.round(k)), line.text).toBeLessThan(0.01)
    }
  })

  it('justifies full lines to the right edge of the text block; last lines flush left', () => {
    let checked = 0
    for (let i = 0; i < body.length - 1; i++) {
      const next = body[i + 1]
      // A line followed by an unindented body line is a full line of the same paragraph.
      if (Math.abs(next.left - left) < 0.5 && Math.abs(body[i].left - left) < 0.5 + 2 * gbt9704.charPitch) {
        expect(Math.abs(body[i].right - right), body[i].text).toBeLessThan(1)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(8)
    const lastLine = body.find((l) => l.text.startsWith('成各项任务'))!
    expect(lastLine.right).toBeLessThan(right - 100)
  })

  it('indents first lines by two characters', () => {
    const first = body.find((l) => l.text.startsWith('为全面落实'))!
    expect(first.left - left).toBeCloseTo(2 * gbt9704.charPitch, 0)
  })

  it('draws page numbers “— N —”, odd right and even left, where they are on a portrait page on a landscape one', () => {
    const numbers = items.filter((i) => pageNumber.test(i.str.trim()))
    // Page 3 is the annex, landscape; the 版记 goes to page 4, an even page.
    expect(numbers.map((i) => squash(i.str))).toEqual(['—1—', '—2—', '—3—', '—4—'])
    expect(pageSizes.map((p) => p.rotate)).toEqual([0, 0, 90, 0])
    for (const n of numbers) {
      if (pageSizes[n.page - 1]!.rotate === 90) continue
      if (n.page % 2) expect(right - (n.x + n.width)).toBeCloseTo(14, 0)
      else expect(n.x - left).toBeCloseTo(14, 0)
    }
    // The landscape page is shown turned upright; its number stays at the foot of the sheet, which
    // is the left edge of the turned page, near its bottom (odd page: the sheet's right corner).
    const turned = numbers.find((n) => n.page === 3)!
    const {width, height} = pageSizes[2]!
    expect(width).toBeGreaterThan(height)
    expect(turned.x).toBeLessThan(gbt9704.margin.bottom)
    // It reads top to bottom and ends one character in from the end of the sheet's text block.
    expect(turned.y - turned.width).toBeCloseTo(gbt9704.margin.right + 14, 0)
  })

  it('embeds fonts as subsets', () => {
    expect(fonts.length).toBeGreaterThanOrEqual(2)
    for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+/)
  })

  it('writes byte-identical files twice', async () => {
    const again = await createPdfWriter().write(fixture('doc/notice.md'))
    expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(result.bytes))).toBe(0)
  })
})

describe('PDF writer: long table', () => {
  it('repeats the header row on every page, splits tall rows, keeps every row, reports missing characters', async () => {
    const doc = fixture('write-pdf/long-table.md')
    const result = await writer.write(doc)
    expect(result.warnings.join('')).toContain('U+20000')
    const {items, pages, pageSizes} = await extract(result.bytes)
    // The annex table is on landscape pages: the block is 225 mm wide there.
    expect(pageSizes.slice(1).every((p) => p.rotate === 90)).toBe(true)
    const right = gbt9704.margin.bottom + gbt9704.textBlock.height
    const tableLines = lines(items).filter((l) => l.size === gbt9704.fontSize.table)
    const headerPages = new Set(tableLines.filter((l) => squash(l.text).startsWith('序号政策条款')).map((l) => l.page))
    const tablePages = new Set(tableLines.map((l) => l.page))
    expect(pages).toBeGreaterThan(3)
    expect([...tablePages].every((p) => headerPages.has(p))).toBe(true)
    const table = doc.annexes[0].find((b) => b.type === 'table')!
    if (table.type !== 'table') throw new Error('fixture')
    // Row 12 is taller than a page: its main cell is split over pages, text complete in order.
    const tall = squash(inlineText(table.rows[11][2]))
    const column = tableLines.find((l) => l.text.startsWith('围绕'))!.left
    const pieces = squash(tableLines.filter((l) => Math.abs(l.left - column) < 0.5).map((l) => l.text).join(''))
    expect(pieces).toContain(tall)
    const pagesOfTall = new Set(tableLines.filter((l) => l.text.includes('围绕') && l.page > 1).map((l) => l.page))
    expect(pagesOfTall.size).toBeGreaterThan(2)
    // Every row number is present.
    const numbers = tableLines.map((l) => l.text.trim()).filter((t) => /^\d+$/.test(t))
    expect(numbers.map(Number)).toEqual(Array.from({length: 30}, (_, i) => i + 1))
    for (const l of tableLines) {
      expect(closing.has([...l.text.trim()][0]), l.text).toBe(false)
      expect(l.right).toBeLessThanOrEqual(right + 0.5)
    }
  })
})

describe('PDF writer: one writer for many documents', () => {
  it('writes the bytes and warnings a fresh writer does, the text it measured before reused', async () => {
    const shared = createPdfWriter()
    await shared.write(fixture('doc/notice.md'))
    const first = await shared.write(fixture('write-pdf/long-table.md'))
    const again = await shared.write(fixture('write-pdf/long-table.md'))
    const fresh = await createPdfWriter().write(fixture('write-pdf/long-table.md'))
    for (const result of [again, fresh]) {
      expect(result.warnings).toEqual(first.warnings)
      expect(Buffer.compare(Buffer.from(result.bytes), Buffer.from(first.bytes))).toBe(0)
    }
    expect(first.warnings.join('')).toContain('U+20000')
  })
})

describe('PDF writer: leaflet', () => {
  it('typesets the leaflet with the same rules, text in order, deterministic', async () => {
    const doc = fixture('write-pdf/leaflet.md')
    const a = await writer.write(doc)
    const b = await writer.write(fixture('write-pdf/leaflet.md'))
    expect(Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes))).toBe(0)
    expect(a.warnings).toEqual([])
    const {items, fonts} = await extract(a.bytes)
    const all = squash(items.filter((i) => !pageNumber.test(i.str.trim())).map((i) => i.str).join(''))
    expectInOrder(all, [doc.meta.title, doc.meta.subtitle!, ...blockTexts(doc.main)])
    for (const line of lines(items)) {
      const chars = [...line.text.trim()]
      expect(closing.has(chars[0]), line.text).toBe(false)
      expect(opening.has(chars[chars.length - 1]), line.text).toBe(false)
    }
    expect(fonts.some((f) => f.includes('NotoSansSC'))).toBe(true)
    for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+/)
  })
})

describe('PDF writer: options', () => {
  it('reports a missing font file as a user error', () => {
    expect(() => createPdfWriter({fontFiles: {body: 'no-such-font.ttf'}})).toThrow(/找不到字体文件/)
  })
})
