/**
 * Scale: the synthetic policy 3× the sample (204 clauses in 24 domains, 6 units more than the sample) builds
 * without error (md, html, json, xlsx). The 100× policy (6,800 clauses, every format) runs in
 * `npm run bench`, which prints its time and peak memory. Counts only, no timings here.
 */
import {describe, expect, it} from 'vitest'
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {unzipSync, strFromU8} from 'fflate'
import {build, maxClauses, type BuildReport} from '../../src/build/index.ts'
import {UserError} from '../../src/errors.ts'
import {parseDocument} from '../../src/doc/parse.ts'
import type {Table} from '../../src/doc/types.ts'
import type {Policy} from '../../src/tree/types.ts'
import {syntheticPolicy} from '../../bench/synthetic.ts'

const registryPath = fileURLToPath(new URL('../../source/xiuzhou-units.yml', import.meta.url))

const times = 3
const clauseCount = 68 * times

describe(`synthetic policy ${times}× the sample`, () => {
  it('builds md, html, json and xlsx with every clause and unit', {timeout: 300_000}, async () => {
    const parent = mkdtempSync(join(tmpdir(), 'policy-press-scale-'))
    try {
      const source = join(parent, `synthetic-${times}.txt`)
      writeFileSync(source, syntheticPolicy(times))
      const outDir = join(parent, 'out')
      const report: BuildReport = await build({source, outDir, registryPath, formats: ['md', 'html', 'json', 'xlsx'], config: {date: '2024-03-05'}})
      const read = (name: string) => readFileSync(join(outDir, name))

      const policy = JSON.parse(read('policy.json').toString('utf8')) as Policy
      const clauses = policy.children.flatMap((d) => d.children)
      expect(policy.children).toHaveLength(8 * times)
      expect(clauses).toHaveLength(clauseCount)
      expect(clauses.map((c) => c.number)).toEqual(Array.from({length: clauseCount}, (_, i) => i + 1))
      expect(policy.appendix?.children).toHaveLength(30)
      const units = new Set(clauses.flatMap((c) => c.units.map((u) => u.name)))
      // The sample's units, and three of its own for each copy after the first.
      expect(units.size).toBeGreaterThanOrEqual(3 * (times - 1))
      for (let copy = 1; copy < times; copy++) {
        for (const unit of [`区专班${copy}甲办`, `区专班${copy}乙办`, `区专班${copy}丙中心`]) expect(units).toContain(unit)
      }

      // One task list per top-level unit with a duty, in md and html.
      const lists = report.documents.filter((d) => d.name.startsWith('各单位任务清单/'))
      const mdLists = lists.filter((d) => d.format === 'md')
      expect(mdLists.length).toBeGreaterThanOrEqual(3 * (times - 1))
      expect(lists.filter((d) => d.format === 'html')).toHaveLength(mdLists.length)

      // The notice: every clause is one row of the domain tables.
      const notice = parseDocument(read('责任分工通知.md').toString('utf8'))
      const rows = notice.annexes.flat().filter((b): b is Table => b.type === 'table').reduce((n, t) => n + t.rows.length, 0)
      expect(rows).toBe(clauseCount + 30)
      expect(read('责任分工通知.html').length).toBeGreaterThan(read('责任分工通知.md').length)

      // The ledger: one worksheet per unit or one sheet of rows; either way every unit appears.
      const xlsx = unzipSync(new Uint8Array(read('任务台账.xlsx')))
      const strings = Object.entries(xlsx)
        .filter(([name]) => name.startsWith('xl/') && name.endsWith('.xml'))
        .map(([, bytes]) => strFromU8(bytes))
        .join('\n')
      for (const name of ['区发改局', '区专班1甲办', `区专班${times - 1}丙中心`]) expect(strings).toContain(name)
      expect(report.documents.some((d) => d.name === 'index.html')).toBe(true)
    } finally {
      rmSync(parent, {recursive: true, force: true})
    }
  })

  it('stops with a clear message, before writing anything, when a policy has more clauses than a build holds', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'policy-press-scale-'))
    try {
      const source = join(parent, 'synthetic-2.txt')
      writeFileSync(source, syntheticPolicy(2))
      const outDir = join(parent, 'out')
      // The limit scaled down: 136 clauses against 100 (the real limit is maxClauses).
      const error = await build({source, outDir, registryPath, maxClauses: 100, config: {date: '2024-03-05'}}).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(UserError)
      expect((error as UserError).message).toMatch(/有 136 条条款，超过一次生成的上限 100 条（内存不够），没有生成任何文件。$/)
      expect((error as UserError).hint).toContain('拆成几个源文件')
      expect(readdirSync(parent)).toEqual(['synthetic-2.txt'])
      expect(maxClauses).toBeGreaterThanOrEqual(68 * 100)
    } finally {
      rmSync(parent, {recursive: true, force: true})
    }
  })
})
