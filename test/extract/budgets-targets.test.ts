import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {extractBudgets} from '../../src/extract/budgets.ts'
import {extractTargets} from '../../src/extract/targets.ts'

const fixture = JSON.parse(readFileSync(new URL('../fixtures/extract/sample-clauses.json', import.meta.url), 'utf8')) as {
  clauses: Record<string, string>
  intros: string[]
}
const clause = (n: number): string => fixture.clauses[String(n)]!

describe('extractBudgets', () => {
  it('clause 8: total and parts after 其中', () => {
    expect(extractBudgets(clause(8))).toEqual([
      {
        year: 2024,
        total: {value: 11.98, unit: '亿元'},
        parts: [
          {label: '科技创新投入', value: 1.99, unit: '亿元'},
          {label: '人才支撑投入', value: 0.62, unit: '亿元'},
          {label: '教育支撑投入', value: 9.37, unit: '亿元'}
        ],
        text: '2024年预算安排11.98亿元，其中科技创新投入1.99亿元，人才支撑投入0.62亿元，教育支撑投入9.37亿元'
      }
    ])
  })

  it('clause 2: a named total and parts joined by 、', () => {
    const [b] = extractBudgets(clause(2))
    expect(b!.total).toEqual({value: 7.22, unit: '亿元'})
    expect(b!.parts.map((p) => [p.label, p.value])).toEqual([
      ['交通类资金', 5.56],
      ['农业农村类项目资金', 0.72],
      ['公共类项目资金', 0.94]
    ])
  })

  it('clause 19: a part label containing 、 and quotes; the 0.5% 提取 is not a budget', () => {
    const bs = extractBudgets(clause(19))
    expect(bs).toHaveLength(1)
    expect(bs[0]!.parts.map((p) => p.value)).toEqual([1.27, 0.62])
    expect(bs[0]!.parts[0]!.label).toBe('支持“两化”改造、“专精特新”企业培育、工业稳增长、小微园区建设等“腾笼换鸟、凤凰涅槃”补助资金（工发资金）')
  })

  it('no budget in a benefit clause', () => {
    expect(extractBudgets(clause(20))).toEqual([])
  })
})

describe('extractTargets', () => {
  it('domain intro: one target per measurable fragment, year from the sentence', () => {
    expect(extractTargets(fixture.intros[2]!).map((t) => [t.year, t.value, t.unit, t.text])).toEqual([
      [2024, 7, '%', '实现规上工业亩均税收增长7%'],
      [2024, 7, '%', '规上工业亩均增加值增长7%'],
      [2024, 8, '%', '规上工业增加值增长8%']
    ])
    expect(extractTargets(fixture.intros[0]!).map((t) => [t.year, t.value, t.unit])).toEqual([
      [undefined, 190, '个'],
      [undefined, 10, '%']
    ])
  })

  it('clause 4: 2024年，全区供应国有建设用地4000亩 and other quantities; quoted names are not figures', () => {
    const ts = extractTargets(clause(4))
    expect(ts[0]).toEqual({text: '全区供应国有建设用地4000亩', year: 2024, value: 4000, unit: '亩'})
    expect(ts.map((t) => t.value)).toEqual([4000, 6, 0.25, 70, 240, 250])
  })

  it('clause 45: 新增公共充电桩240根', () => {
    expect(extractTargets(clause(45))[0]).toEqual({text: '2024年新增公共充电桩240根', year: 2024, value: 240, unit: '根'})
  })

  it('benefit clauses, their thresholds and noun qualifiers give no targets', () => {
    for (const n of [11, 13, 20, 21, 22, 24]) expect(extractTargets(clause(n)), `clause ${n}`).toEqual([])
    // clause 53: the 高标准农田 target stays, the 每亩…补贴 sentence (with 50亩以上的农业主体) gives none
    expect(extractTargets(clause(53)).map((t) => [t.value, t.unit])).toEqual([[2, '万亩']])
    // 10万元以下的低收入家庭 qualifies a noun; 新增2家 and 90人 are targets
    expect(extractTargets(clause(68)).map((t) => t.value)).toEqual([2, 90])
  })

  it('budget statements are not targets', () => {
    expect(extractTargets(clause(8))).toEqual([])
  })
})
