/**
 * Build bench: whole builds (src/build) with their per-stage timings, per-document writer timings
 * and peak memory. Each scenario is meant to run in its own process (bench/run.ts spawns them), so
 * the peak RSS and the cold start (module loading, font parsing) belong to that scenario alone.
 *
 *   node --import tsx bench/build.ts sample      # the sample, every format: cold build, warm build, per document
 *   node --import tsx bench/build.ts scale 100   # the synthetic policy 100× the sample, every format
 *   node --import tsx bench/build.ts batch 50    # 50 synthetic 1× variants, one process, fonts loaded once
 *
 * Environment: BENCH_FORMATS=md,html,… limits the formats (default every format).
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {build, type BuildReport} from '../src/build/index.ts'
import {syntheticPolicy} from './synthetic.ts'
import {benchConfig, formats, registryPath, samplePath} from './common.ts'


/** Peak RSS while `fn` runs (polled every 10 ms), and the process's lifetime maxRSS after it. */
export async function withPeakMemory<T>(fn: () => Promise<T>): Promise<{value: T; peakRss: number; maxRss: number}> {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 10)
  try {
    const value = await fn()
    peak = Math.max(peak, process.memoryUsage().rss)
    return {value, peakRss: peak, maxRss: process.resourceUsage().maxRSS * 1024}
  } finally {
    clearInterval(timer)
  }
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
export const ms = (value: number) => `${value.toFixed(0).padStart(7)} ms`

/** Stage timings of one or more reports, summed, in build order, as aligned lines. */
export function stageLines(reports: BuildReport[], indent = '  '): string[] {
  const sums = new Map<string, number>()
  for (const report of reports) for (const [stage, value] of Object.entries(report.timings)) sums.set(stage, (sums.get(stage) ?? 0) + value)
  const total = sums.get('total') ?? 0
  const groups: Array<[string, string[]]> = [
    ['read+parse', ['read', 'registry', 'parse', 'extract']],
    ['check', ['check']],
    ['views+templates', ['templates', 'views', 'render', 'doc']]
  ]
  const lines: string[] = []
  const seen = new Set<string>()
  const line = (label: string, value: number) => `${indent}${label.padEnd(22)}${ms(value)}  ${total > 0 ? ((value / total) * 100).toFixed(1).padStart(5) : '  -  '} %`
  for (const [group, stages] of groups) {
    const value = stages.reduce((n, s) => n + (sums.get(s) ?? 0), 0)
    lines.push(line(group, value))
    for (const s of stages) {
      seen.add(s)
      if (sums.has(s)) lines.push(line(`  ${s}`, sums.get(s)!))
    }
  }
  for (const [stage, value] of sums) {
    if (seen.has(stage) || stage === 'total') continue
    lines.push(line(stage, value))
  }
  lines.push(line('whole build', total))
  return lines
}

function documentSummary(report: BuildReport): string {
  const byFormat = new Map<string, {count: number; bytes: number}>()
  for (const d of report.documents) {
    const entry = byFormat.get(d.format) ?? {count: 0, bytes: 0}
    entry.count++
    entry.bytes += d.bytes
    byFormat.set(d.format, entry)
  }
  return [...byFormat].map(([f, e]) => `${f} ${e.count} (${(e.bytes / 1024).toFixed(0)} KB)`).join(', ')
}

async function benchSample(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'policy-press-bench-'))
  try {
    console.log(`sample (source/xiuzhou-2024.txt), formats ${formats.join(',')}`)
    const cold = await withPeakMemory(() => build({source: samplePath, outDir: join(outDir, 'cold'), formats, config: benchConfig, registryPath}))
    const warm = await withPeakMemory(() => build({source: samplePath, outDir: join(outDir, 'warm'), formats, config: benchConfig, registryPath}))
    console.log(`  documents: ${cold.value.documents.length} files: ${documentSummary(cold.value)}`)
    if (cold.value.warnings.length) console.log(`  warnings: ${cold.value.warnings.join('；')}`)
    console.log('  stage                   first build (cold: modules, fonts)')
    for (const l of stageLines([cold.value], '  ')) console.log(l)
    console.log('  stage                   second build (same process, fonts already loaded)')
    for (const l of stageLines([warm.value], '  ')) console.log(l)
    // The sources run through tsx here, in one thread: the command's own figures are bench/cli.ts's.
    console.log(`  whole build in this process: ${cold.value.timings.total.toFixed(0)} ms first, ${warm.value.timings.total.toFixed(0)} ms second`)
    console.log(`  peak memory: rss ${mb(Math.max(cold.peakRss, warm.peakRss))} (polled), maxRSS ${mb(warm.maxRss)}`)
    const {benchDocuments} = await import('./documents.ts')
    await benchDocuments()
  } finally {
    rmSync(outDir, {recursive: true, force: true})
  }
}

async function benchScale(times: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'policy-press-bench-'))
  try {
    const source = join(dir, `synthetic-${times}.txt`)
    const text = syntheticPolicy(times)
    writeFileSync(source, text)
    console.log(`synthetic ${times}× (${text.length} chars, ${68 * times} clauses), formats ${formats.join(',')}`)
    const run = await withPeakMemory(() => build({source, outDir: join(dir, 'out'), formats, config: benchConfig, registryPath}))
    const report = run.value
    const policy = JSON.parse(readFileSync(join(dir, 'out', 'policy.json'), 'utf8')) as {children: Array<{children: unknown[]}>}
    const clauses = policy.children.reduce((n, d) => n + d.children.length, 0)
    console.log(`  ${clauses} clauses, ${report.documents.filter((d) => d.name.startsWith('各单位任务清单/') && d.format === 'md').length} task lists; documents: ${report.documents.length} files: ${documentSummary(report)}`)
    if (report.warnings.length) console.log(`  warnings: ${report.warnings.join('；')}`)
    for (const l of stageLines([report])) console.log(l)
    console.log(`  per clause: ${((report.timings.total / clauses) * 1000).toFixed(0)} µs; peak memory: rss ${mb(run.peakRss)} (polled), maxRSS ${mb(run.maxRss)}`)
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

async function benchBatch(count: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'policy-press-bench-'))
  try {
    const base = syntheticPolicy(1)
    const title = base.split('\n').find((l) => l.trim().length > 0)!.trim()
    const sources = Array.from({length: count}, (_, i) => {
      const path = join(dir, `policy-${String(i + 1).padStart(2, '0')}.txt`)
      // Variants: a title of their own, and clause texts that differ (a number per policy).
      writeFileSync(path, base.replace(title, `${title}（第${i + 1}批）`).replace(/推动/g, `推动${i + 1}`))
      return path
    })
    console.log(`batch of ${count} policies (synthetic 1× variants), one process, formats ${formats.join(',')}`)
    const started = performance.now()
    const run = await withPeakMemory(async () => {
      const reports: BuildReport[] = []
      for (const source of sources) reports.push(await build({source, outDir: join(dir, 'out', String(reports.length)), formats, config: benchConfig, registryPath}))
      return reports
    })
    const wall = performance.now() - started
    const reports = run.value
    const totals = reports.map((r) => r.timings.total)
    const documents = reports.reduce((n, r) => n + r.documents.length, 0)
    console.log(`  ${documents} files; per policy: first ${totals[0]!.toFixed(0)} ms, mean of the rest ${(totals.slice(1).reduce((a, b) => a + b, 0) / Math.max(1, totals.length - 1)).toFixed(0)} ms, max ${Math.max(...totals).toFixed(0)} ms`)
    console.log('  stages summed over the batch')
    for (const l of stageLines(reports)) console.log(l)
    console.log(`  wall time ${wall.toFixed(0)} ms; peak memory: rss ${mb(run.peakRss)} (polled), maxRSS ${mb(run.maxRss)}`)
    const firstHalf = totals.slice(1, Math.ceil(count / 2)).reduce((a, b) => a + b, 0) / Math.max(1, Math.ceil(count / 2) - 1)
    const secondHalf = totals.slice(Math.ceil(count / 2)).reduce((a, b) => a + b, 0) / Math.max(1, count - Math.ceil(count / 2))
    console.log(`  mean per policy, first half ${firstHalf.toFixed(0)} ms vs second half ${secondHalf.toFixed(0)} ms (no slow-down = no leak)`)
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [scenario = 'sample', n] = process.argv.slice(2)
  if (scenario === 'sample') await benchSample()
  else if (scenario === 'scale') await benchScale(Number(n ?? 100))
  else if (scenario === 'batch') await benchBatch(Number(n ?? 50))
  else throw new Error(`unknown scenario ${scenario}`)
}
