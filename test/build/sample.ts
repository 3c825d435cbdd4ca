/**
 * Build helpers. `sampleBuild()` is the sample in every format, built once per test run and shared
 * by every test file that reads it (see `sharedBuild`); `buildInto` makes a build of one's own.
 */
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {inject} from 'vitest'
import {build, type BuildReport, type BuildOptions} from '../../src/build/index.ts'
import type {Config} from '../../src/config/types.ts'
import type {Policy} from '../../src/tree/types.ts'

export const root = fileURLToPath(new URL('../../', import.meta.url))
export const sampleSource = join(root, 'source/xiuzhou-2024.txt')
export const specialSource = join(root, 'test/fixtures/build/special/special.txt')

export const sampleConfig: Config = {
  issuer: '嘉兴市秀洲区人民政府办公室',
  documentNumber: '秀政办发〔2024〕5号',
  date: '2024-03-05',
  copiesTo: ['区委办', '区人大办', '区政协办']
}

export interface Built {
  report: BuildReport
  outDir: string
  text(name: string): string
  bytes(name: string): Buffer
  policy: Policy
}

export async function buildInto(source: string, options: Partial<BuildOptions> = {}): Promise<Built> {
  const outDir = options.outDir ?? join(mkdtempSync(join(tmpdir(), 'policy-press-build-')), 'out')
  const report = await build({source, outDir, formats: ['md', 'html', 'xlsx', 'json'], config: sampleConfig, ...options})
  return opened(outDir, report)
}

function opened(outDir: string, report: BuildReport): Built {
  const text = (name: string) => readFileSync(join(outDir, name), 'utf8')
  return {report, outDir, text, bytes: (name) => readFileSync(join(outDir, name)), policy: JSON.parse(text('policy.json')) as Policy}
}

/**
 * One build shared by every test file of this run (test files run in separate workers): the first
 * caller builds into the run's shared folder (test/global-setup.ts) under a lock, the others wait
 * for its report. Read only: tests must not change the files.
 */
async function sharedBuild(name: string, source: string, options: Partial<BuildOptions>): Promise<Built> {
  const shared = inject('sharedDir')
  const outDir = join(shared, name)
  const reportFile = `${outDir}.report.json`
  const failed = join(shared, `${name}.failed`)
  let owner = false
  try {
    mkdirSync(join(shared, `${name}.lock`))
    owner = true
  } catch {
    // another test file is building it
  }
  if (owner) {
    const staging = `${outDir}.tmp`
    try {
      const report = await build({source, outDir: staging, config: sampleConfig, ...options})
      renameSync(staging, outDir)
      writeFileSync(reportFile, JSON.stringify({...report, outDir}))
    } catch (error) {
      writeFileSync(failed, String((error as Error)?.stack ?? error))
      throw error
    }
  }
  while (!existsSync(reportFile)) {
    if (existsSync(failed)) throw new Error(`shared build ${name} failed in another test file:\n${readFileSync(failed, 'utf8')}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as BuildReport
  // Paths as if built straight into outDir.
  for (const document of report.documents) document.path = join(outDir, ...document.name.split('/'))
  return opened(outDir, report)
}

let sample: Promise<Built> | undefined
/** The sample in every format (md, html, docx, pdf, xlsx, json) with `sampleConfig`, built once per test run. */
export function sampleBuild(): Promise<Built> {
  sample ??= sharedBuild('sample', sampleSource, {})
  return sample
}

/** Every file under a folder, relative `/` paths, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name)
      if (statSync(path).isDirectory()) walk(path)
      else out.push(relative(dir, path).split('\\').join('/'))
    }
  }
  walk(dir)
  return out.sort()
}
