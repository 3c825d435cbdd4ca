/**
 * Read a PDF back with pdfjs: text items with positions, font sizes and embedded font names.
 * Positions are as the page is displayed (a page with /Rotate is turned upright first), origin
 * bottom left.
 */
import {getDocument, Util} from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface Item {
  page: number
  str: string
  /** Left x and baseline y in PDF space (origin bottom left). */
  x: number
  y: number
  width: number
  size: number
  font: string
}

export interface TextLine {
  page: number
  y: number
  size: number
  left: number
  right: number
  text: string
}

export interface Extracted {
  items: Item[]
  fonts: string[]
  pages: number
  pageHeight: number
  /** Displayed size and /Rotate of each page (index 0 = page 1). */
  pageSizes: Array<{width: number; height: number; rotate: number}>
}

export async function extract(bytes: Uint8Array): Promise<Extracted> {
  const pdf = await getDocument({data: bytes.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0}).promise
  const items: Item[] = []
  const fonts = new Set<string>()
  let pageHeight = 0
  const pageSizes: Extracted['pageSizes'] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n)
    pageHeight = page.view[3]
    const viewport = page.getViewport({scale: 1})
    pageSizes.push({width: viewport.width, height: viewport.height, rotate: page.rotate})
    await page.getOperatorList()
    const content = await page.getTextContent()
    for (const raw of content.items) {
      if (!('str' in raw) || raw.str === '') continue
      const font = page.commonObjs.has(raw.fontName) ? (page.commonObjs.get(raw.fontName) as {name: string}).name : raw.fontName
      fonts.add(font)
      const [a, b, , , e, f] = Util.transform(viewport.transform, raw.transform as number[]) as number[]
      items.push({page: n, str: raw.str, x: e, y: viewport.height - f, width: raw.width, size: Math.round(Math.hypot(a, b) * 100) / 100, font})
    }
  }
  await pdf.destroy()
  return {items, fonts: [...fonts], pages: pdf.numPages, pageHeight, pageSizes}
}

/** Items grouped into lines (same page, baseline and size), in drawing order. */
export function lines(items: readonly Item[]): TextLine[] {
  const out: TextLine[] = []
  for (const item of items) {
    const last = out[out.length - 1]
    if (last && last.page === item.page && Math.abs(last.y - item.y) < 0.5 && last.size === item.size) {
      last.text += item.str
      last.left = Math.min(last.left, item.x)
      last.right = Math.max(last.right, item.x + item.width)
    } else out.push({page: item.page, y: item.y, size: item.size, left: item.x, right: item.x + item.width, text: item.str})
  }
  return out
}
