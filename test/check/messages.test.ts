/** Message details of single rules, on small inline texts. */
import {describe, expect, it} from 'vitest'
import {unitListProblems} from '../../src/check/rules/units.ts'
import {recipientsBefore} from '../../src/check/rules/numbers.ts'
import {sentences} from '../../src/check/rules/repeats.ts'
import {SourceText} from '../../src/check/source.ts'
import {check, readFixture} from './helpers.ts'

const base = readFixture('base.txt')

function reasons(messages: Array<{ruleId?: string | null; reason: string}>, ruleId: string): string[] {
  return messages.filter((message) => message.ruleId === ruleId).map((message) => message.reason)
}

describe('numbering', () => {
  it('says what was found and what was expected', async () => {
    const messages = await check(base.replace('4.培育壮大', '6.培育壮大'))
    expect(reasons(messages, 'clause-numbering')).toEqual(['条款编号不连续：3 之后是 6，应为 4'])
  })

  it('reports a repeated clause number', async () => {
    const messages = await check(base.replace('4.培育壮大', '3.培育壮大'))
    expect(reasons(messages, 'clause-numbering')).toEqual(['条款编号重复：3 之后又是 3，应为 4'])
  })

  it('asks for Chinese numerals in domain labels', async () => {
    const messages = await check(base.replace('一、扩大有效投资政策（', '1、扩大有效投资政策（'))
    expect(reasons(messages, 'domain-numbering')).toEqual(['领域编号“1、”使用了阿拉伯数字，应写作“一、”'])
  })

  it('names the majority style in number-punctuation', async () => {
    const messages = await check(base.replace('2.加大', '2、加大'))
    expect(reasons(messages, 'number-punctuation')).toEqual([
      '条款编号“2”后用了顿号“、”，全文多数（3 处）用半角点“.”，应统一为“2.”'
    ])
  })
})

describe('units', () => {
  it('suggests the registry name for a near miss', async () => {
    const messages = await check(base.replace('区科技局、区人社局）', '区科技局、区人社分局）'))
    expect(reasons(messages, 'unit-unknown')).toEqual(['单位“区人社分局”不在单位名录中，是否应为“区人社局”'])
  })

  it('is silent about unknown names without a registry', async () => {
    const messages = await check(base.replace('区科技局、区人社局）', '区科技局、区科协）'), {registry: null})
    expect(reasons(messages, 'unit-unknown')).toEqual([])
  })

  it('finds list problems with their offsets', () => {
    expect(unitListProblems('（责任单位：区A、）', 0).map((p) => [p.offset, p.actual])).toEqual([[8, '、）']])
    expect(unitListProblems('（责任单位：区A（区B）', 0).map((p) => p.reason)).toEqual([
      '责任单位列表括号不配对：“（”没有对应的右括号'
    ])
    expect(unitListProblems('（责任单位：区A）区B）', 0).map((p) => p.reason)).toEqual(['责任单位列表括号不配对：多出一个“）”'])
    expect(unitListProblems('区A、区B、', 10).map((p) => p.offset)).toEqual([15])
    expect(unitListProblems('（责任单位：区A、区B（区C））', 0)).toEqual([])
  })
})

describe('numbers', () => {
  it('counts recipients joined by 和 and by adjacent quotes', () => {
    const text = '对评为“三星级”“四星级”“五星级”小微企业园的，分别给予'
    expect(recipientsBefore(text, text.indexOf('分别'))?.items).toHaveLength(3)
    const joined = '对经认定的国家智能制造示范企业和国家智能制造优秀场景企业分别给予'
    expect(recipientsBefore(joined, joined.indexOf('分别'))?.items).toHaveLength(2)
    const shared = '对经认定的国家级、省级、市级绿色工厂和绿色园区，分别给予'
    expect(recipientsBefore(shared, shared.indexOf('分别'))?.items).toHaveLength(3)
  })

  it('ignores 分别 without a list of amounts', async () => {
    const messages = await check(base.replace('推进区亿元以上', '安置用地与主体工程可分别报批，推进区亿元以上'))
    expect(reasons(messages, 'respectively-count')).toEqual([])
  })

  it('allows rounding to the stated precision but not more', async () => {
    const sentence = '2024年预算安排政府投资项目资金7.22亿元，其中交通类资金5.56亿元、农业农村类项目资金0.72亿元、公共类项目资金0.94亿元。'
    const rounded = await check(base.replace(sentence, '2024年预算安排1.0亿元，其中A资金0.34亿元、B资金0.34亿元、C资金0.34亿元。'))
    expect(reasons(rounded, 'budget-sum')).toEqual([])
    const wrong = await check(base.replace(sentence, '2024年预算安排1.0亿元，其中A资金0.5亿元、B资金0.5亿元、C资金0.5亿元。'))
    expect(reasons(wrong, 'budget-sum')).toHaveLength(1)
  })
})

describe('helpers', () => {
  it('splits sentences outside brackets and quotes', () => {
    expect(sentences('甲。乙（丙。丁）戊；己').map((s) => s.text)).toEqual(['甲。', '乙（丙。丁）戊；', '己'])
  })

  it('maps offsets to points', () => {
    const source = new SourceText('ab\r\ncd\nef')
    expect(source.point(4)).toEqual({line: 2, column: 1, offset: 4})
    expect(source.line(1)).toBe('ab')
    expect(source.point(99)).toEqual({line: 3, column: 3, offset: 9})
  })
})
