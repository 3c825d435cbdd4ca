/**
 * The official document (GB/T 9704-2012) on the 28 × 22 grid: header block (发文机关标志,
 * 发文字号, red rule), title, 主送机关, body, 附件说明, 署名 and 成文日期, annexes each on a new
 * page, 版记 at the foot of the last page. Every measure comes from the layout profile.
 */
import type {Block, Doc} from '../../doc/types.ts'
import {inlineText, isAnnexLabel} from '../../doc/parse.ts'
import {gbt9704, type OfficialElements, type OfficialLayout} from '../../layout/gbt9704.ts'
import {Composer, type Look} from './compose.ts'
import type {Span, TextStyle} from './painter.ts'

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

function elements(layout: OfficialLayout): OfficialElements {
  return layout.elements ?? gbt9704.elements!
}

export function composeOfficial(c: Composer, doc: Doc, layout: OfficialLayout): void {
  const {meta} = doc
  const look = c.look
  const pitch = look.body.pitch
  const body = look.body.style
  const {left, top, width} = look.block
  const el = elements(layout)
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
    // 发文字号 two blank lines below the mark, centred; red rule 4 mm below it.
    c.y = markTop + size
    c.snap()
    c.y += 2 * pitch
    if (meta.documentNumber) c.text([{text: meta.documentNumber, style: body}], {pitch, align: 'center'})
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
  c.draw(c.balanced([{text: meta.title, style: titleStyle}], {pitch, align: 'center'}))
  if (meta.subtitle) c.text([{text: meta.subtitle, style: body}], {pitch, align: 'center'})
  c.y += pitch

  if (meta.recipients?.length) {
    c.text([{text: meta.recipients.join('、') + '：', style: body}], {pitch})
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
      const labelWidth = (2 + [...label].length) * look.cell!
      const hang = labelWidth + (many ? c.painter.width(`${i + 1}. `, body) : 0)
      const spans: Span[] = [{text: head + numbered, style: body}]
      c.text(spans, {pitch, indent: i === 0 ? 2 * look.cell! : labelWidth, restIndent: hang})
    })
  }

  if (meta.signature || meta.date) {
    // 署名 one blank line below, two characters from the right; 成文日期 on the next line, its
    // first character two characters right of the signature's (or right-aligned two in if longer).
    const cell = look.cell!
    c.y += pitch
    c.ensure(2 * pitch)
    const sigW = meta.signature ? c.prepare([{text: meta.signature, style: body}], {pitch, align: 'left'}).lines[0].right : 0
    const dateW = meta.date ? c.prepare([{text: meta.date, style: body}], {pitch, align: 'left'}).lines[0].right : 0
    let sigX = width - 2 * cell - sigW
    let dateX = sigX + 2 * cell
    if (!meta.signature || dateX + dateW > width - 2 * cell) {
      dateX = width - 2 * cell - dateW
      sigX = dateX - 2 * cell
    }
    if (meta.signature) c.text([{text: meta.signature, style: body}], {pitch, align: 'left', left: left + sigX, width: width - sigX})
    if (meta.date) c.text([{text: meta.date, style: body}], {pitch, align: 'left', left: left + dateX, width: width - dateX})
  }

  for (const annex of doc.annexes) {
    c.newPage()
    composeAnnex(c, annex)
  }

  imprint(c, doc, layout)
}

/** An annex: its label (`附件N`, `附件：`) top left in 黑体, the annex title on the third line, then its blocks. */
function composeAnnex(c: Composer, blocks: readonly Block[]): void {
  const [first, ...rest] = blocks
  if (first?.type === 'paragraph' && isAnnexLabel(first)) {
    const label = inlineText(first.children).trim()
    c.text([{text: label, style: c.look.headings[2].style}], {pitch: c.look.body.pitch, align: 'left'})
    c.y += c.look.body.pitch
    c.blocks(rest)
  } else c.blocks(blocks)
}

/** 版记 at the foot of the last page: 抄送 and 印发 between full-width rules. */
function imprint(c: Composer, doc: Doc, layout: OfficialLayout): void {
  const {meta} = doc
  const printed = meta.printedBy || meta.printedDate
  if (!meta.copiesTo?.length && !printed) return
  const el = elements(layout)
  const look = c.look
  const pitch = look.body.pitch
  const style: TextStyle = {slot: 'body', size: layout.fontSize.imprint}
  const inset = style.size
  const {left, width} = look.block
  const inner = width - 2 * inset
  const copies = meta.copiesTo?.length
    ? c.prepare([{text: `抄送：${meta.copiesTo.join('，')}。`, style}], {pitch, left: left + inset, width: inner, restIndent: c.painter.width('抄送：', style)})
    : undefined
  const lines = (copies?.lines.length ?? 0) + (printed ? 1 : 0)
  c.ensure(lines * pitch)
  const bottom = c.bottom
  const rule = (y: number, thickness: number) =>
    c.doc.save().lineWidth(thickness).strokeColor('#000000').moveTo(left, y).lineTo(left + width, y).stroke().restore()
  let y = bottom - lines * pitch
  rule(y, el.imprintRule.thick)
  if (copies) {
    copies.lines.forEach((line, k) => c.drawPreparedLine(copies, line, y + k * pitch))
    y += copies.lines.length * pitch
    if (printed) rule(y, el.imprintRule.thin)
  }
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
