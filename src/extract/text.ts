/**
 * Shared text helpers for the extractors: number parsing (ASCII and full-width), bracket-aware
 * splitting into sentences and phrases with their offsets.
 */
import {foldDigits} from '../tree/numerals.ts'

/** A number as written: ASCII or full-width digits, optional decimal part. */
export const NUM = '[0-9０-９]+(?:[.．][0-9０-９]+)?'

export function toNumber(written: string): number {
  return Number(foldDigits(written))
}

/** A slice of a larger string with the index of its first character in that string. */
export interface Span {
  text: string
  start: number
}

const OPEN = '（(“《「【'
const CLOSE = '）)”》」】'

/**
 * Split `text` (starting at `base`) after each separator for which `isBreak(index)` holds, at bracket
 * depth 0. Separators stay with the piece before them; empty pieces are dropped.
 */
function splitAt(text: string, base: number, isBreak: (i: number) => boolean): Span[] {
  const out: Span[] = []
  let depth = 0
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (OPEN.includes(ch)) depth++
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1)
    else if (depth === 0 && isBreak(i)) {
      if (i + 1 > from) out.push({text: text.slice(from, i + 1), start: base + from})
      from = i + 1
    }
  }
  if (from < text.length) out.push({text: text.slice(from), start: base + from})
  return out
}

/** Sentences: split after `。` (and `！？`). */
export function sentences(text: string, base = 0): Span[] {
  return splitAt(text, base, (i) => '。！？'.includes(text[i]!))
}

const BENEFIT_NOUN = /(奖励|补助|补贴|支持)$/

/**
 * Phrases of a sentence: split after `，；：` and after a `、` that closes a benefit phrase
 * (`…给予补助、占比达到…`), never inside brackets or quotes.
 */
export function phrases(sentence: Span): Span[] {
  const t = sentence.text
  return splitAt(t, sentence.start, (i) => {
    const ch = t[i]!
    if ('，；：,;'.includes(ch)) return true
    return ch === '、' && BENEFIT_NOUN.test(t.slice(0, i))
  })
}

/** Strip the trailing separator of a phrase. */
export function bare(text: string): string {
  return text.replace(/[，；：。、,;！？]+$/, '')
}
