/**
 * A first pass over rendered Markdown, for speed; remark still parses every block's content.
 *
 * - GFM pipe tables are read here, without micromark's table extension: on tables whose cells hold
 *   long Chinese text that extension is about eight times slower than the same text as paragraphs
 *   (micromark/micromark-extension-gfm#8, remarkjs/remark-gfm#45), and the notice is mostly table.
 *   The table block structure is simple (a header row, a delimiter row, body rows; cells split at
 *   unescaped `|`).
 * - The rest is cut into sections at top-level ATX headings (which end any paragraph, list or
 *   quote before them), parsed one by one: micromark's time grows faster than the length of one
 *   document (a 430,000-character leaflet: 7 s whole, 1.7 s in sections). Link reference
 *   definitions therefore apply within their section only; templates write links inline.
 */
import type {Position} from 'unist'

export interface RawTable {
  header: string[]
  rows: string[][]
  align: Array<'left' | 'right' | 'center' | null>
  position: Position
}

const delimiterCell = /^\s*(:?)-+(:?)\s*$/
const fence = /^ {0,3}(`{3,}|~{3,})/
const heading = /^#{1,6}(?:[ \t]|$)/

export interface Section {
  text: string
  /** Lines and characters before the section in the document, to shift its positions by. */
  line: number
  offset: number
}

/**
 * Cut the tables out of `markdown` (each table's lines become blank lines, so every other block
 * keeps its line numbers; the tables are returned with their positions, in order), and cut the
 * rest into sections at top-level headings.
 */
export function splitBlocks(markdown: string): {sections: Section[]; tables: RawTable[]} {
  const lines = markdown.split('\n')
  const tables: RawTable[] = []
  const offsets: number[] = []
  let offset = 0
  for (const line of lines) {
    offsets.push(offset)
    offset += line.length + 1
  }
  let inFence: string | undefined
  let inFrontMatter = lines[0] === '---'
  const starts = [0]
  for (let i = inFrontMatter ? 1 : 0; i < lines.length; i++) {
    const line = lines[i]!
    if (inFrontMatter) {
      if (line === '---' || line === '...') inFrontMatter = false
      continue
    }
    const open = fence.exec(line)
    if (inFence) {
      if (open && open[1]!.startsWith(inFence)) inFence = undefined
      continue
    }
    if (open) {
      inFence = open[1]!
      continue
    }
    if (heading.test(line)) starts.push(i)
    const previousBlank = i === 0 || lines[i - 1]!.trim() === ''
    if (!previousBlank || !line.includes('|') || i + 1 >= lines.length) continue
    const header = splitRow(line)
    const delimiter = splitRow(lines[i + 1]!)
    if (delimiter.length !== header.length || !delimiter.every((cell) => delimiterCell.test(cell))) continue
    const align = delimiter.map((cell) => {
      const [, left, right] = delimiterCell.exec(cell)!
      return left && right ? 'center' : right ? 'right' : left ? 'left' : null
    })
    let end = i + 2
    while (end < lines.length && lines[end]!.trim() !== '' && lines[end]!.includes('|')) end++
    const width = header.length
    const rows = lines.slice(i + 2, end).map((row) => {
      const cells = splitRow(row).slice(0, width)
      while (cells.length < width) cells.push('')
      return cells.map(cellMarkdown)
    })
    const last = lines[end - 1]!
    tables.push({
      header: header.map(cellMarkdown),
      rows,
      align,
      position: {
        start: {line: i + 1, column: 1, offset: offsets[i]},
        end: {line: end, column: last.length + 1, offset: offsets[end - 1]! + last.length}
      }
    })
    for (let k = i; k < end; k++) lines[k] = ''
    i = end - 1
  }
  starts.push(lines.length)
  const sections: Section[] = []
  for (let k = 0; k + 1 < starts.length; k++) {
    const from = starts[k]!
    if (from === starts[k + 1]) continue
    sections.push({text: lines.slice(from, starts[k + 1]).join('\n'), line: from, offset: offsets[from]!})
  }
  return {sections, tables}
}

/** Cells of a row: split at `|` not escaped by a backslash; outer pipes optional. */
function splitRow(line: string): string[] {
  const row = line.trim()
  const cells: string[] = []
  let from = 0
  for (let at = row.indexOf('|'); at !== -1; at = row.indexOf('|', at + 1)) {
    let backslashes = 0
    while (row[at - backslashes - 1] === '\\') backslashes++
    if (backslashes % 2 === 1) continue
    cells.push(row.slice(from, at))
    from = at + 1
  }
  cells.push(row.slice(from))
  if (row.startsWith('|')) cells.shift()
  if (row.endsWith('|') && !row.endsWith('\\|')) cells.pop()
  return cells
}

/**
 * A cell as inline Markdown: `\|` is a pipe (GFM unescapes it at the table level), and a marker
 * that would open a block when the cell is parsed alone (`# `, `> `, `- `, `1. `) is escaped,
 * since inside a table it is plain text.
 */
function cellMarkdown(cell: string): string {
  const text = cell.trim().replace(/\\\|/g, '|')
  return text.replace(/^(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}(?=[.)](?:\s|$)))/, (marker) =>
    /^\d/.test(marker) ? marker : '\\' + marker
  ).replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
}
