/**
 * `npm run bench`: every figure in one run.
 *
 *   1. the sample, every document in every format: per stage (first build and a second one in the
 *      same process with fonts loaded), per document, peak memory; target under 2 s;
 *   2. the synthetic policy 100× the sample, every format: per stage, peak memory;
 *   3. a batch of 50 policies (synthetic 1× variants) in one process;
 *   4. parse growth 1× / 10× / 100× (bench/parse.ts), extraction precision/recall (bench/extract.ts),
 *      PDF writer timings (bench/pdf.ts);
 *   5. pandoc and LibreOffice side by side (bench/compare.ts), where installed.
 *
 * Scenarios 1–3 run in child processes so each one's cold start and peak memory are its own.
 * Options: `--quick` skips the 100× policy and runs a batch of 10; `--only=sample,scale,batch,parse,extract,pdf,compare`.
 */
import {spawnSync} from 'node:child_process'
import {availableParallelism, cpus, loadavg, totalmem} from 'node:os'
import {fileURLToPath} from 'node:url'

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',')
const want = (section: string) => !only || only.includes(section)

const buildScript = fileURLToPath(new URL('./build.ts', import.meta.url))

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

if (want('sample')) {
  section('1. sample: every document, every format')
  child('sample')
}
if (want('scale') && !quick) {
  section('2. synthetic 100× the sample (6,800 clauses)')
  child('scale', '100')
}
if (want('batch')) {
  section(`3. batch of ${quick ? 10 : 50} policies`)
  child('batch', quick ? '10' : '50')
}
if (want('parse')) {
  section('4a. parse growth')
  const {benchParse} = await import('./parse.ts')
  await benchParse()
}
if (want('extract')) {
  section('4b. extraction precision / recall')
  const {benchExtract} = await import('./extract.ts')
  await benchExtract()
}
if (want('pdf')) {
  section('4c. PDF writer')
  try {
    const {benchPdf} = await import('./pdf.ts')
    await benchPdf()
  } catch (error) {
    console.log(`  PDF bench unavailable: ${(error as Error).message}`)
  }
}
if (want('compare')) {
  section('5. side by side')
  const {benchCompare} = await import('./compare.ts')
  await benchCompare()
}
