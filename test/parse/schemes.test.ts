import {describe, expect, it} from 'vitest'
import {numberingOf, schemes} from '../../src/parse/schemes.ts'

describe('numbering schemes table', () => {
  for (const scheme of schemes) {
    it(`reads every example of ${scheme.id}`, () => {
      for (const example of scheme.examples) {
        const found = numberingOf(example)
        expect(found?.scheme.id, example).toBe(scheme.id)
        expect(example.startsWith(found!.label + found!.punctuation)).toBe(true)
        expect(found!.number).toBeGreaterThan(0)
      }
    })
  }

  it('reads numbers written with PDF spaces and full-width digits', () => {
    expect(numberingOf('第 1 0 条 本办法自印发之日起施行。')).toMatchObject({label: '第 1 0 条', number: 10})
    expect(numberingOf('二 、主要任务')).toMatchObject({label: '二', punctuation: ' 、', number: 2})
    expect(numberingOf('１２．加大支持。')).toMatchObject({label: '１２', number: 12})
    expect(numberingOf('第一百零五条　附则')).toMatchObject({number: 105})
    expect(numberingOf('⑫ 定期通报。')).toMatchObject({scheme: {id: 'circled'}, number: 12})
  })

  it('does not read decimals, years, dates or bare labels as numbering', () => {
    for (const text of ['1.5亿元用于补贴。', '2024年6月底前完成。', '（1.5万元）', '一', '（一）', '12月底前完成']) {
      expect(numberingOf(text), text).toBeUndefined()
    }
  })
})
