/**
 * Headings: level 1 the annex title (小标宋 二号 centred, broken between words into a 梯形 or 菱形
 * by the writer), 2 `一、` (黑体), 3 `（一）` (楷体), 4 `1.` (body face).
 */
import type {Heading} from '../../../doc/types.ts'
import {titleLineBreaks} from '../breaks.ts'
import {runs} from '../inline.ts'
import {charsAt} from '../measure.ts'
import type {Handler} from '../state.ts'
import {styleId} from '../styles.ts'

const styles = {1: styleId.heading1, 2: styleId.heading2, 3: styleId.heading3, 4: styleId.heading4} as const

export const heading: Handler<Heading> = (node, state) => {
  const width = state.textWidth / charsAt(state.geometry, state.layout.fontSize.title, 1) - 0.5
  const breaks = node.level === 1 ? titleLineBreaks(node.children, width, state.memo.measures) : []
  const paragraph = state.paragraph({style: styles[node.level], children: runs(node.children, state, {}, breaks)})
  if (node.level !== 1) return [paragraph]
  // The annex title sits on the third line of its page, with a blank line under it (GB/T 9704 8).
  return [paragraph, state.paragraph({style: styleId.blank, children: []})]
}
