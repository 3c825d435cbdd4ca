import {describe, expect, it} from 'vitest'
import {parsePolicy} from '../../src/parse/index.ts'
import {splitUnitList} from '../../src/parse/units.ts'
import {policyToMarkdown} from '../../src/import/index.ts'
import {parseRegistry, resolveUnit} from '../../src/units/registry.ts'
import {UserError} from '../../src/errors.ts'

const registry = parseRegistry(`
units:
  - name: 区发改局
    fullName: 区发展和改革局
  - name: 区财政局
  - name: 区国资办
    parent: 区财政局
  - name: 区人社局
    aliases: [区人力社保局]
`)

async function parse(text: string) {
  return parsePolicy({path: 'fixture.txt', text}, {registry})
}
const all = (p: Awaited<ReturnType<typeof parse>>) => p.policy.children.flatMap((d) => d.children)

describe('numbering forms', () => {
  it('reads 1. 1． 1、 clause labels and a 1、 domain heading with a lead phrase', async () => {
    const result = await parse('标题\n1、扩大投资（由区发改局牵头实施）\n1.甲。乙。（责任单位：区发改局）\n2．丙。（责任单位：区财政局）\n二、科技政策\n3、丁。\n')
    expect(result.policy.children.map((d) => [d.label, d.title])).toEqual([
      ['1', '扩大投资'],
      ['二', '科技政策']
    ])
    expect(all(result).map((c) => [c.number, c.labelPunctuation, c.title, c.body])).toEqual([
      [1, '.', '甲。', '乙。'],
      [2, '．', '丙。', ''],
      [3, '、', '丁。', '']
    ])
    expect(all(result)[2]!.units).toEqual([])
    expect(all(result)[2]!.unitsText).toBe('')
  })

  it('reads （一） as clauses when no numbered clause follows, 第一条 clauses', async () => {
    const a = await parse('标题\n一、总则\n（一）加大支持。正文。（责任单位：区发改局）\n（二）强化保障。（责任单位：区财政局）\n')
    expect(all(a).map((c) => [c.number, c.label, c.labelPunctuation, c.title])).toEqual([
      [1, '（一）', '', '加大支持。'],
      [2, '（二）', '', '强化保障。']
    ])
    const b = await parse('标题\n一、总则\n第一条　为了规范管理，制定本办法。\n第二条 本办法适用于全区。\n')
    expect(all(b).map((c) => [c.number, c.label, c.labelPunctuation, c.title])).toEqual([
      [1, '第一条', '　', '为了规范管理，制定本办法。'],
      [2, '第二条', ' ', '本办法适用于全区。']
    ])
  })

  it('reads （一） as a group when numbered clauses follow', async () => {
    const result = await parse('标题\n一、投资政策\n（一）财政支持\n1.甲。（责任单位：区发改局）\n2.乙。（责任单位：区财政局）\n（二）要素保障\n3.丙。（责任单位：区财政局）\n')
    expect(all(result).map((c) => [c.number, c.group])).toEqual([
      [1, '（一）财政支持'],
      [2, '（一）财政支持'],
      [3, '（二）要素保障']
    ])
  })

  it('takes the clause number before a digit that starts the title', async () => {
    const result = await parse('标题\n一、人才政策\n10.甲。（责任单位：区人社局）\n11.121人才梯队项目。对入选的给予支持。（责任单位：区人社局）\n')
    expect(all(result).map((c) => [c.number, c.title])).toEqual([
      [10, '甲。'],
      [11, '121人才梯队项目。']
    ])
  })

  it('keeps quoted and noun-phrase titles', async () => {
    const result = await parse('标题\n一、民生政策\n1.“千村示范、万村整治”工程。推进。（责任单位：区发改局）\n2.人才公寓项目（责任单位：区人社局）\n')
    expect(all(result).map((c) => [c.title, c.body])).toEqual([
      ['“千村示范、万村整治”工程。', '推进。'],
      ['人才公寓项目', '']
    ])
  })

  it('gives a fatal not-a-policy message to a text without domains or clauses', async () => {
    const {file} = await parse('只是一段普通的文字。\n另一段。\n')
    const message = file.messages.find((m) => m.ruleId === 'not-a-policy')
    expect(message?.fatal).toBe(true)
  })
})

describe('responsibility forms', () => {
  const units = async (list: string) => {
    const result = await parse(`标题\n一、政策\n1.甲。${list}\n`)
    const clause = all(result)[0]!
    return {clause, units: clause.units.map((u) => [u.name, u.role, u.status])}
  }
  it('（责任单位：…） first lead, rest support, aliases resolved, unknown kept', async () => {
    const {units: u} = await units('（责任单位：区人力社保局、区财政局、区某某中心）')
    expect(u).toEqual([
      ['区人社局', 'lead', 'alias'],
      ['区财政局', 'support', 'canonical'],
      ['区某某中心', 'support', 'unknown']
    ])
  })
  it('（牵头单位：A，配合单位：B、C）', async () => {
    const {units: u, clause} = await units('（牵头单位：区发改局，配合单位：区财政局、区人社局）')
    expect(clause.unitsText).toBe('（牵头单位：区发改局，配合单位：区财政局、区人社局）')
    expect(u).toEqual([
      ['区发改局', 'lead', 'canonical'],
      ['区财政局', 'support', 'canonical'],
      ['区人社局', 'support', 'canonical']
    ])
  })
  it('牵头单位：…；配合单位：… without brackets', async () => {
    const {units: u, clause} = await units('牵头单位：区发改局、区财政局；配合单位：区人社局')
    expect(clause.title).toBe('甲。')
    expect(clause.unitsText).toBe('牵头单位：区发改局、区财政局；配合单位：区人社局')
    expect(u.map((x) => x[1])).toEqual(['lead', 'lead', 'support'])
  })
  it('（A牵头，B、C配合）', async () => {
    const {units: u} = await units('（区发改局牵头，区财政局、区人社局配合）')
    expect(u).toEqual([
      ['区发改局', 'lead', 'canonical'],
      ['区财政局', 'support', 'canonical'],
      ['区人社局', 'support', 'canonical']
    ])
  })
  it('（责任部门：…）', async () => {
    const {units: u} = await units('（责任部门：区发展和改革局、区财政局（区国资办））')
    expect(u).toEqual([
      ['区发改局', 'lead', 'alias'],
      ['区财政局', 'support', 'canonical'],
      ['区国资办', 'support', 'canonical']
    ])
  })
})

describe('splitUnitList', () => {
  it('splits nested brackets into a nested entry', () => {
    expect(splitUnitList('区金融办、区财政局（区国资办）')).toEqual({
      entries: [
        {written: '区金融办', offset: 0, nested: false},
        {written: '区财政局', offset: 5, nested: false},
        {written: '区国资办', offset: 10, nested: true}
      ],
      problems: []
    })
  })
  it('keeps collective phrases whole', () => {
    expect(splitUnitList('各区、县级市').entries.map((e) => e.written)).toEqual(['各区、县级市'])
    expect(splitUnitList('区发改局、各镇（街道）').entries.map((e) => [e.written, e.nested])).toEqual([
      ['区发改局', false],
      ['各镇（街道）', false]
    ])
  })
  it('reports stray separators, empty entries and unbalanced brackets', () => {
    expect(splitUnitList('区A局、区B局、').problems).toEqual([{kind: 'stray-separator', offset: 7, text: '、'}])
    expect(splitUnitList('区A局、、区B局').problems).toEqual([{kind: 'empty-entry', offset: 4, text: '、'}])
    const unbalanced = splitUnitList('区A局、区B局（区C办')
    expect(unbalanced.problems.map((p) => p.kind)).toEqual(['unbalanced-bracket'])
    expect(unbalanced.entries.map((e) => e.written)).toEqual(['区A局', '区B局', '区C办'])
  })
  it('sets explicit roles', () => {
    expect(splitUnitList('牵头单位：区A局，配合单位：区B局').entries).toEqual([
      {written: '区A局', offset: 5, nested: false, role: 'lead'},
      {written: '区B局', offset: 14, nested: false, role: 'support'}
    ])
  })
})

describe('registry', () => {
  it('resolves canonical, alias, full name, parent and unknown', () => {
    expect(resolveUnit(registry, '区发改局')).toEqual({name: '区发改局', status: 'canonical'})
    expect(resolveUnit(registry, '区发展和改革局')).toEqual({name: '区发改局', status: 'alias'})
    expect(resolveUnit(registry, '区国资办')).toEqual({name: '区国资办', status: 'canonical', parent: '区财政局'})
    expect(resolveUnit(registry, '区无名局')).toEqual({name: '区无名局', status: 'unknown'})
    expect(resolveUnit(undefined, '区发改局')).toEqual({name: '区发改局', status: 'unknown'})
  })
  it('throws UserError naming the bad key', () => {
    expect(() => parseRegistry('unit: []')).toThrow(/unit/)
    expect(() => parseRegistry('units:\n  - name: 区A局\n    alias: [x]')).toThrow(UserError)
    expect(() => parseRegistry('units:\n  - name: 区A局\n    parent: 区B局')).toThrow(/parent/)
    expect(() => parseRegistry('units: [')).toThrow(UserError)
  })
})

describe('import round trip on fixtures', () => {
  it('parses import output back to the same tree, escapes included', async () => {
    const text = '标题\n（征求意见稿）\n前言 *星号* 和 [括号] 以及 a_b_c。\n一、政策（由区发改局牵头实施）\n导语。\n（一）分组\n1. 甲 <b>。乙 `代码`。（责任单位：区发改局）\n2.# 丙。（责任单位：区财政局（区国资办））\n结语。\n'
    const first = await parse(text)
    const md = policyToMarkdown(first.policy)
    const second = await parsePolicy({path: 'x.md', text: md}, {registry})
    const strip = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x) => (k === 'position' ? undefined : x)))
    expect(strip(second.policy)).toEqual(strip(first.policy))
    expect(all(first)[0]!.labelPunctuation).toBe('. ')
  })
})
