/**
 * The PDFs of the real sample, read back with pdfjs: the notice holds every clause in reading
 * order, each task list the clauses its unit leads, and no line of any document starts with
 * closing punctuation or ends with opening punctuation; fonts are embedded as subsets.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {closing, opening} from '../../src/write/pdf/lines.ts'
import {parseDocument} from '../../src/doc/parse.ts'
import {extract, lines} from '../write-pdf/extract.ts'
import {bodyOnPage1, brokenInCells, headingsEndingPages, imprintPages, titleLines, unitNames} from '../write-pdf/layout-checks.ts'
import {findInOrder, readsInOrder, squash} from '../helpers/text.ts'
import {listFiles, sampleBuild} from './sample.ts'

describe('the PDFs of the sample', async () => {
  const built = await sampleBuild()
  const pdfs = listFiles(built.outDir).filter((name) => name.endsWith('.pdf'))
  const read = new Map(await Promise.all(pdfs.map(async (name) => [name, await extract(new Uint8Array(readFileSync(`${built.outDir}/${name}`)))] as const)))
  const text = (name: string) => squash(read.get(name)!.items.map((item) => item.str).join(''))
  const clauses = built.policy.children.flatMap((domain) => domain.children)

  it('writes the notice, the interpretation, the policy and a task list per unit', () => {
    expect(pdfs).toEqual(expect.arrayContaining(['责任分工通知.pdf', '政策解读.pdf', '政策原文.pdf', '各单位任务清单/区发改局.pdf']))
    expect(pdfs.filter((name) => name.startsWith('各单位任务清单/')).length).toBeGreaterThan(20)
  })

  it('the notice holds every clause, title and body, in order', () => {
    const notice = text('责任分工通知.pdf')
    // Each clause is looked for after the one before it, so all 68 found means all 68 in order.
    let at = 0
    const missing: number[] = []
    for (const clause of clauses) {
      const title = findInOrder(notice, squash(clause.title), at)
      const body = title === -1 ? -1 : findInOrder(notice, squash(clause.body), title)
      if (body === -1) missing.push(clause.number)
      else at = body
    }
    expect(missing).toEqual([])
  })

  it('each task list holds the clauses its unit leads', () => {
    for (const name of pdfs.filter((n) => n.startsWith('各单位任务清单/'))) {
      const unit = name.slice('各单位任务清单/'.length, -'.pdf'.length)
      const list = text(name)
      for (const clause of clauses.filter((c) => c.units[0]?.name === unit)) {
        expect(readsInOrder(list, squash(clause.title)), `${unit} 第${clause.number}条`).toBe(true)
      }
    }
  })

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    const bad: string[] = []
    for (const [name, {items}] of read) {
      for (const line of lines(items)) {
        const chars = [...line.text.trim()]
        if (chars.length > 0 && (closing.has(chars[0]!) || opening.has(chars[chars.length - 1]!))) bad.push(`${name} p${line.page}: ${line.text}`)
      }
    }
    expect(bad).toEqual([])
  })

  it('breaks no unit name and no date across lines of a table cell', () => {
    for (const name of ['责任分工通知.pdf', '各单位任务清单/区发改局.pdf']) {
      expect(brokenInCells(read.get(name)!, unitNames(built.policy), 11), name).toEqual([])
    }
  })

  it('breaks the titles between words into a 梯形 or 菱形', () => {
    const doc = parseDocument(built.text('责任分工通知.md'))
    const pdf = read.get('责任分工通知.pdf')!
    const title = titleLines(pdf, doc.title!, 1, 22)!
    expect(title.lines.length).toBeGreaterThan(1)
    expect(title.badBreaks).toEqual([])
    expect(title.shaped).toBe(true)
    // The annex titles, each on its own first page.
    for (const annex of doc.annexes) {
      const heading = annex.find((b) => b.type === 'heading' && b.level === 1)
      if (heading?.type !== 'heading') continue
      const page = pdf.items.find((i) => i.size === 22 && i.page > 1 && squash(heading.children.map((n) => (n.type === 'text' ? n.value : '')).join('')).startsWith(squash(i.str)))!.page
      const lines = titleLines(pdf, heading.children, page, 22)!
      expect(lines.badBreaks, lines.lines.join('|')).toEqual([])
      expect(lines.shaped, lines.lines.join('|')).toBe(true)
    }
  })

  it('shows body text on page 1 and puts the 版记 at the foot of the last page, an even page', () => {
    const doc = parseDocument(built.text('责任分工通知.md'))
    const pdf = read.get('责任分工通知.pdf')!
    expect(bodyOnPage1(pdf, doc).length).toBeGreaterThanOrEqual(2)
    // 26 units: the 主送 line is the collective phrase, the list moved to the 版记.
    expect(doc.meta.recipients!.length).toBeGreaterThan(20)
    const text = squash(pdf.items.filter((i) => i.page === pdf.pages).map((i) => i.str).join(''))
    expect(text).toContain(squash(`主送：${doc.meta.recipients!.join('，')}。`))
    expect(imprintPages(pdf)).toEqual([pdf.pages])
    expect(pdf.pages % 2).toBe(0)
    // Annex pages are landscape.
    expect(pdf.pageSizes.filter((p) => p.rotate === 90).length).toBeGreaterThan(pdf.pages / 2)
  })

  it('never ends a page with a heading', () => {
    for (const [name, pdf] of read) expect(headingsEndingPages(pdf), name).toEqual([])
  })

  it('embeds its fonts as subsets', () => {
    for (const [name, {fonts}] of read) expect(fonts.every((font) => /^[A-Z]{6}\+/.test(font)), name).toBe(true)
  })
})
