/**
 * Leftovers from conversion: bookmarks, Word field codes, markup and invisible characters;
 * tabs outside the appendix table and spaces inside Chinese text.
 */
import {numberingOf} from '../../parse/schemes.ts'
import {codePointLabel} from '../../tree/characters.ts'
import {defineRule, type Rule, type RuleContext} from '../rule.ts'
import {isCjk, isCjkPunctuation} from '../source.ts'

interface Pattern {
  pattern: RegExp
  /** Only in plain-text sources (Markdown uses the syntax on purpose). */
  textOnly?: boolean
  describe: (found: string) => string
}

const patterns: Pattern[] = [
  {pattern: /\[(?:bookmark|comment|image):[^\]\n]*\]/g, describe: (found) => `转换残留的书签或批注标记“${found}”，应删去`},
  {
    pattern: /\{\s*(?:PAGE|NUMPAGES|HYPERLINK|PAGEREF|REF|TOC|SEQ|MERGEFIELD|DATE|TIME|FORMTEXT)\b[^}\n]*\}|\\\*\s*MERGEFORMAT|\bHYPERLINK\s+"[^"\n]*"|\bPAGEREF\s+_Toc\d+/g,
    describe: (found) => `转换残留的域代码“${found}”，应删去`
  },
  {pattern: /<\/?[a-zA-Z][\w:-]*(?:\s[^<>\n]*)?\/?>/g, textOnly: true, describe: (found) => `转换残留的标记“${found}”，应删去`},
  {pattern: /&(?:nbsp|amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, describe: (found) => `转换残留的字符实体“${found}”，应换成对应的字符`},
  {pattern: /\*\*|__|^#{1,6}[ \t]/gm, textOnly: true, describe: (found) => `纯文本中残留了排版标记“${found.trim()}”，应删去`},
  {
    // Control characters XML cannot hold are the rule xml-invalid-character's (src/check/rules/characters.ts).
    pattern: /[\u007f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g,
    describe: (found) => `文中有不可见字符 ${codePointLabel(found)}，应删去`
  },
  {pattern: /\ufffd/g, describe: () => '文中有乱码替换字符“\ufffd”，原文编码可能有误，请核对原文'}
]

function isPlainText(context: RuleContext): boolean {
  const extname = context.file.extname?.toLowerCase()
  return extname === undefined || extname === '' || extname === '.txt'
}

export const conversionLeftover = defineRule({
  id: 'conversion-leftover',
  severity: 'error',
  doc: '删去转换残留的书签、域代码、标记和不可见字符',
  run(context) {
    const {source} = context
    const plain = isPlainText(context)
    for (const {pattern, textOnly, describe} of patterns) {
      if (textOnly && !plain) continue
      for (const match of source.value.matchAll(pattern)) {
        const start = match.index ?? 0
        // A byte-order mark at the very start is an encoding signature, not a leftover.
        if (match[0] === '\ufeff' && start === 0) continue
        context.report(describe(match[0]), source.span(start, start + match[0].length), {actual: match[0]})
      }
    }
  }
})

/** Lines (1-based, inclusive) that belong to the appendix table, where tabs separate cells. */
function tableLines(context: RuleContext): [number, number] | undefined {
  const appendix = context.policy.appendix
  if (appendix?.position) return [appendix.position.start.line, appendix.position.end.line]
  // Without a position: from the `附件` line to the end.
  for (let line = 1; line <= context.source.lineCount; line++) {
    if (/^\s*附件\s*\d*\s*[：:]/.test(context.source.line(line))) return [line, context.source.lineCount]
  }
  return undefined
}

export const strayWhitespace = defineRule({
  id: 'stray-whitespace',
  severity: 'warning',
  doc: '正文中不应有制表符（表格除外）或夹在汉字、标点之间的空格',
  run(context) {
    const {source} = context
    const table = tableLines(context)
    for (let line = 1; line <= source.lineCount; line++) {
      const text = source.line(line)
      if (text.trim() === '') continue
      const inTable = table !== undefined && line >= table[0] && line <= table[1]
      // A row of a tab-separated table anywhere in the text (its neighbour has a tab too).
      const tableRow = text.includes('\t') && ((line > 1 && source.line(line - 1).includes('\t')) || (line < source.lineCount && source.line(line + 1).includes('\t')))
      if (inTable || tableRow || /^\s*\|/.test(text)) continue
      const lineStart = source.lineStart(line)
      const tab = text.indexOf('\t')
      if (tab !== -1) {
        context.report('表格以外的制表符，应删去或改为表格', source.span(lineStart + tab, lineStart + tab + 1), {actual: '\t'})
      }
      // Interior runs of spaces next to Chinese text; leading indentation and line ends are left alone.
      const content = text.trimEnd()
      let indent = content.length - content.trimStart().length
      // Alignment: the space after a number label (`第一章　总则`, `第一条 　为…`), and titles,
      // names and signature lines (short, no sentence punctuation), where spaces set the layout.
      const label = numberingOf(content.slice(indent))
      if (label && /^(chapter|section|article)$/.test(label.scheme.id)) indent += label.label.length + label.punctuation.length
      const heading = (content.length <= 40 && !/[，。；：！？]/.test(content)) || /^(责任单位|牵头单位|配合单位|主要责任单位)[：:]/.test(content.trim())
      for (const match of content.slice(indent).matchAll(/[ \u00a0\u3000\u2002]+/g)) {
        const at = indent + (match.index ?? 0)
        const before = content[at - 1]
        const after = content[at + match[0].length]
        // A PDF copy's space inside a number (`20 24年`) is always a leftover.
        const inNumber = /[0-9０-９]/.test(before ?? '') && /[0-9０-９]/.test(after ?? '')
        // In a title or a name, a space between two characters aligns them (`国　务　院`).
        if (heading && !inNumber && !isCjkPunctuation(before) && !isCjkPunctuation(after)) continue
        if (inNumber) {
          context.report(`数字“${before}${match[0]}${after}”中间有多余的空格，应删去`, source.span(lineStart + at, lineStart + at + match[0].length), {actual: match[0], expected: ['']})
          continue
        }
        // Between two Chinese characters, or next to Chinese punctuation. A space between Latin
        // and Chinese text (`RCEP 展会`) is a spacing convention, not a leftover.
        if (!(isCjk(before) && isCjk(after)) && !isCjkPunctuation(before) && !isCjkPunctuation(after)) continue
        context.report(
          `“${before}”与“${after}”之间有多余的空格，应删去`,
          source.span(lineStart + at, lineStart + at + match[0].length),
          {actual: match[0], expected: ['']}
        )
      }
    }
  }
})

export const leftoverRules: Rule[] = [conversionLeftover, strayWhitespace]
