/**
 * The parts of an official document around the main text (GB/T 9704-2012 §7): header block
 * (发文机关标志, 发文字号, red rule), title, 主送机关, 附件说明, 署名 and 成文日期, the 版记, and the
 * page-number footers. Everything here reads `doc.meta` and the layout profile only.
 */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  HeightRule,
  PageNumber,
  Paragraph,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextDirection,
  TextRun,
  WidthType
} from 'docx'
import type {Doc, DocMeta} from '../../doc/types.ts'
import {mm} from '../../layout/gbt9704.ts'
import {emWidth, recipientsLine, recipientsNote} from '../../layout/page1.ts'
import {titleLineBreaks} from './breaks.ts'
import {runs} from './inline.ts'
import {shared} from './memo.ts'
import {chars, charsAt, eighths, halfPoints, twips} from './measure.ts'
import type {BlockOutput, State} from './state.ts'
import {fontSlots, styleId} from './styles.ts'

const blank = (state: State): Paragraph => state.paragraph({style: styleId.blank, children: []})

/** 发文机关标志 (red, 小标宋, sized to fit), two blank lines, 发文字号 with the red rule 4 mm under it. */
export function headerBlock(meta: DocMeta, state: State): Paragraph[] {
  if (!meta.issuerMark || state.variant === 'leaflet') return []
  const {elements, geometry, layout} = state
  const mark = meta.issuerMark
  // Largest size up to the profile's maximum at which the mark fits the text block, in whole half-points.
  const fit = (geometry.textWidth / 20) * 0.95 / Math.max(1, emWidth(mark))
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
  // With 签发人 (GB/T 9704 7.2.4): 发文字号 one character in from the left, 签发人 (its name in
  // 楷体) one character in from the right, on one line.
  const signer = meta.signatureMode === 'signed' && meta.signer
  const one = chars(geometry, 1)
  out.push(
    state.paragraph({
      style: styleId.documentNumber,
      ...(signer
        ? {alignment: AlignmentType.LEFT, indent: {left: one, right: one}, tabStops: [{type: TabStopType.RIGHT, position: geometry.textWidth - 2 * one}]}
        : {}),
      border: {
        bottom: {
          style: BorderStyle.SINGLE,
          size: eighths(elements.redRule.thickness),
          color: layout.red.replace('#', ''),
          space: Math.min(31, Math.round(elements.redRule.gap))
        }
      },
      children: signer
        ? [
            new TextRun(`${meta.documentNumber ?? ''}\t签发人：`),
            new TextRun({text: meta.signer, font: fontSlots(layout, layout.fonts.heading2)})
          ]
        : meta.documentNumber
          ? [new TextRun(meta.documentNumber)]
          : []
    })
  )
  // The title goes two lines below the red rule.
  out.push(blank(state), blank(state))
  return out
}

/**
 * 标题, broken between words into a 梯形 or 菱形 (line breaks set by the writer), a subtitle line,
 * a blank line and 主送机关 flush left ending in `：`. When the 主送 list would leave no body text on
 * page 1, the collective phrase stands there and the list goes to the 版记 (`moved`).
 */
export function titleBlock(doc: Doc, state: State): {paragraphs: Paragraph[]; note?: string; moved?: string[]} {
  const {meta} = doc
  const {geometry, layout} = state
  const out: Paragraph[] = []
  const title = doc.title ?? (meta.title ? [{type: 'text' as const, value: meta.title}] : [])
  const breaks = titleLineBreaks(title, geometry.textWidth / charsAt(geometry, layout.fontSize.title, 1) - 0.5, state.memo.measures)
  if (title.length > 0) out.push(state.paragraph({style: styleId.title, children: runs(title, state, {}, breaks)}))
  if (meta.subtitle) out.push(state.paragraph({style: styleId.subtitle, children: [new TextRun(meta.subtitle)]}))
  if (out.length > 0) out.push(blank(state))
  let note: string | undefined
  let moved: string[] | undefined
  if (meta.recipients && meta.recipients.length > 0) {
    const choice =
      state.variant === 'official'
        ? recipientsLine(layout, meta.recipients, meta.recipientsCollective, breaks.length + 1, Boolean(meta.issuerMark))
        : {line: meta.recipients.join('、'), collapsed: false}
    if (choice.collapsed) {
      moved = meta.recipients
      note = recipientsNote(meta.title, meta.recipients.length, choice.line)
    }
    out.push(state.paragraph({style: styleId.recipients, children: [new TextRun(`${choice.line}：`)]}))
  }
  return {paragraphs: out, note, moved}
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
  const nameStart = start + chars(geometry, emWidth(label))
  const out: Paragraph[] = [blank(state)]
  names.forEach((name, i) => {
    const number = names.length > 1 ? `${i + 1}.` : ''
    const hangingText = (i === 0 ? label : '') + number
    const left = nameStart + chars(geometry, emWidth(number))
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
 * 署名 and 成文日期 (GB/T 9704 7.3.5), by `meta.signatureMode`, in whole characters on the grid:
 * - `sealed` 加盖印章: two blank lines for the seal, the issuer centred over the date, the date
 *   four characters in from the right;
 * - `signed` 加盖签发人签名章: two blank lines, the signer's name (where the stamp goes) four
 *   characters in from the right, the title two characters left of it, a blank line, the date four
 *   characters in from the right;
 * - `unsealed` 不加盖印章 (the default when no mode is given): one blank line, the signature two
 *   characters from the right, the date on the next line starting two characters right of the
 *   signature's first character; when the date would then pass the right two-character margin,
 *   the date is set two characters from the right and the signature moves left to keep the offset.
 */
export function signatureBlock(meta: DocMeta, state: State): Paragraph[] {
  if (!meta.signature && !meta.date) return []
  const {geometry, layout} = state
  const line = layout.charsPerLine
  const signature = meta.signature ?? ''
  const date = meta.date ?? ''
  const at = (start: number, children: TextRun[]) =>
    state.paragraph({
      style: styleId.signature,
      keepNext: true,
      indent: {left: chars(geometry, Math.max(0, start)), firstLine: 0, firstLineChars: 0},
      children
    })
  const mode = meta.signatureMode ?? 'unsealed'
  if (mode === 'sealed') {
    const dateStart = line - 4 - emWidth(date)
    const signatureStart = Math.min(line - emWidth(signature), dateStart + (emWidth(date) - emWidth(signature)) / 2)
    const out = [blank(state), blank(state)]
    if (signature) out.push(at(signatureStart, [new TextRun(signature)]))
    if (date) out.push(at(dateStart, [new TextRun(date)]))
    return out
  }
  if (mode === 'signed' && meta.signer) {
    const nameStart = line - 4 - emWidth(meta.signer)
    const title = meta.signerTitle ? `${meta.signerTitle}\u3000\u3000` : ''
    const out = [blank(state), blank(state), at(nameStart - emWidth(title), [new TextRun(title + meta.signer)]), blank(state)]
    if (date) out.push(at(line - 4 - emWidth(date), [new TextRun(date)]))
    return out
  }
  let signatureStart = line - 2 - emWidth(signature)
  let dateStart = signatureStart + 2
  if (dateStart + emWidth(date) > line - 2) {
    dateStart = line - 2 - emWidth(date)
    signatureStart = dateStart - 2
  }
  const out: Paragraph[] = [blank(state)]
  if (signature) out.push(at(signatureStart, [new TextRun(signature)]))
  if (date) out.push(at(meta.signature ? dateStart : line - 2 - emWidth(date), [new TextRun(date)]))
  return out
}

/**
 * 版记: 主送 (when moved from page 1), 抄送 (wrapped lines aligned after the label, ending in `。`)
 * and 印发机关 / 印发日期 (`…印发`, one character in from the right) as a one-column table the full
 * width of the text block, so its rules span the 156 mm: thick first and last (0.35 mm), thin
 * between (0.25 mm); the text one character in from each side. The writer puts it in a section
 * aligned to the bottom of the page (Word, WPS) and, because LibreOffice ignores that alignment,
 * also pushes it down with a blank paragraph as tall as the lines it leaves free.
 */
export function imprint(meta: DocMeta, state: State, recipients?: readonly string[]): BlockOutput[] {
  const copies = meta.copiesTo ?? []
  const printed = meta.printedBy || meta.printedDate
  if (copies.length === 0 && !printed && !recipients?.length) return []
  const {elements, geometry, layout} = state
  const size = layout.fontSize.imprint
  const rule = (points: number) => ({style: BorderStyle.SINGLE, size: eighths(points), color: '000000'})
  const none = {style: BorderStyle.NONE, size: 0, color: 'auto'}
  const thick = rule(elements.imprintRule.thick)
  const thin = rule(elements.imprintRule.thin)
  const one = charsAt(geometry, size, 1)
  const inner = geometry.textWidth - 2 * one
  const perLine = Math.floor(inner / one)
  const lists = [
    ['主送：', recipients ?? []],
    ['抄送：', copies]
  ] as const
  const rows: TableRow[] = []
  let lines = 0
  const row = (paragraph: Paragraph) =>
    new TableRow({cantSplit: true, children: [new TableCell({width: {size: geometry.textWidth, type: WidthType.DXA}, children: [paragraph]})]})
  for (const [label, names] of lists) {
    if (names.length === 0) continue
    const text = `${label}${names.join('，')}。`
    const hanging = charsAt(geometry, size, emWidth(label))
    lines += Math.ceil((emWidth(text) - emWidth(label)) / (perLine - emWidth(label)))
    rows.push(row(state.paragraph({style: styleId.imprint, indent: {left: hanging, hanging, right: 0}, children: [new TextRun(text)]})))
  }
  if (printed) {
    lines += 1
    rows.push(
      row(
        state.paragraph({
          style: styleId.imprint,
          indent: {left: 0, right: 0},
          tabStops: [{type: TabStopType.RIGHT, position: inner}],
          children: [new TextRun(meta.printedBy ?? ''), new TextRun({children: ['\t', meta.printedDate ? `${meta.printedDate}印发` : '']})]
        })
      )
    )
  }
  // Room left above the block, less a line's worth for rules and metrics.
  const before = (layout.linesPerPage - lines - 1) * geometry.linePitch
  const spacer = state.paragraph({style: styleId.blank, spacing: {before: 0, after: 0, line: Math.max(geometry.linePitch, before), lineRule: 'exact'}, children: []})
  return [
    spacer,
    new Table({
      width: {size: geometry.textWidth, type: WidthType.DXA},
      columnWidths: [geometry.textWidth],
      indent: {size: 0, type: WidthType.DXA},
      layout: TableLayoutType.FIXED,
      margins: {left: one, right: one, top: 0, bottom: 0},
      borders: {top: thick, bottom: thick, left: none, right: none, insideHorizontal: thin, insideVertical: none},
      rows
    })
  ]
}

/** Page-number footers: "— N —" in 宋体 四号, odd pages right and even pages left, one character in. */
export function footers(state: State): {default: Footer; even: Footer} {
  const one = charsAt(state.geometry, state.layout.fontSize.pageNumber, 1)
  const make = (side: 'odd' | 'even') =>
    new Footer({
      children: [
        shared(state.memo, `page number\u0000${side}`, () =>
          new Paragraph({
            style: styleId.pageNumber,
            alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
            indent: side === 'odd' ? {right: one} : {left: one},
            children: [new TextRun({children: ['— ', PageNumber.CURRENT, ' —']})]
          })
        )
      ]
    })
  return {default: make('odd'), even: make('even')}
}

/**
 * Page numbers of a landscape section (GB/T 9704 §8: 横排表格页码位置与公文其他页码保持一致): the
 * sheet is turned a quarter turn, so the number stays at the foot of the sheet, which is the left
 * edge of the turned page, reading top to bottom: near the bottom on odd pages (the sheet's right
 * corner), near the top on even ones. A one-cell floating table with vertical text (tbRl) placed
 * on the page does that in Word; LibreOffice keeps a floating table inside the part that holds it,
 * so the even pages' number is in the header (top of the turned page), the odd pages' in the footer.
 */
export function landscapeFrame(state: State): {headers: {default: Header; even: Header}; footers: {default: Footer; even: Footer}} {
  const {layout, geometry} = state
  const size = layout.fontSize.pageNumber
  const one = charsAt(geometry, size, 1)
  const length = twips(mm(40))
  const thickness = twips(size * 1.6)
  // Where the number's line is on the portrait sheet: 7 mm below the text block.
  const fromSheetBottom = twips(layout.margin.bottom - layout.pageNumberOffset) - thickness
  const make = (side: 'odd' | 'even') => {
    // Along the turned page's left edge: the sheet's right margin is at the turned page's bottom.
    const start = side === 'odd' ? geometry.width - geometry.right - one - length : geometry.left + one
    return [
        new Table({
          float: {
            horizontalAnchor: TableAnchorType.PAGE,
            verticalAnchor: TableAnchorType.PAGE,
            absoluteHorizontalPosition: Math.max(0, fromSheetBottom),
            absoluteVerticalPosition: start
          },
          width: {size: thickness, type: WidthType.DXA},
          columnWidths: [thickness],
          layout: TableLayoutType.FIXED,
          margins: {left: 0, right: 0, top: 0, bottom: 0},
          borders: {
            top: {style: BorderStyle.NONE, size: 0, color: 'auto'},
            bottom: {style: BorderStyle.NONE, size: 0, color: 'auto'},
            left: {style: BorderStyle.NONE, size: 0, color: 'auto'},
            right: {style: BorderStyle.NONE, size: 0, color: 'auto'},
            insideHorizontal: {style: BorderStyle.NONE, size: 0, color: 'auto'},
            insideVertical: {style: BorderStyle.NONE, size: 0, color: 'auto'}
          },
          rows: [
            new TableRow({
              height: {value: length, rule: HeightRule.EXACT},
              children: [
                new TableCell({
                  width: {size: thickness, type: WidthType.DXA},
                  textDirection: TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT,
                  children: [
                    new Paragraph({
                      style: styleId.pageNumber,
                      alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
                      children: [new TextRun({children: ['— ', PageNumber.CURRENT, ' —']})]
                    })
                  ]
                })
              ]
            })
          ]
        }),
      new Paragraph({style: styleId.pageNumber, children: []})
    ]
  }
  const empty = () => [new Paragraph({style: styleId.pageNumber, children: []})]
  return {
    headers: {default: new Header({children: empty()}), even: new Header({children: make('even')})},
    footers: {default: new Footer({children: make('odd')}), even: new Footer({children: empty()})}
  }
}

/** Footers without page numbers (the 版记 section, and the blank page before it). */
export function blankFooters(): {default: Footer; even: Footer} {
  return {default: new Footer({children: [new Paragraph({})]}), even: new Footer({children: [new Paragraph({})]})}
}

/** Empty headers: a section after a landscape one must not inherit its page-number header. */
export function blankHeaders(): {default: Header; even: Header} {
  return {default: new Header({children: [new Paragraph({})]}), even: new Header({children: [new Paragraph({})]})}
}

/** The annex label paragraph (`附件`, `附件2`) that opens an annex. */
export function annexLabel(text: string, state: State): Paragraph[] {
  return [state.paragraph({style: styleId.annexLabel, children: [new TextRun(text)]}), blank(state)]
}
