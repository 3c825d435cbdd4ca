/** Text helpers for tests that read generated documents back. */

/** Drop all whitespace: extracted text breaks lines (and pdfjs adds spaces) where the source has none. */
export const squash = (text: string): string => text.replace(/\s+/g, '')

/**
 * Whether `needle`'s characters stand in `haystack` in order within a short span. A table row
 * that breaks across pages puts the rest of its cells after the page break, so a cell's text is
 * interleaved with its neighbours' in the extracted text, but never reordered or lost.
 */
export function readsInOrder(haystack: string, needle: string): boolean {
  return findInOrder(haystack, needle) !== -1
}

/** Where `readsInOrder` finds `needle` (its first character), searching from `from`; -1 if nowhere. */
export function findInOrder(haystack: string, needle: string, from = 0): number {
  if (needle === '') return from
  const spread = needle.length * 4 + 400
  for (let start = haystack.indexOf(needle[0]!, from); start !== -1; start = haystack.indexOf(needle[0]!, start + 1)) {
    let at = start
    let k = 1
    for (; k < needle.length && at - start <= spread; k++) {
      at = haystack.indexOf(needle[k]!, at + 1)
      if (at === -1) return -1
    }
    if (k === needle.length && at - start <= spread) return start
  }
  return -1
}
