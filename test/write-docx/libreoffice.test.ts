/**
 * Real consumer: LibreOffice converts the generated .docx to PDF, and the PDF's text holds every
 * paragraph and table cell of the fixture. Skipped, with a message, where soffice or pdftotext is missing.
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {inlineText, parseDocument} from '../../src/doc/parse.ts'
import type {Block} from '../../src/doc/types.ts'
import {writeDocx} from '../../src/write/docx/index.ts'
import {convertAll, sofficeAvailable as available} from './soffice.ts'
if (!available) console.warn('SKIPPED: LibreOffice round trip — `soffice` or `pdftotext` is not installed (CI installs libreoffice-writer-nogui and poppler-utils).')

const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8')
const squash = (text: string) => text.replace(/\s+/g, '')

/** Every text the document model holds: paragraphs, headings, list items, table cells, callouts. */
function texts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
        return [inlineText(b.children)]
      case 'list':
        return b.items.map(inlineText)
      case 'table':
        return [...b.header, ...b.rows.flat()].map(inlineText)
      case 'callout':
        return texts(b.children)
    }
  })
}

describe.skipIf(!available)('LibreOffice round trip', () => {
  const dir = mkdtempSync(join(tmpdir(), 'policy-press-docx-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))
  const names = ['doc/notice.md', 'write-docx/leaflet.md']
  const base = (name: string) => name.replace(/\W+/g, '-')
  // Both files in one soffice process (a private profile, so a running LibreOffice does not block it).
  beforeAll(async () => {
    const docx: string[] = []
    for (const name of names) {
      const path = join(dir, `${base(name)}.docx`)
      writeFileSync(path, await writeDocx(parseDocument(fixture(name))))
      docx.push(path)
    }
    convertAll(docx, dir)
  })

  for (const name of names) {
    it(`converts ${name} to PDF and keeps every text`, async () => {
      const doc = parseDocument(fixture(name))
      const pdf = join(dir, `${base(name)}.pdf`)
      expect(existsSync(pdf)).toBe(true)
      // -raw keeps content-stream order, so table cells come out whole.
      const text = squash(execFileSync('pdftotext', ['-raw', pdf, '-'], {encoding: 'utf8'}))
      const {meta} = doc
      const expected = [
        meta.title,
        ...(meta.layout === 'official' ? [meta.issuerMark, meta.documentNumber, meta.signature, meta.date, ...(meta.attachments ?? [])] : [meta.subtitle]),
        ...texts(doc.main),
        ...doc.annexes.flatMap(texts)
      ].filter((t): t is string => Boolean(t))
      for (const item of expected) expect(text, item).toContain(squash(item))
      if (meta.copiesTo) expect(text).toContain(squash(`抄送：${meta.copiesTo.join('，')}。`))
      // Page numbers came out of the footer fields.
      expect(text).toContain('—1—')
    })
  }
})
