/**
 * Deadlines as policies write them: `2024年6月底前`, `6月底完成`, `年底前`, `持续推进`, and table
 * cells such as `3月`, `全年`. A deadline is a date where the text names a month end or a year end
 * (with the policy's year when the text leaves it out), and stays text otherwise.
 */
import type {Deadline} from '../tree/types.ts'
import {foldDigits} from '../tree/numerals.ts'

const month = '(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})'
/** Deadline phrases inside running text, longest forms first. */
const textPatterns: RegExp[] = [
  new RegExp(`(?:(?:[0-9]{4}年)?(?:${month}月(?:底|末|份)?|上半年|下半年|[一二三四1-4]季度(?:末)?)|(?:[0-9]{4})?年(?:底|末))(?:前|以前|之前)?(?:完成|建成|出台|制定|印发)?`, 'g'),
  /持续推进|长期坚持|长期推进|持续开展/g
]

function monthNumber(text: string): number {
  const folded = foldDigits(text)
  if (/^\d+$/.test(folded)) return Number(folded)
  const map: Record<string, number> = {一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12}
  return map[text] ?? Number.NaN
}

function lastDay(year: number, monthIndex: number): string {
  const day = new Date(Date.UTC(year, monthIndex, 0)).getUTCDate()
  return `${year}-${String(monthIndex).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * The date a deadline text names, ISO `YYYY-MM-DD`, or undefined (`持续推进`, a text without a
 * year when `year` is not known). Month → its last day; year end / 全年 → 31 December;
 * 上半年 → 30 June; a quarter → its last day.
 */
export function deadlineDate(text: string, year?: number): string | undefined {
  const folded = foldDigits(text)
  const y = /([0-9]{4})年/.exec(folded)
  const resolvedYear = y ? Number(y[1]) : year
  if (resolvedYear === undefined) return undefined
  const m = /(?:^|年)([0-9]{1,2}|[一二三四五六七八九十]{1,3})月/.exec(folded)
  if (m) {
    const n = monthNumber(m[1]!)
    if (n >= 1 && n <= 12) return lastDay(resolvedYear, n)
    return undefined
  }
  if (/年底|年末|全年|年内/.test(folded) || /^[0-9]{4}年(?:前|以前|之前|完成)?$/.test(folded)) return `${resolvedYear}-12-31`
  if (/上半年/.test(folded)) return `${resolvedYear}-06-30`
  if (/下半年/.test(folded)) return `${resolvedYear}-12-31`
  const q = /([一二三四1-4])季度/.exec(folded)
  if (q) return lastDay(resolvedYear, 3 * monthNumber(q[1]!.replace(/[1-4]/, (d) => '一二三四'[Number(d) - 1]!)))
  return undefined
}

/** A deadline from a table cell (`3月`, `全年`, `2024年6月底前`); empty cell → undefined. */
export function deadlineFromCell(cell: string, year?: number): Deadline | undefined {
  const text = cell.trim()
  if (!text) return undefined
  const deadline: Deadline = {text, source: 'column'}
  const date = deadlineDate(text, year)
  if (date) deadline.date = date
  return deadline
}

/**
 * The deadline a task's text states: the last deadline phrase with `前`/`底`/`完成` (a time limit),
 * or `持续推进`. Plain dates (`2019年1月1日起`) and targets (`到2027年`) are not deadlines.
 */
export function deadlineInText(text: string, year?: number): Deadline | undefined {
  let found: string | undefined
  for (const pattern of textPatterns) {
    for (const match of text.matchAll(pattern)) {
      const value = match[0]
      if (!value) continue
      const after = text.slice(match.index! + value.length, match.index! + value.length + 1)
      if (after === '日' || after === '起' || after === '至') continue
      if (!/前|底|末|完成|建成|出台|制定|印发|持续|长期/.test(value)) continue
      found = value
    }
  }
  if (!found) return undefined
  const deadline: Deadline = {text: found, source: 'text'}
  const date = deadlineDate(found, year)
  if (date) deadline.date = date
  return deadline
}

/** The policy's year: from its title or document number (`2016年…工作要点`, `〔2016〕62号`). */
export function policyYear(...texts: Array<string | undefined>): number | undefined {
  for (const text of texts) {
    if (!text) continue
    const folded = foldDigits(text)
    const match = /〔([0-9]{4})〕|[\[［(（]([0-9]{4})[\]］)）]|([0-9]{4})年/.exec(folded)
    if (match) return Number(match[1] ?? match[2] ?? match[3])
  }
  return undefined
}
