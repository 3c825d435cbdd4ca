/**
 * Build properties on generated policy-shaped texts (see ./arbitraries.ts): parse → build (md, html)
 * never fails; every clause text appears literally in the notice and in the task lists of its
 * units, in the Markdown (as read back) and the HTML (as text content); nothing is written outside
 * the output folder; a second build gives the same bytes. One run also writes .docx.
 */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {build, type BuildReport} from '../../src/build/index.ts'
import type {Config, Format} from '../../src/config/types.ts'
import {parseDocument} from '../../src/doc/parse.ts'
import type {Policy} from '../../src/tree/types.ts'
import {policySpec, policyText, type PolicySpec} from './arbitraries.ts'
import {htmlText, markdownText, snapshot} from './helpers.ts'

const configs: Config[] = [
  {},
  {issuer: '嘉兴市秀洲区人民政府办公室', documentNumber: '秀政办发〔2024〕5号', date: '2024-03-05', copiesTo: ['区委办', '<b>区人大办</b>', '{{x}}']}
]

interface Run {
  parent: string
  report: BuildReport
  policy: Policy
  read(name: string): Buffer
}

async function buildSpec(spec: PolicySpec, config: Config, formats: Format[]): Promise<Run & {again: Run}> {
  const parent = mkdtempSync(join(tmpdir(), 'policy-press-prop-'))
  mkdirSync(join(parent, 'src'))
  const source = join(parent, 'src', 'policy.txt')
  writeFileSync(source, policyText(spec))
  const before = snapshot(parent)
  const once = async (out: string): Promise<Run> => {
    const report = await build({source, outDir: join(parent, out), formats: [...formats, 'json'], config})
    const read = (name: string) => readFileSync(join(parent, out, name))
    return {parent, report, policy: JSON.parse(read('policy.json').toString('utf8')) as Policy, read}
  }
  const first = await once('out')
  // Nothing outside the output folders: the parent holds exactly what it held, plus out/ and out2/.
  const again = await once('out2')
  const after = snapshot(parent, (rel) => rel === 'out' || rel === 'out2')
  expect([...after]).toEqual([...before])
  return {...first, again}
}

function checkRun(run: Run & {again: Run}, formats: Format[]): void {
  const {report, policy} = run
  // Same bytes twice.
  const names = report.documents.map((d) => d.name).sort()
  expect(run.again.report.documents.map((d) => d.name).sort()).toEqual(names)
  for (const name of names) expect(run.again.read(name).equals(run.read(name)), name).toBe(true)

  // Every file is inside out/.
  for (const d of report.documents) expect(d.path.startsWith(join(run.parent, 'out') + '/')).toBe(true)

  // No clause names a unit: no responsibility split, so no notice (the build says so instead).
  if (policy.duties === 'none') {
    expect(names.some((name) => name.startsWith('责任分工通知'))).toBe(false)
    expect(report.warnings.join('\n')).toMatch(/没有责任分工/)
    return
  }

  // Task lists by unit (front matter subtitle), per format.
  const tasklists = new Map<string, string>()
  for (const d of report.documents) {
    if (d.format === 'md' && d.name.startsWith('各单位任务清单/')) {
      const unit = parseDocument(run.read(d.name).toString('utf8')).meta.subtitle
      if (unit !== undefined) tasklists.set(unit, d.name.slice(0, -'.md'.length))
    }
  }
  const texts = new Map<string, string>()
  const textOf = (stem: string, format: 'md' | 'html') => {
    const key = `${stem}.${format}`
    let text = texts.get(key)
    if (text === undefined) {
      const raw = run.read(key).toString('utf8')
      text = format === 'md' ? markdownText(raw) : htmlText(raw)
      texts.set(key, text)
    }
    return text
  }
  const textFormats = (['md', 'html'] as const).filter((f) => formats.includes(f))
  for (const domain of policy.children) {
    for (const clause of domain.children) {
      // A table cell has no outer white space in Markdown: compare the texts without theirs.
      const pieces = [`${clause.number}.${clause.title}`, clause.body].map((s) => s.trim()).filter((s) => s.length > 0)
      const owners = new Set(clause.units.map((u) => u.parent ?? u.name))
      for (const format of textFormats) {
        const notice = textOf('责任分工通知', format)
        // The notice's table gives the title alone (序号 carries the number).
        for (const piece of [clause.title.trim(), ...pieces.slice(1)].filter(Boolean)) expect(notice, `notice.${format}: clause ${clause.number}`).toContain(piece)
        for (const unit of owners) {
          const stem = tasklists.get(unit)
          expect(stem, `task list of ${unit}`).toBeDefined()
          const list = textOf(stem!, format)
          for (const piece of pieces) expect(list, `${stem}.${format}: clause ${clause.number}`).toContain(piece)
        }
      }
    }
  }
  for (const item of policy.appendix?.children ?? []) {
    for (const format of textFormats) {
      const notice = textOf('责任分工通知', format)
      for (const piece of [item.title, item.target].map((s) => s.trim()).filter((s) => s.length > 0)) expect(notice, `notice.${format}: appendix ${item.number}`).toContain(piece)
    }
  }
}

describe('build properties (generated policies)', () => {
  it('md + html: never fails, clause texts literal, nothing outside the output folder, same bytes twice', async () => {
    await fc.assert(
      fc.asyncProperty(policySpec, fc.constantFrom(...configs), async (spec, config) => {
        const formats: Format[] = ['md', 'html']
        const run = await buildSpec(spec, config, formats)
        try {
          checkRun(run, formats)
        } finally {
          rmSync(run.parent, {recursive: true, force: true})
        }
      }),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 10)}
    )
  })

  it('docx too: one generated policy builds, twice the same bytes', async () => {
    const [spec] = fc.sample(policySpec.filter((s) => s.domains.some((d) => d.clauses.length > 0)), {numRuns: 1, seed: 9})
    const formats: Format[] = ['md', 'html', 'docx']
    const run = await buildSpec(spec!, configs[1]!, formats)
    try {
      checkRun(run, formats)
      const docx = run.report.documents.filter((d) => d.format === 'docx')
      if (docx.length === 0) expect(run.report.warnings.join('\n')).toMatch(/docx/)
      else expect(docx.length).toBe(run.report.documents.filter((d) => d.format === 'md').length)
    } finally {
      rmSync(run.parent, {recursive: true, force: true})
    }
  })
})
