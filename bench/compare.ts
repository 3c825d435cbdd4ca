/**
 * Side by side, where installed: pandoc converting the sample's rendered Markdown to .docx, and
 * LibreOffice (soffice) converting our .docx to PDF, against our own writers on the same documents.
 * Printed as "their time / our time". For the notice alone and for the whole set (every document of
 * the sample). Tools that are missing are skipped with a note.
 *
 *   node --import tsx bench/compare.ts
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {parsePolicy} from '../src/parse/index.ts'
import {enrichPolicy} from '../src/extract/index.ts'
import {loadRegistry} from '../src/units/registry.ts'
import {loadTemplates, render} from '../src/template/index.ts'
import {views} from '../src/view/index.ts'
import {parseDocument} from '../src/doc/parse.ts'
import {writers} from '../src/write/index.ts'
import {benchConfig, registryPath, samplePath} from './common.ts'

function installed(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], {stdio: 'ignore'}).status === 0
}

function timed(fn: () => void): number {
  const t = performance.now()
  fn()
  return performance.now() - t
}

const ratio = (theirs: number, ours: number) => `${(theirs / ours).toFixed(1)}×`

export async function benchCompare(): Promise<void> {
  console.log('side by side: pandoc (Markdown → .docx) and LibreOffice (.docx → PDF) vs our writers')
  const hasPandoc = installed('pandoc')
  const hasSoffice = installed('soffice')
  if (!hasPandoc) console.log('  pandoc not installed: skipped')
  if (!hasSoffice) console.log('  soffice (LibreOffice) not installed: skipped')
  if (!hasPandoc && !hasSoffice) return

  const dir = mkdtempSync(join(tmpdir(), 'policy-press-compare-'))
  try {
    const registry = loadRegistry(registryPath)
    const {policy} = await parsePolicy({path: samplePath, bytes: readFileSync(samplePath)}, {registry})
    enrichPolicy(policy)
    const templates = loadTemplates()
    const documents = Object.values(views).flatMap((builder) => builder({policy, config: benchConfig, registry}))
    const docx = await writers.docx({config: benchConfig, baseDir: process.cwd()})
    const pdf = await writers.pdf({config: benchConfig, baseDir: process.cwd()})
    if (!('write' in docx)) {
      console.log(`  our .docx writer unavailable (${docx.unavailable}): skipped`)
      return
    }
    mkdirSync(join(dir, 'md'))
    mkdirSync(join(dir, 'docx'))
    mkdirSync(join(dir, 'pandoc'))
    mkdirSync(join(dir, 'soffice'))
    // Ours: Markdown → Doc → .docx, and Doc → PDF (one PDF writer: fonts parsed once, in the first document).
    const ours = documents.map((document, i) => {
      const markdown = render(templates, document.template, document.data)
      return {name: `${String(i).padStart(2, '0')}`, label: document.label, markdown}
    })
    const oursDocx: number[] = []
    const oursPdf: number[] = []
    for (const doc of ours) {
      let t = performance.now()
      const parsed = parseDocument(doc.markdown)
      const {bytes} = await docx.write({markdown: doc.markdown, doc: parsed})
      oursDocx.push(performance.now() - t)
      writeFileSync(join(dir, 'md', `${doc.name}.md`), doc.markdown)
      writeFileSync(join(dir, 'docx', `${doc.name}.docx`), bytes)
      if ('write' in pdf) {
        t = performance.now()
        await pdf.write({markdown: doc.markdown, doc: parseDocument(doc.markdown)})
        oursPdf.push(performance.now() - t)
      }
    }
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
    let pandocAll: number | undefined
    if (hasPandoc) {
      const times = ours.map((doc) => timed(() => execFileSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', join(dir, 'pandoc', `${doc.name}.docx`), join(dir, 'md', `${doc.name}.md`)])))
      console.log(`  notice .md → .docx: pandoc ${times[0]!.toFixed(0)} ms, ours ${oursDocx[0]!.toFixed(0)} ms (parse + docx writer): pandoc/ours ${ratio(times[0]!, oursDocx[0]!)}`)
      pandocAll = sum(times)
      console.log(`  all ${ours.length} documents .md → .docx: pandoc ${sum(times).toFixed(0)} ms (one process each), ours ${sum(oursDocx).toFixed(0)} ms: pandoc/ours ${ratio(sum(times), sum(oursDocx))}`)
    }
    if (hasSoffice) {
      if (!('write' in pdf)) console.log(`  our PDF writer unavailable (${pdf.unavailable}): LibreOffice comparison skipped`)
      else {
        // A private profile so a soffice running elsewhere on the machine does not take the job.
        const profile = pathToFileURL(join(dir, 'lo-profile')).href
        const convert = (files: string[]) => execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'soffice'), ...files], {stdio: 'ignore', timeout: 600_000})
        convert([join(dir, 'docx', `${ours[0]!.name}.docx`)]) // first start creates the profile: not timed
        const one = timed(() => convert([join(dir, 'docx', `${ours[0]!.name}.docx`)]))
        const all = timed(() => convert(ours.map((d) => join(dir, 'docx', `${d.name}.docx`))))
        console.log(`  notice .docx → PDF: LibreOffice ${one.toFixed(0)} ms (warm profile, one process), ours ${oursPdf[0]!.toFixed(0)} ms (includes parsing the fonts): LibreOffice/ours ${ratio(one, oursPdf[0]!)}`)
        console.log(`  all ${ours.length} documents .docx → PDF: LibreOffice ${all.toFixed(0)} ms (one process), ours ${sum(oursPdf).toFixed(0)} ms: LibreOffice/ours ${ratio(all, sum(oursPdf))}`)
        if (pandocAll !== undefined) {
          const theirs = pandocAll + all
          const mine = sum(oursDocx) + sum(oursPdf)
          console.log(`  whole set, .docx and PDF: pandoc + LibreOffice ${theirs.toFixed(0)} ms, ours ${mine.toFixed(0)} ms: theirs/ours ${ratio(theirs, mine)}`)
        }
      }
    }
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchCompare()
