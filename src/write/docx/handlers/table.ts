/**
 * Tables: the width of the text block (landscape pages included), column widths from the content
 * (shared by the tables of one annex with the same header, `state.tableWidths`), header row
 * repeated on every page (w:tblHeader), short rows never split across pages (w:cantSplit), lines
 * of every cell set by the writer between words (`breaks.ts`), flush left, never spaced out.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType
} from 'docx'
import type {Cell, Table as TableNode} from '../../../doc/types.ts'
import {inlineText} from '../../../doc/parse.ts'
import {cellBreaks, cellMeasure} from '../breaks.ts'
import {inlineKey, runs} from '../inline.ts'
import {shared} from '../memo.ts'
import {charsAt, eighths, twips} from '../measure.ts'
import type {BlockOutput, Handler, State} from '../state.ts'
import {styleId} from '../styles.ts'
import {planColumns} from '../../../layout/columns.ts'

const alignment = {left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER} as const

/** Rows of at most this many lines are kept on one page. */
const keepRows = 6

/** Key of a table's columns: its header texts. */
export const tableKey = (node: TableNode): string => node.header.map(inlineText).join('\u0000')

/**
 * Column widths (twips) for `tables` as one table, in a text block `total` twips wide. Every column
 * gets at least its widest word or kept span (and short cells whole); the rest goes by content.
 */
export function planWidths(tables: readonly TableNode[], state: State, total: number): number[] {
  const {elements, geometry, layout} = state
  const first = tables[0]!
  const count = Math.max(first.header.length, ...tables.flatMap((t) => t.rows.map((r) => r.length)))
  const em = charsAt(geometry, layout.fontSize.table, 1)
  const rows = [first.header, ...tables.flatMap((t) => t.rows)].map((row) =>
    Array.from({length: count}, (_, c) => {
      const m = cellMeasure(row[c] ?? [], state.memo.measures)
      return {natural: m.natural * em, longest: m.longest * em}
    })
  )
  // Slack per column: the lines are set with 0.3 of a character to spare (`lineBreaks` below).
  const widths = planColumns(rows, {width: total, pad: 2 * twips(elements.table.padX), slack: 0.35 * em, size: em, keepWhole: elements.tableKeepWhole})
  const rounded = widths.map((w) => Math.floor(w))
  // The rounding remainder to the widest column, so the table is exactly the text block wide.
  const widest = rounded.indexOf(Math.max(...rounded))
  rounded[widest]! += total - rounded.reduce((a, b) => a + b, 0)
  return rounded
}

export const table: Handler<TableNode> = (node, state) => {
  const out: BlockOutput[] = []
  if (state.pendingBreak) out.push(state.paragraph({style: styleId.blank, children: []}))
  const {elements, geometry, layout} = state
  const total = state.textWidth
  const widths = state.tableWidths.get(tableKey(node)) ?? planWidths([node], state, total)
  const count = widths.length
  const padX = twips(elements.table.padX)
  const em = charsAt(geometry, layout.fontSize.table, 1)
  // Columns whose cells are all short (序号, 牵头单位, 完成时限) are centred; longer text is flush left.
  const align = Array.from({length: count}, (_, c) => {
    const given = node.align[c]
    if (given) return alignment[given]
    const short = node.rows.every((row) => cellMeasure(row[c] ?? [], state.memo.measures).natural <= elements.tableKeepWhole)
    return short ? AlignmentType.CENTER : AlignmentType.LEFT
  })
  const rule = {style: BorderStyle.SINGLE, size: eighths(elements.table.ruleWidth), color: '000000'}
  const lineBreaks = (content: Cell, c: number) => cellBreaks(content, (widths[c]! - 2 * padX) / em - 0.3, state.memo.measures)
  const cell = (content: Cell, c: number, isHeader: boolean, breaks: number[]) => {
    const style = isHeader ? styleId.tableHeader : styleId.tableText
    const alignment = isHeader ? undefined : align[c]
    const paragraph = () => new Paragraph({style, alignment, children: runs(content, state, {}, breaks)})
    const make = (text: Paragraph) =>
      new TableCell({width: {size: widths[c]!, type: WidthType.DXA}, verticalAlign: VerticalAlignTable.CENTER, children: [text]})
    // The same cell, or its text in another column width, recurs across the build's documents (a
    // unit's task list repeats the notice's rows).
    const key = inlineKey(content)
    if (key === undefined) return make(paragraph())
    const text = `${style}\u0000${alignment ?? ''}\u0000${breaks.join(',')}\u0000${key}`
    return shared(state.memo, `cell\u0000${widths[c]}\u0000${text}`, () => make(shared(state.memo, `cell text\u0000${text}`, paragraph)))
  }
  const row = (cells: readonly Cell[], isHeader: boolean) => {
    const contents = Array.from({length: count}, (_, c) => cells[c] ?? [])
    const breaks = contents.map((content, c) => lineBreaks(content, c))
    const lines = Math.max(...breaks.map((b) => b.length + 1))
    return new TableRow({
      tableHeader: isHeader || undefined,
      cantSplit: isHeader || lines <= keepRows || undefined,
      children: contents.map((content, c) => cell(content, c, isHeader, breaks[c]!))
    })
  }
  out.push(
    new Table({
      width: {size: total, type: WidthType.DXA},
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      margins: {left: padX, right: padX, top: twips(elements.table.padY), bottom: twips(elements.table.padY)},
      borders: {top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule},
      rows: [...(node.header.length > 0 ? [row(node.header, true)] : []), ...node.rows.map((r) => row(r, false))]
    })
  )
  return out
}
