/**
 * Numbers: budget totals against their parts, `分别` lists whose recipients and amounts differ
 * in number, and numbers that mix full-width and half-width characters.
 */
import {defineRule, type Rule} from '../rule.ts'
import {clauseOffsets} from '../source.ts'
import {foldDigits} from '../../tree/numerals.ts'

const moneyUnits: Record<string, number> = {亿元: 10000, 万元: 1, 元: 0.0001}

interface Amount {
  value: number
  /** Digits after the decimal point, for the rounding tolerance. */
  decimals: number
  unit: string
  text: string
  /** Offset within the scanned text. */
  offset: number
}

/** Replace bracketed text with spaces of the same length, so offsets stay valid. */
export function blankBrackets(text: string): string {
  let depth = 0
  let out = ''
  for (const char of text) {
    if (char === '（' || char === '(') {
      depth++
      out += ' '.repeat(char.length)
    } else if ((char === '）' || char === ')') && depth > 0) {
      depth--
      out += ' '.repeat(char.length)
    } else out += depth > 0 ? ' '.repeat(char.length) : char
  }
  return out
}

/** End of the sentence that starts at `from` (index of the 。 or the text's end). */
function sentenceEnd(text: string, from: number): number {
  const end = text.indexOf('。', from)
  return end === -1 ? text.length : end
}

function money(text: string, offset = 0): Amount[] {
  const amounts: Amount[] = []
  for (const match of text.matchAll(/(\d+(?:\.(\d+))?)(亿元|万元|元)(?![\/／])/g)) {
    amounts.push({
      value: Number(match[1]),
      decimals: match[2]?.length ?? 0,
      unit: match[3],
      text: match[0],
      offset: offset + (match.index ?? 0)
    })
  }
  return amounts
}

function format(value: number): string {
  return String(Math.round(value * 1e6) / 1e6)
}

export const budgetSum = defineRule({
  id: 'budget-sum',
  severity: 'error',
  doc: '“预算安排X亿元，其中……”的分项之和应等于总额（按所写精度允许四舍五入误差）',
  run(context) {
    const {policy, source} = context
    for (const domain of policy.children) {
      for (const clause of domain.children) {
        const offsets = clauseOffsets(clause, source)
        const text = clause.title + clause.body
        const flat = blankBrackets(text)
        // `预算安排11.98亿元` or `预算安排政府投资项目资金7.22亿元`.
        for (const match of flat.matchAll(/预算安排[^\d，。；、]{0,15}?(\d+(?:\.(\d+))?)(亿元|万元)/g)) {
          const totalOffset = (match.index ?? 0) + match[0].length - match[1].length - match[3].length
          const end = sentenceEnd(flat, totalOffset)
          const among = flat.indexOf('其中', totalOffset)
          if (among === -1 || among > end) continue
          const parts = money(flat.slice(among, end), among)
          if (parts.length < 2) continue
          const unit = match[3]
          const scale = moneyUnits[unit]
          const total = Number(match[1])
          const totalDecimals = match[2]?.length ?? 0
          const sum = parts.reduce((acc, part) => acc + (part.value * moneyUnits[part.unit]) / scale, 0)
          // Each stated figure is rounded to its own precision: allow the sum of half-units.
          const tolerance =
            parts.reduce((acc, part) => acc + (0.5 * 10 ** -part.decimals * moneyUnits[part.unit]) / scale, 0) +
            0.5 * 10 ** -totalDecimals +
            1e-9
          if (Math.abs(sum - total) <= tolerance) continue
          const start = offsets ? offsets.title + totalOffset : undefined
          const place = start === undefined ? clause.position : source.span(start, start + match[1].length + unit.length)
          const partsText = parts.map((part) => part.text).join(' + ')
          const difference = format(Math.abs(sum - total))
          context.report(
            `预算总额与分项之和不符：预算安排 ${match[1]}${unit}，其中各项合计 ${format(sum)}${unit}（${partsText}），${sum > total ? '多' : '少'} ${difference}${unit}`,
            place,
            {actual: `${format(sum)}${unit}`, expected: [`${match[1]}${unit}`]}
          )
        }
      }
    }
  }
})

const amountPattern = String.raw`\d+(?:\.\d+)?(?:亿元|万元|元|个百分点|%|％|万人|人|家|个|万亩|亩)`

/** The recipients before a `分别`: the nearest comma segment that holds a list. */
export function recipientsBefore(text: string, position: number): {items: string[]} | undefined {
  const stop = Math.max(text.lastIndexOf('。', position), text.lastIndexOf('；', position))
  // Quoted names are kept whole; bracketed notes are dropped.
  const before = blankBrackets(text.slice(stop + 1, position))
  const segments = before.split(/[，,]/)
  for (let index = segments.length - 1, tried = 0; index >= 0 && tried < 3; index--, tried++) {
    const segment = segments[index].replace(/\s+/g, '')
    const listed = segment.includes('、') || /”“/.test(segment)
    if (listed) {
      const items = segment.split(/、|(?<=”)(?=“)/)
      // For the message: drop the leading `对` and the trailing `的` of the phrase.
      items[0] = items[0].replace(/^对(?:于)?/, '')
      items[items.length - 1] = items[items.length - 1].replace(/的$/, '')
      return {items}
    }
    const joined = /^(.+?)(?:和|及|与)(.+)$/.exec(segment)
    if (joined) return {items: [joined[1].replace(/^对(?:于)?/, ''), joined[2].replace(/的$/, '')]}
  }
  return undefined
}

export const respectivelyCount = defineRule({
  id: 'respectively-count',
  severity: 'warning',
  doc: '“分别给予……”前列出的对象个数应与后面列出的金额个数相同',
  run(context) {
    const {policy, source} = context
    const amountList = new RegExp(`^[^。；，\\d]{0,12}?(${amountPattern}(?:\\s*[、和及与]\\s*${amountPattern})+)`)
    for (const domain of policy.children) {
      for (const clause of domain.children) {
        const offsets = clauseOffsets(clause, source)
        const text = clause.title + clause.body
        for (const match of text.matchAll(/分别/g)) {
          const at = match.index ?? 0
          const after = amountList.exec(text.slice(at + 2))
          if (!after) continue
          const amounts = after[1].split(/\s*[、和及与]\s*/)
          const recipients = recipientsBefore(text, at)
          if (!recipients || recipients.items.length === amounts.length) continue
          const start = offsets ? offsets.title + at : undefined
          const place = start === undefined ? clause.position : source.span(start, start + 2 + after[0].length)
          context.report(
            `“分别”前列出 ${recipients.items.length} 个对象（${recipients.items.join('、')}），后面却有 ${amounts.length} 个数额（${amounts.join('、')}），数目不一致，请核对`,
            place,
            {actual: after[1]}
          )
        }
      }
    }
  }
})

export const mixedWidthDigits = defineRule({
  id: 'mixed-width-digits',
  severity: 'warning',
  doc: '同一个数字中不应混用全角和半角数字或小数点',
  run(context) {
    const {source} = context
    for (const match of source.value.matchAll(/[0-9０-９]+(?:[.．][0-9０-９]+)*/g)) {
      const number = match[0]
      if (!/[0-9.]/.test(number) || !/[０-９．]/.test(number)) continue
      const fixed = foldDigits(number)
      const start = match.index ?? 0
      context.report(`数字“${number}”混用了全角和半角字符，应统一写作“${fixed}”`, source.span(start, start + number.length), {
        actual: number,
        expected: [fixed]
      })
    }
  }
})

export const numberRules: Rule[] = [budgetSum, respectivelyCount, mixedWidthDigits]
