/**
 * Budget statements: `2024年预算安排11.98亿元，其中科技创新投入1.99亿元，人才支撑投入0.62亿元…`.
 * The total is the first sum after 预算安排; the parts are the sums after 其中 in the same sentence,
 * each labelled with the words between the previous sum and its own (`科技创新投入`). A budget is
 * never a benefit (measures.ts skips these sentences) nor a target (targets.ts skips its span).
 */
import type {Budget} from '../tree/types.ts'
import {NUM, sentences, toNumber} from './text.ts'

export interface LocatedBudget {
  budget: Budget
  start: number
}

const SUM = new RegExp(`(${NUM})(亿元|万元|元)`, 'g')

export function extractBudgets(text: string): Budget[] {
  return locateBudgets(text).map((b) => b.budget)
}

export function locateBudgets(text: string): LocatedBudget[] {
  const out: LocatedBudget[] = []
  for (const s of sentences(text)) {
    const at = s.text.indexOf('预算安排')
    if (at < 0) continue
    const sums = [...s.text.matchAll(SUM)].filter((m) => m.index > at)
    const first = sums[0]
    if (!first) continue
    const yearMatch = /([0-9０-９]{4})年(?:[^，。；]{0,6})$/.exec(s.text.slice(0, at))
    const from = yearMatch ? yearMatch.index : at
    const budget: Budget = {total: {value: toNumber(first[1]!), unit: first[2]!}, parts: [], text: ''}
    if (yearMatch) budget.year = toNumber(yearMatch[1]!)
    let end = first.index + first[0].length
    const qizhong = s.text.indexOf('其中', end)
    if (qizhong >= 0) {
      let prevEnd = qizhong + 2
      for (const m of sums.slice(1)) {
        if (m.index < prevEnd) continue
        const label = s.text
          .slice(prevEnd, m.index)
          .replace(/^[，、：,;；\s]+/, '')
          .trim()
        budget.parts.push({label, value: toNumber(m[1]!), unit: m[2]!})
        prevEnd = m.index + m[0].length
      }
      if (budget.parts.length) end = prevEnd
    }
    budget.text = s.text.slice(from, end)
    out.push({budget, start: s.start + from})
  }
  return out
}
