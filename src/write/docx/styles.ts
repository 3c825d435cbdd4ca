/**
 * Word styles built from the layout profile: one paragraph style per GB/T 9704 element, so an office
 * can restyle the document in Word (style names are Chinese, ids ASCII). Fonts are set per slot:
 * the standard Chinese face in eastAsia, Times New Roman in ascii/hAnsi.
 */
import {AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions} from 'docx'
import type {OfficialLayout} from '../../layout/gbt9704.ts'
import {chars, charsAt, halfPoints, twips, type PageGeometry} from './measure.ts'

/** Style ids written to styles.xml. Headings keep Word's built-in ids so the navigation pane shows them. */
export const styleId = {
  body: 'GwBody',
  title: 'GwTitle',
  subtitle: 'GwSubtitle',
  issuerMark: 'GwIssuerMark',
  documentNumber: 'GwDocNumber',
  recipients: 'GwRecipients',
  attachment: 'GwAttachment',
  signature: 'GwSignature',
  annexLabel: 'GwAnnexLabel',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  heading4: 'Heading4',
  listItem: 'GwListItem',
  tableText: 'GwTableText',
  tableHeader: 'GwTableHeader',
  imprint: 'GwImprint',
  pageNumber: 'GwPageNumber',
  blank: 'GwBlank'
} as const

export type Variant = 'official' | 'leaflet'

export function fontSlots(layout: OfficialLayout, eastAsia: string, latin = layout.fonts.latin) {
  return {ascii: latin, hAnsi: latin, eastAsia, cs: latin}
}

export function buildStyles(layout: OfficialLayout, geometry: PageGeometry, variant: Variant): IStylesOptions {
  const {fonts, fontSize} = layout
  const exact = {line: geometry.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0}
  const indent2 = {firstLine: chars(geometry, 2), firstLineChars: 200}
  const noIndent = {firstLine: 0, firstLineChars: 0, left: 0, right: 0}
  const titleFace = variant === 'leaflet' ? fonts.heading1 : fonts.title
  const table = layout.elements?.table
  const characterSpacing = twips(layout.elements?.condense ?? 0) || undefined
  const tableLine = twips(table?.lineHeight ?? fontSize.table * 1.5)

  const style = (
    id: string,
    name: string,
    paragraph: IParagraphStyleOptions['paragraph'],
    run: IParagraphStyleOptions['run'] = {}
  ): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    next: styleId.body,
    quickFormat: true,
    paragraph,
    run
  })

  return {
    default: {
      document: {
        run: {
          font: fontSlots(layout, fonts.body),
          size: halfPoints(fontSize.body),
          characterSpacing,
          language: {value: 'en-US', eastAsia: 'zh-CN'}
        },
        paragraph: {spacing: exact, alignment: AlignmentType.JUSTIFIED}
      }
    },
    paragraphStyles: [
      // Normal carries the body size itself (not only docDefaults): LibreOffice sizes the character
      // grid from the Normal style's East Asian font height, Word from the Normal font size.
      {
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        paragraph: {spacing: exact, alignment: AlignmentType.JUSTIFIED},
        run: {font: fontSlots(layout, fonts.body), size: halfPoints(fontSize.body), characterSpacing}
      },
      style(styleId.body, '公文正文', {indent: indent2}),
      style(styleId.blank, '公文空行', {indent: noIndent}),
      style(
        styleId.title,
        '公文标题',
        {alignment: AlignmentType.CENTER, indent: noIndent, keepNext: true, outlineLevel: 0},
        {font: fontSlots(layout, titleFace), size: halfPoints(fontSize.title), bold: variant === 'leaflet'}
      ),
      style(styleId.subtitle, '公文副标题', {alignment: AlignmentType.CENTER, indent: noIndent, keepNext: true}, {
        font: fontSlots(layout, variant === 'leaflet' ? fonts.heading2 : fonts.body)
      }),
      style(styleId.issuerMark, '发文机关标志', {alignment: AlignmentType.CENTER, indent: noIndent}, {
        font: fontSlots(layout, fonts.title),
        color: layout.red.replace('#', '')
      }),
      style(styleId.documentNumber, '发文字号', {alignment: AlignmentType.CENTER, indent: noIndent}),
      style(styleId.recipients, '主送机关', {alignment: AlignmentType.LEFT, indent: noIndent}),
      style(styleId.attachment, '附件说明', {indent: noIndent}),
      style(styleId.signature, '署名和成文日期', {alignment: AlignmentType.LEFT, indent: noIndent}),
      style(styleId.annexLabel, '附件标识', {alignment: AlignmentType.LEFT, indent: noIndent, keepNext: true}, {
        font: fontSlots(layout, fonts.heading1)
      }),
      style(
        styleId.heading1,
        'heading 1',
        {alignment: AlignmentType.CENTER, indent: noIndent, keepNext: true, outlineLevel: 0},
        {font: fontSlots(layout, variant === 'leaflet' ? fonts.heading1 : fonts.title), size: halfPoints(fontSize.title)}
      ),
      style(styleId.heading2, 'heading 2', {indent: indent2, keepNext: true, outlineLevel: 1}, {
        font: fontSlots(layout, fonts.heading1),
        size: halfPoints(fontSize.heading)
      }),
      style(styleId.heading3, 'heading 3', {indent: indent2, keepNext: true, outlineLevel: 2}, {
        font: fontSlots(layout, variant === 'leaflet' ? fonts.heading1 : fonts.heading2),
        size: halfPoints(fontSize.heading)
      }),
      style(styleId.heading4, 'heading 4', {indent: indent2, keepNext: true, outlineLevel: 3}, {
        font: fontSlots(layout, fonts.body),
        size: halfPoints(fontSize.heading)
      }),
      style(styleId.listItem, '公文列表', {indent: {left: chars(geometry, 2), hanging: 0}}),
      style(
        styleId.tableText,
        '公文表格',
        {indent: noIndent, alignment: AlignmentType.LEFT, spacing: {line: tableLine, lineRule: LineRuleType.EXACT, before: 0, after: 0}},
        {size: halfPoints(fontSize.table)}
      ),
      style(
        styleId.tableHeader,
        '公文表头',
        {indent: noIndent, alignment: AlignmentType.CENTER, keepNext: true, spacing: {line: tableLine, lineRule: LineRuleType.EXACT, before: 0, after: 0}},
        {size: halfPoints(fontSize.table), font: fontSlots(layout, fonts.heading1)}
      ),
      style(
        styleId.imprint,
        '版记',
        {
          indent: {left: charsAt(geometry, fontSize.imprint, 1), right: charsAt(geometry, fontSize.imprint, 1), firstLine: 0, firstLineChars: 0},
          alignment: AlignmentType.LEFT
        },
        {size: halfPoints(fontSize.imprint)}
      ),
      style(
        styleId.pageNumber,
        '页码',
        {indent: noIndent, spacing: {line: twips(fontSize.pageNumber * 1.2), lineRule: LineRuleType.EXACT, before: 0, after: 0}},
        {font: fontSlots(layout, fonts.pageNumber, fonts.pageNumber), size: halfPoints(fontSize.pageNumber)}
      )
    ]
  }
}
