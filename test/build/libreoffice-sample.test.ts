/**
 * Real consumer on the real sample: LibreOffice converts every .docx the build writes to PDF
 * without error (one soffice process, the bundled Noto faces standing in for the official fonts),
 * the notice's PDF holds every clause (title and body), each task list's PDF the titles of the
 * clauses its unit leads, in reading order; and the notice as LibreOffice lays it out breaks no
 * unit name or date in a table cell, breaks its titles between words, shows body text on page 1
 * and ends with the 版记. Skipped, with a message, where soffice or pdftotext is missing.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseDocument} from '../../src/doc/parse.ts'
import {readsInOrder, squash} from '../helpers/text.ts'
import {convertAll, sofficeAvailable as available} from '../write-docx/soffice.ts'
import {extract} from '../write-pdf/extract.ts'
import {bodyOnPage1, brokenInCells, headingsEndingPages, imprintPages, titleLines, unitNames} from '../write-pdf/layout-checks.ts'
import {listFiles, sampleBuild} from './sample.ts'

if (!available) console.warn('SKIPPED: LibreOffice conversion of the sample — `soffice` or `pdftotext` is not installed.')

describe.skipIf(!available)('LibreOffice opens every generated .docx of the sample', async () => {
  const built = await sampleBuild()
  const docx = listFiles(built.outDir).filter((name) => name.endsWith('.docx'))
  // One soffice process for all files: a cold start costs seconds.
  const converted = convertAll(docx.map((name) => join(built.outDir, name)))
  const pdfDir = dirname([...converted.values()][0]!)
  const pdfText = (docxName: string): string => {
    const pdf = join(pdfDir, basename(docxName).replace(/\.docx$/, '.pdf'))
    return existsSync(pdf) ? squash(execFileSync('pdftotext', ['-raw', pdf, '-'], {encoding: 'utf8'})) : ''
  }

  it('converts every one of them', () => {
    expect(docx.length).toBeGreaterThan(20)
    const pdfs = new Set(readdirSync(pdfDir).filter((name) => name.endsWith('.pdf')))
    expect(docx.filter((name) => !pdfs.has(basename(name).replace(/\.docx$/, '.pdf')))).toEqual([])
  })

  it('the notice holds every clause, title and body', () => {
    const text = pdfText('责任分工通知.docx')
    const clauses = built.policy.children.flatMap((domain) => domain.children)
    expect(clauses).toHaveLength(68)
    const missing = clauses.filter((clause) => !readsInOrder(text, squash(clause.title)) || !readsInOrder(text, squash(clause.body)))
    expect(missing.map((clause) => clause.number)).toEqual([])
  })

  it('lays the notice out as the writer set it: no word broken in a cell, titles between words, body on page 1, the 版记 last', async () => {
    const pdf = await extract(new Uint8Array(readFileSync(join(pdfDir, '责任分工通知.pdf'))))
    const doc = parseDocument(built.text('责任分工通知.md'))
    expect(brokenInCells(pdf, unitNames(built.policy), 11)).toEqual([])
    const title = titleLines(pdf, doc.title!, 1, 22)!
    expect(title.lines.length).toBeGreaterThan(1)
    expect(title.badBreaks).toEqual([])
    expect(title.shaped).toBe(true)
    expect(bodyOnPage1(pdf, doc).length).toBeGreaterThanOrEqual(2)
    expect(imprintPages(pdf)).toEqual([pdf.pages])
    expect(headingsEndingPages(pdf)).toEqual([])
    // The annex pages are landscape.
    expect(pdf.pageSizes.filter((p) => p.width > p.height).length).toBeGreaterThan(pdf.pages / 2)
  })

  it('each task list holds the titles of the clauses its unit leads', () => {
    const lists = docx.filter((name) => name.startsWith('各单位任务清单/'))
    expect(lists.length).toBeGreaterThan(20)
    for (const name of lists) {
      const unit = basename(name, '.docx')
      const led = built.policy.children
        .flatMap((domain) => domain.children)
        .filter((clause) => clause.units[0]?.name === unit)
      const text = pdfText(name)
      expect(text, unit).toContain(squash(unit))
      for (const clause of led) expect(readsInOrder(text, squash(clause.title)), `${unit} 第${clause.number}条`).toBe(true)
    }
  })
})
