/** Chinese numerals (一 … 九十九) used in domain labels, and their values. */

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 21 → 二十一 (1–99). */
export function toChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) return String(value)
  if (value < 10) return digits[value]
  const tens = Math.floor(value / 10)
  const ones = value % 10
  return (tens === 1 ? '' : digits[tens]) + '十' + (ones === 0 ? '' : digits[ones])
}

/** Value of a label written in Chinese numerals or Arabic digits (full-width too); NaN otherwise. */
export function labelValue(label: string): number {
  const ascii = label.replace(/[０-９]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
  if (/^\d+$/.test(ascii)) return Number(ascii)
  const match = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(label)
  if (!match || label === '') return Number.NaN
  const [, first, ten, last] = match
  if (!ten) return first && !last ? digits.indexOf(first) : Number.NaN
  return (first ? digits.indexOf(first) : 1) * 10 + (last ? digits.indexOf(last) : 0)
}

export function isArabicLabel(label: string): boolean {
  return /^[0-9０-９]+$/.test(label)
}
