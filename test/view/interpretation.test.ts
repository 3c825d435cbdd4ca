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

/** Blocks under a heading path (`['按政策部分看', '一、扩大有效投资政策']`), up to the next heading of the same or a higher level. */
function under(r: Rendered, path: string[]): Block[] {
  let level = 1
  let from = 0
  for (const title of path) {
    const at = r.sections.findIndex((s, i) => i >= from && s.title === title && s.level > level - (level === 1 ? 1 : 0))
    if (at < 0) return []
    from = at
    level = r.sections[at].level
  }
  const out: Block[] = [...r.sections[from].blocks]
  for (let i = from + 1; i < r.sections.length && r.sections[i].level > level; i++) {
    out.push({type: 'heading', level: r.sections[i].level as 1, children: [{type: 'text', value: r.sections[i].title}]}, ...r.sections[i].blocks)
  }
  return out
}

/** List items after a bold paragraph (`**找谁办**`) in some blocks. */
function afterLabel(blocks: Block[], label: string): string[] {
  const out: string[] = []
  blocks.forEach((b, i) => {
    const next = blocks[i + 1]
    if (b.type === 'paragraph' && inlineText(b.children) === label && next?.type === 'list') out.push(...next.items.map(inlineText))
  })
  return out
}

const benefitLine = /^【(贷款贴息|税费减免|奖励|补贴|其他支持)】.+（第\d+条(；找[^（）]+)?）$/

describe('interpretation of the sample', async () => {
  const {policy, registry} = await load(`${root}source/xiuzhou-2024.txt`, `${root}source/xiuzhou-units.yml`)
  const view = buildInterpretationView(policy, {glossary, registry, config: {date: '2024-03-05'}})
  const r = renderView(view)
  const clauses = policy.children.flatMap((d) => d.children)
  const measures = clauses.flatMap((c) => c.measures.map((m) => ({clause: c, m})))
  const benefits = under(r, ['谁能享受'])

  it('is a leaflet document with its title, date, key-figure box and the section the page filters', () => {
    expect(r.doc.meta).toMatchObject({kind: 'interpretation', layout: 'leaflet', title: `《${policy.title}》政策解读`, created: '2024-03-05T00:00:00Z', cards: '谁能享受'})
    expect(r.doc.main[0].type).toBe('callout')
    expect(r.doc.annexes).toHaveLength(0)
    // never the clock: no date in config or policy, no timestamp
    expect(buildInterpretationView(policy, {glossary}).meta.created).toBeUndefined()
  })

  it('puts the reader first: 谁能享受 by audience, then the parts, the government targets last', () => {
    expect(r.sections.filter((s) => s.level === 2).map((s) => s.title)).toEqual(['谁能享受', '按政策部分看', '政府工作目标'])
    const audiences = benefits.flatMap((b) => (b.type === 'heading' && b.level === 3 ? [inlineText(b.children)] : []))
    expect(audiences).toEqual(['企业', '个人和家庭', '农户和农业经营主体', '科研机构和其他单位'])
    const types = under(r, ['谁能享受', '企业']).flatMap((b) => (b.type === 'heading' && b.level === 4 ? [inlineText(b.children)] : []))
    expect(types).toEqual(['科技型企业', '制造业企业', '外贸和服务业企业'])
    const parts = under(r, ['按政策部分看']).flatMap((b) => (b.type === 'heading' && b.level === 3 ? [inlineText(b.children)] : []))
    expect(parts).toEqual(view.domains.map((d) => d.heading))
    // The government's own targets are not benefits: only in the last section.
    expect(items(benefits).join('\n')).not.toContain('推动固定资产投资增长10%')
    expect(items(under(r, ['政府工作目标']))[0]).toMatch(/^一、扩大有效投资政策：.*推动固定资产投资增长10%（领域引言）.*；另有\d+项，见政策原文第1—7条$/)
  })

  it('states headline figures that match the tree, each with its source', () => {
    expect(view.counts).toMatchObject({
      domains: policy.children.length,
      clauses: clauses.length,
      measures: measures.length,
      measureClauses: clauses.filter((c) => c.measures.length > 0).length,
      items: policy.appendix!.children.length
    })
    expect(view.total).toMatchObject({basis: 'stated', value: 26, unit: '亿元', figure: '约26亿元', source: '结语第1段'})
    const box = items([r.doc.main[0]])
    expect(box[0]).toBe('支持资金总额：约26亿元（结语第1段）')
    expect(box[1]).toMatch(new RegExp(`^明确金额或比例的支持：${measures.length}项（第10、11、`))
    expect(box.slice(2, 5)).toEqual([
      '单项最高：20%，最高3000万元　“单项冠军”“专精特新”小巨人企业（第20条）',
      '单项最高：8%，最高2000万元　符合智能化（数字化）改造的项目（第20条）',
      '单项最高：500万元　五星级小微企业园（第28条）'
    ])
    for (const line of box) expect(line).toMatch(/（(第\d+[—、\d]*条|结语第1段|附件)）$/)
  })

  it('shows every measure of the tree on a benefit line citing its clause', () => {
    const lines = allText(r.doc.main)
    const missing: string[] = []
    for (const {clause, m} of measures) {
      const found = (who: string, amount: string) =>
        lines.some((l) => l.includes(`（第${clause.number}条`) && l.includes(amount) && (who === '' || new RegExp(`^【[^】]+】${who.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}：`).test(l)))
      if (!found(m.who, amountLabel(m))) missing.push(`${clause.number} ${m.who} ${amountLabel(m)}`)
      if (m.alternative && !found(m.alternative.who, amountLabel({...m, value: m.alternative.value}))) missing.push(`${clause.number} alt ${m.alternative.who}`)
    }
    expect(missing).toEqual([])
  })

  it('gives every benefit its kind, clause and whom to contact, with office and phone from the registry under 找谁办', () => {
    const lines = items(benefits).filter((l) => l.startsWith('【'))
    expect(lines.length).toBeGreaterThan(60)
    for (const line of lines) expect(line).toMatch(benefitLine)
    expect(lines).toContain('【奖励】新认定的国家级“单项冠军”示范企业：给予400万元奖励，400万元（第24条；找区经商局）')
    expect(view.kinds).toEqual(['税费减免', '奖励', '补贴', '其他支持'])
    // 找谁办 of each audience: the units with their office, phone and address, and the clauses they lead.
    const contacts = afterLabel(under(r, ['谁能享受', '企业']), '找谁办')
    expect(contacts).toContain('区科技局（区科学技术局）：科技服务窗口；电话0573-82000104；地址：秀洲区政务服务中心2楼C区（示例）（第10、11、13、14、18条）')
    for (const line of contacts) expect(line).toMatch(/（第\d+(、\d+)*条）$/)
    const farmers = afterLabel(under(r, ['谁能享受', '农户和农业经营主体']), '找谁办')
    expect(farmers[0]).toMatch(/^区农水局（区农业农村和水利局）：农业服务窗口；电话0573-82000106；/)
  })

  it('leaves out what has nothing to say: no empty heading, no empty brackets or contacts', () => {
    expect(r.markdown).not.toMatch(/（）|\(\)|：（|找谁办\*\*\n\n\*\*|找，|找）/)
    r.sections.forEach((s, i) => {
      if (i === 0) return
      const next = r.sections[i + 1]
      const empty = s.blocks.length === 0 && (!next || next.level <= s.level)
      expect(empty, `empty heading ${s.title}`).toBe(false)
    })
  })

  it('lists support in a part largest first (in 元), rates without a cap after the sums', () => {
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

  it('says what a part without sums does, by its clauses', () => {
    const first = under(r, ['按政策部分看', '一、扩大有效投资政策'])
    expect(allText(first)).toContain('本部分没有写明金额或比例的直接支持，主要举措：')
    expect(items(first)).toEqual(expect.arrayContaining(['发挥重大建设项目带动支撑作用（第1条）', '另有1条，见政策原文第1—7条']))
  })

  it('shows glossary entries only where their terms occur', () => {
    const manufacturing = afterLabel(under(r, ['按政策部分看', '三、先进制造业集群培育政策']), '名词解释')
    expect(manufacturing.map((e) => e.split('：')[0])).toEqual(expect.arrayContaining(['专精特新', '小巨人', '单项冠军', '首台（套）', '腾笼换鸟', '灯塔工厂']))
    for (const domain of view.domains) {
      const printed = [...domain.budgets.map((b) => b.text), ...domain.supports.flatMap((s) => [s.who, s.what, s.conditions]), ...domain.keyClauses.map((c) => c.title)]
      expect(domain.glossary).toEqual(termsIn(glossary, printed))
    }
    // 托育 is in the glossary but only in clause 63's body, which the interpretation does not print.
    expect(r.markdown).not.toContain('**托育**')
  })

  it('groups measures by audience, each group non-empty and citing', () => {
    const byKey = new Map(view.audiences.map((a) => [a.key, a]))
    expect([...byKey.keys()]).toEqual(['enterprise', 'resident', 'farmer', 'research'])
    expect(byKey.get('enterprise')!.lines.length).toBeGreaterThan(30)
    expect(byKey.get('farmer')!.lines.map((l) => l.clause)).toEqual([53, 53, 53])
    expect(byKey.get('research')!.lines.map((l) => l.clause)).toEqual(expect.arrayContaining([10, 12, 13, 23]))
    expect(byKey.get('resident')!.related.map((c) => c.cite)).toEqual(expect.arrayContaining(['第62条', '第65条', '第66条', '第67条', '第68条']))
    for (const a of view.audiences) for (const g of a.groups) expect(g.lines.length, `${a.label} ${g.label}`).toBeGreaterThan(0)
  })
})

describe('interpretation of a policy without stated sums', () => {
  const view = buildInterpretationView(smallPolicy(), {glossary, registry: smallRegistry})
  const r = renderView(view)
  it('has no benefit section and still says what each part does', () => {
    expect(view.counts.measures).toBe(0)
    // Audiences appear only with the clauses that concern them (no benefit lines, no kinds).
    expect(view.kinds).toEqual([])
    for (const a of view.audiences) expect(a.lines.length === 0 && a.related.length > 0).toBe(true)
    expect(items([r.doc.main[0]]).map((l) => l.split('：')[0])).toEqual(['政策条款', '积极争取省市政策事项'])
    expect(items(under(r, ['按政策部分看', '一、扩大投资政策']))).toEqual(expect.arrayContaining(['发挥项目带动作用（第1条）', '加大财政支持（第2条）']))
    expect(r.markdown).not.toMatch(/（）|另有0|【/)
    r.sections.forEach((s, i) => {
      const next = r.sections[i + 1]
      if (i > 0) expect(s.blocks.length > 0 || (next !== undefined && next.level > s.level), s.title).toBe(true)
    })
  })
})

describe('interpretation of the hard cases', async () => {
  const {policy, registry} = await load(`${fixtures}hard-cases.txt`, `${fixtures}units.yml`)
  const view = buildInterpretationView(policy, {glossary, registry, config: {date: '2024-03-05'}})
  const r = renderView(view)
  const support = (domain: string) => items(under(r, ['按政策部分看', domain])).filter((l) => l.startsWith('【'))

  it('reads a capped rate as one line, with its threshold as a condition', () => {
    const [line] = support('一、先进制造业集群培育政策').filter((l) => l.includes('（第1条'))
    expect(line).toMatch(/：按设备投资额8%给予补助，最高补助2000万元，8%，最高2000万元（条件：设备投资总额（不含税）超过1000万元）（第1条；找区经商局）$/)
  })

  it('pairs a 分别 list with its recipients in order, largest first', () => {
    expect(support('一、先进制造业集群培育政策').filter((l) => l.includes('（第2条'))).toEqual([
      '【奖励】国家级绿色工厂：200万元（第2条；找区经商局）',
      '【奖励】省级绿色工厂：80万元（第2条；找区经商局）',
      '【奖励】市级绿色工厂：30万元（第2条；找区经商局）'
    ])
    expect(support('二、乡村振兴和城乡融合发展政策')).toEqual([
      '【补贴】油菜连片种植面积在50亩以上的农业主体：每亩50元（第4条；找区农水局）',
      '【补贴】一季旱粮种植：每亩40元（第4条；找区农水局）',
      '【补贴】全年稻麦油复种：每亩15元（第4条；找区农水局）'
    ])
  })

  it('gives a bracketed alternative its own line', () => {
    expect(support('一、先进制造业集群培育政策').filter((l) => l.includes('（第3条'))).toEqual([
      '【奖励】新认定的国家级“单项冠军”示范企业：给予400万元奖励，400万元（第3条；找区经商局）',
      '【奖励】新认定的国家级“单项冠军”产品：300万元（第3条；找区经商局）'
    ])
  })

  it('sums the budgets when the policy states no total, and says so', () => {
    expect(view.total).toMatchObject({basis: 'budgets', value: 0.89, unit: '亿元', source: '第5条'})
    expect(items([r.doc.main[0]])).toContain('支持资金总额：0.89亿元　政策未写明支持总额，此为第5条预算安排之和，可能含交叉重叠部分（第5条）')
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
    expect(allText(r.doc.main)).toContain(`【奖励】${specialText}：给予10万元奖励，10万元（条件：1. 条件 | 其他）（第2条；找区财政局）`)
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
