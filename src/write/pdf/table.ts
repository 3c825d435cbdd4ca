/**
 * Tables: column widths from content, cell text through the line engine, borders, the header
 * row repeated on every page, and rows split across pages when taller than what is left.
 */
import type {Table} from '../../doc/types.ts'
import type {Composer, Prepared} from './compose.ts'
import {breakOpportunities} from './lines.ts'
import type {TextStyle} from './painter.ts'

export interface TableLook {
  style: TextStyle
  header: TextStyle
  /** Line pitch inside cells. */
  pitch: number
  padX: number
  padY: number
  rule: number
  ruleColor: string
  headerFill?: string
  /** Cells whose text is at most this many em wide are kept on one line when widths are chosen. */
  keepWhole: number
  /** Space after the table. */
  after: number
}

interface Column {
  min: number
  max: number
  align: 'left' | 'center' | 'right'
}

/**
 * Column widths for a total `width`: every column gets at least its longest unbreakable piece;
 * then columns that are short get their whole text on one line; the rest share what is left in
 * proportion to the square root of their text length (long columns get more, short ones are not
 * starved). Exported for tests.
 */
export function columnWidths(columns: ReadonlyArray<{min: number; max: number}>, width: number): number[] {
  const min = columns.map((c) => c.min)
  const max = columns.map((c, i) => Math.max(c.max, min[i]))
  const sumMin = min.reduce((a, b) => a + b, 0)
  if (sumMin >= width) return min.map((m) => (m * width) / sumMin)
  const sumMax = max.reduce((a, b) => a + b, 0)
  if (sumMax <= width) return max.map((m) => m + ((width - sumMax) * m) / sumMax)
  const out = min.slice()
  let remaining = width - sumMin
  const active = new Set(columns.map((_, i) => i).filter((i) => max[i] > min[i]))
  while (active.size > 0 && remaining > 1e-6) {
    const weight = (i: number) => Math.sqrt(max[i])
    const total = [...active].reduce((a, i) => a + weight(i), 0)
    const capped = [...active].filter((i) => (remaining * weight(i)) / total >= max[i] - out[i])
    if (capped.length === 0) {
      for (const i of active) out[i] += (remaining * weight(i)) / total
      remaining = 0
      break
    }
    for (const i of capped) {
      remaining -= max[i] - out[i]
      out[i] = max[i]
      active.delete(i)
    }
  }
  return out
}

export function drawTable(c: Composer, table: Table): void {
  const look = c.look.table
  const {left, width} = c.look.block
  const n = Math.max(table.header.length, ...table.rows.map((r) => r.length))
  if (n === 0) return
  c.snap()
  const cellSpans = (cells: Table['header'], style: TextStyle) =>
    Array.from({length: n}, (_, i) => c.spans(cells[i] ?? [], style))
  const headerSpans = cellSpans(table.header, look.header)
  const rowSpans = table.rows.map((r) => cellSpans(r, look.style))

  // Measure: longest unbreakable piece and whole width of each cell.
  const columns: Column[] = Array.from({length: n}, (_, i) => ({min: 0, max: 0, align: table.align[i] ?? 'left'}))
  const measure = (spans: ReturnType<typeof cellSpans>, isHeader: boolean) =>
    spans.forEach((cell, i) => {
      const units = c.painter.units(cell, {cell: undefined})
      const can = breakOpportunities(units)
      let piece = 0
      let line = 0
      let whole = 0
      for (let k = 0; k < units.length; k++) {
        const u = units[k]
        if (u.cls === 'break') {
          whole = Math.max(whole, line)
          line = 0
          continue
        }
        piece += u.width
        line += u.width
        if (can[k]) {
          columns[i].min = Math.max(columns[i].min, piece + 2 * look.padX)
          piece = 0
        }
      }
      whole = Math.max(whole, line)
      const size = isHeader ? look.header.size : look.style.size
      if (whole <= look.keepWhole * size) columns[i].min = Math.max(columns[i].min, whole + 2 * look.padX + 0.5)
      columns[i].max = Math.max(columns[i].max, whole + 2 * look.padX + 0.5)
    })
  measure(headerSpans, true)
  rowSpans.forEach((r) => measure(r, false))
  const widths = columnWidths(columns, width)
  const xs: number[] = []
  widths.reduce((x, w) => (xs.push(x), x + w), left)
  // Short columns (序号) are centred when no alignment is given.
  columns.forEach((col, i) => {
    if (table.align[i] == null && col.max - 2 * look.padX <= 4 * look.style.size) col.align = 'center'
  })

  const layoutRow = (spans: ReturnType<typeof cellSpans>, header: boolean): Prepared[] =>
    spans.map((cell, i) => {
      const align = header ? 'center' : columns[i].align === 'left' ? undefined : columns[i].align
      return c.prepare(cell, {pitch: look.pitch, left: xs[i] + look.padX, width: widths[i] - 2 * look.padX, align})
    })
  const header = layoutRow(headerSpans, true)
  const rows = rowSpans.map((r) => layoutRow(r, false))
  const linesOf = (cells: Prepared[]) => Math.max(1, ...cells.map((p) => p.lines.length))

  /** Draw `count` lines of each cell starting at `from[i]`, in a row part `lines` tall. */
  const drawPart = (cells: Prepared[], from: number[], count: number, fill?: string) => {
    const height = count * look.pitch + 2 * look.padY
    const doc = c.doc
    if (fill) doc.save().rect(left, c.y, width, height).fill(fill).restore()
    cells.forEach((p, i) => {
      const shown = p.lines.slice(from[i], from[i] + count)
      const free = (count - shown.length) * look.pitch
      // Vertically centred when the whole cell is in this part.
      const top = c.y + look.padY + (from[i] === 0 && from[i] + count >= p.lines.length ? free / 2 : 0)
      shown.forEach((line, k) => c.drawPreparedLine(p, line, top + k * look.pitch))
    })
    doc.save().lineWidth(look.rule).strokeColor(look.ruleColor)
    xs.forEach((x, i) => doc.rect(x, c.y, widths[i], height))
    doc.stroke().restore()
    c.y += height
  }
  const headerHeight = linesOf(header) * look.pitch + 2 * look.padY
  const drawHeader = () => drawPart(header, header.map(() => 0), linesOf(header), look.headerFill)
  const minRow = look.pitch + 2 * look.padY
  c.ensure(headerHeight + (rows.length > 0 ? minRow : 0))
  drawHeader()
  for (const row of rows) {
    const from = row.map(() => 0)
    for (;;) {
      const left = Math.max(...row.map((p, i) => p.lines.length - from[i]), 1)
      const need = left * look.pitch + 2 * look.padY
      if (c.y + need <= c.bottom + 0.01) {
        drawPart(row, from, left)
        break
      }
      const fit = Math.floor((c.bottom - c.y - 2 * look.padY) / look.pitch + 1e-6)
      // Split only when at least two lines fit and at least one line goes on; else move the row.
      if (fit >= 2 && fit < left) {
        drawPart(row, from, fit)
        from.forEach((_, i) => (from[i] += fit))
      }
      c.newPage()
      drawHeader()
    }
  }
  c.y += look.after
  c.snap()
}
