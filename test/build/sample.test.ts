import {describe, expect, it} from 'vitest'
import {parseDocument, inlineText} from '../../src/doc/parse.ts'
import type {Table} from '../../src/doc/types.ts'
import type {Clause, Policy, UnitRef} from '../../src/tree/types.ts'
import {loadRegistry} from '../../src/units/registry.ts'
import {join} from 'node:path'
import {root, sampleBuild} from './sample.ts'

const registry = loadRegistry(join(root, 'source/xiuzhou-units.yml'))
const parentOf = new Map(registry.units.filter((u) => u.parent).map((u) => [u.name, u.parent!]))
const top = (ref: UnitRef) => ref.parent ?? parentOf.get(ref.name) ?? ref.name

function tables(markdown: string): Table[] {
  const doc = parseDocument(markdown)
  return [...doc.main, ...doc.annexes.flat()].filter((b): b is Table => b.type === 'table')
}
const cells = (row: Table['rows'][number]) => row.map((c) => inlineText(c))
/** `区财政局（区国资办）、区发改局` → [区财政局, 区国资办, 区发改局] */
const names = (cell: string) => cell.split(/[、（）]/).filter((s) => s !== '')
const clauses = (policy: Policy): Clause[] => policy.children.flatMap((d) => d.children)

describe('sample build', () => {
  it('writes the notice, a task list per unit, the ledger, policy.json and index.html', async () => {
    const {report} = await sampleBuild()
    const names = report.documents.map((d) => d.name)
    expect(names).toContain('责任分工通知.md')
    expect(names).toContain('责任分工通知.html')
    expect(names).toContain('任务台账.xlsx')
    expect(names).toContain('policy.json')
    expect(names).toContain('index.html')
    expect(names).toContain('各单位任务清单/区发改局.md')
    expect(names).toContain('各单位任务清单/区财政局.html')
    for (const stage of ['parse', 'check', 'views', 'render', 'doc', 'write:md', 'write:html', 'save', 'total']) {
      expect(report.timings[stage]).toBeTypeOf('number')
    }
  })

  it('lists every clause in the notice table with its lead and supporting units', async () => {
    const {text, policy} = await sampleBuild()
    const rows = tables(text('责任分工通知.md'))
      .filter((t) => inlineText(t.header[1]) === '政策条款')
      .flatMap((t) => t.rows.map(cells))
    const all = clauses(policy)
    expect(all.length).toBe(68)
    expect(rows.length).toBe(all.length)
    for (const [i, clause] of all.entries()) {
      const [index, label, content, lead, supports, deadline] = rows[i]
      expect(index).toBe(String(i + 1))
      expect(label).toBe(clause.title) // 序号 carries the number
      expect(content).toBe(clause.body)
      expect(names(lead)).toEqual(clause.units.filter((u) => u.role === 'lead').map((u) => u.name))
      expect(names(supports)).toEqual(clause.units.filter((u) => u.role === 'support').map((u) => u.name))
      expect(deadline).toBe('2024年12月31日')
    }
  })

  it('lists the appendix items in the notice', async () => {
    const {text, policy} = await sampleBuild()
    const table = tables(text('责任分工通知.md')).find((t) => inlineText(t.header[2]) === '争取事项')!
    expect(table.rows.map((r) => cells(r)[2])).toEqual(policy.appendix!.children.map((i) => i.title))
  })

  it("puts exactly each unit's clauses and items in its task list", async () => {
    const {text, policy, report} = await sampleBuild()
    const expected = new Map<string, {leads: number[]; supports: number[]; items: number[]}>()
    const entry = (name: string) => {
      if (!expected.has(name)) expected.set(name, {leads: [], supports: [], items: []})
      return expected.get(name)!
    }
    for (const clause of clauses(policy)) {
      const roles = new Map<string, 'lead' | 'support'>()
      for (const ref of clause.units) if (roles.get(top(ref)) !== 'lead') roles.set(top(ref), ref.role)
      for (const [unit, role] of roles) entry(unit)[role === 'lead' ? 'leads' : 'supports'].push(clause.number)
    }
    for (const item of policy.appendix!.children) {
      for (const unit of new Set(item.units.map(top))) entry(unit).items.push(item.number)
    }
    const lists = report.documents.filter((d) => d.name.startsWith('各单位任务清单/') && d.format === 'md')
    for (const d of policy.children) for (const ref of d.leads) entry(top(ref))
    expect(lists.map((d) => d.name.replace(/^各单位任务清单\/|\.md$/g, '')).sort()).toEqual([...expected.keys()].sort())
    for (const [unit, want] of expected) {
      const found = tables(text(`各单位任务清单/${unit}.md`))
      const numbersOf = (column: string) =>
        found
          .filter((t) => t.header.some((h) => inlineText(h) === column))
          .flatMap((t) => t.rows.map((r) => Number(/^\d+/.exec(cells(r)[1])![0])))
      const itemTable = found.find((t) => inlineText(t.header[2]) === '争取事项')
      // 牵头条款 tables have a 配合单位 column; 配合条款 tables a 牵头单位 column.
      expect(numbersOf('配合单位'), `${unit} leads`).toEqual(want.leads)
      expect(numbersOf('牵头单位'), `${unit} supports`).toEqual(want.supports)
      expect(itemTable?.rows.length ?? 0, `${unit} items`).toBe(want.items.length)
    }
  })

  it('marks sub-unit duties in the parent list', async () => {
    const {text} = await sampleBuild()
    const list = text('各单位任务清单/区委组织部.md')
    expect(list).toContain('15\\.引进培育高水平创新型人才。（由区委人才办承担）')
    expect(text('各单位任务清单/区财政局.md')).toContain('（含区国资办）')
  })

  it('links every document from index.html and shows the check summary', async () => {
    const {text, report} = await sampleBuild()
    const index = text('index.html')
    for (const d of report.documents) {
      if (d.name === 'index.html') continue
      const href = d.name.split('/').map((s) => encodeURIComponent(s)).join('/')
      expect(index, d.name).toContain(`href="${href}"`)
    }
    expect(index).toContain('检查结果')
  })

  it('writes self-contained HTML pages', async () => {
    const {text} = await sampleBuild()
    const html = text('责任分工通知.html')
    expect(html).toMatch(/^<!DOCTYPE html>/)
    expect(html).toContain('name="viewport"')
    expect(html).toContain('@media print')
    expect(html).not.toMatch(/<(link|script|img)\b/i)
    expect(html).not.toMatch(/(src|href)="https?:/)
  })
})
