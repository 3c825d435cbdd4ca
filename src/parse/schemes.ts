/**
 * Numbering schemes of policy texts, as data: one entry per way of numbering a paragraph, in the
 * order GB/T 9704 nests them (`第N章` › `第N节` › `第N条` › `一、` › `（一）` › `1.` › `（1）` › `①`).
 * The outline inference (`outline.ts`) reads a paragraph's scheme from this table; supporting a
 * new form is one entry here and its examples in test/parse/schemes.test.ts.
 */
import {labelNumber} from '../tree/numerals.ts'

const cn = '[零〇一二两三四五六七八九十百千]+'
const digits = '[0-9０-９]+'
/** Spaces a PDF copy puts between characters (`第 1 0 条`, `二 、`). */
const gap = '[ \\u3000\\u2002]*'
const ws = '[ \\t\\u3000\\u2002]*'

export interface NumberingScheme {
  /** Stable id, also the scheme's name in messages and tests. */
  id: 'part' | 'chapter' | 'section' | 'article' | 'chinese' | 'bracketChinese' | 'arabic' | 'bracketArabic' | 'circled'
  /** Nesting order: a smaller rank contains a larger one. */
  rank: number
  /** Groups: 1 label as written (brackets, 第…条 included), 2 the number inside, 3 punctuation and spaces after the label. */
  pattern: RegExp
  /** Number inside the label. */
  number: (inner: string) => number
  /** Paragraphs numbered this way, for the tests and the docs. */
  examples: string[]
}

const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'
const spaced = (inner: string) => labelNumber(inner.replace(/[ \u3000\u2002]/g, ''))

export const schemes: readonly NumberingScheme[] = [
  {
    id: 'part',
    rank: 0,
    pattern: new RegExp(`^(第${gap}(${cn}|[0-9０-９][0-9０-９ ]*?)${gap}(?:部分|篇))(${ws})`),
    number: spaced,
    examples: ['第一部分 总体要求', '第二篇　重点任务']
  },
  {
    id: 'chapter',
    rank: 0,
    pattern: new RegExp(`^(第${gap}(${cn}|[0-9０-９][0-9０-９ ]*?)${gap}章)(${ws})`),
    number: spaced,
    examples: ['第一章　总则', '第 2 章 规划建设']
  },
  {
    id: 'section',
    rank: 1,
    pattern: new RegExp(`^(第${gap}(${cn}|[0-9０-９][0-9０-９ ]*?)${gap}节)(${ws})`),
    number: spaced,
    examples: ['第一节 一般规定']
  },
  {
    id: 'article',
    rank: 2,
    pattern: new RegExp(`^(第${gap}(${cn}|[0-9０-９][0-9０-９ ]*?)${gap}条)(${ws})`),
    number: spaced,
    examples: ['第一条 　为规范政务数据资源管理，制定本办法。', '第 1 0 条 本办法自印发之日起施行。', '第十二条　政府投资的项目应当…']
  },
  {
    id: 'chinese',
    rank: 3,
    pattern: new RegExp(`^((${cn}))(${gap}、${ws})`),
    number: labelNumber,
    examples: ['一、总体要求', '二 、主要任务', '十一、加大环保领域投资。积极扩大…']
  },
  {
    id: 'bracketChinese',
    rank: 4,
    pattern: new RegExp(`^([（(]${gap}(${cn})${gap}[）)])(${ws})`),
    number: labelNumber,
    examples: ['（一）加大稳岗支持力度。对不裁员…', '(二)建筑产业平台。', '（十二）落实地方政府主体责任。']
  },
  {
    id: 'arabic',
    rank: 5,
    pattern: new RegExp(`^((${digits}))(${gap}[.．、﹒]${ws})(?![0-9０-９])`),
    number: labelNumber,
    examples: ['1.发挥重大建设项目带动支撑作用。', '2．加大财政支持力度。', '3、组织编制我区生态文明建设规划', '4﹒完善标准。']
  },
  {
    id: 'bracketArabic',
    rank: 6,
    pattern: new RegExp(`^([（(]${gap}(${digits})${gap}[）)])(${ws})`),
    number: labelNumber,
    examples: ['（1）每周巡查水质。', '(2)每月汇总分析。']
  },
  {
    id: 'circled',
    rank: 7,
    pattern: new RegExp(`^(([${circled}]))(${ws})`),
    number: (inner) => circled.indexOf(inner) + 1,
    examples: ['①建立台账。', '② 定期通报。']
  }
]

export interface Numbered {
  scheme: NumberingScheme
  /** Label as written (`（一）`, `第 1 0 条`, `1`), without the punctuation after it. */
  label: string
  /** Punctuation and spaces after the label as written (`、`, `.`, `　`, ``). */
  punctuation: string
  number: number
  /** Index where the content after the label starts. */
  contentStart: number
}

/** The numbering at the start of a paragraph, if any. `1.5亿元` is not numbered (decimal). */
export function numberingOf(text: string): Numbered | undefined {
  for (const scheme of schemes) {
    const match = scheme.pattern.exec(text)
    if (!match) continue
    const label = match[1]!
    const punctuation = match[3] ?? ''
    const number = scheme.number(match[2]!)
    if (!Number.isFinite(number) || number <= 0) continue
    const contentStart = label.length + punctuation.length
    // A label with nothing after it is not a numbered paragraph, except a chapter heading.
    if (contentStart >= text.length && scheme.id !== 'part' && scheme.id !== 'chapter' && scheme.id !== 'section') continue
    return {scheme, label, punctuation, number, contentStart}
  }
  return undefined
}

/** `专栏3 …` boxes: kept as text, never tasks. */
export const boxPattern = /^专栏[ \u3000]*[0-9０-９一二三四五六七八九十]+/
