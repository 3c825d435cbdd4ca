/**
 * Known bug (reported, not ours to fix: src/template/escape.ts is being finished by its owner):
 * a bare URL in clause text becomes a GFM autolink literal when the rendered Markdown is read back,
 * and the autolink runs on through the Chinese text after it (no space ends it). Backslash escapes
 * that `escapeMarkdown` put inside that run are not unescaped there, so the documents show them:
 * `见http://x.example，*。` reads back as `见http://x.example，\*。` (link to `http://x.example，\*。`).
 * When the escaping is fixed this `it.fails` starts failing: turn it into a plain `it`.
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
  it.fails('URL followed by Chinese text and an escaped character: text is kept (stray backslash today)', () => {
    expect(readBack('见http://x.example，*。')).toBe('见http://x.example，*。')
  })
})
