/**
 * Build the sample once (per test module/worker) into a temporary folder and share the result.
 * Formats: md, html, xlsx, json (docx/pdf have their own tests).
 */
import {mkdtempSync, readFileSync, readdirSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
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
  const text = (name: string) => readFileSync(join(outDir, name), 'utf8')
  return {
    report,
    outDir,
    text,
    bytes: (name) => readFileSync(join(outDir, name)),
    policy: JSON.parse(text('policy.json')) as Policy
  }
}

let sample: Promise<Built> | undefined
/** The sample built once per worker. */
export function sampleBuild(): Promise<Built> {
  sample ??= buildInto(sampleSource)
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
