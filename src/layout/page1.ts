/**
 * Page 1 of an official document must show body text (GB/T 9704 7.3.3: 如主送机关名称过多导致
 * 公文首页不能显示正文时，应当将主送机关名称移至版记). Both writers decide with this one function,
 * on the grid's line count, so the Word and PDF files agree.
 */
import {gbt9704, type OfficialLayout} from './gbt9704.ts'

/** Width in em of text on the grid: full-width characters 1, ASCII 0.5. */
export function emWidth(text: string): number {
  let width = 0
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if (ch === '\n') continue
    width += code < 0x2e80 && !(code >= 0x2014 && code <= 0x201d) && code !== 0x2026 ? 0.5 : 1
  }
  return width
}

/** Body lines page 1 must keep below the 主送 line. */
const bodyLinesOnPage1 = 3

/** Grid lines the header block takes (发文机关标志 at 35 mm, 发文字号 two lines below, red rule, two blank lines). */
function headerLines(layout: OfficialLayout): number {
  const el = layout.elements ?? gbt9704.elements!
  const mark = el.issuerMark.top + el.issuerMark.maxSize * 1.25 + el.redRule.gap + el.redRule.thickness
  return Math.ceil(mark / layout.linePitch) + 2 + 1 + 2
}

export interface RecipientsChoice {
  /** What the 主送 line says (without the closing `：`). */
  line: string
  /** True when the collective phrase replaced the list (the list then goes to the 版记). */
  collapsed: boolean
}

/**
 * The 主送 line for page 1: the list joined with `、` when it leaves `bodyLinesOnPage1` lines of
 * body text on page 1, else the collective phrase. `titleLines`: lines the title takes;
 * `header`: whether the red header block is drawn.
 */
export function recipientsLine(
  layout: OfficialLayout,
  recipients: readonly string[],
  collective: string | undefined,
  titleLines: number,
  header: boolean
): RecipientsChoice {
  const line = recipients.join('、')
  // LibreOffice sets one character fewer per line than Word on the same grid: count with it.
  const perLine = layout.charsPerLine - 1
  const lines = Math.ceil(emWidth(line + '：') / perLine)
  const used = (header ? headerLines(layout) : 0) + titleLines + 1 + lines
  if (!collective || used + bodyLinesOnPage1 <= layout.linesPerPage) return {line, collapsed: false}
  return {line: collective, collapsed: true}
}

/** The build's note when the list was replaced. */
export function recipientsNote(title: string, count: number, collective: string): string {
  return `“${title}”主送机关 ${count} 个，首页放不下正文：主送改为“${collective}”，完整名单移至版记（GB/T 9704 7.3.3）`
}

