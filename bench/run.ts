/**
 * `npm run bench`: the figures of the README's 开发 section, in one run.
 *
 *   1. the command as a user runs it (bench/cli.ts): cold builds of the sample in every format
 *      (whole processes; two workers, one worker, one thread), one pandoc .docx conversion of the
 *      same policy and the ratio, `parse` and `check`, peak memory; then the synthetic policy
 *      100× the sample and a 100,000-clause source through the same command;
 *   2. where the time goes: the sample's stages in one process, first and second build
 *      (bench/build.ts, from the sources), per document.
 *
 * `--all` adds: a batch of 50 policies in one process, parse growth 1×/10×/100×, extraction
 * precision/recall, the PDF writer alone, pandoc + LibreOffice on every document (bench/compare.ts).
 * `--quick` skips the 100× and 100,000-clause builds; `--only=cli,stages,batch,parse,extract,pdf,compare`
 * picks sections; `--runs=N` sets the repetitions of section 1 (default 5).
 * The bench compiles dist/ first if a source is newer (it times the compiled command).
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {availableParallelism, cpus, loadavg, totalmem} from 'node:os'
import {fileURLToPath} from 'node:url'

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const all = args.includes('--all')
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 5)
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',')
const want = (section: string, byDefault = true) => (only ? only.includes(section) : byDefault || all)

const buildScript = fileURLToPath(new URL('./build.ts', import.meta.url))
execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build.js', import.meta.url)), '--if-stale'], {stdio: 'inherit'})

function child(...scenario: string[]): void {
  const started = performance.now()
  const result = spawnSync(process.execPath, ['--import', 'tsx', buildScript, ...scenario], {stdio: 'inherit', env: process.env})
  if (result.status !== 0) console.log(`  (bench ${scenario.join(' ')} failed: exit ${result.status ?? result.signal})`)
  console.log(`  [process wall time ${((performance.now() - started) / 1000).toFixed(1)} s]`)
}

function section(title: string): void {
  console.log(`\n=== ${title} ===`)
}

console.log(`policy-press bench — node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GB; load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')} (figures include any other work on these cores)`)

if (want('cli')) {
  section('1. the command: cold builds, pandoc side by side, parse and check, scale')
  const {benchCli} = await import('./cli.ts')
  await benchCli({runs, quick})
}
if (want('stages')) {
  section('2. where the time goes: the sample in one process (sources through tsx)')
  child('sample')
}
if (want('batch', false)) {
  section(`3. batch of ${quick ? 10 : 50} policies`)
  child('batch', quick ? '10' : '50')
}
if (want('parse', false)) {
  section('4a. parse growth')
  const {benchParse} = await import('./parse.ts')
  await benchParse()
}
if (want('extract', false)) {
  section('4b. extraction precision / recall')
  const {benchExtract} = await import('./extract.ts')
  await benchExtract()
}
if (want('pdf', false)) {
  section('4c. PDF writer')
  try {
    const {benchPdf} = await import('./pdf.ts')
    await benchPdf()
  } catch (error) {
    console.log(`  PDF bench unavailable: ${(error as Error).message}`)
  }
}
if (want('compare', false)) {
  section('5. pandoc and LibreOffice on every document')
  const {benchCompare} = await import('./compare.ts')
  await benchCompare()
}
console.log(`\nload average at end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)
