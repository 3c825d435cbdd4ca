import {describe, expect, it} from 'vitest'
import {columnWidths} from '../../src/layout/columns.ts'

/**
 * The plain algorithm `columnWidths` implements: each step measures the whole table once per
 * column widened. The implementation measures only what a column changes; its widths must be
 * exactly these, to the last bit (they decide where cell lines break in both writers).
 */
function plainColumnWidths(
  columns: ReadonlyArray<{min: number; max: number}>,
  cells: ReadonlyArray<readonly number[]>,
  width: number,
  keep: {cells: ReadonlyArray<ReadonlyArray<number>>; cost: number}
): number[] {
  const min = columns.map((c) => c.min)
  const max = columns.map((c, i) => Math.max(c.max, min[i]!))
  const sumMin = min.reduce((a, b) => a + b, 0)
  if (sumMin >= width) return min.map((m) => (m * width) / sumMin)
  const sumMax = max.reduce((a, b) => a + b, 0)
  if (sumMax <= width) return max.map((m) => m + ((width - sumMax) * m) / sumMax)
  const out = min.slice()
  const height = (w: number[]) => {
    let rows = 0
    for (const row of cells) {
      let tallest = 0
      row.forEach((n, i) => {
        const lines = n > w[i]! ? n / w[i]! : 1
        if (lines > tallest) tallest = lines
      })
      rows += tallest
    }
    let short = 0
    for (const row of keep.cells) {
      let a = 0
      row.forEach((k, i) => (a += Math.max(0, k - w[i]!) * keep.cost))
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
    out.forEach((_, i) => {
      if (out[i]! + 1e-6 >= max[i]!) return
      const w = out.slice()
      w[i] = Math.min(max[i]!, w[i]! + give)
      const gain = base - height(w)
      if (gain > bestGain) [best, bestGain] = [i, gain]
    })
    if (best < 0) break
    const add = Math.min(give, max[best]! - out[best]!)
    out[best] += add
    remaining -= add
  }
  if (remaining > 1e-6) {
    const total = out.reduce((a, b) => a + b, 0)
    return out.map((w) => w + (remaining * w) / total)
  }
  return out
}

/** A small deterministic random number generator (the same tables every run). */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
}

describe('columnWidths', () => {
  it('chooses exactly the widths of measuring the whole table for every column tried', () => {
    const next = random(17)
    for (let table = 0; table < 300; table++) {
      const n = 1 + Math.floor(next() * 7)
      const rows = Math.floor(next() * 40)
      // Ragged rows, repeated widths (ties) and empty cells, as real tables have.
      const cells = Array.from({length: rows}, () =>
        Array.from({length: next() < 0.1 ? Math.max(1, n - 1) : n}, () => (next() < 0.2 ? 24 : Math.round(next() * 600 * 4) / 4))
      )
      const keeps = cells.map((row) => row.map((w) => (w < 100 ? w : 0)))
      const columns = Array.from({length: n}, (_, i) => {
        const min = 20 + next() * 60
        return {min, max: Math.max(min, ...cells.map((row) => row[i] ?? 0))}
      })
      const width = 200 + next() * 500
      const keep = {cells: keeps, cost: 2 / 12}
      expect(columnWidths(columns, cells, width, keep), `table ${table}`).toEqual(plainColumnWidths(columns, cells, width, keep))
    }
  })
})
