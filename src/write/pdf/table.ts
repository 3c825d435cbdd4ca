/**
 * Tables: column widths from content, cell text through the line engine, borders, the header
 * row repeated on every page, and rows split across pages when taller than what is left.
 */
import type {Table} from '../../doc/types.ts'
import type {Composer, Prepared} from './compose.ts'
import {measureCell, planColumns, type CellMeasure} from '../../layout/columns.ts'
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


/** Column widths and alignment shared by the tables of one annex (one set of rules from page to page). */
export interface TablePlan {
  widths: number[]
  align: Array<'left' | 'center' | 'right'>
  /** The body cells of each planned table, measured to plan them: drawing uses them again. */
  rows: Map<Table, ReadonlyArray<ReadonlyArray<readonly StyledUnit[]>>>
}

/** The measured units of a row's `n` cells (missing cells empty), broken only between words. */
function rowUnits(c: Composer, cells: Table['header'], style: TextStyle, n: number): Array<readonly StyledUnit[]> {
  return Array.from({length: n}, (_, i) => c.units(c.spans(cells[i] ?? [], style, true)))
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
  const headerUnits = rowUnits(c, first.header, look.header, n)
  const rows = new Map(tables.map((t) => [t, t.rows.map((r) => rowUnits(c, r, look.style, n))]))
  const bodyUnits = [...rows.values()].flat()
  // Measure each cell: its width on one line and its widest unbreakable piece (natural widths, off the grid).
  const measure = (units: readonly StyledUnit[]): CellMeasure =>
    measureCell(
      units.map((u) => u.natural),
      breakOpportunities(units),
      units.map((u) => u.cls === 'break')
    )
  const cells = [headerUnits, ...bodyUnits].map((row) => row.map(measure))
  const widths = planColumns(cells, {width, pad: 2 * look.padX, slack: 0.5, size: look.style.size, keepWhole: look.keepWhole})
  const columns = cells[0]!.map((_, i) => ({
    align: first.align[i] ?? ('left' as 'left' | 'center' | 'right'),
    max: Math.max(...cells.map((row) => row[i]!.natural))
  }))
  // Short columns (序号) are centred when no alignment is given.
  columns.forEach((col, i) => {
    if (first.align[i] == null && col.max <= 4 * look.style.size) col.align = 'center'
  })
  return {widths, align: columns.map((col) => col.align), rows}
}

/** Draw a table; `plan` gives the columns when the table shares them with others. */
export function drawTable(c: Composer, table: Table, plan = planTables(c, [table])): void {
  const look = c.look.table
  const {left, width} = c.look.block
  if (!plan) return
  const n = plan.widths.length
  const {widths} = plan
  c.snap()
  const headerUnits = rowUnits(c, table.header, look.header, n)
  const bodyUnits = plan.rows.get(table) ?? table.rows.map((r) => rowUnits(c, r, look.style, n))
  const columns = plan.align.map((align) => ({align}))
  const xs: number[] = []
  widths.reduce((x, w) => (xs.push(x), x + w), left)

  const layoutRow = (cells: ReadonlyArray<readonly StyledUnit[]>, header: boolean): Prepared[] =>
    cells.map((units, i) => {
      const align = header ? 'center' : columns[i].align === 'left' ? undefined : columns[i].align
      // A line that cannot be filled (words do not break) is set flush left rather than spaced out:
      // justification may add at most an eighth of a character between units.
      return c.prepareUnits(units, {pitch: look.pitch, left: xs[i] + look.padX, width: widths[i] - 2 * look.padX, align, maxSpacing: look.style.size / 8})
    })
  const header = layoutRow(headerUnits, true)
  const rows = bodyUnits.map((r) => layoutRow(r, false))
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
      c.newPage({landscape: c.landscape})
      drawHeader()
    }
  }
  c.y += look.after
  c.snap()
}
