import {describe, expect, it} from 'vitest'
import type {Table} from 'mdast'
import {textToMdast} from '../../src/read/text.ts'

const cells = (table: Table) => table.children.map((row) => row.children.map((cell) => cell.children.map((c) => ('value' in c ? c.value : '')).join('')))

describe('tab-separated tables', () => {
  it('reads group rows (a line without a tab between rows of the same width) as single-cell rows', () => {
    const tree = textToMdast(['附件', '序号\t举措\t部门', '一、知识产权方面', '1\t审判改革\t最高人民法院', '二、金融方面', '三、管理方面', '2\t专板\t中国证监会', '注：第一个为牵头单位。'].join('\n'))
    const kinds = tree.children.map((n) => n.type)
    expect(kinds).toEqual(['paragraph', 'table', 'paragraph'])
    expect(cells(tree.children[1] as Table)).toEqual([
      ['序号', '举措', '部门'],
      ['一、知识产权方面', '', ''],
      ['1', '审判改革', '最高人民法院'],
      ['二、金融方面', '', ''],
      ['三、管理方面', '', ''],
      ['2', '专板', '中国证监会']
    ])
    // Positions still point at the source line of each cell.
    const group = (tree.children[1] as Table).children[1]!.children[0]!
    expect(group.position?.start.line).toBe(3)
  })

  it('keeps merged cells empty (the parser continues them downwards)', () => {
    const tree = textToMdast(['序号\t任务\t措施\t单位', '1\t推进\t1、甲\t区A局', '\t\t2、乙\t区B局'].join('\n'))
    expect(cells(tree.children[0] as Table)[2]).toEqual(['', '', '2、乙', '区B局'])
  })

  it('does not pull a sentence or a long line into the table', () => {
    const tree = textToMdast(['序号\t部门', '1\t区A局', '以上任务请各单位认真落实。', '2\t区B局'].join('\n'))
    expect(tree.children.map((n) => n.type)).toEqual(['table', 'paragraph', 'table'])
  })
})

describe('Word tables', () => {
  it('keeps merged cells in their columns: a row span leaves the cells below empty, a column span pads the row', async () => {
    const {Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType} = await import('docx')
    const {parsePolicy} = await import('../../src/parse/index.ts')
    const cell = (text: string, extra: Record<string, unknown> = {}) => new TableCell({children: [new Paragraph(text)], ...extra})
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('某县2024年重点任务分工方案'),
            new Paragraph('为做好工作，制定本方案。'),
            new Table({
              rows: [
                new TableRow({children: ['序号', '重点任务', '具体措施', '牵头单位', '配合单位', '完成时限'].map((t) => cell(t))}),
                new TableRow({children: [cell('一、政务服务', {columnSpan: 6})]}),
                new TableRow({children: [cell('1', {verticalMerge: VerticalMergeType.RESTART}), cell('推进一网通办', {verticalMerge: VerticalMergeType.RESTART}), cell('1.企业开办全程网办'), cell('县市场监管局'), cell('县税务局'), cell('3月')]}),
                new TableRow({children: [cell('', {verticalMerge: VerticalMergeType.CONTINUE}), cell('', {verticalMerge: VerticalMergeType.CONTINUE}), cell('2.推行告知承诺制'), cell('县政务服务中心'), cell(''), cell('全年')]})
              ]
            })
          ]
        }
      ]
    })
    const bytes = new Uint8Array(await Packer.toBuffer(doc))
    const {policy} = await parsePolicy({path: 'x.docx', bytes})
    expect(policy.children.map((d) => d.title)).toEqual(['政务服务'])
    expect(policy.children[0]!.children.map((c) => [c.title, c.group, c.units.map((u) => `${u.role}:${u.written}`), c.deadline?.date])).toEqual([
      ['企业开办全程网办', '推进一网通办', ['lead:县市场监管局', 'support:县税务局'], '2024-03-31'],
      ['推行告知承诺制', '推进一网通办', ['lead:县政务服务中心'], '2024-12-31']
    ])
  })
})
