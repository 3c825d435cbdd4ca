/**
 * Small formatting functions shared by views (and registered as template helpers): Chinese
 * numerals, dates, unit lists. Pure; no policy-text parsing.
 */
import type {UnitRef} from '../tree/types.ts'

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; other values as Arabic digits. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n)
  if (n < 10) return digits[n]
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return (tens === 1 ? '' : digits[tens]) + '十' + (ones === 0 ? '' : digits[ones])
}

/** `2024-03-05` → `2024年3月5日` (GB/T 9704: Arabic numerals, no leading zeros). Other text is returned as is. */
export function formatDate(value: string | undefined): string | undefined {
  if (value == null || value === '') return undefined
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(String(value))
  if (!match) return String(value)
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`
}

/** An ISO date (`YYYY-MM-DD`) as a fixed timestamp (`YYYY-MM-DDT00:00:00Z`), or undefined. */
export function isoTimestamp(value: string | undefined): string | undefined {
  const match = value == null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value))
  return match ? `${match[1]}-${match[2]}-${match[3]}T00:00:00Z` : undefined
}

/** Join names with the enumeration comma (`区A、区B`). */
export function joinNames(names: readonly string[]): string {
  return names.join('、')
}

/**
 * Unit references as shown in a table cell: nested units stay in brackets after their host,
 * as in the source (`区财政局（区国资办）`). Canonical names are used.
 */
export function unitDisplayNames(refs: readonly UnitRef[]): string[] {
  const out: string[] = []
  let open: {host: string; nested: string[]} | undefined
  const flush = () => {
    if (open) out.push(open.nested.length > 0 ? `${open.host}（${open.nested.join('、')}）` : open.host)
    open = undefined
  }
  for (const ref of refs) {
    if (ref.nested && open) open.nested.push(ref.name)
    else {
      flush()
      open = {host: ref.name, nested: []}
    }
  }
  flush()
  return out
}
