/**
 * Measurable targets: a fragment of a sentence (between `，；。`) that states a quantity with a unit
 * (新增公共充电桩240根, 推动固定资产投资增长10%, 集装箱吞吐量1万标箱), with the year of its
 * sentence when one is given (`2024年，全区供应国有建设用地4000亩` → year 2024).
 *
 * Not targets: benefits and their thresholds (a sentence that grants 奖励/补助/补贴 or overlaps a
 * measure), budgets (`预算安排…`), quantities that only qualify a noun (`50亩以上的农业主体`,
 * `10万元以下的低收入家庭`), numbers inside quotes or titles (`“3119”工程`, `《…（2014）》`) and
 * ratios (`1:1.5`). One target per fragment; `value`/`unit` are its first quantity.
 */
import type {Target} from '../tree/types.ts'
import {locateBudgets} from './budgets.ts'
import {locateMeasures} from './measures.ts'
import {NUM, bare, sentences, toNumber, type Span} from './text.ts'

export interface LocatedTarget {
  target: Target
  start: number
}

const UNITS = [
  '万吨标准煤', '吨标准煤', '万平方米', '平方米', '亿美元', '万美元', '万标箱', '标箱', '亿元', '万元', '万亩', '万人',
  '人次', '公里', '万吨', '元', '亩', '根', '个', '家', '场', '名', '人', '台', '项', '条', '辆', '座', '所', '户', '吨', '%', '％'
]
const QUANTITY = new RegExp(`(${NUM})(?:\\s*[-~～]\\s*(${NUM}))?(${UNITS.join('|')})?(左右|以上|以下|以内)?(的)?`, 'g')
const BENEFIT_WORDS = /给予|奖励|补助|补贴/

export function extractTargets(text: string): Target[] {
  return locateTargets(text).map((t) => t.target)
}

/** Bracket/quote depth per character: quantities inside “…” or 《…》 are names, not figures. */
function quotedMask(text: string): boolean[] {
  const mask: boolean[] = []
  let depth = 0
  for (const ch of text) {
    if (ch === '“' || ch === '《') depth++
    mask.push(depth > 0)
    if ((ch === '”' || ch === '》') && depth > 0) depth--
  }
  return mask
}

export function locateTargets(text: string): LocatedTarget[] {
  const measures = locateMeasures(text)
  const taken: Array<[number, number]> = [
    ...measures.map((m): [number, number] => [m.start, m.start + m.measure.text.length]),
    ...locateBudgets(text).map((b): [number, number] => [b.start, b.start + b.budget.text.length])
  ]
  const overlaps = (a: number, b: number): boolean => taken.some(([s, e]) => a < e && s < b)
  const quoted = quotedMask(text)
  const out: LocatedTarget[] = []
  for (const s of sentences(text)) {
    // a sentence that grants a benefit: its figures are benefits or their thresholds
    if (BENEFIT_WORDS.test(s.text) && measures.some((m) => m.start >= s.start && m.start < s.start + s.text.length)) continue
    let year: number | undefined
    for (const frag of fragments(s)) {
      const ft = bare(frag.text)
      const y = /([0-9０-９]{4})年/.exec(ft)
      if (y && !/^[0-9０-９]{4}年[-—–]/.test(ft.slice(y.index))) year = toNumber(y[1]!)
      if (overlaps(frag.start, frag.start + ft.length)) continue
      // rules, not targets: 不得低于50%, 建筑密度上限指标统一按60%控制
      if (/不得|按[^，；]*控制$|上限|下限/.test(ft)) continue
      let found: {value: number; unit?: string} | undefined
      for (const m of ft.matchAll(QUANTITY)) {
        const i = m.index
        if (quoted[frag.start + i]) continue
        const unit = m[3]
        const qualifier = m[4]
        if (/[:：]$/.test(ft.slice(0, i)) || /^[:：]/.test(ft.slice(i + m[0].length))) continue
        if (/[0-9０-９]{4}年/.test(ft.slice(i, i + 5)) && !unit) continue
        if (!unit && !(qualifier && qualifier !== '左右')) continue
        if (m[5]) continue // 50亩以上的… qualifies a noun
        if (unit === '元' && /^[0-9０-９]{4}$/.test(m[1]!)) continue
        found = {value: toNumber(m[2] ?? m[1]!), unit: unit === '％' ? '%' : unit}
        break
      }
      if (!found) continue
      const target: Target = {text: ft, value: found.value}
      if (found.unit) target.unit = found.unit
      if (year !== undefined) target.year = year
      out.push({target, start: frag.start})
    }
  }
  return out
}

/** Fragments of a sentence at `，；` outside brackets. */
function fragments(s: Span): Span[] {
  const out: Span[] = []
  let depth = 0
  let from = 0
  for (let i = 0; i < s.text.length; i++) {
    const ch = s.text[i]!
    if ('（(“《'.includes(ch)) depth++
    else if ('）)”》'.includes(ch)) depth = Math.max(0, depth - 1)
    else if (depth === 0 && '，；。'.includes(ch)) {
      if (i > from) out.push({text: s.text.slice(from, i + 1), start: s.start + from})
      from = i + 1
    }
  }
  if (from < s.text.length) out.push({text: s.text.slice(from), start: s.start + from})
  return out
}
