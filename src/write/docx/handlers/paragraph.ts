/** Body paragraphs: 仿宋 三号, first line indented two characters, justified on the grid. */
import type {Paragraph} from '../../../doc/types.ts'
import {runs} from '../inline.ts'
import type {Handler} from '../state.ts'
import {styleId} from '../styles.ts'

export const paragraph: Handler<Paragraph> = (node, state) => [
  state.paragraph({style: styleId.body, children: runs(node.children, state)})
]
