// The .md output is the rendered template less the layout-only front-matter keys.
import {describe, expect, it} from 'vitest'
import {writeMarkdown} from '../../src/write/md.ts'

describe('writeMarkdown', () => {
  it('drops the keep list from the front matter and nothing else', () => {
    const md = '---\nkind: "notice"\nkeep: ["区发改局","区财政局"]\ncreated: "2024-03-05T00:00:00Z"\n---\n\n正文 keep: 保留\n'
    expect(writeMarkdown(md)).toBe('---\nkind: "notice"\ncreated: "2024-03-05T00:00:00Z"\n---\n\n正文 keep: 保留\n')
  })

  it('leaves a body that merely starts with keep: alone, and ends the file with a newline', () => {
    expect(writeMarkdown('keep: 这是正文')).toBe('keep: 这是正文\n')
    expect(writeMarkdown('---\nkind: "x"\n---\nkeep: 正文\n')).toBe('---\nkind: "x"\n---\nkeep: 正文\n')
  })
})
