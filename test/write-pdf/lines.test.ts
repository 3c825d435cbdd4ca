import {describe, expect, it} from 'vitest'
import {breakLines, breakOpportunities, closing, lineText, opening, segment, type Unit} from '../../src/write/pdf/lines.ts'

/** Measure like the official grid: full-width characters 1 cell (10), Latin characters 0.55 cell each. */
function units(text: string, squeeze = false): Unit[] {
  return segment(text).map((s) => {
    const full = s.cls !== 'latin' && s.cls !== 'space'
    const width = s.cls === 'space' ? 2.5 : full ? 10 * [...s.text].length : 5.5 * [...s.text].length
    return {...s, width, shrink: squeeze && (s.cls === 'open' || s.cls === 'close') ? 5 : 0}
  })
}
const texts = (text: string, width: number, extra: {indent?: number; squeeze?: boolean} = {}) => {
  const u = units(text, extra.squeeze)
  const lines = breakLines(u, {width, indent: extra.indent, squeeze: extra.squeeze})
  return {u, lines, text: lines.map((l) => lineText(u, l))}
}

describe('segment', () => {
  it('keeps ASCII punctuation with the word or number before it, so no gap opens between them', () => {
    expect(segment('10.支持').map((s) => s.text)).toEqual(['10.', '支', '持'])
    expect(segment('chars, 数字3.5万元').map((s) => s.text)).toEqual(['chars,', ' ', '数', '字', '3.5', '万', '元'])
  })

  it('keeps Latin words and numbers (with decimals and %) whole, Han characters single', () => {
    expect(segment('给予0.5万元，增长10%，Special chars').map((s) => s.text)).toEqual(['给', '予', '0.5', '万', '元', '，', '增', '长', '10%', '，', 'Special', ' ', 'chars'])
  })
  it('keeps —— and …… as one unit', () => {
    expect(segment('甲——乙……').map((s) => s.text)).toEqual(['甲', '——', '乙', '……'])
  })
})

describe('break opportunities', () => {
  const allowed = (text: string) => {
    const s = segment(text)
    const can = breakOpportunities(s)
    return s.slice(0, -1).map((u, i) => `${u.text}${can[i] ? '|' : '·'}`).join('') + s[s.length - 1].text
  }
  it('allows a break between any two Han characters', () => {
    expect(allowed('推动经济')).toBe('推|动|经|济')
  })
  it('never breaks a number from its unit: 2024年, 0.5万元, 190个', () => {
    expect(allowed('于2024年底')).toBe('于|2024·年|底')
    expect(allowed('给予0.5万元奖励')).toBe('给|予|0.5·万·元|奖|励')
    expect(allowed('安排190个左右')).toBe('安|排|190·个|左|右')
  })
  it('never breaks before closing nor after opening punctuation', () => {
    expect(allowed('落实《办法》，推进')).toBe('落|实|《·办|法·》·，|推|进')
    for (const ch of closing) {
      const s = segment(`甲${ch}乙`)
      expect(breakOpportunities(s)[s.length - 2 - 1 + 1 - 1]).toBe(false)
    }
    for (const ch of opening) expect(breakOpportunities(segment(`甲${ch}乙`))[1]).toBe(false)
  })
})

describe('breakLines', () => {
  it('fills lines to the width, breaking between Han characters', () => {
    const {text} = texts('一二三四五六七八九十', 40)
    expect(text).toEqual(['一二三四', '五六七八', '九十'])
  })
  it('pulls the previous character down instead of starting a line with closing punctuation', () => {
    // 4 cells a line; the 5th character is "，": "四" goes down with it.
    const {text, lines} = texts('一二三四，五六七八', 40)
    expect(text).toEqual(['一二三', '四，五六', '七八'])
    // The short line is still justified to the full width.
    expect(lines[0].justified).toBe(true)
    expect(lines[0].right).toBeCloseTo(40)
  })
  it('never ends a line with opening punctuation: it moves down with the next character', () => {
    const {text} = texts('一二三《四五》六', 40)
    expect(text).toEqual(['一二三', '《四五》', '六'])
  })
  it('pushes punctuation in by squeezing when allowed, never past the margin', () => {
    // 45 wide: “一二三四，” is 50 natural, the comma can give 5.
    expect(texts('一二三四，五六七八', 45).text[0]).toBe('一二三')
    const {text, lines} = texts('一二三四，五六七八', 45, {squeeze: true})
    expect(text[0]).toBe('一二三四，')
    expect(lines[0].right).toBeLessThanOrEqual(45 + 1e-9)
    expect(lines[0].widths.reduce((a, b) => a + b)).toBeCloseTo(45)
  })
  it('keeps numbers with units whole across the line end', () => {
    const {text} = texts('甲乙丙丁戊0.5万元奖励', 70)
    expect(text).toEqual(['甲乙丙丁戊', '0.5万元奖励'])
    expect(texts('甲乙丙丁戊己庚2024年', 80).text).toEqual(['甲乙丙丁戊己庚', '2024年'])
    expect(texts('甲乙丙丁戊己增长10%', 80).text).toEqual(['甲乙丙丁戊己增长', '10%'])
  })
  it('never breaks inside a Latin word; breaks at spaces and drops them', () => {
    const {text} = texts('Special chars stay literal', 60)
    expect(text).toEqual(['Special', 'chars stay', 'literal'])
  })
  it('justifies full lines by spreading the slack between units; last line flush left', () => {
    const {lines} = texts('一二三四，五六七八九', 40)
    const first = lines[0]
    // 3 units, 10 slack → 5 between each.
    expect(first.spacing).toBeCloseTo(5)
    expect(first.x).toEqual([0, 15, 30])
    const last = lines[lines.length - 1]
    expect(last.justified).toBe(false)
    expect(last.spacing).toBe(0)
  })
  it('sets a line flush left instead of spacing it out beyond maxSpacing (narrow table cells)', () => {
    // `2024年` (22 + 10) then `12月31日` in a 45-wide cell: the first line has 13 slack over 1 gap.
    const u = units('2024年12月31日')
    expect(breakLines(u, {width: 45})[0]).toMatchObject({justified: true, spacing: 13})
    const loose = breakLines(u, {width: 45, maxSpacing: 5})
    expect(loose.map((l) => lineText(u, l))).toEqual(['2024年', '12月31日'])
    expect(loose[0]).toMatchObject({justified: false, spacing: 0})
    // A line needing little space is still justified.
    expect(breakLines(units('一二三四，五六七八九'), {width: 40, maxSpacing: 5})[0]!.justified).toBe(true)
  })

  it('indents the first line by two characters and justifies it to the block', () => {
    const {text, lines} = texts('一二三四五六七八', 60, {indent: 20})
    expect(text).toEqual(['一二三四', '五六七八'])
    expect(lines[0].x[0]).toBe(20)
    expect(lines[1].x[0]).toBe(0)
  })
  it('justifies lines mixing digits and Han characters exactly to the width', () => {
    const {lines} = texts('预算安排资金7.22亿元其中交通类资金5.56亿元', 100)
    for (const line of lines.slice(0, -1)) expect(line.right).toBeCloseTo(100)
  })
  it('forces a break inside a unit wider than the line, without looping', () => {
    const {text} = texts('Supercalifragilistic', 30)
    expect(text.join('')).toBe('Supercalifragilistic')
  })
  it('honours hard breaks', () => {
    expect(texts('一二\n三', 100).text).toEqual(['一二', '三'])
  })
  it('no line ever starts with closing or ends with opening punctuation (random texts)', () => {
    const alphabet = ['中', '文', '排版', '规则', '，', '。', '、', '；', '（一）', '《办法》', '“3119”', '0.5万元', '2024年', '10%', '？', '！', 'Latin word', '：“引文。”']
    let seed = 7
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
    for (let n = 0; n < 300; n++) {
      const text = Array.from({length: 5 + Math.floor(rand() * 30)}, () => alphabet[Math.floor(rand() * alphabet.length)]).join('')
      const {text: lines, lines: ls} = texts(text, 80)
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''))
      lines.forEach((line, i) => {
        if (ls[i].forced || ls[i - 1]?.forced) return
        expect(closing.has([...line][0]) && i > 0 ? text : '').toBe('')
        if (i < lines.length - 1) expect(opening.has([...line].at(-1)!)).toBe(false)
        expect(ls[i].right).toBeLessThanOrEqual(80 + 1e-9)
      })
    }
  })
})
