/**
 * PDF bench: time to write the PDF fixtures (notice, long table, leaflet) with one writer.
 * The first document pays for parsing the fonts (once per process); later ones only subset.
 *
 *   node --import tsx bench/pdf.ts
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parseDocument} from '../src/doc/parse.ts'
import {createPdfWriter} from '../src/write/pdf/index.ts'
import {loadedFontCount} from '../src/write/pdf/fonts.ts'

const fixtures = ['doc/notice.md', 'write-pdf/long-table.md', 'write-pdf/leaflet.md']

export interface PdfBench {
  /** Milliseconds per write, in order: every fixture once (cold fonts first), then again (warm). */
  runs: Array<{fixture: string; ms: number; bytes: number; pages?: number; warm: boolean}>
  firstMs: number
  warmMeanMs: number
  fontsLoaded: number
}

export async function benchPdf(options: {rounds?: number; print?: boolean} = {}): Promise<PdfBench> {
  const {rounds = 3, print = true} = options
  const docs = fixtures.map((f) => ({fixture: f, doc: parseDocument(readFileSync(fileURLToPath(new URL(`../test/fixtures/${f}`, import.meta.url)), 'utf8'))}))
  const writer = createPdfWriter()
  const runs: PdfBench['runs'] = []
  for (let round = 0; round < rounds; round++) {
    for (const {fixture, doc} of docs) {
      const t0 = performance.now()
      const {bytes} = await writer.write(doc)
      runs.push({fixture, ms: performance.now() - t0, bytes: bytes.length, warm: runs.length > 0})
    }
  }
  const warm = runs.filter((r) => r.warm)
  const result: PdfBench = {
    runs,
    firstMs: runs[0].ms,
    warmMeanMs: warm.reduce((a, r) => a + r.ms, 0) / Math.max(1, warm.length),
    fontsLoaded: loadedFontCount()
  }
  if (print) {
    console.log('PDF writer (fonts parsed once per process)')
    for (const r of runs) console.log(`  ${r.warm ? 'warm' : 'cold'}  ${r.fixture.padEnd(26)} ${r.ms.toFixed(0).padStart(6)} ms  ${(r.bytes / 1024).toFixed(0)} KB`)
    console.log(`  first document ${result.firstMs.toFixed(0)} ms; subsequent mean ${result.warmMeanMs.toFixed(0)} ms; font files parsed: ${result.fontsLoaded}`)
  }
  return result
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchPdf()
