import {describe, expect, it} from 'vitest'
import {deadlineDate, deadlineFromCell, deadlineInText, policyYear} from '../../src/parse/deadline.ts'

describe('deadlines', () => {
  it('dates month ends and year ends, with the policy year when the text has none', () => {
    expect(deadlineDate('2024年6月底前')).toBe('2024-06-30')
    expect(deadlineDate('2024年2月底前')).toBe('2024-02-29')
    expect(deadlineDate('6月底完成', 2023)).toBe('2023-06-30')
    expect(deadlineDate('年底前', 2016)).toBe('2016-12-31')
    expect(deadlineDate('全年', 2016)).toBe('2016-12-31')
    expect(deadlineDate('上半年', 2019)).toBe('2019-06-30')
    expect(deadlineDate('三季度末', 2024)).toBe('2024-09-30')
    expect(deadlineDate('十二月', 2016)).toBe('2016-12-31')
  })

  it('keeps text that is not a date as text', () => {
    expect(deadlineDate('持续推进', 2024)).toBeUndefined()
    expect(deadlineDate('6月底前')).toBeUndefined()
    expect(deadlineInText('持续推进各项工作。')).toEqual({text: '持续推进', source: 'text'})
  })

  it('finds the time limit in running text, not start dates or targets', () => {
    expect(deadlineInText('2019年6月底前，完成方案编制。')).toEqual({text: '2019年6月底前', date: '2019-06-30', source: 'text'})
    expect(deadlineInText('2024年底前新建5G基站1000个。')).toMatchObject({text: '2024年底前', date: '2024-12-31'})
    expect(deadlineInText('从2019年1月1日起实施。')).toBeUndefined()
    expect(deadlineInText('到2027年，设备投资增长25%。')).toBeUndefined()
  })

  it('reads table cells with the policy year', () => {
    expect(deadlineFromCell('3月', 2016)).toEqual({text: '3月', date: '2016-03-31', source: 'column'})
    expect(deadlineFromCell('全年', 2016)).toEqual({text: '全年', date: '2016-12-31', source: 'column'})
    expect(deadlineFromCell('长期', 2016)).toEqual({text: '长期', source: 'column'})
    expect(deadlineFromCell('  ', 2016)).toBeUndefined()
  })

  it('takes the policy year from the title or the document number', () => {
    expect(policyYear('平潭综合实验区2016年生态环境保护工作要点')).toBe(2016)
    expect(policyYear('没有年份', '岚综管综〔2019〕116号')).toBe(2019)
    expect(policyYear('没有年份')).toBeUndefined()
  })
})
