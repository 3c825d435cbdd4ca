/**
 * The parts of an official document around the main text (GB/T 9704-2012 §7): header block
 * (发文机关标志, 发文字号, red rule), title, 主送机关, 附件说明, 署名 and 成文日期, the 版记, and the
 * page-number footers. Everything here reads `doc.meta` and the layout profile only.
 */
import {AlignmentType, BorderStyle, Footer, PageNumber, Paragraph, TabStopType, TextRun} from 'docx'
import type {DocMeta} from '../../doc/types.ts'
import {chars, charsAt, eighths, halfPoints, textWidth, twips} from './measure.ts'
import type {State} from './state.ts'
import {styleId} from './styles.ts'

const blank = (state: State): Paragraph => state.paragraph({style: styleId.blank, children: []})

/** 发文机关标志 (red, 小标宋, sized to fit), two blank lines, 发文字号 with the red rule 4 mm under it. */
export function headerBlock(meta: DocMeta, state: State): Paragraph[] {
  if (!meta.issuerMark || state.variant === 'leaflet') return []
  const {elements, geometry, layout} = state
  const mark = meta.issuerMark
  // Largest size up to the profile's maximum at which the mark fits the text block, in whole half-points.
  const fit = (geometry.textWidth / 20) * 0.95 / Math.max(1, textWidth(mark))
  const size = Math.floor(Math.min(elements.issuerMark.maxSize, fit) * 2) / 2
  const line = twips(size * 1.25)
  const out: Paragraph[] = [
    state.paragraph({
      style: styleId.issuerMark,
      spacing: {before: Math.max(0, twips(elements.issuerMark.top) - (line - twips(size)) / 2), line, lineRule: 'exact'},
      children: [new TextRun({text: mark, size: halfPoints(size)})]
    }),
    blank(state),
    blank(state)
  ]
  out.push(
    state.paragraph({
      style: styleId.documentNumber,
      border: {
        bottom: {
          style: BorderStyle.SINGLE,
          size: eighths(elements.redRule.thickness),
          color: layout.red.replace('#', ''),
          space: Math.min(31, Math.round(elements.redRule.gap))
        }
      },
      children: meta.documentNumber ? [new TextRun(meta.documentNumber)] : []
    })
  )
  // The title goes two lines below the red rule.
  out.push(blank(state), blank(state))
  return out
}

/** 标题 (and a subtitle line), then a blank line and 主送机关 flush left ending in `：`. */
export function titleBlock(meta: DocMeta, state: State): Paragraph[] {
  const out: Paragraph[] = []
  if (meta.title) out.push(state.paragraph({style: styleId.title, children: [new TextRun(meta.title)]}))
  if (meta.subtitle) out.push(state.paragraph({style: styleId.subtitle, children: [new TextRun(meta.subtitle)]}))
  if (out.length > 0) out.push(blank(state))
  if (meta.recipients && meta.recipients.length > 0) {
    out.push(state.paragraph({style: styleId.recipients, children: [new TextRun(`${meta.recipients.join('、')}：`)]}))
  }
  return out
}

/**
 * 附件说明 one blank line below the body, two characters in; several attachments are numbered
 * `1.` `2.` and aligned under the first name; a name that wraps aligns with its own first character.
 */
export function attachmentNote(meta: DocMeta, state: State): Paragraph[] {
  const names = meta.attachments ?? []
  if (names.length === 0) return []
  const {geometry} = state
  const label = '附件：'
  const start = chars(geometry, 2) // where 附件 starts
  const nameStart = start + chars(geometry, textWidth(label))
  const out: Paragraph[] = [blank(state)]
  names.forEach((name, i) => {
    const number = names.length > 1 ? `${i + 1}.` : ''
    const hangingText = (i === 0 ? label : '') + number
    const left = nameStart + chars(geometry, textWidth(number))
    out.push(
      state.paragraph({
        style: styleId.attachment,
        indent: {left, hanging: left - (i === 0 ? start : nameStart), firstLineChars: 0},
        children: [new TextRun(hangingText + name)]
      })
    )
  })
  return out
}

/**
 * 署名 and 成文日期 without a seal (GB/T 9704 7.3.5.2): one blank line below the body, the signature
 * two characters from the right, the date on the next line starting two characters right of the
 * signature's first character; when the date would then pass the right two-character margin, the
 * date is set two characters from the right and the signature moves left to keep the offset.
 */
export function signatureBlock(meta: DocMeta, state: State): Paragraph[] {
  if (!meta.signature && !meta.date) return []
  const {geometry, layout} = state
  const line = layout.charsPerLine
  const signature = meta.signature ?? ''
  const date = meta.date ?? ''
  let signatureStart = line - 2 - textWidth(signature)
  let dateStart = signatureStart + 2
  if (dateStart + textWidth(date) > line - 2) {
    dateStart = line - 2 - textWidth(date)
    signatureStart = dateStart - 2
  }
  const at = (start: number, text: string) =>
    state.paragraph({
      style: styleId.signature,
      indent: {left: chars(geometry, Math.max(0, start)), firstLine: 0, firstLineChars: 0},
      children: [new TextRun(text)]
    })
  const out: Paragraph[] = [blank(state)]
  if (signature) out.push(at(signatureStart, signature))
  if (date) out.push(at(meta.signature ? dateStart : line - 2 - textWidth(date), date))
  return out
}

/**
 * 版记: 抄送 (one character in on each side, wrapped lines aligned after `抄送：`, ending in `。`) and
 * 印发机关 / 印发日期 (`…印发`, one character in from the right) between full-width rules: thick first
 * and last, thin between. The writer puts it in its own section aligned to the bottom of the page
 * (Word, WPS) and, because LibreOffice 7 ignores that alignment, also pushes it down with space
 * before it computed from the lines it takes (exact line height, so the count is known).
 */
export function imprint(meta: DocMeta, state: State): Paragraph[] {
  const copies = meta.copiesTo ?? []
  const printed = meta.printedBy || meta.printedDate
  if (copies.length === 0 && !printed) return []
  const {elements, geometry, layout} = state
  const size = layout.fontSize.imprint
  const rule = (points: number) => ({style: BorderStyle.SINGLE, size: eighths(points), color: '000000', space: 1})
  const thick = rule(elements.imprintRule.thick)
  const thin = rule(elements.imprintRule.thin)
  const one = charsAt(geometry, size, 1)
  // Lines the 版记 takes: 抄送 wraps inside one character in from each side, after `抄送：`.
  const perLine = Math.floor((geometry.textWidth - 2 * one) / charsAt(geometry, size, 1))
  const copiesText = copies.length > 0 ? `抄送：${copies.join('，')}。` : ''
  const lines = (copiesText ? Math.ceil(textWidth(copiesText) / perLine) : 0) + (printed ? 1 : 0)
  const rules = 3 * (elements.imprintRule.thick + 1) + 6 // rule widths, their 1 pt spacing, slack
  const before = Math.max(0, layout.linesPerPage * geometry.linePitch - lines * geometry.linePitch - twips(rules))
  const out: Paragraph[] = []
  if (copies.length > 0) {
    const label = '抄送：'
    const hanging = charsAt(geometry, size, textWidth(label))
    out.push(
      state.paragraph({
        style: styleId.imprint,
        indent: {left: one + hanging, hanging, right: one},
        border: {top: thick, bottom: printed ? thin : thick},
        spacing: {before},
        children: [new TextRun(`${label}${copies.join('，')}。`)]
      })
    )
  }
  if (printed) {
    const dateText = meta.printedDate ? `${meta.printedDate}印发` : ''
    out.push(
      state.paragraph({
        style: styleId.imprint,
        tabStops: [{type: TabStopType.RIGHT, position: geometry.textWidth - one}],
        border: copies.length > 0 ? {bottom: thick} : {top: thick, bottom: thick},
        spacing: copies.length > 0 ? undefined : {before},
        children: [new TextRun(meta.printedBy ?? ''), new TextRun({children: ['\t', dateText]})]
      })
    )
  }
  return out
}

/** Page-number footers: "— N —" in 宋体 四号, odd pages right and even pages left, one character in. */
export function footers(state: State): {default: Footer; even: Footer} {
  const one = charsAt(state.geometry, state.layout.fontSize.pageNumber, 1)
  const make = (side: 'odd' | 'even') =>
    new Footer({
      children: [
        new Paragraph({
          style: styleId.pageNumber,
          alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: side === 'odd' ? {right: one} : {left: one},
          children: [new TextRun({children: ['— ', PageNumber.CURRENT, ' —']})]
        })
      ]
    })
  return {default: make('odd'), even: make('even')}
}

/** The annex label paragraph (`附件`, `附件2`) that opens an annex. */
export function annexLabel(text: string, state: State): Paragraph[] {
  return [state.paragraph({style: styleId.annexLabel, children: [new TextRun(text)]}), blank(state)]
}
