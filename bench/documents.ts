/**
 * Per-document timings for the sample: for each document of every view kind (src/view `views`),
 * the time to render its template, parse the Markdown once (parseDocument), and run each writer
 * (md, html, docx, pdf) on it, with the output size. Writers are created once (fonts parsed once).
 *
 *   node --import tsx bench/documents.ts
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parsePolicy} from '../src/parse/index.ts'
import {enrichPolicy} from '../src/extract/index.ts'
import {loadRegistry} from '../src/units/registry.ts'
import {loadTemplates, render} from '../src/template/index.ts'
import {views} from '../src/view/index.ts'
import type {ViewContext} from '../src/view/types.ts'
import {parseDocument} from '../src/doc/parse.ts'
import {documentFormats, writers, type DocumentWriter} from '../src/write/index.ts'
import {benchConfig, formats, registryPath, samplePath} from './common.ts'

export interface DocumentTiming {
  label: string
  render: number
  doc: number
  writers: Record<string, {ms: number; bytes: number}>
}

export async function benchDocuments(options: {print?: boolean} = {}): Promise<DocumentTiming[]> {
  const print = options.print ?? true
  const registry = loadRegistry(registryPath)
  const {policy} = await parsePolicy({path: samplePath, bytes: readFileSync(samplePath)}, {registry})
  enrichPolicy(policy)
  const context: ViewContext = {policy, config: benchConfig, registry}
  const templates = loadTemplates()
  const documents = Object.values(views).flatMap((builder) => builder(context))
  const active: DocumentWriter[] = []
  for (const format of documentFormats) {
    if (!formats.includes(format)) continue
    const writer = await writers[format]({config: benchConfig, baseDir: process.cwd()})
    if ('write' in writer) active.push(writer)
    else if (print) console.log(`  (.${format} unavailable: ${writer.unavailable})`)
  }
  const rows: DocumentTiming[] = []
  for (const document of documents) {
    let t = performance.now()
    const markdown = render(templates, document.template, document.data)
    const renderMs = performance.now() - t
    t = performance.now()
    const doc = parseDocument(markdown)
    const docMs = performance.now() - t
    const row: DocumentTiming = {label: document.label, render: renderMs, doc: docMs, writers: {}}
    for (const writer of active) {
      t = performance.now()
      const {bytes} = await writer.write({markdown, doc})
      row.writers[writer.extension] = {ms: performance.now() - t, bytes: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength}
    }
    rows.push(row)
  }
  if (print) {
    const exts = active.map((w) => w.extension)
    const cell = (v: number) => v.toFixed(1).padStart(8)
    console.log(`  per document (ms; writers created once, so the first PDF pays for parsing the fonts)`)
    console.log(`  ${'document'.padEnd(16)}${'render'.padStart(8)}${'doc'.padStart(8)}${exts.map((e) => e.padStart(8)).join('')}${'total'.padStart(9)}  sizes`)
    const totals = {render: 0, doc: 0, all: 0, by: Object.fromEntries(exts.map((e) => [e, 0])) as Record<string, number>}
    for (const r of rows) {
      const sum = r.render + r.doc + exts.reduce((n, e) => n + (r.writers[e]?.ms ?? 0), 0)
      totals.render += r.render
      totals.doc += r.doc
      totals.all += sum
      for (const e of exts) totals.by[e]! += r.writers[e]?.ms ?? 0
      const name = Array.from(r.label).slice(0, 8).join('')
      const pad = 16 - Array.from(name).length * 2
      console.log(`  ${name}${' '.repeat(Math.max(1, pad))}${cell(r.render)}${cell(r.doc)}${exts.map((e) => cell(r.writers[e]?.ms ?? 0)).join('')}${cell(sum)} ${exts.map((e) => `${e} ${((r.writers[e]?.bytes ?? 0) / 1024).toFixed(0)}K`).join(' ')}`)
    }
    console.log(`  ${'total'.padEnd(16)}${cell(totals.render)}${cell(totals.doc)}${exts.map((e) => cell(totals.by[e]!)).join('')}${cell(totals.all)}  (${rows.length} documents)`)
  }
  return rows
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchDocuments()
