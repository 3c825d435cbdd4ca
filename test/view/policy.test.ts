/**
 * The policy document (政策原文, view `policy`, templates/policy.md.hbs): the policy's own text in
 * source order, escaped by the template layer, with the appendix as an annex; and its .docx reads
 * back to the same tree for a policy with groups, nested lead units, Markdown/HTML characters, an
 * empty clause and appendix rows whose 领域 cell is empty (continuing the group above).
 */
import {describe, expect, it} from 'vitest'
import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {inlineText, parseDocument} from '../../src/doc/parse.ts'
import type {Doc, Heading, Paragraph, Table} from '../../src/doc/types.ts'
import {parsePolicy} from '../../src/parse/index.ts'
import {loadTemplates, render} from '../../src/template/index.ts'
import type {Policy} from '../../src/tree/types.ts'
import {loadRegistry} from '../../src/units/registry.ts'
import {views} from '../../src/view/index.ts'
import {domainHeading, policyDocuments, policyView} from '../../src/view/policy.ts'
import {smallPolicy, smallRegistry, specialText} from './small-tree.ts'
import {withoutPositions} from '../helpers/tree.ts'

const registry = loadRegistry(fileURLToPath(new URL('../../source/xiuzhou-units.yml', import.meta.url)))
const fixture = fileURLToPath(new URL('../fixtures/view/policy-groups.txt', import.meta.url))
const templates = loadTemplates()

async function fixturePolicy(): Promise<Policy> {
  return (await parsePolicy({path: fixture, bytes: readFileSync(fixture)}, {registry})).policy
}

function renderDoc(policy: Policy): {markdown: string; doc: Doc} {
  const [document] = policyDocuments({policy, config: {date: '2024-03-05'}, registry})
  const markdown = render(templates, document!.template, document!.data)
  return {markdown, doc: parseDocument(markdown)}
}


describe('policy view', () => {
  it('is the `policy` kind of the views table, written as 政策原文', () => {
    const [document] = views.policy!({policy: smallPolicy(), config: {}, registry: smallRegistry})
    expect(document).toMatchObject({template: 'policy', path: ['政策原文'], label: '政策原文'})
  })

  it('keeps the text as written: headings with the lead phrase, clauses whole, groups where they start', async () => {
    const policy = await fixturePolicy()
    const view = policyView({policy, config: {date: '2024-03-05'}, registry})
    expect(view.meta).toMatchObject({kind: 'policy', layout: 'official', title: '测试区推动发展若干政策', subtitle: '（试行）', created: '2024-03-05T00:00:00Z'})
    expect(view.domains.map((d) => d.heading)).toEqual(['一、投资政策（由区财政局（区国资办）、区发改局牵头实施）', '二、科技政策（由区科技局牵头实施）'])
    expect(view.domains[0]!.intro).toEqual(['围绕投资，2024年安排资金1亿元。'])
    expect(view.domains[0]!.clauses).toEqual([
      {group: '（一）项目建设', text: '1.推进项目。正文*星号*_下划线_[括号](x)。（责任单位：区发改局、区财政局（区国资办））'},
      {text: '2．加大支持。正文。（牵头单位：区财政局；配合单位：区发改局）'},
      {group: '（二）要素保障', text: '3.保障用地。正文。（责任单位：区资规分局）'}
    ])
    expect(view.domains[1]!.clauses.map((c) => c.text)).toEqual(['4.支持创新。# 不是标题 | 竖线 <b>粗</b> &amp; {{title}}。（责任单位：区科技局）', '5.'])
    expect(view.closing).toEqual(['本方案自印发之日起施行。'])
    // An empty 领域 cell continues the group above; the first row of each group names it.
    expect(view.appendix).toEqual({
      label: '附件：',
      title: '事项清单',
      columns: ['领域', '争取事项', '具体目标', '责任单位'],
      rows: [
        {domain: '', matter: '1.争取资金', target: '力争50亿元。', units: '区财政局'},
        {domain: '投资政策', matter: '2.争取项目', target: '3个。', units: '区发改局'},
        {domain: '', matter: '3.争取用地', target: '100亩。', units: '区资规分局'},
        {domain: '科技政策', matter: '4.争取平台', target: '1家。', units: '区科技局'}
      ]
    })
  })

  it('has no status line without a status, and no annex without an appendix', () => {
    const policy = {...smallPolicy(), appendix: undefined}
    const view = policyView({policy, config: {}, registry: smallRegistry})
    expect(view.meta.subtitle).toBeUndefined()
    expect(view.appendix).toBeUndefined()
    const {doc} = renderDoc(policy)
    expect(doc.meta.subtitle).toBeUndefined()
    expect(doc.annexes).toEqual([])
  })

  it('writes a heading without a lead phrase when the domain names no lead', () => {
    const domain = {...smallPolicy().children[0]!, leads: []}
    expect(domainHeading(domain)).toBe('一、扩大投资政策')
  })
})

describe('templates/policy.md.hbs', () => {
  it('renders title and status line, domains as headings, clauses as paragraphs and the appendix as an annex', async () => {
    const {doc} = renderDoc(await fixturePolicy())
    expect(doc.meta).toMatchObject({kind: 'policy', title: '测试区推动发展若干政策', subtitle: '（试行）'})
    const main = doc.main.map((b) => [b.type, b.type === 'heading' ? b.level : 0, 'children' in b && b.type !== 'callout' ? inlineText(b.children) : ''])
    expect(main).toEqual([
      ['paragraph', 0, '为推动发展，制定本方案。'],
      ['heading', 2, '一、投资政策（由区财政局（区国资办）、区发改局牵头实施）'],
      ['paragraph', 0, '围绕投资，2024年安排资金1亿元。'],
      ['heading', 3, '（一）项目建设'],
      ['paragraph', 0, '1.推进项目。正文*星号*_下划线_[括号](x)。（责任单位：区发改局、区财政局（区国资办））'],
      ['paragraph', 0, '2．加大支持。正文。（牵头单位：区财政局；配合单位：区发改局）'],
      ['heading', 3, '（二）要素保障'],
      ['paragraph', 0, '3.保障用地。正文。（责任单位：区资规分局）'],
      ['heading', 2, '二、科技政策（由区科技局牵头实施）'],
      ['paragraph', 0, '4.支持创新。# 不是标题 | 竖线 <b>粗</b> &amp; {{title}}。（责任单位：区科技局）'],
      ['paragraph', 0, '5.'],
      ['paragraph', 0, '本方案自印发之日起施行。']
    ])
    expect(doc.annexes.length).toBe(1)
    const [label, title, table] = doc.annexes[0]!
    expect(label).toMatchObject({type: 'paragraph'})
    expect(inlineText((label as Paragraph).children)).toBe('附件：')
    expect(title).toMatchObject({type: 'heading', level: 1})
    expect(inlineText((title as Heading).children)).toBe('事项清单')
    const rows = (table as Table).rows.map((row) => row.map(inlineText))
    expect((table as Table).header.map(inlineText)).toEqual(['领域', '争取事项', '具体目标', '责任单位'])
    expect(rows).toEqual([
      ['', '1.争取资金', '力争50亿元。', '区财政局'],
      ['投资政策', '2.争取项目', '3个。', '区发改局'],
      ['', '3.争取用地', '100亩。', '区资规分局'],
      ['科技政策', '4.争取平台', '1家。', '区科技局']
    ])
  })

  it('prints Markdown and HTML characters in policy text literally', () => {
    const {doc, markdown} = renderDoc(smallPolicy())
    const texts = [...doc.main, ...doc.annexes.flat()].flatMap((b) =>
      b.type === 'table' ? b.rows.flatMap((row) => row.map(inlineText)) : 'children' in b && b.type !== 'callout' ? [inlineText(b.children)] : []
    )
    expect(texts).toContain(`2.加大财政支持。${specialText}（责任单位：区财政局、区国资办、区发改局）`)
    expect(texts).toContain(specialText)
    expect(markdown).not.toContain('<script>')
  })

  it('reads back, as Markdown, to the same tree (positions aside)', async () => {
    // The rendered Markdown keeps title and status in the front matter; the body parses to the rest.
    const policy = await fixturePolicy()
    const {markdown} = renderDoc(policy)
    const back = (await parsePolicy({path: 'policy.md', text: markdown}, {registry})).policy
    expect(withoutPositions(back.children)).toEqual(withoutPositions(policy.children))
    expect(withoutPositions(back.appendix)).toEqual(withoutPositions(policy.appendix))
  })
})

const docxWriter = fileURLToPath(new URL('../../src/write/docx/index.ts', import.meta.url))

describe.runIf(existsSync(docxWriter))('policy document → .docx → read back', () => {
  it('gives the same tree for a policy with groups, nested leads, special characters and continued appendix groups', async () => {
    const {writeDocx} = await import('../../src/write/docx/index.ts')
    const policy = await fixturePolicy()
    const bytes = await writeDocx(renderDoc(policy).doc)
    const back = (await parsePolicy({path: 'policy.docx', bytes}, {registry})).policy
    expect(back.status).toBe('试行')
    expect(withoutPositions(back)).toEqual(withoutPositions(policy))
  })
})
