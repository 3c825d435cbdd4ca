/**
 * Title lines (GB/T 9704 7.3.1: 标题回行时，要做到词意完整，排列对称，长短适宜，间距恰当，
 * 标题排列应当使用梯形或菱形): where to break a title that does not fit on one line.
 *
 * Input: the width of each unit and whether a line may end after it (word boundaries only).
 * Every way of breaking into the fewest lines that fit is tried (and one line more when none of
 * them has a good shape); the one whose lines are most even wins among those shaped as a 梯形
 * (lengths only growing or only shrinking) or a 菱形 (growing, then shrinking).
 */

/** Line ends (exclusive unit indices, the last one `widths.length`). */
export function titleBreaks(widths: readonly number[], canBreak: readonly boolean[], max: number): number[] {
  const n = widths.length
  const prefix = [0]
  for (const w of widths) prefix.push(prefix[prefix.length - 1]! + w)
  const total = prefix[n]!
  if (total <= max + 1e-6 || n === 0) return [n]
  const candidates: number[] = []
  for (let i = 0; i < n - 1; i++) if (canBreak[i]) candidates.push(i + 1)
  const length = (from: number, to: number) => prefix[to]! - prefix[from]!
  const fewest = greedyLines(prefix, candidates, max)
  let best: {ends: number[]; score: number} | undefined
  for (let lines = fewest; lines <= fewest + 1 && lines <= 6; lines++) {
    const found = search(lines)
    if (found && (!best || found.score < best.score)) best = found
    if (best && best.score < 1) break
  }
  return best?.ends ?? [n]

  function search(lines: number): {ends: number[]; score: number} | undefined {
    let out: {ends: number[]; score: number} | undefined
    let visited = 0
    const ends: number[] = []
    const walk = (from: number, left: number) => {
      if (++visited > 200_000) return
      if (left === 1) {
        if (length(from, n) > max + 1e-6) return
        ends.push(n)
        const score = shapeScore(ends.map((e, i) => length(i === 0 ? 0 : ends[i - 1]!, e)), max) + (lines - fewest) * 0.5
        if (!out || score < out.score) out = {ends: [...ends], score}
        ends.pop()
        return
      }
      for (const end of candidates) {
        if (end <= from) continue
        if (length(from, end) > max + 1e-6) break
        ends.push(end)
        walk(end, left - 1)
        ends.pop()
      }
    }
    walk(0, lines)
    return out
  }
}

function greedyLines(prefix: readonly number[], candidates: readonly number[], max: number): number {
  const n = prefix.length - 1
  let lines = 1
  let from = 0
  while (prefix[n]! - prefix[from]! > max + 1e-6) {
    let next = -1
    for (const end of candidates) if (end > from && prefix[end]! - prefix[from]! <= max + 1e-6) next = end
    if (next < 0) return lines + 1
    from = next
    lines++
  }
  return lines
}

/**
 * How far a set of line lengths is from a good title shape: the spread of the lengths (relative to
 * the measure), plus 1 when the lines are neither a 梯形 nor a 菱形.
 */
function shapeScore(lengths: readonly number[], max: number): number {
  const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length
  const spread = lengths.reduce((a, l) => a + ((l - mean) / max) ** 2, 0)
  return spread + (isTitleShape(lengths) ? 0 : 1)
}

/** Lengths only growing, only shrinking (梯形), or growing then shrinking (菱形); 1% tolerance. */
export function isTitleShape(lengths: readonly number[]): boolean {
  const tol = 0.01 * Math.max(...lengths)
  const up = (a: number, b: number) => b >= a - tol
  const down = (a: number, b: number) => b <= a + tol
  const pairs = lengths.slice(1).map((l, i) => [lengths[i]!, l] as const)
  if (pairs.every(([a, b]) => up(a, b)) || pairs.every(([a, b]) => down(a, b))) return true
  const peak = lengths.indexOf(Math.max(...lengths))
  return pairs.every(([a, b], i) => (i < peak ? up(a, b) : down(a, b)))
}
