/**
 * Real consumer on the real sample: LibreOffice converts every .docx the build writes to PDF
 * without error, and the notice's PDF holds every clause (title and body), each task list's PDF
 * the titles of the clauses its unit leads, in reading order. Skipped, with a message, where soffice or pdftotext is missing.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {readsInOrder, squash} from '../helpers/text.ts'
import {listFiles, sampleBuild} from './sample.ts'

const has = (command: string) => spawnSync(command, ['--version'], {stdio: 'ignore'}).error === undefined
const available = has('soffice') && has('pdftotext')
if (!available) console.warn('SKIPPED: LibreOffice conversion of the sample — `soffice` or `pdftotext` is not installed.')

describe.skipIf(!available)('LibreOffice opens every generated .docx of the sample', async () => {
  const built = await sampleBuild()
  const docx = listFiles(built.outDir).filter((name) => name.endsWith('.docx'))
  const pdfDir = mkdtempSync(join(tmpdir(), 'policy-press-lo-'))
  // One soffice process for all files: a cold start costs seconds.
  execFileSync(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${pdfDir}/profile`, '--convert-to', 'pdf', '--outdir', pdfDir, ...docx.map((name) => join(built.outDir, name))],
    {stdio: 'ignore', timeout: 240_000}
  )
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
