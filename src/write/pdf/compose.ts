/**
 * Page composition shared by both looks: a cursor down the text block, page breaks, page
 * numbers, and the block handlers (`heading`, `paragraph`, `list`, `table`, `callout`),
 * dispatched by block type. The look (official grid or leaflet) is data (`Look`).
 */
import type PDFDocument from 'pdfkit'
import type {Block, Inline} from '../../doc/types.ts'
import {titleBreaks} from '../../layout/title.ts'
import {breakLines, breakOpportunities, type Line} from './lines.ts'
import {Painter, type Placed, type Span, type StyledUnit, type TextStyle} from './painter.ts'
import {drawTable, type TableLook} from './table.ts'

/** Ideographic em box: the baseline sits 0.88 em below the top of the em box. */
export const emAscent = 0.88

export interface HeadingLook {
  style: TextStyle
  pitch: number
  align: 'left' | 'center'
  /** First-line indent in points. */
  indent: number
  /** Space before and after, in points (official: whole lines). */
  before: number
  after: number
  /** Accent bar drawn left of the heading (leaflet). */
  bar?: string
}

export interface Look {
  page: {width: number; height: number}
  /** Text block edges in points from the page's top-left corner. */
  block: {left: number; top: number; width: number; height: number}
  /** Grid cell width (official: 156 mm / 28); full-width characters take whole cells. */
  cell?: number
  body: {style: TextStyle; pitch: number; indent: number; after: number}
  headings: Record<1 | 2 | 3 | 4, HeadingLook>
  /** Style for `**strong**` text given the surrounding style. */
  strong: (style: TextStyle) => TextStyle
  link: (style: TextStyle) => TextStyle
  list: {bullet?: string; bulletStyle?: TextStyle; indent: number}
  callout?: {fill: string; bar: string; pad: number; style: TextStyle; strong: TextStyle; pitch: number; after: number}
  table: TableLook
  pageNumber: {style: TextStyle; offset: number; place: 'outside' | 'center'; inset: number}
  /** Allow punctuation squeezing (push-in). */
  squeeze: boolean
}

export interface TextOptions {
  left?: number
  width?: number
  indent?: number
  restIndent?: number
  justify?: boolean
  /** See `BreakOptions.maxSpacing`. */
  maxSpacing?: number
  align?: 'left' | 'center' | 'right'
  pitch: number
  /** Put full-width characters on the grid (when the look has one). Default true. */
  grid?: boolean
  /** Line ends chosen by the caller (see `BreakOptions.ends`). */
  ends?: readonly number[]
}

/** Laid-out text, ready to draw. */
export interface Prepared extends Placed {
  options: TextOptions
}

export interface PageOptions {
  /**
   * A landscape page (GB/T 9704 §8 横排表格): the sheet stays portrait, the content is turned a
   * quarter turn so its top faces the sheet's left edge (the binding edge of an odd page, the cut
   * edge of an even one), the page number stays where it is on every other page, and the page is
   * shown turned upright (/Rotate 90).
   */
  landscape?: boolean
  /** Draw the page number. Default true (a blank page before the 版记 and the 版记 page have none). */
  numbered?: boolean
}

export class Composer {
  readonly painter: Painter
  pageNumber = 0
  /** Cursor: top of the next line box, points from the page top. */
  y = 0
  /** The look of the current page (the landscape variant on landscape pages). */
  look: Look
  /** The current page is landscape (its content is drawn inside a transform, closed at the next page). */
  landscape = false

  constructor(
    readonly doc: InstanceType<typeof PDFDocument>,
    painter: Painter,
    readonly portrait: Look,
    /** The look of landscape pages (page and text block turned); default: no landscape pages. */
    readonly landscapeLook?: Look
  ) {
    this.painter = painter
    this.look = portrait
  }

  get bottom(): number {
    return this.look.block.top + this.look.block.height
  }

  newPage(options: PageOptions = {}): void {
    this.endPage()
    const page = this.portrait.page
    this.doc.addPage({size: [page.width, page.height], margin: 0})
    this.pageNumber++
    this.look = this.portrait
    if (options.numbered !== false) this.drawPageNumber()
    if (options.landscape && this.landscapeLook) {
      this.look = this.landscapeLook
      this.landscape = true
      // Landscape top-down coordinates (u, v) → the sheet's (v, page height − u).
      this.doc.addContent(`q\n0 -1 1 0 0 ${Math.round(page.height * 1000) / 1000} cm`)
      ;(this.doc.page as unknown as {dictionary: {data: Record<string, unknown>}}).dictionary.data.Rotate = 90
    }
    this.y = this.look.block.top
  }

  /** Close the landscape transform of the current page (before the next page and at the end). */
  endPage(): void {
    if (!this.landscape) return
    this.doc.addContent('Q')
    this.landscape = false
  }

  /** Move the cursor to the next grid line (official) so text stays on the 22-line grid. */
  snap(): void {
    if (!this.look.cell) return
    const pitch = this.look.body.pitch
    const k = Math.ceil((this.y - this.look.block.top) / pitch - 1e-6)
    this.y = this.look.block.top + k * pitch
  }

  /** Start a new page (of the same orientation) unless `height` points fit below the cursor. */
  ensure(height: number): void {
    if (this.y + height > this.bottom + 0.01) this.newPage({landscape: this.landscape})
  }

  /** Spans of inline nodes; `words`: break only between words and never in a `keep` span (cells, titles). */
  spans(nodes: readonly Inline[], style: TextStyle, words = false): Span[] {
    const out: Span[] = []
    for (const node of nodes) {
      if (node.type === 'text') out.push(words ? {text: node.value, style, keep: node.keep, words} : {text: node.value, style})
      else if (node.type === 'break') out.push({text: '\n', style})
      else if (node.type === 'strong') out.push(...this.spans(node.children, this.look.strong(style), words))
      else if (node.type === 'emphasis') out.push(...this.spans(node.children, style, words))
      else out.push(...this.spans(node.children, this.look.link(style), words))
    }
    return out
  }

  prepare(spans: readonly Span[], options: TextOptions): Prepared {
    return this.prepareUnits(this.units(spans, options), options)
  }

  /** Measured units of spans as `prepare` would make them (they do not depend on the width). */
  units(spans: readonly Span[], options: Pick<TextOptions, 'grid'> = {}): readonly StyledUnit[] {
    return this.painter.units(spans, {
      squeeze: this.look.squeeze,
      cell: options.grid === false ? undefined : this.look.cell,
      cellSize: this.look.body.style.size
    })
  }

  /** `prepare` for units already measured by `units` with the same `grid` option. */
  prepareUnits(units: readonly StyledUnit[], options: TextOptions): Prepared {
    const width = options.width ?? this.look.block.width
    const lines = breakLines(units, {
      width,
      indent: options.indent ?? 0,
      restIndent: options.restIndent ?? 0,
      justify: options.justify ?? options.align === undefined,
      maxSpacing: options.maxSpacing,
      squeeze: this.look.squeeze,
      ends: options.ends
    })
    return {units, lines, options}
  }

  /** Baseline of a line box starting at `top` for type of `size`: the em box centred in the box. */
  baseline(top: number, pitch: number, size: number): number {
    return top + (pitch - size) / 2 + emAscent * size
  }

  drawPreparedLine(p: Prepared, line: Line, top: number): void {
    const left = p.options.left ?? this.look.block.left
    const width = p.options.width ?? this.look.block.width
    let x = left
    if (p.options.align === 'center') x += (width - line.right) / 2
    else if (p.options.align === 'right') x += width - line.right
    this.painter.drawLine(p, line, x, this.baseline(top, p.options.pitch, this.painter.lineSize(p, line)))
  }

  /**
   * Draw prepared text at the cursor, breaking pages between lines. With `keepLines` (body text),
   * widow and orphan control: a page never ends with the first line of a paragraph nor starts
   * with its last one.
   */
  draw(p: Prepared, keepLines = false): void {
    const pitch = p.options.pitch
    const count = p.lines.length
    const room = () => Math.floor((this.bottom + 0.01 - this.y) / pitch)
    p.lines.forEach((line, k) => {
      if (keepLines && count >= 2 && this.y + pitch <= this.bottom + 0.01) {
        const fits = room()
        // Orphan: the first line alone at the foot of a page.
        if (k === 0 && fits === 1) this.newPage({landscape: this.landscape})
        // Widow: only the last line would go over; take one more line along.
        else if (k === count - 2 && fits === 1 && count >= 3) this.newPage({landscape: this.landscape})
      }
      this.ensure(pitch)
      this.drawPreparedLine(p, line, this.y)
      this.y += pitch
    })
  }

  text(spans: readonly Span[], options: TextOptions): void {
    this.draw(this.prepare(spans, options))
  }

  /** Title lines broken between words into a 梯形 or 菱形 (`titleBreaks`). Spans should be made with `words`. */
  balanced(spans: readonly Span[], options: TextOptions): Prepared {
    const units = this.units(spans, options)
    const width = (options.width ?? this.look.block.width) - (options.indent ?? 0)
    const ends = titleBreaks(
      units.map((u) => u.width),
      breakOpportunities(units),
      width
    )
    return this.prepareUnits(units, {...options, ends})
  }

  blocks(blocks: readonly Block[]): void {
    blocks.forEach((block, i) => this.block(block, blocks[i + 1]))
  }

  /** The block after the one being drawn (a heading keeps with it). */
  next: Block | undefined

  block(block: Block, next?: Block): void {
    this.next = next
    handlers[block.type](this, block as never)
  }

  /**
   * Height a heading keeps with it on its page: two lines of body text, a table's header and a
   * first row of three lines, or a whole box.
   */
  keepWithNext(): number {
    const t = this.look.table
    if (this.next?.type === 'table') return 4 * t.pitch + 4 * t.padY
    if (this.next?.type === 'callout' && this.look.callout) {
      const {height} = calloutParts(this, this.next)
      if (height <= this.look.block.height) return height
    }
    return 2 * this.look.body.pitch
  }

  drawPageNumber(): void {
    const {style, offset, place, inset} = this.look.pageNumber
    const text = `— ${this.pageNumber} —`
    const p = this.prepare([{text, style}], {pitch: style.size, align: 'left', width: 1e6, grid: false})
    const line = p.lines[0]
    if (!line) return
    const w = line.right
    const {left, width} = this.look.block
    let x: number
    if (place === 'center') x = left + (width - w) / 2
    else if (this.pageNumber % 2 === 1) x = left + width - inset - w
    else x = left + inset
    this.painter.drawLine(p, line, x, this.bottom + offset + emAscent * style.size)
  }
}

type Handler<T extends Block['type']> = (c: Composer, block: Extract<Block, {type: T}>) => void

const handlers: {[T in Block['type']]: Handler<T>} = {
  heading(c, node) {
    const h = c.look.headings[node.level]
    c.y += h.before
    const centred = h.align === 'center'
    const spans = c.spans(node.children, h.style, centred)
    const p = centred ? c.balanced(spans, {pitch: h.pitch, align: 'center'}) : c.prepare(spans, {pitch: h.pitch, indent: h.indent})
    // Keep the heading with what follows it (a heading never ends a page).
    c.ensure(p.lines.length * h.pitch + c.keepWithNext())
    if (h.bar) {
      const size = h.style.size
      c.doc.save().rect(c.look.block.left - 8, c.y + (h.pitch - size) / 2, 3, size).fill(h.bar).restore()
    }
    c.draw(p)
    c.y += h.after
  },
  paragraph(c, node) {
    const b = c.look.body
    c.draw(c.prepare(c.spans(node.children, b.style), {pitch: b.pitch, indent: b.indent}), true)
    c.y += b.after
  },
  list(c, node) {
    const b = c.look.body
    const {bullet, bulletStyle, indent} = c.look.list
    node.items.forEach((item, i) => {
      const marker = node.ordered ? `${node.start + i}.` : bullet
      if (!marker) {
        c.text(c.spans(item, b.style), {pitch: b.pitch, indent: b.indent})
      } else {
        const markerStyle = node.ordered ? b.style : bulletStyle ?? b.style
        const hang = indent + Math.max(c.painter.width(marker, markerStyle) + b.style.size * 0.5, b.style.size * 1.5)
        const spans = c.spans(item, b.style)
        const p = c.prepare(spans, {pitch: b.pitch, left: c.look.block.left + hang, width: c.look.block.width - hang})
        const mp = c.prepare([{text: marker, style: markerStyle}], {pitch: b.pitch, align: 'left', left: c.look.block.left + indent, width: hang})
        c.ensure(b.pitch)
        if (mp.lines[0]) c.drawPreparedLine(mp, mp.lines[0], c.y)
        c.draw(p)
      }
      c.y += b.after / 2
    })
    c.y += b.after / 2
  },
  table(c, node) {
    drawTable(c, node)
  },
  callout(c, node) {
    const look = c.look.callout
    if (!look) {
      c.blocks(node.children)
      return
    }
    const {parts, height} = calloutParts(c, node)
    if (height <= c.look.block.height) c.ensure(height)
    const top = c.y
    if (c.y + height <= c.bottom + 0.01) {
      c.doc.save().rect(c.look.block.left, top, c.look.block.width, height).fill(look.fill).restore()
      c.doc.save().rect(c.look.block.left, top, 4, height).fill(look.bar).restore()
    }
    c.y += look.pad
    for (const p of parts) c.draw(p)
    c.y += look.pad + look.after
    // Non-callout children (tables) after the box.
    for (const child of node.children) if (child.type === 'table' || child.type === 'callout') c.block(child)
  }
}

/** A callout's text, laid out, and the height of its box. */
function calloutParts(c: Composer, node: Extract<Block, {type: 'callout'}>): {parts: Prepared[]; height: number} {
  const look = c.look.callout!
  const inner = c.look.block.width - 2 * look.pad - 4
  const left = c.look.block.left + look.pad + 4
  const parts: Prepared[] = []
  for (const child of node.children) {
    if (child.type === 'paragraph' || child.type === 'heading') {
      parts.push(c.prepare(calloutSpans(c, child.children, look.style, look.strong), {pitch: look.pitch, left, width: inner}))
    } else if (child.type === 'list') {
      for (const item of child.items) {
        parts.push(
          c.prepare([{text: '• ', style: look.strong}, ...calloutSpans(c, item, look.style, look.strong)], {
            pitch: look.pitch,
            left,
            width: inner,
            restIndent: c.painter.width('• ', look.strong)
          })
        )
      }
    }
  }
  return {parts, height: parts.reduce((h, p) => h + p.lines.length * p.options.pitch, 0) + 2 * look.pad}
}

/** In a callout, strong text is a key figure: bigger and in the accent colour. */
function calloutSpans(c: Composer, nodes: readonly Inline[], style: TextStyle, strong: TextStyle): Span[] {
  const out: Span[] = []
  for (const node of nodes) {
    if (node.type === 'text') out.push({text: node.value, style})
    else if (node.type === 'break') out.push({text: '\n', style})
    else if (node.type === 'strong') out.push(...calloutSpans(c, node.children, strong, strong))
    else out.push(...calloutSpans(c, node.children, style, strong))
  }
  return out
}

