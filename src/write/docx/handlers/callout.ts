/**
 * Callouts (Markdown blockquotes): a one-cell box the width of the text block. In the leaflet layout
 * the box is shaded; in the official layout it is only ruled.
 */
import {BorderStyle, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, WidthType} from 'docx'
import type {Callout} from '../../../doc/types.ts'
import {eighths, twips} from '../measure.ts'
import type {BlockOutput, Handler} from '../state.ts'
import {styleId} from '../styles.ts'

export const callout: Handler<Callout> = (node, state) => {
  const out: BlockOutput[] = []
  if (state.pendingBreak) out.push(state.paragraph({style: styleId.blank, children: []}))
  const width = state.geometry.textWidth
  const rule = {style: BorderStyle.SINGLE, size: eighths(state.elements.table.ruleWidth), color: '808080'}
  const inner = state.all(node.children)
  const leaflet = state.variant === 'leaflet'
  out.push(
    new Table({
      width: {size: width, type: WidthType.DXA},
      columnWidths: [width],
      layout: TableLayoutType.FIXED,
      borders: {top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule},
      rows: [
        new TableRow({
          children: [
            new TableCell({
              width: {size: width, type: WidthType.DXA},
              shading: leaflet ? {fill: state.elements.calloutFill, type: ShadingType.CLEAR, color: 'auto'} : undefined,
              margins: {left: twips(8), right: twips(8), top: twips(4), bottom: twips(4)},
              children: inner.length > 0 ? inner : [new Paragraph({style: styleId.blank, children: []})]
            })
          ]
        })
      ]
    })
  )
  return out
}
