/**
 * The nine real documents of test/fixtures/corpus (a byte-for-byte copy of ../shared/corpus):
 * each parses to the structure its README counts (expect.json), gives every sample duty, passes
 * proofreading with a handful of messages and builds its documents.
 */
import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {build, type BuildReport} from '../../src/build/index.ts'
import {checkPolicy} from '../../src/check/index.ts'
import {parsePolicy} from '../../src/parse/index.ts'
import type {Clause, Policy} from '../../src/tree/types.ts'
import type {Format} from '../../src/config/types.ts'

const dir = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url))

interface Expected {
  file: string
  parts: number
  clauses: number
  clausesWithUnits: number
  samples: Array<{clause: string; lead: string; support: string[]}>
}
const expected = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as Expected[]

/** The clause whose source lines hold the snippet (README: "match with includes"). */
function clauseOf(policy: Policy, lines: string[], snippet: string): Clause | undefined {
  return policy.children
    .flatMap((domain) => domain.children)
    .find((clause) => clause.position && lines.slice(clause.position.start.line - 1, clause.position.end.line).join('\n').includes(snippet))
}

/** Every format for two documents (one with duties, one without); the common ones for the rest. */
const everyFormat = new Set(['guofa-2018-39-jiuye.txt', 'abazhou-2021-21-zhengwu-shuju.txt'])

describe.each(expected)('$file', (entry) => {
  const text = readFileSync(join(dir, entry.file), 'utf8')
  const lines = text.split('\n')
  const parsed = parsePolicy({path: join(dir, entry.file), text})

  it('parses to the expected parts, tasks and tasks with units', async () => {
    const {policy, file} = await parsed
    expect(file.messages.filter((m) => m.fatal)).toEqual([])
    const clauses = policy.children.flatMap((d) => d.children)
    expect({
      parts: policy.children.filter((d) => !d.implicit).length,
      clauses: clauses.length,
      clausesWithUnits: clauses.filter((c) => c.units.length > 0).length
    }).toEqual({parts: entry.parts, clauses: entry.clauses, clausesWithUnits: entry.clausesWithUnits})
    expect(policy.duties).toBe(entry.clausesWithUnits > 0 ? 'units' : 'none')
    expect(new Set(clauses.map((c) => c.id)).size).toBe(clauses.length)
    for (const unit of clauses.flatMap((c) => c.units)) {
      expect(unit.written).not.toMatch(/按职责分工|^\s|\s$/)
      expect(unit.written.split(/[（(]/).length, unit.written).toBe(unit.written.split(/[）)]/).length)
    }
  })

  // Documents without duties have no sample duties (their tasks-with-units count is checked above).
  if (entry.samples.length > 0) it.each(entry.samples)('gives the sample duty %#', async (sample) => {
    const {policy} = await parsed
    const clause = clauseOf(policy, lines, sample.clause)
    expect(clause, sample.clause).toBeDefined()
    expect(clause!.units.filter((u) => u.role === 'lead').map((u) => u.written)).toEqual([sample.lead])
    expect(clause!.units.filter((u) => u.role === 'support').map((u) => u.written)).toEqual(sample.support)
  })

  it('prints at most 15 proofreading messages', async () => {
    const {policy, file} = await parsePolicy({path: join(dir, entry.file), text})
    const messages = checkPolicy(policy, file)
    expect(messages.length, messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`).join('\n')).toBeLessThanOrEqual(15)
  })

  it('builds its documents without an error', async () => {
    const formats: Format[] = everyFormat.has(entry.file) ? ['md', 'html', 'json', 'xlsx', 'docx', 'pdf'] : ['md', 'html', 'json']
    const outDir = join(mkdtempSync(join(tmpdir(), 'policy-press-corpus-')), 'out')
    const report: BuildReport = await build({source: join(dir, entry.file), outDir, formats})
    const names = report.documents.map((d) => d.name)
    expect(names).toContain('政策原文.md')
    expect(names).toContain('政策解读.html')
    if (entry.clausesWithUnits > 0) {
      expect(names).toContain('责任分工通知.md')
      const notice = readFileSync(join(outDir, '责任分工通知.md'), 'utf8')
      // Every task with units is a row of the notice table.
      expect(notice.split('\n').filter((l) => /^\| \d+ \|/.test(l)).length).toBe(entry.clausesWithUnits)
    } else {
      expect(names.some((n) => n.startsWith('责任分工通知') || n.startsWith('任务清单') || n === '任务台账.xlsx')).toBe(false)
      expect(report.warnings.join('\n')).toMatch(/没有责任分工/)
    }
    if (everyFormat.has(entry.file)) {
      for (const format of ['docx', 'pdf']) expect(names.some((n) => n.endsWith(`.${format}`)), format).toBe(true)
    }
  })
})
