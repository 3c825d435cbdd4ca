/**
 * The official document (GB/T 9704-2012) on the 28 × 22 grid: header block (发文机关标志,
 * 发文字号, red rule), title, 主送机关, body, 附件说明, 署名 and 成文日期, annexes each on a new
 * page, 版记 at the foot of the last page. Every measure comes from the layout profile.
 */
import type {Block, Doc, Table} from '../../doc/types.ts'
import {inlineText, isAnnexLabel} from '../../doc/parse.ts'
import {gbt9704, landscapeBlock, type OfficialElements, type OfficialLayout} from '../../layout/gbt9704.ts'
import {isLandscapeAnnex} from '../../layout/annex.ts'
import {recipientsLine, recipientsNote} from '../../layout/page1.ts'
import {Composer, type Look} from './compose.ts'
import type {Span, TextStyle} from './painter.ts'
import {drawTable, planTables, type TablePlan} from './table.ts'

export function officialLook(layout: OfficialLayout): Look {
  const pitch = layout.linePitch
  const cell = layout.charPitch
  const el = elements(layout)
  const body: TextStyle = {slot: 'body', size: layout.fontSize.body}
  const heading = layout.fontSize.heading
  return {
    page: layout.page,
    block: {left: layout.margin.left, top: layout.margin.top, width: layout.textBlock.width, height: layout.textBlock.height},
    cell,
    body: {style: body, pitch, indent: 2 * cell, after: 0},
    headings: {
      1: {style: {slot: 'title', size: layout.fontSize.title}, pitch, align: 'center', indent: 0, before: 0, after: pitch},
      2: {style: {slot: 'heading1', size: heading}, pitch, align: 'left', indent: 2 * cell, before: 0, after: 0},
      3: {style: {slot: 'heading2', size: heading}, pitch, align: 'left', indent: 2 * cell, before: 0, after: 0},
      4: {style: {slot: 'body', size: heading}, pitch, align: 'left', indent: 2 * cell, before: 0, after: 0}
    },
    strong: (s) => ({...s, slot: s.slot === 'body' || s.slot === 'serif' ? 'serifBold' : s.slot === 'sans' ? 'sansBold' : s.slot}),
    link: (s) => s,
    list: {indent: 0},
    table: {
      style: {slot: 'body', size: layout.fontSize.table},
      header: {slot: 'heading1', size: layout.fontSize.table},
      pitch: el.table.lineHeight,
      padX: el.table.padX,
      padY: el.table.padY + 2,
      rule: el.table.ruleWidth,
      ruleColor: '#000000',
      keepWhole: el.tableKeepWhole,
      after: 0
    },
    pageNumber: {style: {slot: 'serif', size: layout.fontSize.pageNumber}, offset: layout.pageNumberOffset, place: 'outside', inset: layout.fontSize.pageNumber},
    squeeze: false
  }
}

/** The look of a landscape annex page: the page and text block turned, everything else the same. */
export function officialLandscapeLook(layout: OfficialLayout): Look {
  const look = officialLook(layout)
  return {...look, page: {width: layout.page.height, height: layout.page.width}, block: landscapeBlock(layout)}
}

function elements(layout: OfficialLayout): OfficialElements {
  return layout.elements ?? gbt9704.elements!
}

export function composeOfficial(c: Composer, doc: Doc, layout: OfficialLayout): string[] {
  const {meta} = doc
  const notes: string[] = []
  const look = c.look
  const pitch = look.body.pitch
  const body = look.body.style
  const {left, top, width} = look.block
  const el = elements(layout)
  const cell = look.cell!
  c.newPage()

  if (meta.issuerMark) {
    // 发文机关标志: top edge 35 mm below the text block top, centred, narrowed to fit the block.
    const size = el.issuerMark.maxSize
    const style: TextStyle = {slot: 'title', size, color: layout.red}
    const p = c.prepare([{text: meta.issuerMark, style}], {pitch: size, align: 'left', width: 1e6})
    const line = p.lines[0]
    const natural = line.right
    const scale = Math.min(1, width / natural)
    line.x = line.x.map((x) => x * scale)
    line.widths = line.widths.map((w) => w * scale)
    const markTop = top + el.issuerMark.top
    c.painter.drawLine(p, line, left + (width - natural * scale) / 2, markTop + 0.88 * size, scale * 100)
    // 发文字号 two blank lines below the mark, centred (with 签发人: one character in from the left,
    // 签发人 one character in from the right, GB/T 9704 7.2.4); red rule 4 mm below it.
    c.y = markTop + size
    c.snap()
    c.y += 2 * pitch
    const signer = meta.signatureMode === 'signed' && meta.signer
    if (signer) {
      if (meta.documentNumber) {
        const p = c.prepare([{text: meta.documentNumber, style: body}], {pitch, align: 'left', left: left + cell, width: width - cell})
        c.drawPreparedLine(p, p.lines[0], c.y)
      }
      const p = c.prepare(
        [
          {text: '签发人：', style: body},
          {text: meta.signer!, style: {...body, slot: 'heading2'}}
        ],
        {pitch, align: 'right', left, width: width - cell}
      )
      c.drawPreparedLine(p, p.lines[0], c.y)
      c.y += pitch
    } else if (meta.documentNumber) c.text([{text: meta.documentNumber, style: body}], {pitch, align: 'center'})
    else c.y += pitch
    const numberBottom = c.y - (pitch - body.size) / 2
    const ruleY = numberBottom + el.redRule.gap
    c.doc.save().lineWidth(el.redRule.thickness).strokeColor(layout.red).moveTo(left, ruleY).lineTo(left + width, ruleY).stroke().restore()
    // Title two blank lines below the rule.
    c.y = ruleY + el.redRule.thickness / 2
    c.snap()
    c.y += 2 * pitch
  }

  const titleStyle: TextStyle = {slot: 'title', size: layout.fontSize.title}
  const title = c.balanced(c.spans(doc.title ?? [{type: 'text', value: meta.title}], titleStyle, true), {pitch, align: 'center'})
  c.draw(title)
  if (meta.subtitle) c.text([{text: meta.subtitle, style: body}], {pitch, align: 'center'})
  c.y += pitch

  let movedRecipients: string[] | undefined
  if (meta.recipients?.length) {
    const choice = recipientsLine(layout, meta.recipients, meta.recipientsCollective, title.lines.length, Boolean(meta.issuerMark))
    if (choice.collapsed) {
      movedRecipients = meta.recipients
      notes.push(recipientsNote(meta.title, meta.recipients.length, choice.line))
    }
    c.text([{text: choice.line + '：', style: body}], {pitch})
  }

  c.blocks(doc.main)

  if (meta.attachments?.length) {
    // 附件说明: one blank line below the body, two characters in; names aligned after “附件：”.
    c.y += pitch
    const label = '附件：'
    const many = meta.attachments.length > 1
    meta.attachments.forEach((name, i) => {
      const head = i === 0 ? label : ''
      const numbered = many ? `${i + 1}. ${name}` : name
      const labelWidth = (2 + [...label].length) * cell
      const hang = labelWidth + (many ? c.painter.width(`${i + 1}. `, body) : 0)
      const spans: Span[] = [{text: head + numbered, style: body}]
      c.text(spans, {pitch, indent: i === 0 ? 2 * cell : labelWidth, restIndent: hang})
    })
  }

  signature(c, doc)

  for (const annex of doc.annexes) composeAnnex(c, annex)

  imprint(c, doc, layout, movedRecipients)
  c.endPage()
  return notes
}

/**
 * 署名 and 成文日期 (GB/T 9704 7.3.5), by `meta.signatureMode`:
 * - `sealed` 加盖印章: two lines left for the seal, the issuer centred over the date, the date four
 *   characters in from the right;
 * - `signed` 加盖签发人签名章: two blank lines, the signer's name (where the stamp goes) four
 *   characters in from the right with the title two characters left of it, a blank line, the date
 *   four characters in from the right;
 * - `unsealed` 不加盖印章 (the default when no mode is given): one blank line, the issuer two
 *   characters in from the right, the date below it starting two characters further right.
 */
function signature(c: Composer, doc: Doc): void {
  const {meta} = doc
  if (!meta.signature && !meta.date) return
  const look = c.look
  const pitch = look.body.pitch
  const body = look.body.style
  const cell = look.cell!
  const {left, width} = look.block
  const widthOf = (text: string) => (text ? c.prepare([{text, style: body}], {pitch, align: 'left'}).lines[0].right : 0)
  const at = (text: string, x: number) => c.text([{text, style: body}], {pitch, align: 'left', left: left + x, width: width - x})
  const sigW = meta.signature ? widthOf(meta.signature) : 0
  const dateW = meta.date ? widthOf(meta.date) : 0
  const mode = meta.signatureMode ?? 'unsealed'
  if (mode === 'sealed') {
    c.y += 2 * pitch
    c.ensure(2 * pitch)
    const dateX = width - 4 * cell - dateW
    const sigX = Math.max(0, Math.min(width - sigW, dateX + (dateW - sigW) / 2))
    if (meta.signature) at(meta.signature, sigX)
    if (meta.date) at(meta.date, dateX)
    return
  }
  if (mode === 'signed' && meta.signer) {
    c.y += 2 * pitch
    c.ensure(3 * pitch)
    const nameW = widthOf(meta.signer)
    const nameX = width - 4 * cell - nameW
    const row = c.y
    at(meta.signer, nameX)
    if (meta.signerTitle) {
      c.y = row
      at(meta.signerTitle, nameX - 2 * cell - widthOf(meta.signerTitle))
    }
    c.y += pitch
    if (meta.date) at(meta.date, width - 4 * cell - dateW)
    return
  }
  // 不加盖印章: the signature two characters from the right, the date's first character two
  // characters right of the signature's (or right-aligned two in if longer).
  c.y += pitch
  c.ensure(2 * pitch)
  let sigX = width - 2 * cell - sigW
  let dateX = sigX + 2 * cell
  if (!meta.signature || dateX + dateW > width - 2 * cell) {
    dateX = width - 2 * cell - dateW
    sigX = dateX - 2 * cell
  }
  if (meta.signature) at(meta.signature, sigX)
  if (meta.date) at(meta.date, dateX)
}

/**
 * An annex on a new page (landscape when it holds a wide table): its label (`附件N`, `附件：`) top
 * left in 黑体, the annex title on the third line, then its blocks; tables with the same header
 * share one set of column widths.
 */
function composeAnnex(c: Composer, blocks: readonly Block[]): void {
  c.newPage({landscape: isLandscapeAnnex(blocks)})
  const [first, ...rest] = blocks
  let content = blocks
  if (first?.type === 'paragraph' && isAnnexLabel(first)) {
    const label = inlineText(first.children).trim()
    c.text([{text: label, style: c.look.headings[2].style}], {pitch: c.look.body.pitch, align: 'left'})
    c.y += c.look.body.pitch
    content = rest
  }
  const plans = new Map<string, TablePlan | undefined>()
  const key = (t: Table) => t.header.map(inlineText).join('\u0000')
  for (const [i, block] of content.entries()) {
    if (block.type !== 'table') {
      c.block(block, content[i + 1])
      continue
    }
    if (!plans.has(key(block))) plans.set(key(block), planTables(c, content.filter((b): b is Table => b.type === 'table' && key(b) === key(block))))
    drawTable(c, block, plans.get(key(block)))
  }
}

/**
 * 版记 at the foot of the last page, which must be an even page (the back of the last sheet):
 * 主送 (when moved from page 1), 抄送 and 印发 between rules the full width of the text block.
 * On an odd last page, or a landscape one, the 版记 goes on the next page; when it does not fit on
 * an even last page, a blank page without a number comes first, and the 版记 page has none either
 * (GB/T 9704 §9).
 */
function imprint(c: Composer, doc: Doc, layout: OfficialLayout, recipients: readonly string[] | undefined): void {
  const {meta} = doc
  const printed = meta.printedBy || meta.printedDate
  if (!meta.copiesTo?.length && !printed && !recipients) return
  const el = elements(layout)
  const pitch = c.portrait.body.pitch
  const style: TextStyle = {slot: 'body', size: layout.fontSize.imprint}
  const inset = style.size
  const {left, width} = c.portrait.block
  const inner = width - 2 * inset
  const list = (label: string, names: readonly string[] | undefined) =>
    names?.length ? c.prepare([{text: `${label}${names.join('，')}。`, style}], {pitch, left: left + inset, width: inner, restIndent: c.painter.width(label, style)}) : undefined
  const parts = [list('主送：', recipients), list('抄送：', meta.copiesTo)].filter((p) => p !== undefined)
  const lines = parts.reduce((n, p) => n + p.lines.length, 0) + (printed ? 1 : 0)
  const fits = !c.landscape && c.y + lines * pitch <= c.bottom + 0.01
  if (c.pageNumber % 2 === 1) c.newPage()
  else if (!fits) {
    c.newPage({numbered: false})
    c.newPage({numbered: false})
  }
  const bottom = c.bottom
  const rule = (y: number, thickness: number) =>
    c.doc.save().lineWidth(thickness).strokeColor('#000000').moveTo(left, y).lineTo(left + width, y).stroke().restore()
  let y = bottom - lines * pitch
  rule(y, el.imprintRule.thick)
  parts.forEach((p, k) => {
    p.lines.forEach((line, i) => c.drawPreparedLine(p, line, y + i * pitch))
    y += p.lines.length * pitch
    if (k < parts.length - 1 || printed) rule(y, el.imprintRule.thin)
  })
  if (printed) {
    if (meta.printedBy) {
      const p = c.prepare([{text: meta.printedBy, style}], {pitch, left: left + inset, width: inner, align: 'left'})
      c.drawPreparedLine(p, p.lines[0], y)
    }
    if (meta.printedDate) {
      const p = c.prepare([{text: `${meta.printedDate}印发`, style}], {pitch, left: left + inset, width: inner, align: 'right'})
      c.drawPreparedLine(p, p.lines[0], y)
    }
  }
  rule(bottom, el.imprintRule.thick)
  c.y = bottom
}
