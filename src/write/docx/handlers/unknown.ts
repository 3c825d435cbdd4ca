/** A block type no handler knows: reported, and its text kept as a body paragraph rather than dropped. */
import {TextRun} from 'docx'
import type {Block, Inline} from '../../../doc/types.ts'
import {inlineText} from '../../../doc/parse.ts'
import type {Handler} from '../state.ts'
import {styleId} from '../styles.ts'

export const unknown: Handler<Block> = (node, state) => {
  const type = String((node as {type?: unknown}).type)
  const value = textOf(node)
  state.report(
    `Word 输出不认识块类型“${type}”，${value ? '已按正文段落输出其文字' : '且其中没有文字'}`,
    node,
    'docx-unknown-block'
  )
  return value ? [state.paragraph({style: styleId.body, children: [new TextRun(value)]})] : []
}

function textOf(node: unknown): string {
  if (!node || typeof node !== 'object') return ''
  const record = node as {value?: unknown; children?: unknown}
  if (typeof record.value === 'string') return record.value
  if (Array.isArray(record.children)) {
    const kids = record.children as unknown[]
    if (kids.every((k) => k && typeof k === 'object' && 'type' in (k as object) && isInline(k as Inline)))
      return inlineText(kids as Inline[])
    return kids.map(textOf).filter(Boolean).join('\n')
  }
  return ''
}

function isInline(node: Inline): boolean {
  return ['text', 'strong', 'emphasis', 'link', 'break'].includes(node.type)
}
