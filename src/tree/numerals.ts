/**
 * Numerals as policy texts write them: Chinese numerals in labels (一、 （十二） 第一百零五条) and
 * full-width digits. Shared by the parser (reading labels), checks (expected labels) and views
 * (writing 一、二、…), so the three agree.
 */

const digitChars = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
const digitValues: Record<string, number> = {零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9}

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; other values as Arabic digits. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n)
  if (n < 10) return digitChars[n]!
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return (tens === 1 ? '' : digitChars[tens]) + '十' + (ones === 0 ? '' : digitChars[ones])
}

/** `十二` → 12, `一百零五` → 105; NaN when not a Chinese numeral. */
export function chineseNumber(text: string): number {
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return Number.NaN
  let total = 0
  let current = 0
  for (const char of text) {
    if (char in digitValues) current = digitValues[char]!
    else {
      const unit = char === '十' ? 10 : char === '百' ? 100 : 1000
      total += (current || 1) * unit
      current = 0
    }
  }
  return total + current
}

/** Fold full-width digits and the full-width dot to ASCII (`１２．５` → `12.5`). */
export function foldDigits(text: string): string {
  return text.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
}

/** `12`, `１２`, `十二` → 12; NaN otherwise. */
export function labelNumber(label: string): number {
  const folded = foldDigits(label)
  return /^\d+$/.test(folded) ? Number(folded) : chineseNumber(label)
}
