/**
 * A bare URL in clause text must read back as text: GFM autolink literals would run on through
 * the Chinese text after the URL and keep escapes raw (`见http://x.example，\*。`), so the document
 * reader parses tables but not autolink literals.
 */
import {describe, expect, it} from 'vitest'
import {escapeMarkdown} from '../../src/template/escape.ts'
import {inlineText, parseDocument} from '../../src/doc/parse.ts'
import type {Table} from '../../src/doc/types.ts'

const readBack = (value: string) => inlineText((parseDocument(`| a |\n|---|\n| ${escapeMarkdown(value)} |\n`).main[0] as Table).rows[0]![0]!)

describe('bare URLs in clause text', () => {
  it('URL followed by a space: text is kept', () => {
    expect(readBack('见 http://x.example 与 *重点*。')).toBe('见 http://x.example 与 *重点*。')
  })
  it('URL followed by Chinese text and an escaped character: text is kept, not a link', () => {
    expect(readBack('见http://x.example，*。')).toBe('见http://x.example，*。')
    const cell = (parseDocument(`| a |\n|---|\n| ${escapeMarkdown('见http://x.example，*。')} |\n`).main[0] as Table).rows[0]![0]!
    expect(cell.map((node) => node.type)).toEqual(['text'])
  })
})
