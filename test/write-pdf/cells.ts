/**
 * Table cell lines read back from a PDF (ours or LibreOffice's), and the words broken across them.
 * Text items on one baseline are cut into pieces where the gap between them is wider than a cell
 * padding could be inside a line; the line below a piece in the same cell is the piece on the next
 * baseline whose horizontal extent overlaps it.
 */
import type {Item} from './extract.ts'

export interface Piece {
  page: number
  y: number
  left: number
  right: number
  size: number
  text: string
}

/** Pieces of text of at most `maxSize` points (table text), per page and baseline. */
export function pieces(items: readonly Item[], maxSize: number): Piece[] {
  const small = items.filter((item) => item.size <= maxSize && item.str.trim() !== '')
  const rows = new Map<string, Item[]>()
  for (const item of small) {
    const key = `${item.page}:${Math.round(item.y * 2) / 2}`
    const row = rows.get(key) ?? []
    row.push(item)
    rows.set(key, row)
  }
  const out: Piece[] = []
  for (const row of rows.values()) {
    row.sort((a, b) => a.x - b.x)
    let current: Piece | undefined
    for (const item of row) {
      const gap = current ? item.x - current.right : Infinity
      if (current && gap < 0.75 * item.size) {
        current.text += item.str
        current.right = Math.max(current.right, item.x + item.width)
      } else {
        current = {page: item.page, y: item.y, left: item.x, right: item.x + item.width, size: item.size, text: item.str}
        out.push(current)
      }
    }
  }
  for (const piece of out) piece.text = piece.text.replace(/\s+/g, '')
  return out
}

export interface Broken {
  word: string
  page: number
  above: string
  below: string
}

/** Words of `words` that end one piece and go on at the start of the piece below it. */
export function brokenWords(all: readonly Piece[], words: readonly string[]): Broken[] {
  const out: Broken[] = []
  const byPage = new Map<number, Piece[]>()
  for (const p of all) byPage.set(p.page, [...(byPage.get(p.page) ?? []), p])
  const list = [...new Set(words)].filter((w) => [...w].length >= 2)
  for (const ps of byPage.values()) {
    for (const above of ps) {
      const below = ps
        .filter((p) => p.y < above.y - 0.8 * above.size && p.y > above.y - 2 * above.size && p.left < above.right && p.right > above.left)
        .sort((a, b) => b.y - a.y)[0]
      if (!below) continue
      for (const word of list) {
        const chars = [...word]
        for (let k = 1; k < chars.length; k++) {
          if (above.text.endsWith(chars.slice(0, k).join('')) && below.text.startsWith(chars.slice(k).join(''))) {
            out.push({word, page: above.page, above: above.text, below: below.text})
            break
          }
        }
      }
    }
  }
  return out
}

/** Dates written in `text` (2024年12月31日, 2024年3月). */
export function datesIn(text: string): string[] {
  return [...new Set(text.match(/\d{4}年\d{1,2}月(?:\d{1,2}日)?/g) ?? [])]
}
