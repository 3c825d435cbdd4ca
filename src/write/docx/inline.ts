/** Inline content → Word runs. Emphasis is set in 楷体 (Chinese text has no italics); strong is bold. */
import {ExternalHyperlink, TextRun, type ParagraphChild} from 'docx'
import {safeLink} from '../links.ts'
import type {Inline} from '../../doc/types.ts'
import {shared} from './memo.ts'
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

/**
 * Key of the runs `runs` makes of `nodes` (for `shared`): the nodes' types and texts; undefined
 * when they hold a link, whose XML depends on the document it is in.
 */
export function inlineKey(nodes: readonly Inline[]): string | undefined {
  let key = ''
  for (const node of nodes) {
    if (node.type === 'link') return undefined
    if (node.type === 'text') key += `${node.keep ? 'k' : 't'}${node.value.length}:${node.value}`
    else if (node.type === 'break') key += 'b'
    else {
      const inner = inlineKey(node.children)
      if (inner === undefined) return undefined
      key += `${node.type}(${inner})`
    }
  }
  return key
}

/**
 * Word runs of inline nodes. `breaks`: character offsets in the nodes' text (as `inlineText`
 * without soft-break joining) where a line break (`w:br`) goes: lines set by the writer
 * (`breaks.ts`).
 */
export function runs(nodes: readonly Inline[], state: State, style: RunStyle = {}, breaks: readonly number[] = []): ParagraphChild[] {
  const cursor = {at: 0, next: 0}
  return runsAt(nodes, state, style, breaks, cursor)
}

function runsAt(nodes: readonly Inline[], state: State, style: RunStyle, breaks: readonly number[], cursor: {at: number; next: number}): ParagraphChild[] {
  const out: ParagraphChild[] = []
  const text = (value: string) => {
    const joined = joinLines(value)
    const font = style.kai ? fontSlots(state.layout, state.layout.fonts.heading2) : undefined
    return shared(state.memo, `run\u0000${style.bold ? 'b' : ''}${font ? JSON.stringify(font) : ''}\u0000${joined}`, () => new TextRun({text: joined, bold: style.bold || undefined, font}))
  }
  for (const node of nodes) {
    switch (node.type) {
      case 'text': {
        let from = 0
        while (cursor.next < breaks.length && breaks[cursor.next]! <= cursor.at + node.value.length) {
          const cut = breaks[cursor.next++]! - cursor.at
          if (cut > from) out.push(text(node.value.slice(from, cut)))
          out.push(lineBreak(state))
          from = cut
        }
        if (from < node.value.length) out.push(text(node.value.slice(from)))
        cursor.at += node.value.length
        break
      }
      case 'strong':
        out.push(...runsAt(node.children, state, {...style, bold: true}, breaks, cursor))
        break
      case 'emphasis':
        out.push(...runsAt(node.children, state, {...style, kai: true}, breaks, cursor))
        break
      case 'link': {
        // Only allowed targets (safeLink) become hyperlinks; otherwise the text stays, unlinked.
        const link = safeLink(node.url)
        if (link === undefined) out.push(...runsAt(node.children, state, style, breaks, cursor))
        else out.push(new ExternalHyperlink({link, children: runsAt(node.children, state, style, breaks, cursor) as TextRun[]}))
        break
      }
      case 'break':
        out.push(lineBreak(state))
        cursor.at += 1
        break
    }
  }
  return out
}

/** A line break (`w:br`) in a run of its own. */
const lineBreak = (state: State): TextRun => shared(state.memo, 'break', () => new TextRun({break: 1}))
