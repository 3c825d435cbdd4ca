/**
 * Citations of tasks in the document's own labels (src/view/cite.ts): one small tree per
 * numbering style, then the interpretation of two corpus documents, whose every printed citation
 * must be a label of the source text, and the sample, whose citations stay `第N条`.
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import type {Clause, Domain, Policy} from '../../src/tree/types.ts'
import {clauseCiter} from '../../src/view/cite.ts'
import {buildInterpretationView} from '../../src/view/interpretation.ts'
import {loadGlossary} from '../../src/view/glossary.ts'
import {loadTemplates, render} from '../../src/template/index.ts'
import {parsePolicy} from '../../src/parse/index.ts'
import {enrichPolicy} from '../../src/extract/index.ts'
import {loadRegistry} from '../../src/units/registry.ts'
import {chineseNumeral} from '../../src/tree/numerals.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
const corpus = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url))

function task(label: string, labelPunctuation: string, title: string, extra: Partial<Clause> = {}): Clause {
  return {
    type: 'clause', id: '', number: 0, label, labelPunctuation, title, body: '', unitsText: '', units: [], duties: [],
    measures: [], targets: [], budgets: [], ...extra
  }
}

function part(ordinal: number, children: Clause[], extra: Partial<Domain> = {}): Domain {
  return {
    type: 'domain', ordinal, label: chineseNumeral(ordinal), labelPunctuation: '、', title: `第${ordinal}部分标题`, leads: [], intro: [],
    targets: [], children, ...extra
  }
}

/** A policy from parts; clause numbers and ids filled as the parser does (numbers continuous unless given). */
function policyOf(...children: Domain[]): Policy {
  let n = 0
  for (const d of children) for (const [i, c] of d.children.entries()) {
    c.number ||= ++n
    c.id = `${d.ordinal}.${i + 1}`
  }
  return {type: 'policy', title: '测试', meta: {}, preamble: [], children, closing: []}
}

const all = (p: Policy) => p.children.flatMap((d) => d.children)

describe('clauseCiter', () => {
  it('cites the sample style (1. 2. …, continuous) as 第N条, ranges 第1—7条, lists 第1、5、6条', () => {
    const p = policyOf(
      part(1, [1, 2, 3, 4].map((n) => task(String(n), '.', `任务${n}。`))),
      part(2, [5, 6, 7].map((n) => task(String(n), '．', `任务${n}。`)))
    )
    const c = clauseCiter(p)
    const [t1, t2, , , t5, t6, t7] = all(p)
    expect(c.cite(t6!)).toBe('第6条')
    expect(c.range(all(p))).toBe('第1—7条')
    expect(c.range(p.children[0]!.children)).toBe('第1—4条')
    expect(c.list([t6!, t1!, t5!])).toBe('第1、5、6条')
    // The sample's rule: more than three clauses cite first and last even when not consecutive.
    expect(c.range([t1!, t2!, t5!, t7!])).toBe('第1—7条')
    expect(c.place(t5!)).toBe(5)
    expect(c.note).toBe('每项后括号里的“第N条”是政策原文的条款序号')
  })

  it('cites 第N条 labels by the label itself', () => {
    const p = policyOf(
      part(1, [task('第一条', ' ', '为规范…'), task('第二条', ' ', '本办法…')], {label: '第一章', title: '总则'}),
      part(2, [task('第三条', ' ', '甲'), task('第 1 0 条', ' ', '乙'), task('第十一条', ' ', '丙')], {label: '第二章', title: '规划'})
    )
    const c = clauseCiter(p)
    const tasks = all(p)
    expect(c.cite(tasks[0]!)).toBe('第一条')
    expect(c.cite(tasks[3]!)).toBe('第10条')
    expect(c.list([tasks[0]!, tasks[2]!])).toBe('第一条、第三条')
    expect(c.note).toContain('“第一条”')
  })

  it('cites （N） labels numbered through the document without their part, as a range when consecutive', () => {
    const p = policyOf(
      part(1, [task('（一）', '', '甲。'), task('（二）', '', '乙。')]),
      part(2, [task('（三）', '', '丙。'), task('（四）', '', '丁。'), task('（五）', '', '戊。')])
    )
    const c = clauseCiter(p)
    const tasks = all(p)
    expect(c.cite(tasks[2]!)).toBe('第（三）项')
    expect(c.range(tasks)).toBe('第（一）至（五）项')
    expect(c.range(p.children[0]!.children)).toBe('第（一）、（二）项')
    // Not consecutive: listed, never a span that would take in tasks not meant.
    expect(c.range([tasks[0]!, tasks[1]!, tasks[3]!, tasks[4]!])).toBe('第（一）、（二）、（四）、（五）项')
  })

  it('adds the part when （N） numbering restarts per part', () => {
    const p = policyOf(
      part(1, [task('（一）', '', '甲。'), task('（二）', '', '乙。')]),
      part(2, [task('（一）', '', '丙。'), task('（二）', '', '丁。'), task('（三）', '', '戊。')])
    )
    const c = clauseCiter(p)
    const tasks = all(p)
    expect(c.cite(tasks[0]!)).toBe('第一部分第（一）项')
    expect(c.cite(tasks[3]!)).toBe('第二部分第（二）项')
    expect(c.range(p.children[1]!.children)).toBe('第二部分第（一）、（二）、（三）项')
    expect(c.range(tasks)).toBe('第一部分第（一）项至第二部分第（三）项')
    expect(c.list([tasks[0]!, tasks[2]!, tasks[4]!])).toBe('第一部分第（一）项；第二部分第（一）、（三）项')
  })

  it('cites a flat list 一、…三十、 (implicit part) and numbered table rows 1、 as 第N项', () => {
    const flat = policyOf(part(1, ['一', '二', '三', '四', '十二'].map((l) => task(l, '、', `对${l}…`)), {implicit: true, label: '', labelPunctuation: '', title: ''}))
    const c = clauseCiter(flat)
    const tasks = all(flat)
    expect(c.cite(tasks[4]!)).toBe('第十二项')
    expect(c.range(tasks.slice(0, 4))).toBe('第一至第四项')
    expect(c.range(tasks)).toBe('第一、二、三、四、十二项')
    const rows = policyOf(part(1, ['1', '2'].map((l) => task(l, '、', `行${l}`)), {label: '1', labelPunctuation: ''}), part(2, ['3', '4', '5'].map((l) => task(l, '、', `行${l}`)), {label: '2', labelPunctuation: ''}))
    const r = clauseCiter(rows)
    expect(r.cite(all(rows)[2]!)).toBe('第3项')
    expect(r.range(all(rows))).toBe('第1—5项')
  })

  it('cites a part-level task by its part and an unnumbered task by its group (or part) and title start; mixed sets are listed', () => {
    const start = {line: 10, column: 1, offset: 100}
    const at = {start, end: {line: 11, column: 1, offset: 150}}
    const p = policyOf(
      part(1, [task('（一）', '', '甲。'), task('（二）', '', '乙。')]),
      part(2, [task('二', '、', '第2部分标题', {position: at})], {position: at}),
      part(3, [
        task('', '', '优化固体废物管理体制机制，强化部门协同。', {group: '（三）强化顶层设计引领。'}),
        task('', '', '严格控制增量。'),
        task('（四）', '', '丙。')
      ])
    )
    const c = clauseCiter(p)
    const tasks = all(p)
    expect(c.cite(tasks[2]!)).toBe('第二部分')
    expect(c.cite(tasks[3]!)).toBe('第（三）项“优化固体废物管理体制机制…”')
    expect(c.cite(tasks[4]!)).toBe('第三部分“严格控制增量”')
    expect(c.range(tasks)).toBe('第（一）、（二）项；第二部分；第（三）项“优化固体废物管理体制机制…”；第三部分“严格控制增量”；第（四）项')
    expect(c.note).toBe('每项后括号里的“第（一）项”等指出该项在政策原文中的位置')
  })
})

// ---------------------------------------------------------------------------------------------

const glossary = loadGlossary()
const templates = loadTemplates()

async function interpretation(path: string, registryPath?: string) {
  const registry = registryPath ? loadRegistry(registryPath) : undefined
  const text = readFileSync(path, 'utf8')
  const {policy} = await parsePolicy({path, text}, registry ? {registry} : {})
  enrichPolicy(policy)
  const view = buildInterpretationView(policy, {glossary, registry})
  return {text, policy, view, markdown: render(templates, 'interpretation', view)}
}

/** Labels a printed citation names: `第（十二）项` → `（十二）`, `第十二项` → `十二、`, `第二部分` → `二、`, `第十二条` → itself. */
function citedLabels(markdown: string): string[] {
  const labels: string[] = []
  for (const [cite, inner] of markdown.matchAll(/第((?:（[一二三四五六七八九十百]+）[、至]?)+)项/g)) {
    labels.push(...(inner!.match(/（[一二三四五六七八九十百]+）/g) ?? []))
    markdown = markdown.replace(cite, '')
  }
  for (const [, inner] of markdown.matchAll(/第([一二三四五六七八九十百、]+(?:至第[一二三四五六七八九十百]+)?)项/g)) {
    labels.push(...inner!.split(/[、至第]+/).filter(Boolean).map((n) => `${n}、`))
  }
  for (const [, n] of markdown.matchAll(/第([一二三四五六七八九十百]+)部分/g)) labels.push(`${n}、`)
  return labels
}

describe('citations of corpus documents are labels of the source text', () => {
  it.each(['guofa-2018-39-jiuye.txt', 'guobanfa-2018-117-jili.txt'])('%s', async (file) => {
    const {text, markdown} = await interpretation(`${corpus}${file}`)
    const labels = citedLabels(markdown)
    expect(labels.length).toBeGreaterThan(5)
    const lineStarts = new Set(text.split('\n').map((line) => line.trim()))
    for (const label of new Set(labels)) {
      expect([...lineStarts].some((line) => line.startsWith(label)), `${label} 不是原文中的编号`).toBe(true)
    }
    // No citation in the sample's form: these documents have no 第N条.
    expect(markdown).not.toMatch(/第\d+[、—\d]*条/)
    expect(text).not.toMatch(/第[0-9一二三四五六七八九十]+条/)
  })
})

describe('the sample keeps its 第N条 citations', async () => {
  const {policy, view, markdown} = await interpretation(`${root}source/xiuzhou-2024.txt`, `${root}source/xiuzhou-units.yml`)
  it('cites each benefit by its clause number and ranges as 第A—B条', () => {
    const clauses = policy.children.flatMap((d) => d.children)
    const lines = view.domains.flatMap((d) => d.supports)
    expect(lines.length).toBeGreaterThan(10)
    for (const line of lines) expect(line.cite).toBe(`第${clauses[line.clause - 1]!.number}条`)
    expect(view.range).toBe(`第${clauses[0]!.number}—${clauses.at(-1)!.number}条`)
    for (const d of view.domains) {
      const numbers = policy.children.find((p) => p.ordinal === d.ordinal)!.children.map((c) => c.number)
      expect(d.range).toBe(numbers.length <= 3 ? `第${numbers.join('、')}条` : `第${numbers[0]}—${numbers.at(-1)}条`)
    }
    expect(markdown).toContain('每项后括号里的“第N条”是政策原文的条款序号，具体以政策原文为准。')
  })
})
