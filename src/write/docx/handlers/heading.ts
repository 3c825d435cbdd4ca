/** Headings: level 1 the annex title (小标宋 二号 centred), 2 `一、` (黑体), 3 `（一）` (楷体), 4 `1.` (body face). */
import type {Heading} from '../../../doc/types.ts'
import {runs} from '../inline.ts'
import type {Handler} from '../state.ts'
import {styleId} from '../styles.ts'

const styles = {1: styleId.heading1, 2: styleId.heading2, 3: styleId.heading3, 4: styleId.heading4} as const

export const heading: Handler<Heading> = (node, state) => {
  const paragraph = state.paragraph({style: styles[node.level], children: runs(node.children, state)})
  if (node.level !== 1) return [paragraph]
  // The annex title sits on the third line of its page, with a blank line under it (GB/T 9704 8).
  return [paragraph, state.paragraph({style: styleId.blank, children: []})]
}
