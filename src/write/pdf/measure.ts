/**
 * Measuring text for the line engine: styled spans cut into units (`segment`, or words) and each
 * unit's width from its shaped glyphs.
 *
 * One `Measurer` serves every document of a writer (a build): the same clause texts recur across
 * the documents (the notice, the task lists, the interpretation), so each span is cut and
 * measured once and its units are shared. Units are never changed once made. Style indexes are
 * the measurer's, so shared units mean the same style in every document.
 */
import {words} from '../../doc/words.ts'
import {loadFont, type FontkitFont, type Slot} from './fonts.ts'
import {segment, wordSegments, type Unit} from './lines.ts'
import {shape, type Shaped} from './shape.ts'

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
  /** An unbreakable span (unit name, date, quantity, document number): no break inside. */
  keep?: boolean
  /** Break only between words (table cells, titles); default: between any two Han characters. */
  words?: boolean
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
  /** The unit's glyphs in its font (absent for breaks). */
  shaped?: Shaped
}

/** A span's units, and the characters its font lacks (for the document's warnings). */
export interface MeasuredSpan {
  units: readonly StyledUnit[]
  missing?: Array<{font: FontkitFont; chars: readonly string[]}>
}

/**
 * Most units held for reuse; past it the cache starts over, so a very large build holds a few
 * documents' worth at most (the sample's 29 documents have about 41,000 distinct units).
 */
const limit = 200_000

export class Measurer {
  /** Styles used so far; units point into it. */
  readonly styles: TextStyle[] = []
  private readonly styleKeys = new Map<string, number>()
  /** Measured spans by style, span kind and options, then by text. */
  private readonly spans = new Map<string, Map<string, MeasuredSpan>>()
  private held = 0

  constructor(private readonly files: Record<Slot, string>) {}

  /** Fontkit font of a slot (parsed once per process). */
  font(slot: Slot): FontkitFont {
    return loadFont(this.files[slot])
  }

  styleIndex(style: TextStyle): number {
    const key = `${style.slot}|${style.size}|${style.color ?? ''}`
    let index = this.styleKeys.get(key)
    if (index === undefined) {
      index = this.styles.length
      // A copy with every field, so drawing reads one object shape whatever style objects came in.
      this.styles.push({slot: style.slot, size: style.size, color: style.color})
      this.styleKeys.set(key, index)
    }
    return index
  }

  /** A span cut into units and measured (the same object for the same span and options). */
  span(span: Span, options: MeasureOptions): MeasuredSpan {
    const style = this.styleIndex(span.style)
    const byWords = Boolean(span.keep || span.words)
    const key = `${style}|${byWords ? (span.keep ? 'k' : 'w') : ''}|${options.cell ?? ''}|${options.cellSize ?? ''}|${options.squeeze ? 's' : ''}`
    let texts = this.spans.get(key)
    if (!texts) this.spans.set(key, (texts = new Map()))
    let measured = texts.get(span.text)
    if (!measured) {
      measured = this.measure(span, style, options)
      if (this.held + measured.units.length > limit) {
        this.spans.clear()
        this.held = 0
        this.spans.set(key, (texts = new Map()))
      }
      texts.set(span.text, measured)
      this.held += measured.units.length
    }
    return measured
  }

  private measure(span: Span, style: number, options: MeasureOptions): MeasuredSpan {
    const {slot, size} = this.styles[style]!
    const font = this.font(slot)
    const upem = font.unitsPerEm
    const segments = span.keep || span.words ? wordSegments([span], words) : segment(span.text)
    const units: StyledUnit[] = []
    let missing: Set<string> | undefined
    for (const seg of segments) {
      const cls = seg.cls
      if (cls === 'break') {
        // Every unit has the same fields, so the code reading them sees one object shape.
        units.push({text: seg.text, cls, width: 0, natural: 0, shrink: 0, style, shaped: undefined, glue: seg.glue})
        continue
      }
      const shaped = shape(font, seg.text)
      if (shaped.missing.length > 0) for (const ch of shaped.missing) (missing ??= new Set()).add(ch)
      const natural = (shaped.units * size) / upem
      const ems = natural / size
      const whole = Math.round(ems)
      let width = natural
      const fullWidth = cls !== 'latin' && cls !== 'space' && whole >= 1 && Math.abs(ems - whole) < 0.12 * whole
      if (options.cell && fullWidth) width = (whole * options.cell * size) / (options.cellSize ?? size)
      const shrink = options.squeeze && (cls === 'open' || cls === 'close') && fullWidth ? width / 2 : 0
      units.push({text: seg.text, cls, width, natural, shrink, style, shaped, glue: seg.glue})
    }
    return missing ? {units, missing: [{font, chars: [...missing]}]} : {units}
  }
}
