/**
 * The command as a user runs it: whole `node bin/policy-press.js …` processes (cold: module loading,
 * font parsing, everything), timed from spawn to exit, with their CPU time and peak memory
 * (bench/measure.js). Side by side with pandoc converting the same policy to .docx.
 *
 *   node --import tsx bench/cli.ts [--runs=5] [--quick]
 */
import {spawn, spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync, copyFileSync} from 'node:fs'
import {loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {samplePath} from './common.ts'
import {syntheticPolicy} from './synthetic.ts'

const root = fileURLToPath(new URL('../', import.meta.url))
const measure = fileURLToPath(new URL('./measure.js', import.meta.url))
const sample = samplePath
const sampleMarkdown = join(root, 'source/xiuzhou-2024.md')

export interface Run {
  wallMs: number
  cpuMs?: number
  maxRss?: number
  code: number | null
  stdout: string
  stderr: string
}

/** One process, timed from spawn to exit. `measured` runs it through bench/measure.js (CPU, peak memory). */
function runProcess(command: string, args: string[], options: {env?: Record<string, string>; measured?: boolean} = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, {cwd: root, env: {...process.env, ...options.env}, stdio: ['ignore', 'pipe', 'pipe', options.measured ? 'pipe' : 'ignore']})
    let stdout = ''
    let stderr = ''
    let usage = ''
    child.stdout!.on('data', (chunk) => (stdout += chunk))
    child.stderr!.on('data', (chunk) => (stderr += chunk))
    if (options.measured) (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk) => (usage += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const wallMs = performance.now() - started
      const measuredUsage = usage.trim() ? (JSON.parse(usage.trim().split('\n').pop()!) as {maxRss: number; cpuMs: number}) : undefined
      resolve({wallMs, cpuMs: measuredUsage?.cpuMs, maxRss: measuredUsage?.maxRss, code, stdout, stderr})
    })
  })
}

const cli = (args: string[], env: Record<string, string> = {}) => runProcess(process.execPath, [measure, ...args], {env, measured: true})

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const mib = (bytes: number | undefined) => (bytes === undefined ? '?' : `${(bytes / 2 ** 20).toFixed(0)} MiB`)
const load = () => loadavg()[0]!.toFixed(1)

interface Series {
  label: string
  runs: Run[]
}

function summary({label, runs}: Series): string {
  const walls = runs.map((r) => r.wallMs)
  const cpus = runs.flatMap((r) => (r.cpuMs === undefined ? [] : [r.cpuMs]))
  const rss = runs.flatMap((r) => (r.maxRss === undefined ? [] : [r.maxRss]))
  return (
    `  ${label.padEnd(34)} ${seconds(median(walls)).padStart(8)} wall (min ${seconds(Math.min(...walls))})` +
    (cpus.length ? `, ${seconds(median(cpus))} CPU` : '') +
    (rss.length ? `, peak ${mib(median(rss))}` : '')
  )
}

function expectOk(run: Run, what: string): void {
  if (run.code !== 0 && !(what === 'check' && run.code === 1)) throw new Error(`${what} failed (exit ${run.code}):\n${run.stderr}`)
}

/** Interleaved runs of several commands (so a change of machine load touches all of them alike). */
async function interleaved(count: number, jobs: Array<{label: string; run: () => Promise<Run>}>): Promise<Series[]> {
  const series = jobs.map((job) => ({label: job.label, runs: [] as Run[]}))
  for (let i = 0; i < count; i++) {
    for (const [k, job] of jobs.entries()) {
      const run = await job.run()
      expectOk(run, job.label.split(' ')[0]!)
      series[k]!.runs.push(run)
    }
  }
  return series
}

export async function benchCli(options: {runs?: number; quick?: boolean} = {}): Promise<void> {
  const runs = options.runs ?? 5
  const dir = mkdtempSync(join(tmpdir(), 'policy-press-bench-cli-'))
  try {
    const hasPandoc = spawnSync('pandoc', ['--version'], {stdio: 'ignore'}).error === undefined
    console.log(`whole processes, median of ${runs} interleaved runs; load average ${load()} at start`)
    const out = (name: string) => join(dir, name)
    const jobs = [
      {label: 'build sample, every format', run: () => cli(['build', sample, '-o', out('default'), '--quiet'])},
      {label: 'build sample, two workers', run: () => cli(['build', sample, '-o', out('two'), '--quiet'], {POLICY_PRESS_THREADS: 'pdf,docx'})},
      {label: 'build sample, PDFs in a worker', run: () => cli(['build', sample, '-o', out('pdf'), '--quiet'], {POLICY_PRESS_THREADS: 'pdf'})},
      {label: 'build sample, one thread', run: () => cli(['build', sample, '-o', out('one'), '--quiet'], {POLICY_PRESS_THREADS: '0'})},
      {label: 'parse sample', run: () => cli(['parse', sample])},
      {label: 'check sample', run: () => cli(['check', sample])},
      {label: '--version', run: () => cli(['--version'])}
    ]
    if (hasPandoc) {
      jobs.push({label: 'pandoc policy .md → .docx', run: () => runProcess('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', out('pandoc.docx'), sampleMarkdown])})
    }
    const series = await interleaved(runs, jobs)
    for (const s of series) console.log(summary(s))
    const wall = (label: string) => median(series.find((s) => s.label === label)!.runs.map((r) => r.wallMs))
    const build = wall('build sample, every format')
    const files = JSON.parse((await cli(['build', sample, '-o', out('count'), '--json'])).stdout) as {documents: number}
    console.log(`  the sample build writes ${files.documents} files`)
    console.log(
      `  both cores: ${seconds(wall('build sample, one thread'))} in one thread, ${seconds(wall('build sample, PDFs in a worker'))} with the PDFs in a worker, ` +
        `${seconds(wall('build sample, two workers'))} with PDFs and Word files in two workers (the default uses the workers only with four or more cores, two of them free)`
    )
    if (hasPandoc) {
      const pandoc = wall('pandoc policy .md → .docx')
      const ratio = build / pandoc
      console.log(`  cold build of the whole sample / one pandoc .docx conversion of the policy: ${ratio.toFixed(1)}× (target at most 5×: ${ratio <= 5 ? 'met' : 'MISSED'})`)
    } else {
      console.log('  pandoc not installed: no side-by-side ratio (Debian: apt-get install pandoc)')
    }
    const parse = wall('parse sample')
    const check = wall('check sample')
    console.log(`  parse ${seconds(parse)}, check ${seconds(check)} (target under 0.40 s: ${Math.max(parse, check) < 400 ? 'met' : 'MISSED'})`)
    console.log(`  load average ${load()} at end`)

    if (options.quick) return
    // Scale: the synthetic policy 100× the sample, every format; and a 100,000-clause source.
    copyFileSync(join(root, 'source/xiuzhou-units.yml'), join(dir, 'xiuzhou-units.yml'))
    for (const [times, label] of [
      [100, '100× the sample (6,800 clauses), every format'],
      [1471, '100,000 clauses (1,471× the sample)']
    ] as const) {
      const source = join(dir, `synthetic-${times}.txt`)
      writeFileSync(source, syntheticPolicy(times))
      console.log(`\n  ${label}: load average ${load()} at start`)
      const run = await cli(['build', source, '-o', out(`synthetic-${times}`), '--json'])
      const result = run.code === 0 ? (JSON.parse(run.stdout) as {documents: number}) : undefined
      const outcome = result ? `built ${result.documents} files` : `exit ${run.code}: ${run.stderr.trim().split('\n').join(' / ')}`
      console.log(`  ${outcome}`)
      console.log(`  ${seconds(run.wallMs)} wall, ${seconds(run.cpuMs ?? NaN)} CPU, peak memory ${mib(run.maxRss)}`)
      rmSync(out(`synthetic-${times}`), {recursive: true, force: true})
    }
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 5)
  await benchCli({runs, quick: process.argv.includes('--quick')})
}
