/**
 * Lists: one paragraph per item with its marker written as text (`1.` or `●`), never Word
 * auto-numbering, so the numbers stay exactly as in the source and need no numbering part.
 */
import {TextRun} from 'docx'
import type {List} from '../../../doc/types.ts'
import {runs} from '../inline.ts'
import type {Handler} from '../state.ts'
import {styleId} from '../styles.ts'

export const list: Handler<List> = (node, state) =>
  node.items.map((item, index) =>
    state.paragraph({
      style: styleId.body,
      children: [new TextRun(node.ordered ? `${node.start + index}.` : '● '), ...runs(item, state)]
    })
  )
