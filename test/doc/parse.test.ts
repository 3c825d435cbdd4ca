import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {createDocumentParser, inlineText, isAnnexLabel, parseDocument} from '../../src/doc/parse.ts'
import type {Block, Table} from '../../src/doc/types.ts'

const text = (block: Block | undefined): string =>
  block && 'children' in block && block.type !== 'callout' ? inlineText(block.children) : ''

describe('parseDocument', () => {
  it('reads the front matter, the main text and the annexes of the notice fixture', () => {
    const doc = parseDocument(readFileSync(new URL('../fixtures/doc/notice.md', import.meta.url), 'utf8'))
    expect(doc.meta).toMatchObject({layout: 'official', documentNumber: '秀政办发〔2024〕5号', recipients: ['区发改局', '区财政局', '区科技局', '区经商局']})
    expect(doc.main.map((b) => b.type)).toEqual(['paragraph', 'heading', 'paragraph', 'heading', 'paragraph'])
    expect(text(doc.main[4])).toContain('Special *chars* _x_ | # < [ stay literal.')
    expect(doc.annexes).toHaveLength(1)
    const [label, title, table] = doc.annexes[0]!
    expect(text(label)).toBe('附件')
    expect(title).toMatchObject({type: 'heading', level: 1})
    expect(table!.type).toBe('table')
    const t = table as Table
    expect(t.header.map(inlineText)).toEqual(['序号', '政策条款', '主要内容', '牵头单位', '配合单位', '完成时限'])
    expect(t.rows.map((row) => inlineText(row[1]!))).toEqual(['1.发挥重大建设项目带动支撑作用。', '2.加大财政支持力度。'])
    expect(t.position?.start.line).toBe(33)
  })

  it('reads pipe tables: alignment, escaped pipes, inline markup, short and long rows', () => {
    const doc = parseDocument(
      [
        '前文',
        '',
        '| 左 | 中 | 右 |',
        '|:---|:---:|---:|',
        '| a\\|b | **粗** 与 \\*星\\* | |',
        '| 只有一格 |',
        '| 1 | 2 | 3 | 多余 |',
        '',
        '后文'
      ].join('\n')
    )
    expect(doc.main.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph'])
    const table = doc.main[1] as Table
    expect(table.align).toEqual(['left', 'center', 'right'])
    expect(table.rows.map((row) => row.map(inlineText))).toEqual([
      ['a|b', '粗 与 *星*', ''],
      ['只有一格', '', ''],
      ['1', '2', '3']
    ])
    expect(table.rows[0]![1]![0]).toEqual({type: 'strong', children: [{type: 'text', value: '粗'}]})
  })

  it('keeps cell text that would open a block on its own as text', () => {
    const doc = parseDocument('| a | b | c | d |\n|---|---|---|---|\n| - 项 | # 题 | 1. 条 | > 引 |\n')
    expect((doc.main[0] as Table).rows[0]!.map(inlineText)).toEqual(['- 项', '# 题', '1. 条', '> 引'])
  })

  it('leaves pipes in code blocks and front matter alone', () => {
    const doc = parseDocument('---\ntitle: "a | b"\n---\n\n```\n| x | y |\n|---|---|\n```\n')
    expect(doc.meta.title).toBe('a | b')
    expect(doc.main.map((b) => b.type)).toEqual(['paragraph'])
    expect(text(doc.main[0])).toContain('| x | y |')
  })

  it('keeps a bare URL followed by Chinese text as text, not a link', () => {
    const doc = parseDocument('见http://x.example，详见\\*附件\\*。\n')
    expect(doc.main[0]).toMatchObject({type: 'paragraph', children: [{type: 'text', value: '见http://x.example，详见*附件*。'}]})
  })
})

describe('isAnnexLabel', () => {
  it('knows the annex label however the policy writes it, and nothing else', () => {
    const first = (markdown: string) => parseDocument(markdown).main[0]
    for (const label of ['附件', '附件2', '附件：', '附件 1：', '附件１']) expect(isAnnexLabel(first(label)), label).toBe(true)
    for (const other of ['附件说明', '附件：秀洲区积极争取省市政策事项清单', '# 附件']) expect(isAnnexLabel(first(other)), other).toBe(false)
  })
})

describe('sections', () => {
  it('gives every block its place in the whole document, across headings', () => {
    const markdown = ['---', 'title: t', '---', '', '第一段', '', '## 二', '', '- 甲', '- 乙', '', '> 引文', '', '### 三', '', '末段 **粗**'].join('\n')
    const doc = parseDocument(markdown)
    expect(doc.main.map((b) => b.type)).toEqual(['paragraph', 'heading', 'list', 'callout', 'heading', 'paragraph'])
    // Each block's offsets slice its own source out of the whole document.
    expect(doc.main.map((block) => markdown.slice(block.position!.start.offset, block.position!.end.offset))).toEqual([
      '第一段',
      '## 二',
      '- 甲\n- 乙',
      '> 引文',
      '### 三',
      '末段 **粗**'
    ])
    expect(doc.main[4]!.position!.start.line).toBe(14)
    expect(doc.main[5]!.position!.start).toMatchObject({line: 16, column: 1, offset: markdown.indexOf('末段')})
  })

  it('does not cut at a heading line inside a fenced code block', () => {
    const doc = parseDocument('```\n# 不是标题\n```\n\n# 标题\n')
    expect(doc.main.map((b) => b.type)).toEqual(['paragraph', 'heading'])
  })
})

describe('cells', () => {
  it('reads cells with other markup through remark, beside plain cells', () => {
    const doc = parseDocument('| a | b | c |\n|---|---|---|\n| *斜* | `码` | 平 |\n| <b>x</b> | **粗** | &amp; |\n')
    expect((doc.main[0] as Table).rows).toEqual([
      [[{type: 'emphasis', children: [{type: 'text', value: '斜'}]}], [{type: 'text', value: '码'}], [{type: 'text', value: '平'}]],
      [[{type: 'text', value: '<b>x</b>'}], [{type: 'strong', children: [{type: 'text', value: '粗'}]}], [{type: 'text', value: '&'}]]
    ])
  })

  it('reads the cells a build repeats once, and gives every document its own nodes', () => {
    const markdown = (unit: string) => `---\nkeep: ["${unit}"]\n---\n\n| 单位 | 任务 |\n|---|---|\n| 区财政局 | **2024年**完成 |\n`
    const parse = createDocumentParser()
    const [a, b, c] = [markdown('区财政局'), markdown('区财政局'), markdown('财政')].map((md) => parse(md))
    for (const [doc, md] of [[a, markdown('区财政局')], [b, markdown('区财政局')], [c, markdown('财政')]] as const) expect(doc).toEqual(parseDocument(md))
    const cell = (doc: typeof a) => (doc!.main[0] as Table).rows[0]![0]!
    expect(cell(a)).toEqual([{type: 'text', value: '区财政局', keep: true}])
    expect(cell(c)).toEqual([{type: 'text', value: '区'}, {type: 'text', value: '财政', keep: true}, {type: 'text', value: '局'}])
    expect(cell(a)).not.toBe(cell(b))
    expect(cell(a)[0]).not.toBe(cell(b)[0])
  })
})
