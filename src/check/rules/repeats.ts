/**
 * Repeats: a sentence written twice in one clause, two clauses or appendix items with the same
 * text, appendix domain names that differ from the domain titles in the body.
 */
import type {Position} from 'unist'
import type {AppendixItem} from '../../tree/types.ts'
import {defineRule, type Rule} from '../rule.ts'
import {chineseNumeral, labelNumber} from '../../tree/numerals.ts'
import {clauseOffsets, type SourceText} from '../source.ts'

/** Comparable form: no whitespace, no trailing sentence punctuation. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, '').replace(/[。；;，,.！？!?]+$/, '')
}

/** Sentences of a text with their offsets, split after 。！？； (brackets and quotes kept whole). */
export function sentences(text: string): Array<{text: string; offset: number}> {
  const result: Array<{text: string; offset: number}> = []
  let depth = 0
  let start = 0
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (char === '（' || char === '(' || char === '《' || char === '“') depth++
    else if ((char === '）' || char === ')' || char === '》' || char === '”') && depth > 0) depth--
    else if (depth === 0 && /[。！？；]/.test(char)) {
      result.push({text: text.slice(start, index + 1), offset: start})
      start = index + 1
    }
  }
  if (start < text.length && text.slice(start).trim() !== '') result.push({text: text.slice(start), offset: start})
  return result
}

/** Minimum length (after normalising) of a sentence worth comparing: short ones repeat legitimately. */
const minimumSentence = 8

export const repeatedSentence = defineRule({
  id: 'repeated-sentence',
  severity: 'warning',
  doc: '同一条中不应有重复的句子（常见于复制粘贴）',
  run(context) {
    const {policy, source} = context
    for (const domain of policy.children) {
      for (const clause of domain.children) {
        const offsets = clauseOffsets(clause, source)
        const seen = new Map<string, number>()
        for (const sentence of sentences(clause.title + clause.body)) {
          const key = normalise(sentence.text)
          if (key.length < minimumSentence) continue
          const first = seen.get(key)
          if (first === undefined) {
            seen.set(key, sentence.offset)
            continue
          }
          const start = offsets ? offsets.title + sentence.offset : undefined
          const place = start === undefined ? clause.position : source.span(start, start + sentence.text.length)
          const shown = sentence.text.length > 30 ? sentence.text.slice(0, 30) + '……' : sentence.text
          context.report(`第 ${clause.label} 条中“${shown}”重复出现了两次，应删去重复的一句`, place, {actual: sentence.text})
        }
      }
    }
  }
})

export const duplicateClause = defineRule({
  id: 'duplicate-clause',
  severity: 'warning',
  doc: '两条的内容不应完全相同',
  run(context) {
    const {policy, source} = context
    const seen = new Map<string, string>()
    for (const domain of policy.children) {
      for (const clause of domain.children) {
        const key = normalise(clause.title + clause.body)
        if (key === '') continue
        const first = seen.get(key)
        if (first === undefined) {
          seen.set(key, clause.label)
          continue
        }
        const offsets = clauseOffsets(clause, source)
        const place = offsets ? source.span(offsets.start, offsets.units) : clause.position
        context.report(`第 ${clause.label} 条与第 ${first} 条内容完全相同，应删去一条或改写`, place)
      }
    }
  }
})

/** The source span of an appendix item's number label (`4.`), or its position. */
function itemPlace(source: SourceText, item: AppendixItem): Position | undefined {
  const start = item.position?.start.offset
  if (start === undefined) return item.position
  const text = source.value.slice(start, item.position?.end.offset ?? start + 400)
  const match = new RegExp(`(^|[\\t\\s|])${item.number}[.．、]`).exec(text)
  if (!match) return item.position
  const offset = start + match.index + match[1].length
  return source.span(offset, offset + String(item.number).length + 1 + item.title.length)
}

export const duplicateAppendixItem = defineRule({
  id: 'duplicate-appendix-item',
  severity: 'warning',
  doc: '附件清单中不应有两项的事项或内容完全相同',
  run(context) {
    const {policy, source} = context
    const byText = new Map<string, AppendixItem>()
    const byTitle = new Map<string, AppendixItem>()
    for (const item of policy.appendix?.children ?? []) {
      const title = normalise(item.title)
      const text = title + '\u0000' + normalise(item.target)
      const sameText = byText.get(text)
      const sameTitle = byTitle.get(title)
      if (title !== '' && sameText) {
        context.report(`附件第 ${item.number} 项与第 ${sameText.number} 项（“${item.title}”）的事项和目标完全相同，应删去一项`, itemPlace(source, item))
      } else if (title !== '' && sameTitle) {
        context.report(`附件第 ${item.number} 项的争取事项“${item.title}”与第 ${sameTitle.number} 项相同，请核对是否重复`, itemPlace(source, item))
      }
      if (!byText.has(text)) byText.set(text, item)
      if (!byTitle.has(title)) byTitle.set(title, item)
    }
  }
})

const domainCellLabel = /^([一二三四五六七八九十]+)[、.．]\s*/

export const appendixDomainMismatch = defineRule({
  id: 'appendix-domain-mismatch',
  severity: 'warning',
  doc: '附件清单中的领域名称应与正文中对应领域的标题一致',
  run(context) {
    const {policy, source} = context
    const appendix = policy.appendix
    if (!appendix) return
    const appendixStart = appendix.position?.start.offset ?? 0
    const done = new Set<string>()
    for (const item of appendix.children) {
      const written = item.domainName.trim()
      if (written === '' || done.has(written)) continue
      done.add(written)
      const label = domainCellLabel.exec(written)
      const name = label ? written.slice(label[0].length) : written
      const ordinal = label ? labelNumber(label[1]) : item.domain
      const domain = policy.children.find((candidate) => candidate.ordinal === ordinal) ?? policy.children[ordinal - 1]
      // Point at the domain cell: the last time the name is written before this item's number.
      const itemOffset = item.position?.start.offset
      let place: Position | undefined = item.position
      if (itemOffset !== undefined) {
        const labelAt = source.value.indexOf(`${item.number}.`, itemOffset)
        const found = source.value.lastIndexOf(written, labelAt === -1 ? itemOffset + written.length : labelAt)
        if (found !== -1 && found >= appendixStart) place = source.span(found, found + written.length)
      }
      if (!domain) {
        context.report(`附件中的领域“${written}”在正文中没有对应的领域`, place, {actual: written})
        continue
      }
      if (normalise(name) === normalise(domain.title)) continue
      const line = domain.position?.start.line
      const where = line ? `（第 ${line} 行）` : ''
      const bodyLabel = chineseNumeral(domain.ordinal)
      // Quotes inside a quote become single quotes: “‘135N’先进制造业集群培育政策”.
      const shown = name.replace(/“/g, '‘').replace(/”/g, '’')
      context.report(
        `附件中的领域名称“${shown}”与正文第${bodyLabel}部分的标题“${domain.title}”${where}不一致，应统一`,
        place,
        {actual: name, expected: [domain.title]}
      )
    }
  }
})

export const repeatRules: Rule[] = [repeatedSentence, duplicateClause, duplicateAppendixItem, appendixDomainMismatch]
