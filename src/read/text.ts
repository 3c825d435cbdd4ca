/**
 * Plain text as offices export it → mdast.
 *
 * One paragraph per line; a blank line separates nothing. Tab-separated table rows become a
 * GFM-style `table` node (first row = header). Two table shapes are read:
 *
 * - row per line: `A\tB\tC\tD`; a row whose first cell is empty continues the row group above;
 * - cell per line (Word's plain-text export, as in the seed's appendix): every cell on its own
 *   line starting with a tab, rows separated by blank lines, an empty cell written as a lone
 *   tab. The header (the first run of cell lines) gives the column count; cells are then taken
 *   in order, so a row that spans blank lines is still read whole.
 *
 * Conversion artefacts (`[bookmark: _GoBack]`) are left out of the content (the text nodes
 * around them keep their own positions), and so is indentation (spaces, U+3000, tabs) and
 * trailing white space. Positions point into the decoded text: lines and columns are 1-based,
 * columns and offsets count UTF-16 code units, CR before LF is not part of any node.
 */
import type {Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow, Text} from 'mdast'
import type {Point, Position} from 'unist'

/** Artefacts of Word → text conversion, removed from content. */
export const artefactPattern = /\[(?:bookmark|anchor): [^\]\n]*\]/g

interface Line {
  /** Line content without the line ending. */
  value: string
  /** 1-based line number. */
  line: number
  /** Offset of the first character of the line. */
  offset: number
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = []
  const pattern = /\r\n|\n|\r/g
  let start = 0
  let line = 1
  let match: RegExpExecArray | null
  while ((match = pattern.exec(text))) {
    lines.push({value: text.slice(start, match.index), line, offset: start})
    start = match.index + match[0].length
    line++
  }
  lines.push({value: text.slice(start), line, offset: start})
  return lines
}

function point(line: Line, column0: number): Point {
  return {line: line.line, column: column0 + 1, offset: line.offset + column0}
}

/**
 * Text nodes for the content of `line` between columns `from` and `to` (0-based), with
 * artefacts removed and outer white space trimmed. Empty when nothing is left.
 */
function contentOf(line: Line, from = 0, to = line.value.length): Text[] {
  const raw = line.value.slice(from, to)
  const pieces: Array<{start: number; value: string}> = []
  let last = 0
  for (const match of raw.matchAll(artefactPattern)) {
    pieces.push({start: last, value: raw.slice(last, match.index)})
    last = match.index! + match[0].length
  }
  pieces.push({start: last, value: raw.slice(last)})
  // Trim white space at the outer ends of the content (after artefact removal).
  const nodes: Text[] = []
  const kept = pieces.filter((p) => p.value.length > 0)
  kept.forEach((piece, index) => {
    let {start, value} = piece
    if (index === 0) {
      const lead = /^[\s\u3000]+/.exec(value)?.[0].length ?? 0
      start += lead
      value = value.slice(lead)
    }
    if (index === kept.length - 1) value = value.replace(/[\s\u3000]+$/, '')
    if (value.length === 0) return
    nodes.push({
      type: 'text',
      value,
      position: {start: point(line, from + start), end: point(line, from + start + value.length)}
    })
  })
  return nodes
}

function span(nodes: Array<{position?: Position}>, fallback: Position): Position {
  const first = nodes[0]?.position
  const last = nodes[nodes.length - 1]?.position
  return {start: first?.start ?? fallback.start, end: last?.end ?? fallback.end}
}

function lineSpan(line: Line): Position {
  return {start: point(line, 0), end: point(line, line.value.length)}
}

function isBlankLine(line: Line): boolean {
  return line.value.replace(artefactPattern, '').trim().replace(/\u3000/g, '') === ''
}

/** A line that belongs to a table region: it holds a tab. */
function isTableLine(line: Line): boolean {
  return line.value.includes('\t')
}

/** A line that can be a table's group row: short, not blank, not a sentence. */
function isGroupLine(line: Line): boolean {
  const value = line.value.trim()
  return value !== '' && value.length <= 40 && !/[。；]$/.test(value)
}

/** Cell-per-line shape: every non-blank line of the region is `\t` + content, no other tab. */
function isCellPerLine(region: Line[]): boolean {
  return region.every((l) => isBlankLine(l) && !l.value.includes('\t') ? true : /^\t[^\t]*$/.test(l.value))
}

function cell(line: Line | undefined, from: number, to: number | undefined): TableCell {
  if (!line) return {type: 'tableCell', children: []}
  const children = contentOf(line, from, to)
  const end = to ?? line.value.length
  const fallback = {start: point(line, from), end: point(line, end)}
  return {type: 'tableCell', children, position: span(children, fallback)}
}

function row(cells: TableCell[]): TableRow {
  const withPlace = cells.filter((c) => c.position)
  const position = withPlace.length > 0 ? {start: withPlace[0]!.position!.start, end: withPlace[withPlace.length - 1]!.position!.end} : undefined
  return {type: 'tableRow', children: cells, position}
}

function tableFromRegion(region: Line[]): Table | Paragraph[] {
  const rows: TableRow[] = []
  if (isCellPerLine(region)) {
    // Column count: the first run of cell lines (the header row).
    let columns = 0
    let seenCell = false
    for (const line of region) {
      if (isBlankLine(line) && !line.value.includes('\t')) {
        if (seenCell) break
        continue
      }
      seenCell = true
      columns++
    }
    const cells = region.filter((l) => !( isBlankLine(l) && !l.value.includes('\t')))
    if (columns < 2) return cells.flatMap((l) => paragraphOf(l))
    for (let i = 0; i < cells.length; i += columns) {
      const group = cells.slice(i, i + columns)
      const rowCells: TableCell[] = []
      for (let c = 0; c < columns; c++) {
        const line = group[c]
        rowCells.push(line ? cell(line, 1, undefined) : {type: 'tableCell', children: []})
      }
      rows.push(row(rowCells))
    }
  } else {
    for (const line of region) {
      if (isBlankLine(line) && !line.value.includes('\t')) continue
      const rowCells: TableCell[] = []
      let start = 0
      for (;;) {
        const tab = line.value.indexOf('\t', start)
        rowCells.push(cell(line, start, tab === -1 ? undefined : tab))
        if (tab === -1) break
        start = tab + 1
      }
      rows.push(row(rowCells))
    }
  }
  const width = Math.max(...rows.map((r) => r.children.length))
  for (const r of rows) {
    while (r.children.length < width) r.children.push({type: 'tableCell', children: []})
  }
  const first = rows[0]?.position
  const last = rows[rows.length - 1]?.position
  return {
    type: 'table',
    align: rows[0]?.children.map(() => null) ?? [],
    children: rows,
    position: first && last ? {start: first.start, end: last.end} : undefined
  }
}

function paragraphOf(line: Line): Paragraph[] {
  const children: PhrasingContent[] = contentOf(line)
  if (children.length === 0) return []
  return [{type: 'paragraph', children, position: span(children, lineSpan(line))}]
}

/** Read plain text into mdast: paragraphs, one per non-blank line, and tables. */
export function textToMdast(text: string): Root {
  const lines = splitLines(text)
  const children: RootContent[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    if (isTableLine(line) && !isBlankLine(line)) {
      // A table region: tab lines, with blank lines allowed inside (not at the end).
      let end = i
      let j = i
      while (j < lines.length && (isTableLine(lines[j]!) || isBlankLine(lines[j]!))) {
        if (isTableLine(lines[j]!) && !isBlankLine(lines[j]!)) end = j
        else if (isTableLine(lines[j]!)) end = j
        j++
      }
      let region = lines.slice(i, end + 1)
      // Group rows of a row-per-line table: short lines without a tab between its rows (a cell
      // that spans the whole width, `一、知识产权保护方面（共5项）`) are single-cell rows.
      if (!isCellPerLine(region)) {
        const width = lines[i]!.value.split('\t').length
        for (;;) {
          let k = end + 1
          while (k < lines.length && k - end <= 3 && !isTableLine(lines[k]!) && isGroupLine(lines[k]!)) k++
          if (k === end + 1 || k >= lines.length || !isTableLine(lines[k]!) || lines[k]!.value.split('\t').length !== width) break
          let next = k
          while (next + 1 < lines.length && isTableLine(lines[next + 1]!) && !isBlankLine(lines[next + 1]!)) next++
          end = next
        }
        region = lines.slice(i, end + 1)
      }
      const result = tableFromRegion(region)
      if (Array.isArray(result)) children.push(...result)
      else children.push(result)
      i = end + 1
      continue
    }
    children.push(...paragraphOf(line))
    i++
  }
  const last = lines[lines.length - 1]!
  return {
    type: 'root',
    children,
    position: {start: {line: 1, column: 1, offset: 0}, end: point(last, last.value.length)}
  }
}
