import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parsePolicy} from '../../src/parse/index.ts'
import {loadRegistry} from '../../src/units/registry.ts'
import {enrichPolicy} from '../../src/extract/index.ts'
import {loadTemplates, render} from '../../src/template/index.ts'
import {parseDocument, inlineText} from '../../src/doc/parse.ts'
import type {Block, Doc} from '../../src/doc/types.ts'
import type {Policy} from '../../src/tree/types.ts'
import {UserError} from '../../src/errors.ts'
import {amountLabel, buildInterpretationView, interpretationDocuments, type InterpretationView} from '../../src/view/interpretation.ts'
import {loadGlossary, parseGlossary, termsIn} from '../../src/view/glossary.ts'
import {smallPolicy, smallRegistry, specialText} from './small-tree.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
const fixtures = fileURLToPath(new URL('../fixtures/interpretation/', import.meta.url))
const glossary = loadGlossary()
const templates = loadTemplates()

async function load(path: string, registryPath: string): Promise<{policy: Policy; registry: ReturnType<typeof loadRegistry>}> {
  const registry = loadRegistry(registryPath)
  const {policy} = await parsePolicy({path, bytes: new Uint8Array(readFileSync(path))}, {registry})
  enrichPolicy(policy)
  return {policy, registry}
}

interface Rendered {
  view: InterpretationView
  markdown: string
  doc: Doc
  /** Sections by heading text (`一、扩大有效投资政策`, `目标`, `我是企业`…), in order, with the blocks under them. */
  sections: Array<{level: number; title: string; blocks: Block[]}>
}

function renderView(view: InterpretationView): Rendered {
  const markdown = render(templates, 'interpretation', view)
  const doc = parseDocument(markdown)
  const sections: Rendered['sections'] = [{level: 1, title: '', blocks: []}]
  for (const block of doc.main) {
    if (block.type === 'heading') sections.push({level: block.level, title: inlineText(block.children), blocks: []})
    else sections.at(-1)!.blocks.push(block)
  }
  return {view, markdown, doc, sections}
}

/** Text of list items (one string per item) in some blocks, callouts included. */
function items(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.type === 'list' ? b.items.map(inlineText) : b.type === 'callout' ? items(b.children) : []))
}

function allText(blocks: Block[]): string[] {
  return blocks.flatMap((b) =>
    b.type === 'list' ? b.items.map(inlineText) : b.type === 'callout' ? allText(b.children) : b.type === 'paragraph' ? [inlineText(b.children)] : []
  )
}

/** Sub-sections (level 3) of each domain (level 2) section, keyed by domain heading. */
function domainParts(r: Rendered): Map<string, Map<string, Block[]>> {
  const out = new Map<string, Map<string, Block[]>>()
  let current: Map<string, Block[]> | undefined
  for (const s of r.sections) {
    if (s.level === 2) {
      current = new Map([['', s.blocks]])
      out.set(s.title, current)
    } else if (s.level === 3 && current) current.set(s.title, s.blocks)
  }
  return out
}

const citesClause = /（(?:第\d+条|领域引言)[，：）]/

describe('interpretation of the sample', async () => {
  const {policy, registry} = await load(`${root}source/xiuzhou-2024.txt`, `${root}source/xiuzhou-units.yml`)
  const view = buildInterpretationView(policy, {glossary, registry, config: {date: '2024-03-05'}})
  const r = renderView(view)
  const parts = domainParts(r)
  const clauses = policy.children.flatMap((d) => d.children)
  const measures = clauses.flatMap((c) => c.measures.map((m) => ({clause: c, m})))

  it('is a leaflet document with its title, date and key-figure box', () => {
    expect(r.doc.meta).toMatchObject({
      kind: 'interpretation',
      layout: 'leaflet',
      title: `《${policy.title}》政策解读`,
      created: '2024-03-05T00:00:00Z'
    })
    expect(r.doc.meta.subtitle).toBeTruthy()
    expect(r.doc.main[0].type).toBe('callout')
    expect(r.doc.main.filter((b) => b.type === 'callout').length).toBeGreaterThan(1)
    expect(r.doc.annexes).toHaveLength(0)
    // never the clock: no date in config or policy, no timestamp
    expect(buildInterpretationView(policy, {glossary}).meta.created).toBeUndefined()
  })

  it('states headline figures that match the tree', () => {
    expect(measures.length).toBeGreaterThan(0)
    expect(view.counts).toMatchObject({
      domains: policy.children.length,
      clauses: clauses.length,
      measures: measures.length,
      measureClauses: clauses.filter((c) => c.measures.length > 0).length,
      items: policy.appendix!.children.length
    })
    // The closing paragraph states the total: 支持总额约26亿元.
    expect(view.total).toMatchObject({basis: 'stated', value: 26, unit: '亿元', figure: '约26亿元', source: '结语第1段'})
    expect(view.total!.text).toContain('支持总额约26亿元')
    const box = items([r.doc.main[0]])
    expect(box).toEqual([
      `政策领域：${policy.children.length}个（一至八）`,
      `政策条款：${clauses.length}条（第1—68条）`,
      expect.stringMatching(new RegExp(`^明确金额或比例的支持：${measures.length}项（第10、11、`)),
      expect.stringMatching(/^支持资金总额：约26亿元（结语第1段：上述8个领域政策2024年预算安排资金/),
      `积极争取省市政策事项：${policy.appendix!.children.length}项（附件）`
    ])
  })

  it('shows every measure of the tree on a line citing its clause', () => {
    const lines = allText(r.doc.main)
    const missing: string[] = []
    for (const {clause, m} of measures) {
      const found = (who: string, amount: string) =>
        lines.some((l) => l.includes(`（第${clause.number}条`) && l.includes(amount) && (who === '' || l.startsWith(`${who}：`)))
      if (!found(m.who, amountLabel(m))) missing.push(`${clause.number} ${m.who} ${amountLabel(m)}`)
      if (m.alternative && !found(m.alternative.who, amountLabel({...m, value: m.alternative.value}))) missing.push(`${clause.number} alt ${m.alternative.who}`)
    }
    expect(missing).toEqual([])
  })

  it('cites a clause on every aim, support, budget, contact and audience line', () => {
    expect(parts.size).toBe(policy.children.length + 1)
    for (const [title, sub] of parts) {
      if (title.startsWith('我是谁')) continue
      const aims = items(sub.get('目标') ?? [])
      const supports = items(sub.get('支持什么、给谁、给多少') ?? [])
      const contacts = items(sub.get('找谁办') ?? [])
      const boxes = items(sub.get('') ?? []).concat(allText((sub.get('') ?? []).filter((b) => b.type === 'callout')))
      for (const line of [...aims, ...supports, ...boxes]) expect(line, title).toMatch(citesClause)
      for (const line of contacts) expect(line, title).toMatch(/第\d+(?:、\d+)*条|领域标题/)
      expect(contacts.length, title).toBeGreaterThan(0)
      // statements that are not lists (no aims, no supports) still point at the domain's clauses
      for (const p of allText(sub.get('支持什么、给谁、给多少') ?? [])) expect(p).toMatch(/第\d+(?:—\d+)?条/)
    }
    const domain3 = parts.get('三、先进制造业集群培育政策')!
    expect(items(domain3.get('目标')!)).toContain('实现规上工业亩均税收增长7%（领域引言）')
    expect(items(domain3.get('找谁办')!)[0]).toBe('区经商局：牵头实施本领域政策（见领域标题）；牵头第19、20、21、22、23、24、27、28、29条')
    expect(items(parts.get('一、扩大有效投资政策')!.get('找谁办')!)[0]).toMatch(/^区发改局（区发展和改革局）：/)
  })

  it('lists support largest first (in 元), rates without a cap after the sums', () => {
    for (const domain of view.domains) {
      const values = domain.supports.map((s) => s.yuan)
      const firstRate = values.findIndex((v) => v === undefined)
      const sums = (firstRate < 0 ? values : values.slice(0, firstRate)) as number[]
      expect(sums).toEqual([...sums].sort((a, b) => b - a))
      if (firstRate >= 0) expect(values.slice(firstRate).every((v) => v === undefined)).toBe(true)
    }
    const manufacturing = view.domains[2].supports
    expect(manufacturing[0].amount).toBe('20%，最高3000万元')
    expect(manufacturing[1].amount).toBe('8%，最高2000万元')
  })

  it('shows glossary entries only where their terms occur', () => {
    let shown = 0
    for (const [title, sub] of parts) {
      if (title.startsWith('我是谁')) continue
      const entries = items(sub.get('名词解释') ?? [])
      const statements = [...sub.entries()].filter(([k]) => k !== '名词解释' && k !== '找谁办').flatMap(([, blocks]) => allText(blocks))
      const expected = termsIn(glossary, statements).map((e) => `${e.term}：${e.plain}`)
      expect(entries, title).toEqual(expected)
      shown += entries.length
    }
    expect(shown).toBeGreaterThan(10)
    const manufacturing = items(parts.get('三、先进制造业集群培育政策')!.get('名词解释')!)
    expect(manufacturing.map((e) => e.split('：')[0])).toEqual(expect.arrayContaining(['专精特新', '小巨人', '单项冠军', '首台（套）', '亩均税收', '腾笼换鸟']))
    // 托育 is in the glossary but only in clause 63's body, which the leaflet does not print.
    expect(r.markdown).not.toContain('**托育**')
  })

  it('groups measures by audience, each group non-empty and citing', () => {
    expect(view.audiences.map((a) => a.key)).toEqual(['enterprise', 'farmer', 'resident', 'research'])
    const section = r.sections.findIndex((s) => s.title.startsWith('我是谁'))
    const groups = r.sections.slice(section + 1)
    expect(groups.map((g) => g.title)).toEqual(view.audiences.map((a) => a.label))
    for (const group of groups) {
      const lines = items(group.blocks)
      expect(lines.length, group.title).toBeGreaterThan(0)
      for (const line of lines) expect(line, group.title).toMatch(/（第\d+条[，）]/)
    }
    const byKey = new Map(view.audiences.map((a) => [a.key, a]))
    expect(byKey.get('enterprise')!.lines.length).toBeGreaterThan(30)
    expect(byKey.get('farmer')!.lines.map((l) => l.clause)).toEqual([53, 53, 53])
    expect(byKey.get('research')!.lines.map((l) => l.clause)).toEqual(expect.arrayContaining([10, 12, 13, 23]))
    expect(byKey.get('resident')!.related.map((c) => c.cite)).toEqual(expect.arrayContaining(['第62条', '第65条', '第66条', '第67条', '第68条']))
  })
})

describe('interpretation of the hard cases', async () => {
  const {policy, registry} = await load(`${fixtures}hard-cases.txt`, `${fixtures}units.yml`)
  const view = buildInterpretationView(policy, {glossary, registry, config: {date: '2024-03-05'}})
  const r = renderView(view)
  const parts = domainParts(r)
  const support = (domain: string) => items(parts.get(domain)!.get('支持什么、给谁、给多少')!)

  it('reads a capped rate as one line, with its threshold as a condition', () => {
    const [line] = support('一、先进制造业集群培育政策').filter((l) => l.includes('（第1条'))
    expect(line).toMatch(/：按设备投资额8%给予补助，最高补助2000万元，8%，最高2000万元（条件：设备投资总额（不含税）超过1000万元）（第1条，咨询区经商局）$/)
  })

  it('pairs a 分别 list with its recipients in order, largest first', () => {
    expect(support('一、先进制造业集群培育政策').filter((l) => l.includes('（第2条'))).toEqual([
      '国家级绿色工厂：200万元（第2条，咨询区经商局）',
      '省级绿色工厂：80万元（第2条，咨询区经商局）',
      '市级绿色工厂：30万元（第2条，咨询区经商局）'
    ])
    expect(support('二、乡村振兴和城乡融合发展政策')).toEqual([
      '油菜连片种植面积在50亩以上的农业主体：每亩50元（第4条，咨询区农水局）',
      '一季旱粮种植：每亩40元（第4条，咨询区农水局）',
      '全年稻麦油复种：每亩15元（第4条，咨询区农水局）'
    ])
  })

  it('gives a bracketed alternative its own line', () => {
    expect(support('一、先进制造业集群培育政策').filter((l) => l.includes('（第3条'))).toEqual([
      '新认定的国家级“单项冠军”示范企业：给予400万元奖励，400万元（第3条，咨询区经商局）',
      '新认定的国家级“单项冠军”产品：300万元（第3条，咨询区经商局）'
    ])
  })

  it('sums the budgets when the policy states no total, and says so', () => {
    expect(view.total).toMatchObject({basis: 'budgets', value: 0.89, unit: '亿元', source: '第5条'})
    expect(items([r.doc.main[0]])).toContain('支持资金总额：0.89亿元（第5条：政策未写明支持总额，此为第5条预算安排之和，可能含交叉重叠部分）')
    expect(items([r.doc.main[0]]).some((l) => l.startsWith('积极争取'))).toBe(false)
  })

  it('lists clauses without sums for an audience with no measures', () => {
    const resident = view.audiences.find((a) => a.key === 'resident')!
    expect(resident.lines).toEqual([])
    expect(resident.related).toEqual([{title: '支持推进“老有康养”', cite: '第6条', domain: '三、保障和改善民生政策'}])
    const research = view.audiences.find((a) => a.key === 'research')!
    expect(research.lines.map((l) => l.amount)).toEqual(['每家50万元'])
  })

  it('is registered as one document for the views table', () => {
    const [document] = interpretationDocuments({policy, config: {}, registry})
    expect(document).toMatchObject({template: 'interpretation', path: ['政策解读'], label: '政策解读'})
  })
})

describe('interpretation escaping', () => {
  it('prints policy text literally', () => {
    const policy = smallPolicy()
    const clause = policy.children[0].children[1]
    clause.measures = [{kind: 'amount', value: 10, unit: '万元', who: specialText, conditions: ['1. 条件 | 其他'], text: '给予10万元奖励'}]
    const r = renderView(buildInterpretationView(policy, {glossary, registry: smallRegistry}))
    expect(allText(r.doc.main)).toContain(`${specialText}：给予10万元奖励，10万元（条件：1. 条件 | 其他）（第2条，咨询区财政局）`)
  })
})

describe('glossary', () => {
  it('loads the built-in glossary and matches terms verbatim', () => {
    expect(glossary.length).toBeGreaterThan(40)
    expect(glossary.map((e) => e.term)).toEqual(expect.arrayContaining(['专精特新', '首台（套）', '加计扣除', '绿证']))
    expect(termsIn(glossary, ['首台（套）装备']).map((e) => e.term)).toEqual(['首台（套）'])
    expect(termsIn(glossary, ['首台(套)装备'])).toEqual([])
  })

  it('rejects a malformed glossary as a UserError', () => {
    expect(() => parseGlossary('term: x', 'g.yml')).toThrow(UserError)
    expect(() => parseGlossary('- term: x\n', 'g.yml')).toThrow(/第1项/)
    expect(parseGlossary('- term: a\n  plain: b\n- term: a\n  plain: c\n')).toEqual([{term: 'a', plain: 'b'}])
  })
})
