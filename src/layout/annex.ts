/** Which annexes go on landscape pages (GB/T 9704 §8 横排表格), the same rule for every writer. */
import type {Block} from '../doc/types.ts'
import {landscapeColumns} from './gbt9704.ts'

/** An annex holding a table of `landscapeColumns` columns or more. */
export function isLandscapeAnnex(blocks: readonly Block[]): boolean {
  return blocks.some((b) => b.type === 'table' && Math.max(b.header.length, ...b.rows.map((r) => r.length)) >= landscapeColumns)
}
