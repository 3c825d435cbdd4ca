/**
 * Between the line engine and pdfkit: turns styled text into measured units, and draws a line of
 * placed units as one text object per style run, with a TJ array.
 *
 * Each run sets `Tc` (character spacing) to the spacing most glyphs need (grid compression plus
 * justification), and the TJ array corrects the rest (squeezed punctuation, letters inside a Latin
 * word that must not be spread). Glyphs go into pdfkit's own subset, widths and ToUnicode map of
 * the `EmbeddedFont` (what its `encode` does, `glyphCode` here), so extraction yields the
 * characters in order.
 *
 * Speed: every unit's text is shaped once per process and font (`shape.ts`), units carry their
 * shaped glyphs to drawing, each glyph's place in the document's subset is looked up in a typed
 * array, and the text objects drawn between two other writes to a page go to pdfkit as one write
 * of bytes. Output is byte-identical to shaping and encoding every unit afresh.
 */
import type PDFDocument from 'pdfkit'
import type {FontkitFont, Slot} from './fonts.ts'
import {loadFont} from './fonts.ts'
import {breakLines, type BreakOptions, type Line} from './lines.ts'
import {Measurer, type MeasureOptions, type Span, type StyledUnit, type TextStyle} from './measure.ts'
import {shape, type Shaped} from './shape.ts'
import {speedUpSubset} from './subset.ts'

export type {MeasureOptions, Span, StyledUnit, TextStyle} from './measure.ts'

/** pdfkit's embedded font (internal API: `encode`, `ref`, `id`). */
interface EmbeddedFont {
  id: string
  subset: {includeGlyph(id: number): number}
  /** Advance per subset glyph, 1/1000 em (the PDF's W array). */
  widths: number[]
  /** Code points per subset glyph (the ToUnicode map). */
  unicode: number[][]
  ref(): unknown
}

type Doc = InstanceType<typeof PDFDocument> & {
  _font: EmbeddedFont
  page: {fonts: Record<string, unknown>; height: number; write(data: Uint8Array): unknown}
  addContent(data: string | Uint8Array): unknown
}

export interface Placed {
  units: readonly StyledUnit[]
  lines: Line[]
}

const num = (n: number): string => {
  const r = Math.round(n * 1000) / 1000
  return Object.is(r, -0) ? '0' : String(r)
}

/** A font embedded in this document, and its glyphs' places in the document's subset. */
interface Embedded {
  font: EmbeddedFont
  fontkit: FontkitFont
  /** Subset glyph id + 1 by font glyph id (0: not in the subset yet). */
  subsetIds: Int32Array
}

/** Glyph codes as pdfkit writes them (4 hex digits), by subset glyph id; shared, they never change. */
const hexCodes: string[] = []
const hexCode = (gid: number): string => (hexCodes[gid] ??= `0000${gid.toString(16)}`.slice(-4))

export class Painter {
  /** Fonts embedded in this document, by file. */
  private readonly embeds = new Map<string, Embedded>()
  private readonly missing = new Map<string, Set<string>>()
  /** Content that sets each fill colour used (pdfkit's `fillColor` writes the same). */
  private readonly fills = new Map<string, string>()
  // Scratch arrays for drawRun (a run never outlives the call).
  private readonly hex: string[] = []
  private readonly natural: number[] = []
  private readonly target: number[] = []
  private readonly deltas: number[] = []
  private readonly keys: number[] = []
  private readonly counts: number[] = []
  /** Slots whose font was drawn with (embedded) in this document. */
  private readonly drawn = new Set<Slot>()
  /** Text drawn on the current page and not yet written to it (see `flush`). */
  private pending = ''

  constructor(
    private readonly doc: Doc,
    private readonly files: Record<Slot, string>,
    /** Shared by the documents of a writer (see `Measurer`); one of its own by default. */
    private readonly measurer = new Measurer(files)
  ) {
    // Text objects are written to the page in one piece when anything else is about to be
    // written or the page to end: the same bytes in the same order as writing each line's.
    if (!doc) return
    for (const name of ['addContent', 'addPage', 'end'] as const) {
      const method = doc[name] as (...args: unknown[]) => unknown
      ;(doc as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        this.flush()
        return method.apply(doc, args)
      }
    }
  }

  /** Styles in use; units point into it. */
  get styles(): readonly TextStyle[] {
    return this.measurer.styles
  }

  /** Fontkit font of a slot (parsed once per process). */
  font(slot: Slot): FontkitFont {
    return loadFont(this.files[slot])
  }

  /** Natural width of text in a style (no grid). */
  width(text: string, style: TextStyle): number {
    const font = this.font(style.slot)
    return (shape(font, text).units * style.size) / font.unitsPerEm
  }

  /** Segment and measure spans into units for the line engine (shared: never change them). */
  units(spans: readonly Span[], options: MeasureOptions = {}): readonly StyledUnit[] {
    if (spans.length === 1) return this.measured(spans[0], options)
    const out: StyledUnit[] = []
    for (const span of spans) {
      const units = this.measured(span, options)
      for (let i = 0; i < units.length; i++) out.push(units[i])
    }
    return out
  }

  private measured(span: Span, options: MeasureOptions): readonly StyledUnit[] {
    const {units, missing} = this.measurer.span(span, options)
    if (missing) for (const {font, chars} of missing) this.noteMissing(font, chars)
    return units
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

  /**
   * The slot's font in this document, embedded through pdfkit the first time (its resource name,
   * subset, widths and ToUnicode map). Later runs use it directly: pdfkit's current font is only
   * read by its own text functions, which we do not use.
   */
  private embedded(slot: Slot): Embedded {
    const path = this.files[slot]
    let embedded = this.embeds.get(path)
    if (!embedded) {
      const name = `pp${this.embeds.size + 1}`
      const fontkit = loadFont(path)
      this.doc.registerFont(name, fontkit as never)
      this.doc.font(name)
      const font = this.doc._font
      speedUpSubset(fontkit, font.subset)
      this.embeds.set(path, (embedded = {font, fontkit, subsetIds: new Int32Array(fontkit.numGlyphs)}))
    }
    return embedded
  }

  private drawRun(units: readonly StyledUnit[], line: Line, from: number, to: number, left: number, baseline: number, hScale: number): void {
    const style = this.styles[units[line.start + from].style]
    const embedded = this.embedded(style.slot)
    const {font, subsetIds} = embedded
    this.drawn.add(style.slot)
    const advanceScale = (style.size / 1000) * (hScale / 100)
    const hex = this.hex
    const natural = this.natural
    const target = this.target
    let n = 0
    for (let k = from; k < to; k++) {
      const u = units[line.start + k]
      if (u.cls === 'space' || u.cls === 'break') continue
      const shaped = u.shaped ?? shape(embedded.fontkit, u.text)
      const drawnWidth = line.widths[k]
      // Where the unit's glyphs start: full-width units are centred in their cell; a squeezed
      // opening mark (ink on its right half) moves left by what was taken from it.
      let x = left + line.x[k]
      const squeezed = u.width - drawnWidth
      if (u.cls === 'open' && squeezed > 0) x -= squeezed
      else if (u.cls !== 'latin' && squeezed === 0) x += (u.width - u.natural) / 2
      const {ids, advances, xAdvances} = shaped
      for (let g = 0; g < ids.length; g++) {
        const gid = subsetIds[ids[g]] - 1
        hex[n] = hexCode(gid >= 0 ? gid : this.include(embedded, shaped, g))
        // The PDF advances by the glyph's own width; kerning (xAdvance) goes into the TJ adjustments.
        natural[n] = advances[g] * advanceScale
        target[n] = x
        x += xAdvances[g] * advanceScale
        n++
      }
    }
    if (n === 0) return
    // Tc: the most common correction between consecutive glyphs (the first one seen on a tie).
    const {deltas, keys, counts} = this
    let distinct = 0
    for (let i = 0; i < n - 1; i++) {
      const d = target[i + 1] - target[i] - natural[i]
      deltas[i] = d
      // Counted by thousandths: the same grouping and value as num(d), without making strings.
      // A run has a few distinct corrections, so a short list beats a map.
      const key = Math.round(d * 1000)
      let j = 0
      while (j < distinct && keys[j] !== key) j++
      if (j === distinct) {
        keys[distinct] = key
        counts[distinct++] = 0
      }
      counts[j]++
    }
    let tc = 0
    let best = 0
    for (let j = 0; j < distinct; j++) if (counts[j] > best) [tc, best] = [keys[j] / 1000, counts[j]]
    // All glyphs but the last in one TJ; the last one with Tc 0, so the run ends exactly where
    // the line does (viewers count the character spacing after a glyph into its width).
    let parts = ''
    let chunk = ''
    for (let i = 0; i < n - 1; i++) {
      chunk += hex[i]
      const adjust = ((tc - deltas[i]) * 1000) / style.size / (hScale / 100)
      if (Math.abs(adjust) > 0.01) {
        parts += (parts ? ' <' : '<') + chunk + '> ' + num(adjust)
        chunk = ''
      }
    }
    if (chunk) parts += (parts ? ' <' : '<') + chunk + '>'
    const doc = this.doc
    const page = doc.page
    if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref()
    // One write for what doc.fillColor(), doc.save(), doc.transform(1, 0, 0, -1, 0, height), the
    // text object and doc.restore() would write line by line (the same bytes; the graphics state
    // ends unchanged).
    let content = `${this.fill(style.color ?? '#000000')}q\n1 0 0 -1 0 ${Math.round(page.height * 1e6) / 1e6} cm\nBT\n1 0 0 1 ${num(target[0])} ${num(page.height - baseline)} Tm\n/${font.id} ${num(style.size)} Tf`
    if (hScale !== 100) content += `\n${num(hScale)} Tz`
    if (tc !== 0 && parts) content += `\n${num(tc / (hScale / 100))} Tc`
    if (parts) content += `\n[${parts}] TJ`
    if (tc !== 0 && parts) content += '\n0 Tc'
    content += `\n[<${hex[n - 1]}>] TJ\nET\nQ`
    this.pending += content + '\n'
  }

  /** Write the pending text to the page, as bytes (pdfkit would convert a string character by character). */
  private flush(): void {
    if (!this.pending) return
    this.doc.page.write(Buffer.from(this.pending, 'latin1'))
    this.pending = ''
  }

  /** The content lines pdfkit's `fillColor(color)` writes (colour space, then colour), made once per colour. */
  private fill(color: string): string {
    let content = this.fills.get(color)
    if (content === undefined) {
      const doc = this.doc as unknown as {_normalizeColor(color: string): number[] | null; _getColorSpace(color: number[]): string}
      const rgb = doc._normalizeColor(color)
      // pdfkit sets nothing for what it cannot read as a colour.
      content = rgb ? `/${doc._getColorSpace(rgb)} cs\n${rgb.join(' ')} scn\n` : ''
      this.fills.set(color, content)
    }
    return content
  }

  /**
   * Add glyph `g` of a shaped unit to the document's subset: what pdfkit's `EmbeddedFont.encode`
   * does (subset id, width, code points), without laying the text out again. Its subset id.
   */
  private include({font, subsetIds}: Embedded, shaped: Shaped, g: number): number {
    const gid = font.subset.includeGlyph(shaped.ids[g])
    subsetIds[shaped.ids[g]] = gid + 1
    if (font.widths[gid] == null) font.widths[gid] = shaped.advances[g]
    if (font.unicode[gid] == null) font.unicode[gid] = shaped.codePoints[g]
    return gid
  }

  private noteMissing(font: FontkitFont, chars: readonly string[]): void {
    let set = this.missing.get(font.postscriptName)
    if (!set) this.missing.set(font.postscriptName, (set = new Set()))
    for (const ch of chars) set.add(ch)
  }

  /** Embedded fonts of this document: PostScript name and the slots that use it. */
  embeddedFonts(): string[] {
    const names = {body: '正文', title: '标题', heading1: '黑体标题', heading2: '楷体标题', serif: '宋体', serifBold: '宋体粗', sans: '黑体', sansBold: '黑体粗'}
    const bySlot = new Map<string, string[]>()
    for (const slot of this.drawn) {
      const font = this.font(slot).postscriptName
      const slots = bySlot.get(font) ?? []
      const label = names[slot] ?? slot
      if (!slots.includes(label)) slots.push(label)
      bySlot.set(font, slots)
    }
    return [...bySlot].map(([font, slots]) => `${font}（${slots.join('、')}）`)
  }

  /** Warnings (Chinese) for characters the fonts lack. */
  warnings(): string[] {
    return [...this.missing].map(([font, chars]) => {
      const list = [...chars].map((c) => `“${c}”（U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}）`)
      return `字体 ${font} 缺少 ${chars.size} 个字符，PDF 中显示为空框：${list.join('、')}`
    })
  }
}
