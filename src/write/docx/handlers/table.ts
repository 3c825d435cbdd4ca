/**
 * Tables: full text-block width, column widths from the content, header row repeated on every page
 * (w:tblHeader), rows allowed to break across pages (no w:cantSplit), 仿宋 at the table size, cell text wrapped.
 */
import {
  AlignmentType,
  BorderStyle,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType
} from 'docx'
import type {Cell, Table as TableNode} from '../../../doc/types.ts'
import {inlineText} from '../../../doc/parse.ts'
import {runs} from '../inline.ts'
import {charsAt, eighths, textWidth, twips} from '../measure.ts'
import type {BlockOutput, Handler} from '../state.ts'
import {styleId} from '../styles.ts'
import {columnWidths, measureColumns} from '../widths.ts'

const alignment = {left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER} as const

export const table: Handler<TableNode> = (node, state) => {
  const out: BlockOutput[] = []
  if (state.pendingBreak) out.push(state.paragraph({style: styleId.blank, children: []}))
  const {elements, geometry, layout} = state
  const header = node.header.map(inlineText)
  const rows = node.rows.map((row) => row.map(inlineText))
  const columns = measureColumns(header, rows, elements.tableKeepWhole)
  const count = columns.length
  const padX = twips(elements.table.padX)
  const em = charsAt(geometry, layout.fontSize.table, 1)
  // Half a character of slack per column absorbs differences between font metrics.
  const widths = columnWidths(columns, geometry.textWidth, em, 2 * padX + Math.round(em / 2))
  // Columns whose cells are all short (序号, 牵头单位, 完成时限) are centred; long text is set flush left
  // (justifying a narrow cell spreads its characters apart).
  const align = Array.from({length: count}, (_, c) => {
    const given = node.align[c]
    if (given) return alignment[given]
    const short = rows.every((row) => textWidth(row[c] ?? '') <= elements.tableKeepWhole)
    return short ? AlignmentType.CENTER : AlignmentType.LEFT
  })
  const rule = {style: BorderStyle.SINGLE, size: eighths(elements.table.ruleWidth), color: '000000'}
  const cell = (content: Cell | undefined, c: number, isHeader: boolean) =>
    new TableCell({
      width: {size: widths[c], type: WidthType.DXA},
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        state.paragraph({
          style: isHeader ? styleId.tableHeader : styleId.tableText,
          alignment: isHeader ? undefined : align[c],
          children: runs(content ?? [], state)
        })
      ]
    })
  const row = (cells: readonly Cell[], isHeader: boolean) =>
    new TableRow({
      tableHeader: isHeader || undefined,
      children: Array.from({length: count}, (_, c) => cell(cells[c], c, isHeader))
    })
  out.push(
    new Table({
      width: {size: geometry.textWidth, type: WidthType.DXA},
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      margins: {left: padX, right: padX, top: twips(elements.table.padY), bottom: twips(elements.table.padY)},
      borders: {top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule},
      rows: [...(node.header.length > 0 ? [row(node.header, true)] : []), ...node.rows.map((r) => row(r, false))]
    })
  )
  return out
}

