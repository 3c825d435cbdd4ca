import {Document, Packer, Paragraph, Table, TableCell, TableRow} from 'docx'
import {describe, expect, it} from 'vitest'
import {parsePolicy} from '../../src/parse/index.ts'

describe('.docx reader', () => {
  it('reads paragraphs and keeps tables as tables', async () => {
    const cell = (text: string) => new TableCell({children: [new Paragraph(text)]})
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('示例方案'),
            new Paragraph('一、投资政策（由区发改局牵头实施）'),
            new Paragraph('1.加大支持。正文*星号*。（责任单位：区发改局、区财政局（区国资办））'),
            new Paragraph('附件：'),
            new Paragraph('事项清单'),
            new Table({
              rows: [
                new TableRow({children: ['领域', '争取事项', '具体目标', '责任单位'].map(cell)}),
                new TableRow({children: ['一、投资政策', '1.争取资金', '力争50亿元。', '区财政局'].map(cell)})
              ]
            })
          ]
        }
      ]
    })
    const bytes = new Uint8Array(await Packer.toBuffer(doc))
    const {policy, file} = await parsePolicy({path: 'x.docx', bytes})
    expect(file.messages.filter((m) => m.fatal)).toEqual([])
    expect(policy.title).toBe('示例方案')
    const clause = policy.children[0]!.children[0]!
    expect(clause.body).toBe('正文*星号*。')
    expect(clause.units.map((u) => u.written)).toEqual(['区发改局', '区财政局', '区国资办'])
    expect(policy.appendix?.children[0]).toMatchObject({number: 1, domain: 1, title: '争取资金', target: '力争50亿元。'})
  })

  it('reads paragraphs in styles it does not map (an office\'s own, or 公文正文) without a message per style', async () => {
    const doc = new Document({
      styles: {paragraphStyles: [{id: 'GwBody', name: '公文正文', run: {}}, {id: 'GwTitle', name: '公文标题', run: {}}]},
      sections: [
        {
          children: [
            new Paragraph({text: '示例方案', style: 'GwTitle'}),
            new Paragraph({text: '（征求意见稿）', style: 'GwBody'}),
            new Paragraph({text: '一、投资政策（由区发改局牵头实施）', style: 'GwBody'}),
            new Paragraph({text: '1.加大支持。正文。（责任单位：区发改局）', style: 'GwBody'})
          ]
        }
      ]
    })
    const bytes = new Uint8Array(await Packer.toBuffer(doc))
    const {policy, file} = await parsePolicy({path: 'x.docx', bytes})
    expect(file.messages.map((m) => m.reason)).toEqual([])
    expect(policy.title).toBe('示例方案')
    expect(policy.status).toBe('征求意见稿')
    expect(policy.children[0]!.children[0]!.title).toBe('加大支持。')
  })
})
