/**
 * Dates as people write them in configs and spreadsheets, to ISO `YYYY-MM-DD`. Pure; shared by
 * the config (deadlines) and `collect` (dates bureaus type into the ledger).
 */
import {foldDigits} from '../tree/numerals.ts'

/** ISO `YYYY-MM-DD` of a real calendar day, or undefined (2024-02-30 is not one). */
export function isoDay(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (year < 1900 || year > 2200 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Last day of a month as ISO. */
function monthEnd(year: number, month: number): string | undefined {
  if (month < 1 || month > 12) return undefined
  return isoDay(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate())
}

/**
 * One day written as `2024-06-30`, `2024/6/30`, `2024.6.30`, `2024年6月30日`, `20240630`
 * (full-width digits folded, spaces ignored); undefined for anything else.
 */
export function parseDay(text: string): string | undefined {
  const folded = foldDigits(text).replace(/\s+/g, '')
  const match =
    /^(\d{4})[-/.．](\d{1,2})[-/.．](\d{1,2})日?$/.exec(folded) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/.exec(folded) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(folded)
  return match ? isoDay(Number(match[1]), Number(match[2]), Number(match[3])) : undefined
}

/**
 * The date a written deadline ends on: a day (`2024-06-30`), a month end (`2024年6月底前`,
 * `2024年6月前`), a year end (`2024年底前`, `2024年年底`); undefined for text such as `持续推进`.
 */
export function deadlineDate(text: string): string | undefined {
  const day = parseDay(text.replace(/前$/, ''))
  if (day) return day
  const folded = foldDigits(text).replace(/\s+/g, '')
  const month = /^(\d{4})年(\d{1,2})月(?:底|末|份)?(?:前|以前|之前)?$/.exec(folded)
  if (month) return monthEnd(Number(month[1]), Number(month[2]))
  const year = /^(\d{4})年(?:年)?(?:底|末)(?:前|以前|之前)?$/.exec(folded)
  if (year) return isoDay(Number(year[1]), 12, 31)
  return undefined
}
