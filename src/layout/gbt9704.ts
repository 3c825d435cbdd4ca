/**
 * The look of an official document (GB/T 9704-2012) as data. Writers read it; configuration
 * can override any field (`fonts` names for Word, `fontFiles` for PDF embedding).
 */

/** Chinese type sizes in points. */
export const size = {一号: 26, 二号: 22, 三号: 16, 四号: 14, 小四: 12, 五号: 10.5} as const

export const mm = (value: number): number => (value * 72) / 25.4

/** Font face names per slot, as Word should name them (eastAsia slot). */
export interface FontNames {
  body: string
  title: string
  heading1: string
  heading2: string
  /** Latin letters and digits in every slot. */
  latin: string
  /** Page numbers (宋体 digits per the standard). */
  pageNumber: string
}

/** Font files per slot for PDF embedding (TTF/OTF paths). Missing slots fall back to the bundled Noto faces. */
export interface FontFiles {
  serif?: string
  serifBold?: string
  sans?: string
  sansBold?: string
  body?: string
  title?: string
  heading1?: string
  heading2?: string
}

export interface OfficialLayout {
  page: {width: number; height: number}
  /** Margins in points: top 37 mm, left 28 mm, text block 156 × 225 mm. */
  margin: {top: number; left: number; bottom: number; right: number}
  textBlock: {width: number; height: number}
  /** 28 characters a line, 22 lines a page. */
  charsPerLine: number
  linesPerPage: number
  /** Line pitch in points (225 mm / 22 ≈ 28.95 pt). */
  linePitch: number
  /** Character pitch in points (156 mm / 28 ≈ 15.8 pt). */
  charPitch: number
  fontSize: {body: number; title: number; heading: number; table: number; pageNumber: number; imprint: number}
  fonts: FontNames
  /** Red of the issuer mark and rule (Y80% M80% ≈ #E60000 on screen). */
  red: string
  /** Page number distance below the text block, in points (7 mm). */
  pageNumberOffset: number
  /**
   * Placement of the header block, 版记 and boxes (points). Optional so older profiles still type-check;
   * writers fall back to `gbt9704.elements`.
   */
  elements?: OfficialElements
}

/** GB/T 9704 elements beyond the page grid: header block, 版记 rules, tables and boxes. All lengths in points. */
export interface OfficialElements {
  /** 发文机关标志: largest type size (shrunk so the mark fits the text block) and distance of its top below the text block top (35 mm). */
  issuerMark: {maxSize: number; top: number}
  /** Red rule under the 发文字号: distance below the 发文字号 (4 mm) and thickness. */
  redRule: {gap: number; thickness: number}
  /** 版记 rules: first and last 0.35 mm, middle 0.25 mm. */
  imprintRule: {thick: number; thin: number}
  /** Table text: line height (points) and cell padding left/right and top/bottom (points). */
  table: {lineHeight: number; padX: number; padY: number; ruleWidth: number}
  /** Cells up to this many characters are kept on one line when the column widths are chosen. */
  tableKeepWhole: number
  /** Fill of a callout box in the leaflet layout (RGB hex, no `#`). */
  calloutFill: string
  /**
   * Character spacing (points, negative condenses) on all text. The document grid alone makes Word
   * and WPS set 28 characters in 156 mm (16 pt type on a 15.8 pt pitch); LibreOffice ignores a grid
   * pitch smaller than the type and sets only 27, so the text is also condensed this much.
   */
  condense: number
}

const textWidth = mm(156)
const textHeight = mm(225)

export const gbt9704: OfficialLayout = {
  page: {width: mm(210), height: mm(297)},
  margin: {top: mm(37), left: mm(28), right: mm(210 - 28 - 156), bottom: mm(297 - 37 - 225)},
  textBlock: {width: textWidth, height: textHeight},
  charsPerLine: 28,
  linesPerPage: 22,
  linePitch: textHeight / 22,
  charPitch: textWidth / 28,
  fontSize: {body: size.三号, title: size.二号, heading: size.三号, table: size.五号, pageNumber: size.四号, imprint: size.四号},
  fonts: {
    body: '仿宋_GB2312',
    title: '方正小标宋简体',
    heading1: '黑体',
    heading2: '楷体_GB2312',
    latin: 'Times New Roman',
    pageNumber: '宋体'
  },
  red: '#E60000',
  pageNumberOffset: mm(7),
  elements: {
    issuerMark: {maxSize: 36, top: mm(35)},
    redRule: {gap: mm(4), thickness: 1.5},
    imprintRule: {thick: mm(0.35), thin: mm(0.25)},
    table: {lineHeight: 15.75, padX: 4, padY: 2, ruleWidth: 0.5},
    tableKeepWhole: 5,
    calloutFill: 'EEF3FA',
    condense: -0.25
  }
}

/**
 * The text block of a landscape page (GB/T 9704 §8 横排表格), in points, as the turned page is
 * read: the sheet's margins turn with it (top = the sheet's left margin, left = its bottom margin),
 * so the block is 225 × 156 mm.
 */
export function landscapeBlock(layout: OfficialLayout): {left: number; top: number; width: number; height: number} {
  return {left: layout.margin.bottom, top: layout.margin.left, width: layout.textBlock.height, height: layout.textBlock.width}
}

/** Tables with at least this many columns go on landscape pages in an annex. */
export const landscapeColumns = 5

/** Apply user overrides (from the config) to the profile, field by field. */
export function officialLayout(overrides: {fonts?: Partial<FontNames>} = {}): OfficialLayout {
  return {...gbt9704, fonts: {...gbt9704.fonts, ...overrides.fonts}}
}
