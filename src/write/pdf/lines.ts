/**
 * The Chinese line engine: pure functions over measured widths, no PDF involved.
 *
 * `segment` cuts text into units (one Han character, one punctuation mark, one Latin word or
 * number, one space); the caller measures each unit and calls `breakLines`, which applies the
 * W3C clreq rules:
 * - a break may fall between any two Han characters;
 * - never inside a Latin word or a number with its unit (`2024年`, `10%`, `0.5万元` stay whole);
 * - no line starts with closing punctuation and none ends with opening punctuation: the
 *   previous character is pulled down (push-out), or, when `squeeze` is on, punctuation in the
 *   line is compressed to half width so the mark fits (push-in) — never past the margin;
 * - every full line is justified by distributing the slack between units; the last line (and a
 *   line ended by a hard break) is flush left; the first line can be indented.
 */

/** What a unit is, for breaking and squeezing. */
export type UnitClass =
  /** Han character or any full-width letter: breakable on both sides. */
  | 'han'
  /** Opening punctuation （《「『“‘〔【: never at a line end. */
  | 'open'
  /** Closing punctuation ，。、；：？！）》」』”’ and the like: never at a line start. */
  | 'close'
  /** Dash or ellipsis pair (——, ……): kept whole. */
  | 'dash'
  /** Latin word or number (digits with . , % inside). */
  | 'latin'
  /** A space: a break opportunity; dropped at line ends. */
  | 'space'
  /** A hard line break (from a Markdown break). */
  | 'break'

export interface Segment {
  text: string
  cls: UnitClass
  /** No break after this unit: it is inside an unbreakable span or a word. */
  glue?: boolean
}

/** A measured unit, as the caller hands it to `breakLines`. */
export interface Unit extends Segment {
  /** Advance in points (on the grid: the cell width). */
  width: number
  /** How much the unit may be compressed (points), for punctuation squeezing; default 0. */
  shrink?: number
  /** Caller's style index (font, size, colour); the engine only carries it. */
  style?: number
}

/** Closing punctuation and marks that must not start a line (clreq "line start prohibition"). */
export const closing = new Set([...'，。、；：？！）》」』”’〕】〗〉｝］,.;:?!)]}％‰℃・·～〙〛々〻ー'])
/** Opening punctuation that must not end a line. */
export const opening = new Set([...'（《「『“‘〔【〖〈｛［([{〘〚'])
/** Han characters that act as units after a number (2024年, 0.5万元, 190个). */
export const numberUnits = new Set([
  ...'年月日时分秒周天号万亿千百十元角个项家人次件台套户名岁米亩吨度倍条所座栋层辆批期余多家类批篇份张部届场轮起宗笔平方里公斤克升页块档位'
])

const isHan = (ch: string): boolean => /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u3400-\u4dbf]/u.test(ch)
const isLatinChar = (ch: string): boolean => /[\p{L}\p{N}]/u.test(ch) && !isHan(ch)

const unitClasses: readonly UnitClass[] = ['han', 'open', 'close', 'dash', 'latin', 'space', 'break']
/** Class of each BMP character classified so far: 1 + its index in `unitClasses`, 0 when not yet. */
const bmpClasses = new Uint8Array(0x10000)
/** Classes of characters outside the BMP. */
const classes = new Map<string, UnitClass>()

/** Class of a single character. */
export function classify(ch: string): UnitClass {
  // A table by code unit: no string hashing for the characters of every text measured.
  if (ch.length === 1) {
    const code = ch.charCodeAt(0)
    let k = bmpClasses[code]
    if (k === 0) bmpClasses[code] = k = unitClasses.indexOf(classifyUncached(ch)) + 1
    return unitClasses[k - 1]
  }
  let cls = classes.get(ch)
  if (cls === undefined) {
    cls = classifyUncached(ch)
    if (classes.size < 100_000) classes.set(ch, cls)
  }
  return cls
}

function classifyUncached(ch: string): UnitClass {
  if (ch === '\n') return 'break'
  if (/\s/u.test(ch)) return 'space'
  if (opening.has(ch)) return 'open'
  if (closing.has(ch)) return 'close'
  if (ch === '—' || ch === '…' || ch === '⋯') return 'dash'
  if (isLatinChar(ch) || ch === '%' || ch === '&' || ch === '@' || ch === '#' || ch === '/' || ch === '+' || ch === '-' || ch === '_' || ch === '*' || ch === '\\' || ch === '|' || ch === '<' || ch === '>' || ch === '=' || ch === '$' || ch === "'") return 'latin'
  return 'han'
}

/**
 * Cut text into units. Latin letters and digits join into one word; `.` `,` between digits and a
 * trailing `%` stay inside the number; `——` and `……` stay whole; spaces collapse to one.
 */
export function segment(text: string): Segment[] {
  const chars = [...text]
  const out: Segment[] = []
  let i = 0
  while (i < chars.length) {
    const ch = chars[i]
    const cls = classify(ch)
    if (cls === 'latin') {
      let j = i + 1
      while (j < chars.length) {
        const c = chars[j]
        if (classify(c) === 'latin') j++
        else if ((c === '.' || c === ',' || c === ':') && /\d/.test(chars[j - 1]) && /\d/.test(chars[j + 1] ?? '')) j++
        else if (c === '.' && /[A-Za-z]/.test(chars[j - 1]) && /[A-Za-z]/.test(chars[j + 1] ?? '')) j++
        else {
          // ASCII punctuation belongs to the word or number before it (`10.支持`, `chars.`): one
          // unit, so justification never opens a gap between them.
          if (/[.,:;!?]/.test(c)) j++
          break
        }
      }
      out.push({text: chars.slice(i, j).join(''), cls})
      i = j
    } else if (cls === 'dash') {
      let j = i + 1
      while (j < chars.length && chars[j] === ch && j - i < 2) j++
      out.push({text: chars.slice(i, j).join(''), cls})
      i = j
    } else if (cls === 'space') {
      let j = i + 1
      while (j < chars.length && classify(chars[j]) === 'space') j++
      out.push({text: ' ', cls})
      i = j
    } else {
      out.push({text: ch, cls})
      i++
    }
  }
  return out
}

const isNumber = (s: Segment): boolean => s.cls === 'latin' && /\d[%]?$/.test(s.text)

/**
 * `result[i]` is true when a line may break between `units[i]` and `units[i + 1]`.
 * The last entry is always true.
 */
export function breakOpportunities(units: readonly Segment[]): boolean[] {
  const out: boolean[] = new Array(units.length).fill(true)
  // `glued[i]`: unit i is a number unit attached to a preceding number (万 in 0.5万元).
  let glued = false
  for (let i = 0; i < units.length - 1; i++) {
    const a = units[i]
    const b = units[i + 1]
    let ok = true
    if (a.glue) ok = false
    else if (a.cls === 'open') ok = false
    else if (b.cls === 'close') ok = false
    else if (b.cls === 'space' || b.cls === 'break') ok = false
    else if (a.cls === 'latin' && b.cls === 'latin') ok = false
    else if ((isNumber(a) || glued) && b.cls === 'han' && numberUnits.has(b.text)) ok = false
    else if (a.cls === 'han' && a.text === '第' && isNumber(b)) ok = false
    else if (a.cls === 'dash' && b.cls === 'dash') ok = false
    glued = !ok && (isNumber(a) || glued) && b.cls === 'han' && numberUnits.has(b.text)
    out[i] = ok
  }
  return out
}

/**
 * Text cut into units that break only between words: a `keep` piece (an unbreakable span of the
 * document model) is glued whole, other text is cut into words by `words` and each word glued.
 */
export function wordSegments(pieces: ReadonlyArray<{text: string; keep?: boolean}>, words: (text: string) => string[]): Segment[] {
  const out: Segment[] = []
  const glued = (text: string) => {
    const segs = segment(text)
    for (let i = 0; i < segs.length - 1; i++) if (segs[i].cls !== 'space') segs[i].glue = true
    out.push(...segs)
  }
  for (const piece of pieces) {
    if (piece.keep) glued(piece.text)
    else for (const word of words(piece.text)) glued(word)
  }
  return out
}

export interface BreakOptions {
  /** Width of the text block in points. */
  width: number
  /** Indent of the first line (two characters for body paragraphs). Default 0. */
  indent?: number
  /** Indent of the following lines (hanging indent for lists and 附件说明). Default 0. */
  restIndent?: number
  /** Justify full lines. Default true. */
  justify?: boolean
  /**
   * Most extra space (points) justification may put between two units; a line that would need
   * more (a few characters in a narrow table cell) is set flush left instead of spaced out.
   * Default: no limit.
   */
  maxSpacing?: number
  /** Allow push-in by compressing punctuation (`Unit.shrink`). Default false (push-out only). */
  squeeze?: boolean
  /**
   * Where lines end (unit indices, exclusive), chosen by the caller (a title's shape); lines are
   * then set as given, flush, without justification.
   */
  ends?: readonly number[]
}

export interface Line {
  /** Index of the first unit in the line. */
  start: number
  /** Index after the last unit drawn (trailing spaces excluded). */
  end: number
  /** Left offset of each drawn unit from the left edge of the block (indent included). */
  x: number[]
  /** Width each drawn unit occupies after squeezing (before justification spacing). */
  widths: number[]
  /** Extra space added after each unit but the last (justification). */
  spacing: number
  /** Right edge of the line's content, from the left edge of the block. */
  right: number
  /** True when the line was stretched to the full width. */
  justified: boolean
  /** True when the line had to be broken where no opportunity exists (a unit wider than the line). */
  forced: boolean
}

/** Break measured units into lines. Pure: same input, same output. */
export function breakLines(units: readonly Unit[], options: BreakOptions): Line[] {
  const {width, indent = 0, restIndent = 0, justify = true, squeeze = false, maxSpacing = Number.POSITIVE_INFINITY} = options
  const can = breakOpportunities(units)
  const lines: Line[] = []
  let pos = 0
  let prevHard = true
  const eps = 1e-6
  while (pos < units.length) {
    // Lines never start with a space; a hard break right after a full line is consumed.
    while (pos < units.length && units[pos].cls === 'space') pos++
    if (!prevHard && pos < units.length && units[pos].cls === 'break') {
      pos++
      prevHard = true
      continue
    }
    if (pos >= units.length) break
    const lineIndent = lines.length === 0 ? indent : restIndent
    const avail = width - lineIndent
    let acc = 0
    let lastBreak = -1
    let j = pos
    let hardBreak = false
    for (; j < units.length; j++) {
      const u = units[j]
      if (u.cls === 'break') {
        hardBreak = true
        break
      }
      if (u.cls !== 'space' && acc + u.width > avail + eps) break
      acc += u.width
      if (can[j]) lastBreak = j
    }
    let end: number
    let last: boolean
    let forced = false
    // Compression of squeezed punctuation by unit index (push-in only).
    let shrinkBy: Map<number, number> | undefined
    const given = options.ends?.find((e) => e > pos)
    if (given !== undefined) {
      end = given
      last = true
      hardBreak = false
    } else if (hardBreak || j >= units.length) {
      end = j
      last = true
    } else {
      let pushedIn = false
      if (squeeze) {
        // Push-in: take the group up to the next opportunity if compressing punctuation makes room.
        let k = j
        while (k < units.length - 1 && !can[k]) k++
        const candidateEnd = k + 1
        let natural = 0
        let shrinkable = 0
        for (let m = pos; m < candidateEnd; m++) {
          natural += units[m].cls === 'space' && m === candidateEnd - 1 ? 0 : units[m].width
          shrinkable += units[m].shrink ?? 0
        }
        const over = natural - avail
        if (candidateEnd - j <= 2 && over > eps && shrinkable >= over - eps && units[candidateEnd - 1].cls !== 'break') {
          const factor = over / shrinkable
          shrinkBy = new Map()
          for (let m = pos; m < candidateEnd; m++) if (units[m].shrink) shrinkBy.set(m, units[m].shrink! * factor)
          end = candidateEnd
          pushedIn = true
        } else end = -1
      } else end = -1
      if (!pushedIn) {
        if (lastBreak >= pos) end = lastBreak + 1
        else {
          // No opportunity inside the line: break at the last unit that fits (at least one).
          end = Math.max(pos + 1, j)
          forced = true
        }
      }
      last = false
      // A line ending exactly at the end of the text is the last line.
      if (end >= units.length) last = true
    }
    // Drop trailing spaces from what is drawn.
    let drawEnd = end
    while (drawEnd > pos && units[drawEnd - 1].cls === 'space') drawEnd--
    const widths: number[] = []
    let natural = 0
    for (let m = pos; m < drawEnd; m++) {
      const w = units[m].width - (shrinkBy?.get(m) ?? 0)
      widths.push(w)
      natural += w
    }
    const gaps = drawEnd - pos - 1
    const slack = avail - natural
    const stretch = justify && !last && !forced && gaps > 0 && slack > eps && slack / gaps <= maxSpacing
    const spacing = stretch ? slack / gaps : 0
    const x: number[] = []
    let cursor = lineIndent
    for (let m = 0; m < widths.length; m++) {
      x.push(cursor)
      cursor += widths[m] + (m < widths.length - 1 ? spacing : 0)
    }
    lines.push({start: pos, end: drawEnd, x, widths, spacing, right: cursor, justified: stretch, forced})
    pos = end
    prevHard = hardBreak
    if (hardBreak && pos < units.length && units[pos].cls === 'break') pos++
  }
  return lines
}

/** The drawn text of a line (for tests and extraction checks). */
export function lineText(units: readonly Segment[], line: Line): string {
  return units
    .slice(line.start, line.end)
    .map((u) => u.text)
    .join('')
}
