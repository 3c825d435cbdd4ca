/**
 * Small formatting functions shared by views (and registered as template helpers): Chinese
 * numerals, dates, unit lists. Pure; no policy-text parsing.
 */
import type {UnitRef} from '../tree/types.ts'

export {chineseNumeral} from '../tree/numerals.ts'

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
 * as in the source (`区财政局（区国资办）`). Canonical names by default; `written` for the names
 * as the source writes them.
 */
export function unitDisplayNames(refs: readonly UnitRef[], field: 'name' | 'written' = 'name'): string[] {
  const out: string[] = []
  let open: {host: string; nested: string[]} | undefined
  const flush = () => {
    if (open) out.push(open.nested.length > 0 ? `${open.host}（${open.nested.join('、')}）` : open.host)
    open = undefined
  }
  for (const ref of refs) {
    if (ref.nested && open) open.nested.push(ref[field])
    else {
      flush()
      open = {host: ref[field], nested: []}
    }
  }
  flush()
  return out
}
