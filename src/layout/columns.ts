/**
 * Column widths of a table from its content, the same for every writer: each writer measures its
 * cells (in points for the PDF, in em for Word) and this chooses the widths.
 *
 * Every column gets at least its widest unbreakable piece (a word or a kept span); text columns
 * four characters, and short cells (at most `keepWhole` characters) whole, as far as that leaves
 * room to share; the rest goes, a little at a time, to the column whose widening shortens the
 * table most (rows as tall as their tallest cell), never past a column's one-line width.
 */

/** One cell: its width on one line and its widest unbreakable piece. */
export interface CellMeasure {
  natural: number
  longest: number
}

/**
 * Measure a cell from its units (as the line engine cuts them): `widths[i]` the width of unit i,
 * `can[i]` whether a line may end after it, `hard[i]` whether it is a hard line break.
 */
export function measureCell(widths: readonly number[], can: readonly boolean[], hard: readonly boolean[]): CellMeasure {
  let natural = 0
  let line = 0
  let piece = 0
  let longest = 0
  widths.forEach((width, i) => {
    if (hard[i]) {
      natural = Math.max(natural, line)
      line = piece = 0
      return
    }
    line += width
    piece += width
    if (can[i]) {
      longest = Math.max(longest, piece)
      piece = 0
    }
  })
  return {natural: Math.max(natural, line), longest: Math.max(longest, piece)}
}

export interface PlanOptions {
  /** Table width. */
  width: number
  /** Added to every cell (both paddings). */
  pad: number
  /** Added to a cell's one-line width, so measured lines fit with room to spare. */
  slack: number
  /** One character of table text, in the same unit. */
  size: number
  /** Cells up to this many characters are kept whole where the width allows. */
  keepWhole: number
}

/** Widths for `cells` (row 0 the header), adding up to `options.width`. */
export function planColumns(cells: ReadonlyArray<readonly CellMeasure[]>, options: PlanOptions): number[] {
  const {width, pad, slack, size, keepWhole} = options
  const n = Math.max(0, ...cells.map((row) => row.length))
  const min = new Array<number>(n).fill(0)
  const max = new Array<number>(n).fill(0)
  const soft = new Array<number>(n).fill(0)
  const naturals: number[][] = []
  const keeps: number[][] = []
  for (const row of cells) {
    naturals.push(row.map((cell) => cell.natural + pad + slack))
    keeps.push(row.map((cell) => (cell.natural <= keepWhole * size ? cell.natural + pad + slack : 0)))
    row.forEach((cell, i) => {
      min[i] = Math.max(min[i]!, cell.longest + pad + slack)
      max[i] = Math.max(max[i]!, cell.natural + pad + slack)
      if (cell.natural <= keepWhole * size) soft[i] = Math.max(soft[i]!, cell.natural + pad + slack)
    })
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  const relax = (lo: number[], hi: number[], target: number) => {
    const f = sum(hi) <= target ? 1 : sum(lo) >= target ? 0 : (target - sum(lo)) / (sum(hi) - sum(lo))
    return lo.map((l, i) => l + (hi[i]! - l) * f)
  }
  const textMin = relax(min, min.map((m, i) => Math.max(m, Math.min(max[i]!, 4 * size + pad))), 0.8 * width)
  const mins = relax(textMin, textMin.map((m, i) => Math.max(m, soft[i]!)), 0.6 * width)
  return columnWidths(
    mins.map((m, i) => ({min: m, max: max[i]!})),
    naturals,
    width,
    {cells: keeps, cost: 2 / size}
  )
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
  const out = Float64Array.from(min)
  const widest = Float64Array.from(max)
  const cost = keep.cost ?? 0
  // Each step tries widening each column alone. Only that column's cells change, so a row's
  // tallest cell is the tallest of the others (found once per step) or the new one, and a row's
  // shortfall changes only where that column's short cell does not fit. Sums run in the same
  // order as measuring the whole table, so every height and every choice is exactly the same.
  // Typed arrays: the same loops for every caller's numbers (whole or not), compiled once.
  const grid = cells.map((row) => Float64Array.from(row))
  const keepCells = (keep.cells ?? []).map((row) => Float64Array.from(row))
  const rows: RowHeights = {
    tallest: new Float64Array(grid.length),
    others: grid.map((row) => new Float64Array(row.length)),
    before: new Float64Array(grid.reduce((n, row) => Math.max(n, row.length), 0))
  }
  const shortfalls = new Float64Array(keepCells.length)
  let remaining = width - sumMin
  const step = Math.max(1, width / 200)
  while (remaining > 1e-6) {
    const give = Math.min(step, remaining)
    const base = measureRows(grid, out, rows) + measureShortfall(keepCells, out, cost, shortfalls)
    let best = -1
    let bestGain = 1e-9
    for (let i = 0; i < out.length; i++) {
      if (out[i] + 1e-6 >= widest[i]) continue
      const wider = Math.min(widest[i], out[i] + give)
      const gain = base - (rowsWidened(grid, rows, i, wider) + shortfallWidened(keepCells, out, cost, shortfalls, i, wider))
      if (gain > bestGain) [best, bestGain] = [i, gain]
    }
    if (best < 0) break
    const add = Math.min(give, widest[best] - out[best])
    out[best] += add
    remaining -= add
  }
  const widths = Array.from(out)
  if (remaining > 1e-6) {
    const total = widths.reduce((a, b) => a + b, 0)
    return widths.map((w) => w + (remaining * w) / total)
  }
  return widths
}

/** Lines a cell of natural width `natural` takes in a column `w` wide (fractional). */
const cellLines = (natural: number, w: number): number => (natural > w ? natural / w : 1)

/** Per row: its tallest cell, and the tallest of the others for each cell (`before`: scratch). */
interface RowHeights {
  tallest: Float64Array
  others: Float64Array[]
  before: Float64Array
}

/** The rows' heights at widths `w` (in lines, summed in row order), remembered in `rows`. */
function measureRows(cells: readonly Float64Array[], w: Float64Array, rows: RowHeights): number {
  const {tallest, before} = rows
  let sum = 0
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r]
    const others = rows.others[r]
    // The tallest of the cells before each one, then of those after it; the maximum of all.
    let t = 0
    for (let i = 0; i < row.length; i++) {
      before[i] = t
      const lines = cellLines(row[i], w[i])
      if (lines > t) t = lines
    }
    tallest[r] = t
    let after = 0
    for (let i = row.length - 1; i >= 0; i--) {
      others[i] = before[i] > after ? before[i] : after
      const lines = cellLines(row[i], w[i])
      if (lines > after) after = lines
    }
    sum += t
  }
  return sum
}

/** `measureRows` with column `i` made `wider`. */
function rowsWidened(cells: readonly Float64Array[], rows: RowHeights, i: number, wider: number): number {
  let sum = 0
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r]
    let t = rows.tallest[r]
    if (i < row.length) {
      t = rows.others[r][i]
      const lines = cellLines(row[i], wider)
      if (lines > t) t = lines
    }
    sum += t
  }
  return sum
}

/** What short cells lack at widths `w`, times `cost` (per row in column order, then summed), remembered per row. */
function measureShortfall(keepCells: readonly Float64Array[], w: Float64Array, cost: number, shortfalls: Float64Array): number {
  let sum = 0
  for (let r = 0; r < keepCells.length; r++) {
    const row = keepCells[r]
    let a = 0
    for (let i = 0; i < row.length; i++) a += Math.max(0, row[i] - w[i]) * cost
    shortfalls[r] = a
    sum += a
  }
  return sum
}

/** `measureShortfall` with column `i` made `wider`: only rows whose cell there did not fit change. */
function shortfallWidened(keepCells: readonly Float64Array[], w: Float64Array, cost: number, shortfalls: Float64Array, i: number, wider: number): number {
  let sum = 0
  for (let r = 0; r < keepCells.length; r++) {
    const row = keepCells[r]
    let a = shortfalls[r]
    if (i < row.length && row[i] > w[i]) {
      a = 0
      for (let k = 0; k < row.length; k++) a += Math.max(0, row[k] - (k === i ? wider : w[k])) * cost
    }
    sum += a
  }
  return sum
}
