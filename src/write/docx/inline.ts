/** Inline content → Word runs. Emphasis is set in 楷体 (Chinese text has no italics); strong is bold. */
import {ExternalHyperlink, TextRun, type ParagraphChild} from 'docx'
import {safeLink} from '../links.ts'
import type {Inline} from '../../doc/types.ts'
import type {State} from './state.ts'
import {fontSlots} from './styles.ts'

interface RunStyle {
  bold?: boolean
  kai?: boolean
}

const cjk = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/

/** Join soft line breaks: nothing between two Chinese characters, a space otherwise. */
export function joinLines(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, (_m, offset: number, whole: string) => {
    const before = whole.slice(0, offset).slice(-1)
    const after = whole.slice(offset + _m.length, offset + _m.length + 1)
    return cjk.test(before) || cjk.test(after) ? '' : ' '
  })
}

export function runs(nodes: readonly Inline[], state: State, style: RunStyle = {}): ParagraphChild[] {
  const out: ParagraphChild[] = []
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push(
          new TextRun({
            text: joinLines(node.value),
            bold: style.bold || undefined,
            font: style.kai ? fontSlots(state.layout, state.layout.fonts.heading2) : undefined
          })
        )
        break
      case 'strong':
        out.push(...runs(node.children, state, {...style, bold: true}))
        break
      case 'emphasis':
        out.push(...runs(node.children, state, {...style, kai: true}))
        break
      case 'link': {
        // Only allowed targets (safeLink) become hyperlinks; otherwise the text stays, unlinked.
        const link = safeLink(node.url)
        if (link === undefined) out.push(...runs(node.children, state, style))
        else out.push(new ExternalHyperlink({link, children: runs(node.children, state, style) as TextRun[]}))
        break
      }
      case 'break':
        out.push(new TextRun({break: 1}))
        break
    }
  }
  return out
}
