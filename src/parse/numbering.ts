/** Number labels of policy texts: 一、 1、 1. 1． （一） 第一条, with full-width digits. */

const digits: Record<string, number> = {零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9}

/** `十二` → 12, `一百零五` → 105; NaN when not a Chinese numeral. */
export function chineseNumber(text: string): number {
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return Number.NaN
  let total = 0
  let current = 0
  for (const char of text) {
    if (char in digits) current = digits[char]!
    else {
      const unit = char === '十' ? 10 : char === '百' ? 100 : 1000
      total += (current || 1) * unit
      current = 0
    }
  }
  return total + current
}

/** Fold full-width digits to ASCII. */
export function foldDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}

/** `12`, `１２`, `十二` → 12. */
export function labelNumber(label: string): number {
  const folded = foldDigits(label)
  return /^\d+$/.test(folded) ? Number(folded) : chineseNumber(label)
}

const cn = '[零〇一二两三四五六七八九十百千]+'
const ws = '[ \\t\\u3000]*'

/** Domain heading `一、…` (Chinese numeral). Groups: label, punctuation (incl. spaces), rest. */
export const chineseHeading = new RegExp(`^(${cn})([、．.]${ws})(.*)$`, 's')
/** `1、…` `1.…` `1．…` (Arabic, full-width allowed). Groups: label, punctuation, rest. */
export const arabicLabel = new RegExp(`^([0-9０-９]+)([、．.]${ws})(.*)$`, 's')
/** `（一）…` with full- or half-width brackets. Groups: label (with brackets), rest. */
export const bracketLabel = new RegExp(`^([（(]${cn}[）)])(${ws})(.*)$`, 's')
/** `第一条 …`. Groups: label, spaces, rest. */
export const articleLabel = new RegExp(`^(第(?:${cn}|[0-9０-９]+)条)(${ws})(.*)$`, 's')

/** The number inside `（一）` or `第一条`. */
export function innerNumber(label: string): number {
  const inner = label.replace(/^[（(]|[）)]$/g, '').replace(/^第|条$/g, '')
  return labelNumber(inner)
}

/** `（由区发改局牵头实施）` at the end of a domain heading. Groups: units. */
export const leadPhrase = /[（(]由(.+?)(?:共同)?牵头(?:实施|负责|落实)?[）)]$/
