/**
 * Column widths chosen from the content, like a browser's automatic table layout: every column gets
 * at least its minimum (its header and its short cells unbroken, the longest Latin word or number),
 * the rest of the text-block width goes to the columns in proportion to how much more they want.
 * Widths are integers in twips that add up to exactly `total`.
 */
import {longestUnbreakable, textWidth} from './measure.ts'

export interface ColumnMeasure {
  /** Width (em) of the widest cell on one line. */
  natural: number
  /** Width (em) below which a cell would have to break where it should not. */
  min: number
}

export function measureColumns(header: readonly string[], rows: readonly (readonly string[])[], keepWhole: number): ColumnMeasure[] {
  const count = Math.max(header.length, ...rows.map((r) => r.length))
  const out: ColumnMeasure[] = []
  for (let c = 0; c < count; c++) {
    const cells = [header[c] ?? '', ...rows.map((r) => r[c] ?? '')]
    let natural = 0
    let min = 0
    for (const [i, cell] of cells.entries()) {
      const lines = cell.split('\n')
      const width = Math.max(...lines.map(textWidth))
      natural = Math.max(natural, width)
      // Header cells and short cells stay on one line; longer cells may break between Han characters.
      const whole = i === 0 || width <= keepWhole
      min = Math.max(min, whole ? width : Math.max(...lines.map(longestUnbreakable)))
    }
    out.push({natural: Math.max(natural, 1), min: Math.max(min, 1)})
  }
  return out
}

/**
 * Distribute `total` twips over the columns. `em` converts a width in em to twips, `pad` is the
 * horizontal cell padding (both sides) added to every column.
 */
export function columnWidths(columns: readonly ColumnMeasure[], total: number, em: number, pad: number): number[] {
  if (columns.length === 0) return []
  const min = columns.map((c) => c.min * em + pad)
  const max = columns.map((c) => Math.max(c.natural, c.min) * em + pad)
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  let widths: number[]
  if (sum(max) <= total) {
    // Everything fits on one line: widen in proportion to content.
    widths = max.map((w) => w + ((total - sum(max)) * w) / sum(max))
  } else if (sum(min) >= total) {
    // Not even the minimums fit: shrink them proportionally (cells wrap; nothing is clipped).
    widths = min.map((w) => (w * total) / sum(min))
  } else {
    const room = total - sum(min)
    const want = sum(max) - sum(min)
    widths = min.map((w, i) => w + (room * (max[i] - w)) / want)
  }
  const rounded = widths.map((w) => Math.floor(w))
  // Give the rounding remainder to the widest column so the table is exactly the text block wide.
  const widest = rounded.indexOf(Math.max(...rounded))
  rounded[widest] += total - sum(rounded)
  return rounded
}
