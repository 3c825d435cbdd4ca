/**
 * Between the line engine and pdfkit: turns styled text into measured units, and draws a line of
 * placed units as one text object per style run, with a TJ array.
 *
 * Each run sets `Tc` (character spacing) to the spacing most glyphs need (grid compression plus
 * justification), and the TJ array corrects the rest (squeezed punctuation, letters inside a Latin
 * word that must not be spread). Glyphs are encoded through pdfkit's `EmbeddedFont.encode`, so
 * the subset and the ToUnicode map stay pdfkit's: extraction yields the characters in order.
 */
import type PDFDocument from 'pdfkit'
import type {FontkitFont, Slot} from './fonts.ts'
import {loadFont} from './fonts.ts'
import {breakLines, segment, type BreakOptions, type Line, type Unit} from './lines.ts'

export interface TextStyle {
  slot: Slot
  size: number
  /** Fill colour, `#RRGGBB`; default black. */
  color?: string
}

/** Styled text; `\n` is a hard line break. */
export interface Span {
  text: string
  style: TextStyle
}

/** pdfkit's embedded font (internal API: `encode`, `ref`, `id`). */
interface EmbeddedFont {
  id: string
  encode(text: string): [string[], Array<{xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number}>]
  ref(): unknown
}

type Doc = InstanceType<typeof PDFDocument> & {
  _font: EmbeddedFont
  page: {fonts: Record<string, unknown>; height: number}
  addContent(data: string): unknown
}

export interface MeasureOptions {
  /**
   * Grid cell for body-size type (points), and that body size: full-width characters take whole
   * cells (official layout: 156 mm / 28 for 16 pt). Other sizes scale the cell with their size.
   */
  cell?: number
  cellSize?: number
  /** Full-width punctuation may be squeezed to half width (push-in). */
  squeeze?: boolean
}

/** Styled unit: a line-engine unit plus what drawing needs. */
export interface StyledUnit extends Unit {
  style: number
  /** Natural advance in points. */
  natural: number
}

export interface Placed {
  units: StyledUnit[]
  lines: Line[]
}

const num = (n: number): string => {
  const r = Math.round(n * 1000) / 1000
  return Object.is(r, -0) ? '0' : String(r)
}

export class Painter {
  /** Styles used on this document; units point into it. */
  readonly styles: TextStyle[] = []
  private readonly styleKeys = new Map<string, number>()
  private readonly registered = new Map<string, string>()
  private readonly missing = new Map<string, Set<string>>()

  constructor(
    private readonly doc: Doc,
    private readonly files: Record<Slot, string>
  ) {}

  /** Fontkit font of a slot (parsed once per process). */
  font(slot: Slot): FontkitFont {
    return loadFont(this.files[slot])
  }

  styleIndex(style: TextStyle): number {
    const key = `${style.slot}|${style.size}|${style.color ?? ''}`
    let index = this.styleKeys.get(key)
    if (index === undefined) {
      index = this.styles.length
      this.styles.push(style)
      this.styleKeys.set(key, index)
    }
    return index
  }

  /** Natural width of text in a style (no grid). */
  width(text: string, style: TextStyle): number {
    let w = 0
    const font = this.font(style.slot)
    for (const p of font.layout(text).positions) w += p.xAdvance
    return (w * style.size) / font.unitsPerEm
  }

  /** Segment and measure spans into units for the line engine. */
  units(spans: readonly Span[], options: MeasureOptions = {}): StyledUnit[] {
    const out: StyledUnit[] = []
    for (const span of spans) {
      const style = this.styleIndex(span.style)
      const font = this.font(span.style.slot)
      for (const seg of segment(span.text)) {
        if (seg.cls === 'break') {
          out.push({...seg, width: 0, natural: 0, style})
          continue
        }
        this.checkGlyphs(seg.text, font)
        const natural = this.width(seg.text, span.style)
        const ems = natural / span.style.size
        let width = natural
        const fullWidth = seg.cls !== 'latin' && seg.cls !== 'space' && Math.round(ems) >= 1 && Math.abs(ems - Math.round(ems)) < 0.12 * Math.round(ems)
        if (options.cell && fullWidth) width = (Math.round(ems) * options.cell * span.style.size) / (options.cellSize ?? span.style.size)
        const shrink = options.squeeze && (seg.cls === 'open' || seg.cls === 'close') && fullWidth ? width / 2 : 0
        out.push({...seg, width, natural, shrink, style})
      }
    }
    return out
  }

  /** Units and lines for spans in a block `width` wide. */
  layout(spans: readonly Span[], options: BreakOptions & MeasureOptions): Placed {
    const units = this.units(spans, options)
    return {units, lines: breakLines(units, options)}
  }

  /** Largest size in a line (for the line box). */
  lineSize(placed: Placed, line: Line): number {
    let size = 0
    for (let i = line.start; i < line.end; i++) size = Math.max(size, this.styles[placed.units[i].style].size)
    if (size === 0 && placed.units[line.start]) size = this.styles[placed.units[line.start].style].size
    return size
  }

  /**
   * Draw one line. `left` is the block's left edge, `baseline` the baseline (points from the page
   * top). `hScale` (percent) narrows glyphs horizontally (the issuer mark).
   */
  drawLine(placed: Placed, line: Line, left: number, baseline: number, hScale = 100): void {
    const {units} = placed
    let k = 0
    while (k < line.x.length) {
      const style = units[line.start + k].style
      let end = k + 1
      while (end < line.x.length && units[line.start + end].style === style) end++
      this.drawRun(units, line, k, end, left, baseline, hScale)
      k = end
    }
  }

  private embedded(slot: Slot): EmbeddedFont {
    const path = this.files[slot]
    let name = this.registered.get(path)
    if (!name) {
      name = `pp${this.registered.size + 1}`
      this.doc.registerFont(name, loadFont(path) as never)
      this.registered.set(path, name)
    }
    this.doc.font(name)
    return this.doc._font
  }

  private drawRun(units: StyledUnit[], line: Line, from: number, to: number, left: number, baseline: number, hScale: number): void {
    const style = this.styles[units[line.start + from].style]
    const font = this.embedded(style.slot)
    const scale = style.size / 1000
    const hex: string[] = []
    const natural: number[] = []
    const target: number[] = []
    for (let k = from; k < to; k++) {
      const u = units[line.start + k]
      if (u.cls === 'space' || u.cls === 'break') continue
      const [codes, positions] = font.encode(u.text)
      const drawnWidth = line.widths[k]
      // Where the unit's glyphs start: full-width units are centred in their cell; a squeezed
      // opening mark (ink on its right half) moves left by what was taken from it.
      let x = left + line.x[k]
      const squeezed = u.width - drawnWidth
      if (u.cls === 'open' && squeezed > 0) x -= squeezed
      else if (u.cls !== 'latin' && squeezed === 0) x += (u.width - u.natural) / 2
      for (let g = 0; g < codes.length; g++) {
        hex.push(codes[g])
        // The PDF advances by the glyph's own width; kerning (xAdvance) goes into the TJ adjustments.
        natural.push(positions[g].advanceWidth * scale * (hScale / 100))
        target.push(x)
        x += positions[g].xAdvance * scale * (hScale / 100)
      }
    }
    if (hex.length === 0) return
    // Tc: the most common correction between consecutive glyphs.
    const deltas: number[] = []
    for (let i = 0; i < hex.length - 1; i++) deltas.push(target[i + 1] - target[i] - natural[i])
    const counts = new Map<string, number>()
    for (const d of deltas) counts.set(num(d), (counts.get(num(d)) ?? 0) + 1)
    let tc = 0
    let best = 0
    for (const [d, c] of counts) if (c > best) [tc, best] = [Number(d), c]
    // All glyphs but the last in one TJ; the last one with Tc 0, so the run ends exactly where
    // the line does (viewers count the character spacing after a glyph into its width).
    const parts: string[] = []
    let chunk = ''
    for (let i = 0; i < hex.length - 1; i++) {
      chunk += hex[i]
      const adjust = ((tc - deltas[i]) * 1000) / style.size / (hScale / 100)
      if (Math.abs(adjust) > 0.01) {
        parts.push(`<${chunk}> ${num(adjust)}`)
        chunk = ''
      }
    }
    if (chunk) parts.push(`<${chunk}>`)
    const lastGlyph = `<${hex[hex.length - 1]}>`
    const doc = this.doc
    if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref()
    doc.fillColor(style.color ?? '#000000')
    doc.save()
    doc.transform(1, 0, 0, -1, 0, doc.page.height)
    doc.addContent('BT')
    doc.addContent(`1 0 0 1 ${num(target[0])} ${num(doc.page.height - baseline)} Tm`)
    doc.addContent(`/${font.id} ${num(style.size)} Tf`)
    if (hScale !== 100) doc.addContent(`${num(hScale)} Tz`)
    if (tc !== 0 && parts.length > 0) doc.addContent(`${num(tc / (hScale / 100))} Tc`)
    if (parts.length > 0) doc.addContent(`[${parts.join(' ')}] TJ`)
    if (tc !== 0 && parts.length > 0) doc.addContent('0 Tc')
    doc.addContent(`[${lastGlyph}] TJ`)
    doc.addContent('ET')
    doc.restore()
  }

  private checkGlyphs(text: string, font: FontkitFont): void {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!
      if (cp < 0x20 || /\s/u.test(ch)) continue
      if (!font.hasGlyphForCodePoint(cp)) {
        let set = this.missing.get(font.postscriptName)
        if (!set) this.missing.set(font.postscriptName, (set = new Set()))
        set.add(ch)
      }
    }
  }

  /** Warnings (Chinese) for characters the fonts lack. */
  warnings(): string[] {
    return [...this.missing].map(([font, chars]) => {
      const list = [...chars].map((c) => `“${c}”（U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}）`)
      return `字体 ${font} 缺少 ${chars.size} 个字符，PDF 中显示为空框：${list.join('、')}`
    })
  }
}
