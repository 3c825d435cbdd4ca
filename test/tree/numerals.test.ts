import {describe, expect, it} from 'vitest'
import {chineseNumeral, chineseNumber, foldDigits, labelNumber} from '../../src/tree/numerals.ts'

describe('numerals', () => {
  it('writes Chinese numerals for domain labels', () => {
    expect([1, 9, 10, 12, 20, 21, 99].map(chineseNumeral)).toEqual(['一', '九', '十', '十二', '二十', '二十一', '九十九'])
    expect(chineseNumeral(100)).toBe('100')
  })

  it('reads labels in Chinese numerals, ASCII and full-width digits', () => {
    expect(['一', '十', '十二', '二十一', '1', '１２', '甲'].map(labelNumber)).toEqual([1, 10, 12, 21, 1, 12, Number.NaN])
    expect(chineseNumber('一百零五')).toBe(105)
  })

  it('folds full-width digits and dots', () => {
    expect(foldDigits('１２．５万元')).toBe('12.5万元')
  })

  it('round-trips 1–99', () => {
    for (let n = 1; n < 100; n++) expect(labelNumber(chineseNumeral(n))).toBe(n)
  })
})
