import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {beforeAll, describe, expect, it} from 'vitest'
import {inlineText, parseDocument} from '../../src/doc/parse.ts'
import type {Block, Doc} from '../../src/doc/types.ts'
import {officialLayout} from '../../src/layout/gbt9704.ts'
import {writeDocx} from '../../src/write/docx/index.ts'
import {columnWidths, planColumns} from '../../src/layout/columns.ts'
import {attrs, entryNames, paragraphs, style, tableRows, unzipDocx, type Parts} from './helpers.ts'

const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8')

describe('writeDocx: the notice (GB/T 9704)', () => {
  let doc: Doc
  let bytes: Uint8Array
  let parts: Parts
  beforeAll(async () => {
    doc = parseDocument(fixture('doc/notice.md'))
    bytes = await writeDocx(doc)
    parts = unzipDocx(bytes)
  })

  it('sets A4, the GB/T 9704 margins and a 28 × 22 grid with exact line pitch on every section; the wide annex landscape', () => {
    const sections = parts['word/document.xml'].match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? []
    expect(sections.length).toBe(3) // main text, the annex (landscape), the 版记 page
    sections.forEach((sect, i) => {
      const grid = attrs(sect, 'w:docGrid')
      expect(grid['w:type']).toBe('linesAndChars')
      expect(grid['w:linePitch']).toBe('579') // 12756 twips / 22 lines
      // (8845 / 28 twips − 16 pt) × 4096, rounded down: character pitch 15.79 pt → 28 per line
      expect(grid['w:charSpace']).toBe('-842')
      expect(Math.floor(8845 / (320 + (Number(grid['w:charSpace']) / 4096) * 20))).toBe(28)
      if (i === 1) {
        // GB/T 9704 §8 横排表格: the sheet turned a quarter turn, its margins with it (top = the
        // sheet's left 28 mm, left = its bottom 35 mm): the same 156 × 225 mm block, turned.
        expect(attrs(sect, 'w:pgSz')).toMatchObject({'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape'})
        expect(attrs(sect, 'w:pgMar')).toMatchObject({'w:top': '1587', 'w:left': '1984', 'w:right': '2098', 'w:bottom': '1474'})
        return
      }
      expect(attrs(sect, 'w:pgSz')).toMatchObject({'w:w': '11906', 'w:h': '16838'})
      // top 37 mm, left 28 mm, right 26 mm, bottom 35 mm → text block 156 × 225 mm
      expect(attrs(sect, 'w:pgMar')).toMatchObject({'w:top': '2098', 'w:left': '1587', 'w:right': '1474', 'w:bottom': '1984'})
    })
    expect(attrs(sections[0]!, 'w:pgNumType')).toMatchObject({'w:start': '1'})
    // The 版记 starts on an even page, at the foot of the page.
    expect(sections[2]).toContain('<w:vAlign w:val="bottom"/>')
    expect(sections[2]).toContain('<w:type w:val="evenPage"/>')
    const pPr = /<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/.exec(parts['word/styles.xml'])![0]
    expect(attrs(pPr, 'w:spacing')).toMatchObject({'w:line': '579', 'w:lineRule': 'exact'})
    // Text is condensed 0.25 pt and does not snap to the character grid, so Word and LibreOffice
    // both set 28 characters a line (see `patches` in src/write/docx/index.ts).
    expect(pPr).toContain('<w:snapToGrid w:val="0"/>')
    // Widow and orphan control everywhere; no automatic space between Chinese and digits.
    expect(pPr).toContain('<w:widowControl/>')
    expect(pPr).toContain('<w:autoSpaceDE w:val="0"/>')
    const rPr = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(parts['word/styles.xml'])![0]
    expect(attrs(rPr, 'w:spacing')['w:val']).toBe('-5')
    expect(Math.floor(8845 / (320 - 5))).toBe(28)
  })

  it('names the fonts per slot (eastAsia from the profile, Times New Roman for Latin) with the standard sizes', () => {
    const styles = parts['word/styles.xml']
    const expectations: Array<[string, string, string | undefined]> = [
      ['Normal', '仿宋_GB2312', '32'],
      ['GwTitle', '方正小标宋简体', '44'],
      ['GwIssuerMark', '方正小标宋简体', undefined],
      ['Heading1', '方正小标宋简体', '44'],
      ['Heading2', '黑体', '32'],
      ['Heading3', '楷体_GB2312', '32'],
      ['Heading4', '仿宋_GB2312', '32'],
      ['GwAnnexLabel', '黑体', undefined],
      ['GwTableHeader', '黑体', '21'],
      ['GwPageNumber', '宋体', '28']
    ]
    for (const [id, eastAsia, size] of expectations) {
      const xml = style(styles, id)
      const fonts = attrs(xml, 'w:rFonts')
      expect(fonts['w:eastAsia'], id).toBe(eastAsia)
      if (id !== 'GwPageNumber') expect(fonts['w:ascii'], id).toBe('Times New Roman')
      if (id !== 'GwPageNumber') expect(fonts['w:hAnsi'], id).toBe('Times New Roman')
      if (size) expect(attrs(xml, 'w:sz')['w:val'], id).toBe(size)
    }
    expect(attrs(style(styles, 'GwTableText'), 'w:sz')['w:val']).toBe('21') // 五号
    expect(attrs(style(styles, 'GwImprint'), 'w:sz')['w:val']).toBe('28') // 四号
    expect(style(styles, 'GwIssuerMark')).toContain('<w:color w:val="E60000"/>')
    // Body, 一、 and （一） headings indented two characters; title and 主送 not.
    for (const id of ['GwBody', 'Heading2', 'Heading3']) {
      expect(attrs(style(styles, id), 'w:ind'), id).toMatchObject({'w:firstLineChars': '200', 'w:firstLine': '632'})
    }
    expect(attrs(style(styles, 'GwRecipients'), 'w:ind')).toMatchObject({'w:firstLine': '0', 'w:firstLineChars': '0'})
    expect(style(styles, 'GwTitle')).toContain('<w:jc w:val="center"/>')
    expect(style(styles, 'Heading1')).toContain('<w:jc w:val="center"/>')
  })

  it('numbers pages "— N —" in odd (right) and even (left) footers, one character in', () => {
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>')
    const sect = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(parts['word/document.xml'])![0]
    const target = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(sect)![1]
      const rel = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(parts['word/_rels/document.xml.rels'])!
      return parts[`word/${rel[1] ?? rel[2]}`]
    }
    for (const [type, side, indent] of [['default', 'right', 'w:right'], ['even', 'left', 'w:left']] as const) {
      const footer = target(type)
      const [p] = paragraphs(footer)
      expect(p.style).toBe('GwPageNumber')
      expect(p.xml).toContain(`<w:jc w:val="${side}"/>`)
      expect(attrs(p.xml, 'w:ind')[indent]).toBe('275') // one 四号 character (14 pt − 0.25 pt condensing)
      expect(p.xml).toContain('<w:fldChar w:fldCharType="begin"/>')
      expect(p.xml).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/)
      expect(p.text).toBe('—  —') // the field result is filled in by Word
    }
  })

  it('writes every paragraph and table row of the fixture, in order', () => {
    const texts = paragraphs(parts['word/document.xml'])
      .map((p) => p.text)
      .filter((t) => t !== '')
    const {meta} = doc
    const table = doc.annexes[0].find((b) => b.type === 'table')!
    if (table.type !== 'table') throw new Error('fixture has a table')
    const body = doc.main.map((b) => (b.type === 'paragraph' || b.type === 'heading' ? inlineText(b.children) : ''))
    expect(texts).toEqual([
      meta.issuerMark,
      meta.documentNumber,
      meta.title,
      '区发改局、区财政局、区科技局、区经商局：',
      ...body,
      `附件：${meta.attachments![0]}`,
      meta.signature,
      meta.date,
      '附件',
      inlineText((doc.annexes[0][1] as Extract<Block, {type: 'heading'}>).children),
      ...table.header.map(inlineText),
      ...table.rows.flatMap((row) => row.map(inlineText)),
      '抄送：区委办，区人大办，区政协办。',
      `${meta.printedBy}\t${meta.printedDate}印发`
    ])
    // The Markdown escapes come out literal.
    expect(texts).toContain(body[4])
    expect(body[4]).toContain('Special *chars* _x_ | # < [ stay literal.')
  })

  it('places the header block, the attachment note, the signature and the annex as GB/T 9704 says', () => {
    const ps = paragraphs(parts['word/document.xml'])
    const byText = (text: string) => ps.find((p) => p.text === text)!
    expect(byText(doc.meta.issuerMark!).style).toBe('GwIssuerMark')
    const number = byText(doc.meta.documentNumber!)
    expect(number.xml).toMatch(/<w:bottom w:val="single" w:color="E60000" w:sz="12" w:space="11"\/>/) // red rule 4 mm below
    // Two blank lines between the mark and the 发文字号, two between the red rule and the title.
    const index = (text: string) => ps.findIndex((p) => p.text === text)
    expect(index(doc.meta.documentNumber!) - index(doc.meta.issuerMark!)).toBe(3)
    expect(index(doc.meta.title) - index(doc.meta.documentNumber!)).toBe(3)
    // 附件说明 one blank line below the body, starting two characters in, wrapped lines under the name.
    const note = ps[index(`附件：${doc.meta.attachments![0]}`)]
    expect(ps[index(note.text) - 1].text).toBe('')
    expect(attrs(note.xml, 'w:ind')).toMatchObject({'w:left': String(632 + 948), 'w:hanging': '948'})
    // Signature 2 characters from the right (13 characters: starts at 28 − 2 − 13 = 13), date 2 further right.
    expect(attrs(byText(doc.meta.signature!).xml, 'w:ind')['w:left']).toBe(String(Math.round((8845 / 28) * 13)))
    expect(attrs(byText(doc.meta.date!).xml, 'w:ind')['w:left']).toBe(String(Math.round((8845 / 28) * 15)))
    // The annex (its own section, so a new page) has its label in 黑体 flush left, its title on the third line.
    const label = byText('附件')
    expect(label.style).toBe('GwAnnexLabel')
    expect(ps[index('附件') + 2].style).toBe('Heading1')
    // 版记: a table the full width of the text block (156 mm), rules thick (0.35 mm) first and
    // last, thin (0.25 mm) between, none at the sides.
    const tables = parts['word/document.xml'].match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []
    const imprint = tables.find((t) => t.includes('抄送：'))!
    expect(attrs(imprint, 'w:tblW')).toMatchObject({'w:type': 'dxa', 'w:w': '8845'})
    expect(Math.round((8845 / 20) * (25.4 / 72))).toBe(156)
    expect(attrs(imprint, 'w:tblInd')['w:w']).toBe('0')
    const borders = /<w:tblBorders>[\s\S]*?<\/w:tblBorders>/.exec(imprint)![0]
    expect(attrs(borders, 'w:top')).toMatchObject({'w:val': 'single', 'w:sz': '8'}) // 0.35 mm = 0.99 pt = 8 eighths
    expect(attrs(borders, 'w:bottom')).toMatchObject({'w:val': 'single', 'w:sz': '8'})
    expect(attrs(borders, 'w:insideH')).toMatchObject({'w:val': 'single', 'w:sz': '6'}) // 0.25 mm = 0.71 pt
    expect(attrs(borders, 'w:left')['w:val']).toBe('none')
    // The text one 四号 character in from each side.
    expect(attrs(/<w:tblCellMar>[\s\S]*?<\/w:tblCellMar>/.exec(imprint)![0], 'w:left')['w:w']).toBe('275')
  })

  it('numbers the landscape pages where the portrait pages have their numbers (GB/T 9704 §8)', () => {
    const sect = (parts['word/document.xml'].match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? [])[1]!
    const part = (kind: 'header' | 'footer', type: string) => {
      const id = new RegExp(`<w:${kind}Reference w:type="${type}" r:id="([^"]+)"`).exec(sect)![1]
      const rel = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(parts['word/_rels/document.xml.rels'])!
      return parts[`word/${rel[1] ?? rel[2]}`]!
    }
    // Odd pages: the foot of the sheet is the turned page's left edge; its right corner the turned
    // page's bottom. Even pages: the sheet's left corner, the top of the turned page.
    for (const [kind, type, side] of [['footer', 'default', 'right'], ['header', 'even', 'left']] as const) {
      const xml = part(kind, type)
      const float = attrs(xml, 'w:tblpPr')
      expect(float).toMatchObject({'w:horzAnchor': 'page', 'w:vertAnchor': 'page'})
      // 7 mm below the portrait text block: 28 mm from the sheet's foot, less the number's line.
      expect(Number(float['w:tblpX'])).toBeLessThan(1587)
      const along = Number(float['w:tblpY'])
      if (side === 'right') expect(along + 2268).toBeCloseTo(11906 - 1474 - 275, -1) // ends one character in from the block's end
      else expect(along).toBe(1587 + 275)
      expect(xml).toContain('<w:textDirection w:val="tbRl"/>')
      expect(xml).toContain(`<w:jc w:val="${side}"/>`)
      expect(xml).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/)
    }
    expect(part('footer', 'even')).not.toContain('PAGE')
    expect(part('header', 'default')).not.toContain('PAGE')
  })

  it('names every font with its fallbacks in the font table', () => {
    const table = parts['word/fontTable.xml']
    const font = (name: string) => new RegExp(`<w:font w:name="${name}">[^]*?</w:font>`).exec(table)?.[0] ?? ''
    const chain = (name: string): string[] => {
      const alt = /<w:altName w:val="([^"]+)"/.exec(font(name))?.[1]
      return alt && font(alt) ? [name, ...chain(alt).filter((n) => n !== name)] : alt ? [name, alt] : [name]
    }
    expect(chain('仿宋_GB2312')).toEqual(['仿宋_GB2312', '仿宋', 'FangSong'])
    expect(chain('楷体_GB2312')).toEqual(['楷体_GB2312', '楷体', 'KaiTi'])
    expect(font('方正小标宋简体')).toContain('<w:altName w:val="方正小标宋_GBK"/>')
    expect(font('黑体')).toContain('<w:altName w:val="SimHei"/>')
    for (const name of ['仿宋_GB2312', '方正小标宋简体', '黑体', '楷体_GB2312', '宋体']) {
      expect(font(name), name).toContain('<w:charset w:val="86"/>') // GB2312
      expect(font(name), name).toMatch(/<w:panose1 w:val="[0-9A-F]{20}"\/>/)
    }
    expect(font('Times New Roman')).toContain('<w:charset w:val="00"/>')
  })

  it('lays the table out full width with content-based columns, a repeated header row and whole short rows', () => {
    const xml = (parts['word/document.xml'].match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).find((t) => t.includes('主要内容'))!
    const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))
    expect(grid).toHaveLength(6)
    // The width of the landscape text block (225 mm).
    expect(grid.reduce((a, b) => a + b, 0)).toBe(12756)
    expect(attrs(xml, 'w:tblW')).toMatchObject({'w:type': 'dxa', 'w:w': '12756'})
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>')
    expect(Math.min(...grid)).toBe(grid[0]) // 序号 narrowest
    expect(Math.max(...grid)).toBe(grid[2]) // 主要内容 widest
    const rows = tableRows(xml)
    expect(rows).toHaveLength(3)
    expect(rows[0].xml).toContain('<w:tblHeader/>')
    for (const row of rows.slice(1)) expect(row.xml).not.toContain('tblHeader')
    // Rows of a few lines never break across pages.
    for (const row of rows) expect(row.xml).toContain('<w:cantSplit/>')
    expect(rows[0].cells).toEqual(['序号', '政策条款', '主要内容', '牵头单位', '配合单位', '完成时限'])
    expect(rows[1].xml).not.toMatch(/<w:trHeight[^>]*w:hRule="exact"/) // heights grow with the text
  })

  it('writes fixed document dates and a fixed zip, byte-identical on a second run', async () => {
    expect(parts['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-05T00:00:00Z</dcterms:created>')
    expect(parts['docProps/core.xml']).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-05T00:00:00Z</dcterms:modified>')
    const again = await writeDocx(parseDocument(fixture('doc/notice.md')))
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true)
    const names = entryNames(bytes)
    expect(names[0]).toBe('[Content_Types].xml')
    expect(names[1]).toBe('_rels/.rels')
  })
})

describe('writeDocx: other documents', () => {
  it('numbers several attachments and aligns them under the first name', async () => {
    const doc = parseDocument('---\ntitle: 通知\nattachments: [甲表, 乙表]\n---\n\n正文。\n')
    const ps = paragraphs(unzipDocx(await writeDocx(doc))['word/document.xml'])
    const first = ps.find((p) => p.text === '附件：1.甲表')!
    const second = ps.find((p) => p.text === '2.乙表')!
    expect(attrs(first.xml, 'w:ind')).toMatchObject({'w:left': String(632 + 948 + 316), 'w:hanging': String(948 + 316)})
    expect(attrs(second.xml, 'w:ind')).toMatchObject({'w:left': String(632 + 948 + 316), 'w:hanging': '316'})
    // No issuer mark → no red header; no 版记 → one section.
    expect(ps.some((p) => p.style === 'GwIssuerMark')).toBe(false)
    expect(unzipDocx(await writeDocx(doc))['word/document.xml'].match(/<w:sectPr>/g)).toHaveLength(1)
  })

  it('gives the tables of one annex one set of column widths', async () => {
    const table = (rows: string) => `| 序号 | 政策条款 | 主要内容 | 牵头单位 | 配合单位 | 完成时限 |\n|---|---|---|---|---|---|\n${rows}\n`
    const doc = parseDocument(
      `---\ntitle: 通知\n---\n\n正文。\n\n---\n\n附件\n\n# 责任分工表\n\n## 一、甲\n\n${table('| 1 | 短 | 很短的内容 | 区发改局 | 区财政局 | 2024年12月31日 |')}\n## 二、乙\n\n${table(`| 2 | 长一些的条款标题 | ${'很长的主要内容'.repeat(30)} | 区政务数据办 | 区交通运输局、区资规分局 | 2024年12月31日 |`)}`
    )
    const xml = unzipDocx(await writeDocx(doc))['word/document.xml']
    const grids = (xml.match(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/g) ?? []).map((g) => [...g.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1])))
    expect(grids).toHaveLength(2)
    expect(grids[0]).toEqual(grids[1])
    expect(Math.max(...grids[0]!)).toBe(grids[0]![2]) // 主要内容 widest
  })

  it('writes the leaflet with sans headings, shaded callouts and no red header', async () => {
    const doc = parseDocument(fixture('write-docx/leaflet.md'))
    const parts = unzipDocx(await writeDocx(doc))
    const xml = parts['word/document.xml']
    const ps = paragraphs(xml)
    expect(ps.some((p) => p.style === 'GwIssuerMark')).toBe(false)
    expect(attrs(style(parts['word/styles.xml'], 'GwTitle'), 'w:rFonts')['w:eastAsia']).toBe('黑体')
    expect(attrs(style(parts['word/styles.xml'], 'Heading3'), 'w:rFonts')['w:eastAsia']).toBe('黑体')
    expect(xml).toMatch(/<w:shd [^>]*w:fill="EEF3FA"/)
    expect(ps.map((p) => p.text).filter(Boolean)).toEqual([
      '一图读懂秀洲区推动经济高质量发展若干政策',
      '政策解读',
      '一、扩大有效投资',
      '2024年安排政府投资项目资金7.22亿元。',
      '谁能申请',
      '● 符合条件的重大项目',
      '● 区内注册企业',
      '咨询：区发改局（电话见官网）。'
    ])
    expect(xml).toMatch(/<w:b\/>[\s\S]*?7\.22亿元/) // strong → bold
    expect(xml).toMatch(/<w:rFonts [^>]*w:eastAsia="楷体_GB2312"[^>]*\/>[\s\S]*?电话见官网/) // emphasis → 楷体
    expect(parts['docProps/core.xml']).toContain('2024-03-06T08:00:00Z')
  })

  it('takes font names from the layout (config overrides)', async () => {
    const layout = officialLayout({fonts: {body: '仿宋', title: '华文中宋'}})
    const parts = unzipDocx(await writeDocx(parseDocument(fixture('doc/notice.md')), {layout}))
    expect(attrs(style(parts['word/styles.xml'], 'Normal'), 'w:rFonts')['w:eastAsia']).toBe('仿宋')
    expect(attrs(style(parts['word/styles.xml'], 'GwTitle'), 'w:rFonts')['w:eastAsia']).toBe('华文中宋')
  })

  it('reports an unknown block type and keeps its text', async () => {
    const doc: Doc = {
      meta: {layout: 'official', title: '测试'},
      main: [{type: 'figure', children: [{type: 'text', value: '图表说明文字'}]} as never],
      annexes: []
    }
    const file = new VFile()
    const xml = unzipDocx(await writeDocx(doc, {file}))['word/document.xml']
    expect(paragraphs(xml).map((p) => p.text)).toContain('图表说明文字')
    expect(file.messages).toHaveLength(1)
    expect(file.messages[0].ruleId).toBe('docx-unknown-block')
    expect(file.messages[0].reason).toContain('figure')
  })

  it('renumbers random hyperlink relationship ids so links stay byte-stable', async () => {
    const md = '---\ntitle: 链接\ncreated: 2024-01-02T03:04:05Z\n---\n\n见[官网](https://www.xiuzhou.gov.cn/)。\n'
    const a = await writeDocx(parseDocument(md))
    const b = await writeDocx(parseDocument(md))
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
    const parts = unzipDocx(a)
    expect(parts['word/_rels/document.xml.rels']).toContain('Id="rIdLink1"')
    expect(parts['word/document.xml']).toContain('r:id="rIdLink1"')
  })
})

describe('column widths', () => {
  it('keeps words and short cells whole and gives the room to long text', () => {
    const em = 235
    const cell = (text: string, longest = text.length) => ({natural: text.length * em, longest: longest * em})
    const rows = [
      [cell('序号'), cell('主要内容'), cell('完成时限')],
      [cell('1'), cell('很长的内容'.repeat(20), 2), cell('2024年12月31日', 10)]
    ]
    const widths = planColumns(rows, {width: 8845, pad: 160, slack: 0.5 * em, size: em, keepWhole: 5})
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(8845, 6)
    expect(widths[0]).toBeCloseTo(2 * em + 160 + 0.5 * em, 6) // the header whole, nothing more
    expect(widths[2]).toBeGreaterThanOrEqual(10 * em + 160) // the date whole
    expect(widths[1]).toBe(Math.max(...widths))
  })

  it('widens proportionally when everything fits, shrinks proportionally when minimums do not', () => {
    const fit = columnWidths([{min: 200, max: 200}, {min: 400, max: 400}], [], 1200)
    expect(fit).toEqual([400, 800])
    const tight = columnWidths([{min: 1000, max: 1000}, {min: 1000, max: 1000}], [], 1000)
    expect(tight).toEqual([500, 500])
  })
})
