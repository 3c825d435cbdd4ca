/**
 * The poster (一图读懂) laid out once as positioned boxes and text lines, for both painters: the
 * one-page A4 PDF (`pdf.ts`, pdfkit) and the long 1080 px image (`png.ts`, SVG → resvg). Text is
 * measured and broken by the PDF line engine (`../pdf/lines.ts`, clreq rules) with the bundled
 * Noto Sans SC faces, so both painters put every glyph at the same place.
 *
 * What is shown is chosen by weight: the view lists benefits largest first; `fitPoster` keeps as
 * many per audience, audiences and contacts as fit the page, and the footer says how many more
 * benefits the full interpretation has.
 */
import {createRequire} from 'node:module'
import type {Slot} from '../pdf/fonts.ts'
import type {Line, BreakOptions} from '../pdf/lines.ts'
import {Painter, type Placed, type Span, type TextStyle} from '../pdf/painter.ts'
import {Measurer} from '../pdf/measure.ts'
import type {PosterLine, PosterView} from '../../view/poster.ts'

const require = createRequire(import.meta.url)
const face = (weight: string) => require.resolve(`@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`)

/** The bundled faces the poster uses (never the user's or the system's: same bytes everywhere). */
const posterFonts = {regular: face('400Regular'), bold: face('700Bold'), black: face('900Black')} as const

/** Painter slots → poster faces: `sans` regular, `sansBold` bold, `title` black (figures). */
export function posterFontFiles(): Record<Slot, string> {
  const {regular, bold, black} = posterFonts
  return {serif: regular, serifBold: bold, sans: regular, sansBold: bold, body: regular, title: black, heading1: bold, heading2: bold}
}

/** Colours: one accent (blue) with its tints, red for the figures, greys for notes. */
export const posterColors = {
  accent: '#1F4E8C',
  accentDark: '#163A69',
  tint: '#EEF3FA',
  line: '#C9D6E8',
  figure: '#C0392B',
  text: '#222222',
  muted: '#5F6B7A',
  white: '#FFFFFF',
  /** Secondary text on the accent (byline, counts in card headers). */
  onAccent: '#DCE6F5',
  page: '#FFFFFF'
} as const

/** Sizes and grid of one output. */
export interface PosterProfile {
  width: number
  /** Fixed page height (the PDF); undefined: as tall as the content (the long image). */
  height?: number
  margin: number
  gap: number
  /** Audience cards per row. */
  columns: number
  /** Contacts per row. */
  contactColumns: number
  /** Type sizes. */
  size: {title: number; banner: number; figure: number; label: number; heading: number; card: number; amount: number; body: number; small: number}
  /** Lines of text a benefit may take before its wording is shortened with `…`. */
  maxItemLines: number
}

/** A4 portrait, in points. */
export const a4Profile: PosterProfile = {
  width: 595.28,
  height: 841.89,
  margin: 26,
  gap: 10,
  columns: 2,
  contactColumns: 2,
  size: {title: 17, banner: 8.5, figure: 22, label: 8.5, heading: 12.5, card: 10.5, amount: 9.5, body: 8.5, small: 7},
  maxItemLines: 2
}

/** The long image, 1080 px wide, one column, sized to read on a phone. */
export const longProfile: PosterProfile = {
  width: 1080,
  margin: 56,
  gap: 28,
  columns: 1,
  contactColumns: 1,
  size: {title: 52, banner: 28, figure: 64, label: 28, heading: 42, card: 38, amount: 36, body: 32, small: 26},
  maxItemLines: 3
}

/** How much of the view is shown. */
export interface PosterFit {
  /** Benefits per audience card. */
  perCard: number
  /** Audience cards. */
  cards: number
  contacts: number
}

export type Shape =
  | {type: 'rect'; x: number; y: number; w: number; h: number; r: number; fill: string}
  | {type: 'rule'; x: number; y: number; w: number; color: string; thickness: number}
  | {type: 'text'; placed: Placed; line: Line; left: number; baseline: number}

export interface PosterLayout {
  width: number
  height: number
  shapes: Shape[]
  /** Benefit lines shown, counted once each. */
  shown: number
  /** Benefit lines of the full interpretation not on the poster. */
  more: number
  fit: PosterFit
}

/** Measured text of the poster's faces: one for the fit, the page and the image of a poster, so each text is measured once. */
export function posterMeasurer(): Measurer {
  return new Measurer(posterFontFiles())
}

/** A painter used only to measure and break text (the PDF painter passes its own, which also draws). */
export function measuringPainter(measurer: Measurer = posterMeasurer()): Painter {
  return new Painter(null as never, posterFontFiles(), measurer)
}

const lineKey = (l: PosterLine) => `${l.cite}|${l.who}|${l.amount}`

/** Lay out the poster with a given fit. Pure: same view, profile and fit, same shapes. */
export function layoutPoster(view: PosterView, profile: PosterProfile, fit: PosterFit, painter: Painter): PosterLayout {
  const c = posterColors
  const {width, margin, gap, size} = profile
  const inner = width - 2 * margin
  const shapes: Shape[] = []
  const style = (slot: Slot, px: number, color: string = c.text): TextStyle => ({slot, size: px, color})
  const regular = (px: number, color?: string) => style('sans', px, color)
  const bold = (px: number, color?: string) => style('sansBold', px, color)

  /** Break spans into lines; returns the height used (`pitch` per line) and adds the lines at `top`. */
  const text = (spans: Span[], left: number, top: number, w: number, pitch: number, options: Partial<BreakOptions> & {align?: 'left' | 'center' | 'right'; maxLines?: number} = {}): number => {
    const placed = painter.layout(spans, {width: w, squeeze: true, justify: options.align === undefined || options.align === 'left', maxSpacing: pitch * 0.3, ...options})
    const lines = options.maxLines ? placed.lines.slice(0, options.maxLines) : placed.lines
    lines.forEach((line, i) => {
      const lineSize = painter.lineSize(placed, line)
      const slack = w - line.right
      const dx = options.align === 'center' ? slack / 2 : options.align === 'right' ? slack : 0
      shapes.push({type: 'text', placed, line, left: left + dx, baseline: top + i * pitch + (pitch + lineSize * 0.76) / 2})
    })
    return lines.length * pitch
  }
  /** Lines a text would take, without drawing it. */
  const count = (spans: Span[], w: number) => painter.layout(spans, {width: w, squeeze: true}).lines.length
  /** Shorten the last of `spans` with `…` until they and `suffix` fit in `maxLines` lines. */
  const shorten = (spans: Span[], suffix: Span, w: number, maxLines: number): Span[] => {
    if (count([...spans, suffix], w) <= maxLines) return spans
    const last = spans.length - 1
    const chars = [...spans[last].text]
    const cut = (n: number): Span[] => [...spans.slice(0, last), {...spans[last], text: chars.slice(0, n).join('') + '…'}]
    let low = 0
    let high = chars.length
    while (low < high) {
      const mid = Math.ceil((low + high) / 2)
      if (count([...cut(mid), suffix], w) <= maxLines) low = mid
      else high = mid - 1
    }
    return cut(low)
  }

  // Banner
  let y = 0
  const bannerTop = y
  y += margin * 0.9
  const chip = '一图读懂'
  const chipW = painter.width(chip, bold(size.banner)) + size.banner * 1.6
  const chipH = size.banner * 2
  shapes.push({type: 'rect', x: margin, y, w: chipW, h: chipH, r: chipH / 2, fill: c.white})
  text([{text: chip, style: bold(size.banner, c.accent)}], margin, y, chipW, chipH, {align: 'center'})
  y += chipH + size.banner * 0.8
  y += text([{text: view.title, style: bold(size.title, c.white)}], margin, y, inner, size.title * 1.45)
  const byline = [view.status, view.issuer, view.date].filter(Boolean).join(' · ')
  if (byline) y += text([{text: byline, style: regular(size.banner, c.onAccent)}], margin, y + size.banner * 0.4, inner, size.banner * 1.6) + size.banner * 0.4
  y += margin * 0.8
  shapes.splice(0, 0, {type: 'rect', x: 0, y: bannerTop, w: width, h: y - bannerTop, r: 0, fill: c.accent})
  y += gap * 1.4

  // Headline figures
  const figures = view.figures.slice(0, 3)
  if (figures.length > 0) {
    const boxW = (inner - gap * (figures.length - 1)) / figures.length
    const pad = size.label * 0.9
    const boxH = size.label * 1.6 + size.figure * 1.35 + size.small * 1.6 + pad * 2
    figures.forEach((f, i) => {
      const x = margin + i * (boxW + gap)
      shapes.push({type: 'rect', x, y, w: boxW, h: boxH, r: size.label * 0.6, fill: c.tint})
      let yy = y + pad
      yy += text([{text: f.label, style: regular(size.label, c.muted)}], x, yy, boxW, size.label * 1.6, {align: 'center'})
      let figureSize = size.figure
      while (figureSize > size.label && painter.width(f.figure, style('title', figureSize)) > boxW - pad) figureSize -= 1
      // Shrunk to fit its box when long; the row keeps the full size's height.
      yy += text([{text: f.figure, style: style('title', figureSize, c.figure)}], x, yy, boxW, size.figure * 1.35, {align: 'center'})
      text([{text: f.cite, style: regular(size.small, c.muted)}], x, yy, boxW, size.small * 1.6, {align: 'center'})
    })
    y += boxH + gap * 1.4
  }

  const heading = (title: string) => {
    shapes.push({type: 'rect', x: margin, y: y + size.heading * 0.25, w: size.heading * 0.3, h: size.heading * 1.1, r: 0, fill: c.accent})
    text([{text: title, style: bold(size.heading, c.accent)}], margin + size.heading * 0.6, y, inner, size.heading * 1.6)
    y += size.heading * 1.6 + gap * 0.5
  }
  const itemPitch = size.body * 1.5
  /** One benefit: the amount in bold red, who gets it, the clause in grey; shortened to `maxItemLines`. */
  const item = (l: PosterLine, x: number, top: number, w: number): number => {
    const cite: Span = {text: `（${l.cite}）`, style: regular(size.small, c.muted)}
    const reading: Span[] = l.amount
      ? [{text: l.amount, style: bold(size.amount, c.figure)}, {text: `　${l.who}`, style: regular(size.body)}]
      : [{text: l.who, style: regular(size.body)}]
    return text([...shorten(reading, cite, w, profile.maxItemLines), cite], x, top, w, itemPitch)
  }

  // Largest benefits
  const shownKeys = new Set<string>()
  if (view.top.length > 0) {
    heading('单项支持最高')
    const pad = size.body * 0.8
    const top0 = y
    const start = shapes.length
    let yy = y + pad * 0.6
    for (const l of view.top) {
      yy += item(l, margin + pad, yy, inner - 2 * pad) + pad * 0.3
      shownKeys.add(lineKey(l))
    }
    yy += pad * 0.3
    // The block's background goes before its text, so it is painted first.
    shapes.splice(start, 0, {type: 'rect', x: margin, y: top0, w: inner, h: yy - top0, r: size.body * 0.6, fill: c.tint})
    y = yy + gap * 1.4
  }

  // Audiences
  const cards = view.audiences.slice(0, fit.cards)
  if (cards.length > 0) {
    heading(view.top.length > 0 ? '谁能享受' : '政策要点')
    const cols = Math.min(profile.columns, cards.length)
    const cardW = (inner - gap * (cols - 1)) / cols
    const pad = size.body * 0.8
    for (let row = 0; row < cards.length; row += cols) {
      const rowCards = cards.slice(row, row + cols)
      const rowTop = y
      let rowBottom = y
      const backgrounds: Shape[] = []
      const start = shapes.length
      rowCards.forEach((card, i) => {
        const x = margin + i * (cardW + gap)
        const headH = size.card * 1.9
        backgrounds.push({type: 'rect', x, y: rowTop, w: cardW, h: headH, r: size.body * 0.6, fill: c.accent})
        const total = card.lines.length > 0 ? card.lines.length : card.related.length
        text([{text: card.label, style: bold(size.card, c.white)}], x + pad, rowTop, cardW - 2 * pad, headH)
        text([{text: card.lines.length > 0 ? `${total}项` : `${total}条`, style: regular(size.small, c.onAccent)}], x + pad, rowTop, cardW - 2 * pad, headH, {align: 'right'})
        let yy = rowTop + headH + pad * 0.6
        const list = (card.lines.length > 0 ? card.lines : card.related).slice(0, fit.perCard)
        for (const l of list) {
          yy += item(l, x + pad, yy, cardW - 2 * pad) + pad * 0.3
          if (card.lines.length > 0) shownKeys.add(lineKey(l))
        }
        const rest = total - list.length
        if (rest > 0) {
          yy += text([{text: `另有${rest}${card.lines.length > 0 ? '项' : '条'}，见完整版政策解读`, style: regular(size.small, c.muted)}], x + pad, yy, cardW - 2 * pad, size.small * 1.6)
        }
        rowBottom = Math.max(rowBottom, yy + pad * 0.6)
      })
      rowCards.forEach((_, i) => {
        const x = margin + i * (cardW + gap)
        backgrounds.unshift({type: 'rect', x, y: rowTop, w: cardW, h: rowBottom - rowTop, r: size.body * 0.6, fill: c.tint})
      })
      shapes.splice(start, 0, ...backgrounds)
      y = rowBottom + gap
    }
    y += gap * 0.4
  }

  // Contacts
  const contacts = view.contacts.slice(0, fit.contacts)
  if (contacts.length > 0) {
    heading('找谁办')
    const cols = Math.min(profile.contactColumns, contacts.length)
    const colW = (inner - gap * (cols - 1)) / cols
    for (let row = 0; row < contacts.length; row += cols) {
      let rowBottom = y
      contacts.slice(row, row + cols).forEach((contact, i) => {
        const x = margin + i * (colW + gap)
        let yy = y
        const head: Span[] = [{text: contact.unit, style: bold(size.amount, c.text)}]
        if (contact.phone) head.push({text: `　${contact.phone}`, style: bold(size.amount, c.accent)})
        yy += text(head, x, yy, colW, size.amount * 1.5)
        const detail = [contact.office, contact.address, contact.cite].filter(Boolean).join(' · ')
        if (detail) yy += text([{text: detail, style: regular(size.small, c.muted)}], x, yy, colW, size.small * 1.5, {maxLines: 2})
        rowBottom = Math.max(rowBottom, yy)
      })
      y = rowBottom + gap * 0.6
    }
    y += gap * 0.6
  }

  // Footer
  const more = view.lineCount - shownKeys.size
  const notes = [
    more > 0 ? `完整版《政策解读》另有${more}项支持措施，并逐条说明条件和办理单位。` : '完整版《政策解读》逐条说明条件和办理单位。',
    view.note,
    [view.documentNumber, view.date].filter(Boolean).join(' · ')
  ].filter(Boolean)
  const footerPitch = size.small * 1.55
  const footerLines = notes.reduce((n, note) => n + count([{text: note, style: regular(size.small)}], inner), 0)
  const footerH = footerLines * footerPitch + gap
  const footerTop = profile.height !== undefined ? Math.max(y, profile.height - margin - footerH) : y
  shapes.push({type: 'rule', x: margin, y: footerTop, w: inner, color: c.line, thickness: Math.max(0.5, size.small / 14)})
  let fy = footerTop + gap * 0.6
  for (const note of notes) fy += text([{text: note, style: regular(size.small, c.muted)}], margin, fy, inner, footerPitch, {align: 'center'})
  const height = profile.height ?? Math.ceil(fy + margin)
  return {width, height, shapes, shown: shownKeys.size, more, fit}
}

/** Bottom of the content (the footer's last line), for the fitting loop. */
function contentBottom(layout: PosterLayout, margin: number): number {
  let bottom = 0
  for (const s of layout.shapes) {
    if (s.type === 'text') bottom = Math.max(bottom, s.baseline)
    else if (s.type === 'rect') bottom = Math.max(bottom, s.y + s.h)
  }
  return bottom + margin * 0.5
}

/**
 * The largest fit of the view on the A4 page: up to four benefits per audience, every audience
 * and eight contacts when they fit; else fewer benefits per card and fewer contacts (down to two
 * and four), then fewer cards, then one benefit per card. Deterministic.
 */
function fitPoster(view: PosterView, painter: Painter, profile: PosterProfile = a4Profile): PosterFit {
  const limit = profile.height ?? Infinity
  const candidates: PosterFit[] = []
  const cards = view.audiences.length
  for (const [perCard, contacts] of [[4, 8], [3, 8], [4, 6], [3, 6], [2, 6], [2, 4]]) candidates.push({perCard, cards, contacts})
  for (let n = cards - 1; n >= 1; n--) candidates.push({perCard: 2, cards: n, contacts: 4})
  candidates.push({perCard: 1, cards: Math.min(cards, 2), contacts: 2})
  for (const fit of candidates) {
    const layout = layoutPoster(view, profile, fit, painter)
    if (contentBottom(layout, profile.margin) <= limit) return fit
  }
  return candidates.at(-1)!
}

/** The fit of both outputs (the A4 page's), measured with the bundled faces: worked out once per build. */
export function posterFit(view: PosterView, measurer?: Measurer): PosterFit {
  return fitPoster(view, measuringPainter(measurer), a4Profile)
}

/** Where each unit's glyphs start (points from the block's left edge), as the PDF painter places them. */
export function unitOrigins(placed: Placed, line: Line): Array<{x: number; text: string; style: number}> {
  const out: Array<{x: number; text: string; style: number}> = []
  for (let k = 0; k < line.x.length; k++) {
    const u = placed.units[line.start + k]
    if (u.cls === 'space' || u.cls === 'break') continue
    let x = line.x[k]
    const squeezed = u.width - line.widths[k]
    if (u.cls === 'open' && squeezed > 0) x -= squeezed
    else if (u.cls !== 'latin' && squeezed === 0) x += (u.width - u.natural) / 2
    out.push({x, text: u.text, style: u.style})
  }
  return out
}
