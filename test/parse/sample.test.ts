import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {policyToMarkdown} from '../../src/import/index.ts'
import {parsePolicy} from '../../src/parse/index.ts'
import type {Policy} from '../../src/tree/types.ts'
import {loadRegistry} from '../../src/units/registry.ts'
import {withoutPositions} from '../helpers/tree.ts'

const root = new URL('../../', import.meta.url)
const registry = loadRegistry(new URL('source/xiuzhou-units.yml', root).pathname)
const txtBytes = new Uint8Array(readFileSync(new URL('source/xiuzhou-2024.txt', root)))
const txt = new TextDecoder().decode(txtBytes)
const mdBytes = new Uint8Array(readFileSync(new URL('source/xiuzhou-2024.md', root)))
const md = new TextDecoder().decode(mdBytes)

const fromTxt = await parsePolicy({path: 'source/xiuzhou-2024.txt', bytes: txtBytes}, {registry})
const fromMd = await parsePolicy({path: 'source/xiuzhou-2024.md', bytes: mdBytes}, {registry})

const clauses = (policy: Policy) => policy.children.flatMap((d) => d.children)
const clauseText = (c: ReturnType<typeof clauses>[number]) => c.label + c.labelPunctuation + c.title + c.body + c.unitsText

for (const [name, {policy, file}] of [['txt', fromTxt], ['md', fromMd]] as const) {
  describe(`sample from .${name}`, () => {
    it('has no fatal messages', () => {
      expect(file.messages.filter((m) => m.fatal)).toEqual([])
    })
    it('has title, status, preamble and closing', () => {
      expect(policy.title).toBe('嘉兴市秀洲区贯彻浙江省和嘉兴市推动经济高质量发展若干政策承接落实方案')
      expect(policy.status).toBe('征求意见稿')
      expect(policy.meta.status).toBe('征求意见稿')
      expect(policy.preamble).toHaveLength(1)
      expect(policy.closing).toHaveLength(2)
      expect(policy.closing[0]!.value).toMatch(/^上述8个领域/)
    })
    it('has 8 domains with titles, leads and intros', () => {
      expect(policy.children.map((d) => d.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
      expect(policy.children.map((d) => d.label)).toEqual(['1', '二', '三', '四', '五', '六', '七', '八'])
      expect(policy.children[0]!.labelPunctuation).toBe('、 ')
      expect(policy.children[0]!.title).toBe('扩大有效投资政策')
      expect(policy.children[6]!.leads.map((u) => [u.name, u.role])).toEqual([
        ['区农水局', 'lead'],
        ['区发改局', 'lead']
      ])
      expect(policy.children[7]!.leads[0]).toMatchObject({name: '区人社局', written: '区人力社保局', status: 'alias'})
      expect(policy.children.every((d) => d.intro.length === 1)).toBe(true)
      expect(policy.children.every((d) => d.targets.length === 0)).toBe(true)
    })
    it('has 68 clauses numbered 1–68, each with resolved units', () => {
      expect(clauses(policy).map((c) => c.number)).toEqual(Array.from({length: 68}, (_, i) => i + 1))
      expect(policy.children.map((d) => d.children.length)).toEqual([7, 11, 11, 9, 5, 6, 11, 8])
      for (const clause of clauses(policy)) {
        expect(clause.units.length).toBeGreaterThan(0)
        expect(clause.units.every((u) => u.name && u.written && u.status !== 'unknown')).toBe(true)
        expect(clause.units[0]!.role).toBe('lead')
        expect(clause.measures).toEqual([])
        expect(clause.targets).toEqual([])
        expect(clause.budgets).toEqual([])
        expect(clause.title.endsWith('。')).toBe(true)
      }
    })
    it('reads nested units, aliases and the stray separator', () => {
      const c3 = clauses(policy)[2]!
      expect(c3.units.map((u) => [u.written, u.role, u.nested ?? false, u.parent])).toEqual([
        ['区金融办', 'lead', false, undefined],
        ['区财政局', 'support', false, undefined],
        ['区国资办', 'support', true, '区财政局']
      ])
      const c29 = clauses(policy)[28]!
      expect(c29.units.find((u) => u.written === '区委人才办')).toMatchObject({parent: '区委组织部', nested: true})
      const c16 = clauses(policy)[15]!
      expect(c16.unitsText).toBe('（责任单位：区金融办、区科技局、区财政局（区国资办）、区市场监管局、区税务局、）')
      expect(c16.units.map((u) => u.written)).toEqual(['区金融办', '区科技局', '区财政局', '区国资办', '区市场监管局', '区税务局'])
      expect(clauses(policy)[8]!.units.at(-1)).toMatchObject({name: '区资规分局', written: '区资规局', status: 'alias'})
      expect(clauses(policy)[64]!.units[0]).toMatchObject({name: '区卫健局', written: '区卫生健康局', status: 'alias', role: 'lead'})
    })
    it('has 30 appendix items with domain, matter, target and units', () => {
      const appendix = policy.appendix!
      expect(appendix.label).toBe('附件：')
      expect(appendix.title).toBe('秀洲区积极争取省市政策事项清单')
      expect(appendix.columns).toEqual(['八大领域', '争取事项', '具体目标', '责任单位'])
      expect(appendix.children.map((i) => i.number)).toEqual(Array.from({length: 30}, (_, i) => i + 1))
      expect(appendix.children.map((i) => i.domain)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 6, 6, 7, 7, 7, 7, 7, 8, 8, 8, 8])
      for (const item of appendix.children) {
        expect(item.title).not.toBe('')
        expect(item.target).not.toBe('')
        expect(item.units.length).toBeGreaterThan(0)
        expect(item.units.every((u) => u.status !== 'unknown')).toBe(true)
      }
      expect(appendix.children[1]).toMatchObject({domainName: '一、扩大有效投资政策', title: '加大财政支持力度', unitsText: '区财政局、区发改局'})
      expect(appendix.children[9]!.domainName).toBe('三、“135N”先进制造业集群培育政策')
      expect(appendix.children[17]!.domainName).toBe('五、交通强市建设政策')
    })
  })
}

describe('sample .txt positions', () => {
  const lines = txt.split('\n')
  it('puts every clause at its label, with its text contiguous on one line', () => {
    for (const clause of clauses(fromTxt.policy)) {
      const {line, column, offset} = clause.position!.start
      const text = clauseText(clause)
      expect(lines[line - 1]!.slice(column - 1, column - 1 + text.length)).toBe(text)
      expect(txt.slice(offset!, offset! + text.length)).toBe(text)
      expect(clause.position!.end.offset).toBe(offset! + text.length)
    }
  })
  it('pins a few clauses by line', () => {
    const at = (n: number) => clauses(fromTxt.policy)[n - 1]!.position!.start
    expect(at(1)).toEqual({line: 10, column: 1, offset: txt.indexOf('1.发挥重大')})
    expect(at(19)).toMatchObject({line: 32, column: 1})
    expect(at(37)).toMatchObject({line: 52, column: 20})
    expect(at(68)).toMatchObject({line: 91, column: 1})
    expect(fromTxt.policy.children[0]!.position!.start).toMatchObject({line: 8, column: 1})
    expect(fromTxt.policy.appendix!.children[1]!.position!.start.line).toBe(108)
  })
  it('places units at their written names', () => {
    for (const clause of clauses(fromTxt.policy)) {
      for (const unit of clause.units) {
        const offset = unit.position!.start.offset!
        expect(txt.slice(offset, offset + unit.written.length)).toBe(unit.written)
      }
    }
  })
  it('loses no text: joined clauses equal the source clause lines', () => {
    const sourceClauses = lines
      .map((l) => l.replace('[bookmark: _GoBack]', ''))
      .filter((l) => /^\d+[.．]/.test(l))
    expect(clauses(fromTxt.policy).map(clauseText).join('\n')).toBe(sourceClauses.join('\n'))
  })
})

describe('.txt and .md', () => {
  it('give equal trees apart from positions', () => {
    expect(withoutPositions(fromMd.policy)).toEqual(withoutPositions(fromTxt.policy))
  })
  it('the committed .md is what import writes', () => {
    expect(policyToMarkdown(fromTxt.policy)).toBe(md)
  })
  it('md clause positions point at the clause paragraphs', () => {
    const mdLines = md.split('\n')
    for (const clause of clauses(fromMd.policy)) {
      const {line, column} = clause.position!.start
      expect(mdLines[line - 1]!.slice(column - 1).startsWith(clause.label + clause.labelPunctuation)).toBe(true)
    }
  })
})
