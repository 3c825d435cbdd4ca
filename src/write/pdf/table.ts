/**
 * Tables: column widths from content, cell text through the line engine, borders, the header
 * row repeated on every page, and rows split across pages when taller than what is left.
 */
import type {Table} from '../../doc/types.ts'
import type {Composer, Prepared} from './compose.ts'
import {breakOpportunities} from './lines.ts'
import type {StyledUnit, TextStyle} from './painter.ts'

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
  /** Rows of at most this many lines are never split across pages. Default 6. */
  keepRows?: number
}

interface Column {
  min: number
  max: number
  align: 'left' | 'center' | 'right'
}

/**
 * Column widths for a total `width`. Every column gets at least its longest unbreakable piece
 * (and short cells whole); the rest of the width goes, a few points at a time, to the column
 * whose widening shortens the table most (rows as tall as their tallest cell, counted in
 * fractional lines), never past a column's one-line width; what is left is shared in proportion.
 * `cells[r][i]` is the natural width of row r's cell i (padding included). Exported for tests.
 */
export function columnWidths(
  columns: ReadonlyArray<{min: number; max: number}>,
  cells: ReadonlyArray<readonly number[]>,
  width: number,
  /** Widths below which a short cell wraps, and what each point of shortfall costs (in lines). */
  keep: {cells?: ReadonlyArray<ReadonlyArray<number>>; cost?: number} = {}
): number[] {
  const min = columns.map((c) => c.min)
  const max = columns.map((c, i) => Math.max(c.max, min[i]))
  const sumMin = min.reduce((a, b) => a + b, 0)
  if (sumMin >= width) return min.map((m) => (m * width) / sumMin)
  const sumMax = max.reduce((a, b) => a + b, 0)
  if (sumMax <= width) return max.map((m) => m + ((width - sumMax) * m) / sumMax)
  const out = min.slice()
  const cost = keep.cost ?? 0
  const keepCells = keep.cells ?? []
  // Plain loops (this runs columns × steps times); same sums in the same order as reduce would.
  const height = (w: number[]) => {
    let rows = 0
    for (const row of cells) {
      let tallest = 0
      for (let i = 0; i < row.length; i++) {
        const n = row[i]
        const lines = n > w[i] ? n / w[i] : 1
        if (lines > tallest) tallest = lines
      }
      rows += tallest
    }
    let short = 0
    for (const row of keepCells) {
      let a = 0
      for (let i = 0; i < row.length; i++) a += Math.max(0, row[i] - w[i]) * cost
      short += a
    }
    return rows + short
  }
  let remaining = width - sumMin
  const step = Math.max(1, width / 200)
  while (remaining > 1e-6) {
    const give = Math.min(step, remaining)
    const base = height(out)
    let best = -1
    let bestGain = 1e-9
    for (let i = 0; i < out.length; i++) {
      if (out[i] + 1e-6 >= max[i]) continue
      const w = out.slice()
      w[i] = Math.min(max[i], w[i] + give)
      const gain = base - height(w)
      if (gain > bestGain) [best, bestGain] = [i, gain]
    }
    if (best < 0) break
    const add = Math.min(give, max[best] - out[best])
    out[best] += add
    remaining -= add
  }
  if (remaining > 1e-6) {
    const total = out.reduce((a, b) => a + b, 0)
    return out.map((w) => w + (remaining * w) / total)
  }
  return out
}

/** Column widths and alignment shared by the tables of one annex (one set of rules from page to page). */
export interface TablePlan {
  widths: number[]
  align: Array<'left' | 'center' | 'right'>
}

/**
 * Plan the columns of `tables` (same columns, for example one table per domain in an annex) as
 * if they were one table, in the current look's text block.
 */
export function planTables(c: Composer, tables: readonly Table[]): TablePlan | undefined {
  const look = c.look.table
  const {width} = c.look.block
  const first = tables[0]
  if (!first) return undefined
  const n = Math.max(first.header.length, ...tables.flatMap((t) => t.rows.map((r) => r.length)))
  if (n === 0) return undefined
  const cellUnits = (cells: Table['header'], style: TextStyle) =>
    Array.from({length: n}, (_, i) => c.units(c.spans(cells[i] ?? [], style, true)))
  const headerUnits = cellUnits(first.header, look.header)
  const rowUnits = tables.flatMap((t) => t.rows.map((r) => cellUnits(r, look.style)))
  // Measure: longest unbreakable piece and whole width of each cell.
  const columns: Column[] = Array.from({length: n}, (_, i) => ({min: 0, max: 0, align: first.align[i] ?? 'left'}))
  // Soft minimum: short cells whole (then text columns five characters wide).
  const soft = new Array<number>(n).fill(0)
  const naturals: number[][] = []
  const keeps: number[][] = []
  const measure = (cells: StyledUnit[][], isHeader: boolean) => {
    const row: number[] = []
    const keepRow: number[] = []
    naturals.push(row)
    keeps.push(keepRow)
    cells.forEach((units, i) => {
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
        // Natural widths (off the grid).
        piece += u.natural
        line += u.natural
        if (can[k]) {
          columns[i].min = Math.max(columns[i].min, piece + 2 * look.padX)
          piece = 0
        }
      }
      whole = Math.max(whole, line)
      const size = isHeader ? look.header.size : look.style.size
      if (whole <= look.keepWhole * size) soft[i] = Math.max(soft[i], whole + 2 * look.padX + 0.5)
      keepRow.push(whole <= look.keepWhole * size ? whole + 2 * look.padX + 0.5 : 0)
      columns[i].max = Math.max(columns[i].max, whole + 2 * look.padX + 0.5)
      row.push(whole + 2 * look.padX + 0.5)
    })
  }
  measure(headerUnits, true)
  rowUnits.forEach((r) => measure(r, false))
    // Text columns are at least five characters wide, so justified cells do not gape.
  // Text columns at least four characters wide (unless that takes most of the width); short
  // cells whole as far as that leaves 40% of the width to share by content. Short cells that
  // still wrap cost two lines per character of shortfall when the rest is shared.
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  const relax = (lo: number[], hi: number[], target: number) => {
    const f = sum(hi) <= target ? 1 : sum(lo) >= target ? 0 : (target - sum(lo)) / (sum(hi) - sum(lo))
    return lo.map((l, i) => l + (hi[i] - l) * f)
  }
  const hard = columns.map((c) => c.min)
  const textMin = relax(hard, columns.map((col) => Math.max(col.min, Math.min(col.max, 4 * look.style.size + 2 * look.padX))), 0.8 * width)
  const mins = relax(textMin, textMin.map((m, i) => Math.max(m, soft[i])), 0.6 * width)
  columns.forEach((col, i) => (col.min = mins[i]))
  const widths = columnWidths(columns, naturals, width, {cells: keeps, cost: 2 / look.style.size})
  // Short columns (序号) are centred when no alignment is given.
  columns.forEach((col, i) => {
    if (first.align[i] == null && col.max - 2 * look.padX <= 4 * look.style.size) col.align = 'center'
  })
  return {widths, align: columns.map((col) => col.align)}
}

/** Draw a table; `plan` gives the columns when the table shares them with others. */
export function drawTable(c: Composer, table: Table, plan = planTables(c, [table])): void {
  const look = c.look.table
  const {left, width} = c.look.block
  if (!plan) return
  const n = plan.widths.length
  const {widths} = plan
  c.snap()
  const cellUnits = (cells: Table['header'], style: TextStyle) =>
    Array.from({length: n}, (_, i) => c.units(c.spans(cells[i] ?? [], style, true)))
  const headerUnits = cellUnits(table.header, look.header)
  const rowUnits = table.rows.map((r) => cellUnits(r, look.style))
  const columns = plan.align.map((align) => ({align}))
  const xs: number[] = []
  widths.reduce((x, w) => (xs.push(x), x + w), left)

  const layoutRow = (cells: StyledUnit[][], header: boolean): Prepared[] =>
    cells.map((units, i) => {
      const align = header ? 'center' : columns[i].align === 'left' ? undefined : columns[i].align
      // A line that cannot be filled (words do not break) is set flush left rather than spaced out:
      // justification may add at most an eighth of a character between units.
      return c.prepareUnits(units, {pitch: look.pitch, left: xs[i] + look.padX, width: widths[i] - 2 * look.padX, align, maxSpacing: look.style.size / 8})
    })
  const header = layoutRow(headerUnits, true)
  const rows = rowUnits.map((r) => layoutRow(r, false))
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
      const room = Math.floor((c.bottom - c.y - 2 * look.padY) / look.pitch + 1e-6)
      // Split only a tall row, leaving at least two lines on each side; a short row moves whole.
      const fit = Math.min(room, left - 2)
      if (left > (look.keepRows ?? 6) && fit >= 2) {
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
