/** Parse time for the sample and synthetic policies 10× and 100× its size (growth should be linear). */
import {readFileSync} from 'node:fs'
import {performance} from 'node:perf_hooks'
import {pathToFileURL} from 'node:url'
import {parsePolicy} from '../src/parse/index.ts'
import {loadRegistry} from '../src/units/registry.ts'
import {syntheticPolicy} from './synthetic.ts'

async function time(label: string, text: string, runs: number): Promise<number> {
  const registry = loadRegistry(new URL('../source/xiuzhou-units.yml', import.meta.url).pathname)
  await parsePolicy({path: 'bench.txt', text}, {registry}) // warm-up
  const start = performance.now()
  let clauses = 0
  for (let i = 0; i < runs; i++) {
    const {policy} = await parsePolicy({path: 'bench.txt', text}, {registry})
    clauses = policy.children.reduce((n, d) => n + d.children.length, 0)
  }
  const ms = (performance.now() - start) / runs
  console.log(`${label.padEnd(14)} ${String(text.length).padStart(9)} chars ${String(clauses).padStart(6)} clauses ${ms.toFixed(1).padStart(8)} ms  ${((ms / text.length) * 1e6).toFixed(1)} ns/char`)
  return ms
}

export async function benchParse(): Promise<void> {
  const sample = readFileSync(new URL('../source/xiuzhou-2024.txt', import.meta.url), 'utf8')
  console.log('parse (plain text → policy tree)')
  await time('sample', sample, 20)
  await time('synthetic 10×', syntheticPolicy(10), 5)
  await time('synthetic 100×', syntheticPolicy(100), 2)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchParse()
