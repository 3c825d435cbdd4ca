/**
 * Numbering: domain labels (一、二、三…), clause numbers, the punctuation after numbers, and the
 * appendix item numbers.
 */
import type {Position} from 'unist'
import type {Clause, Domain} from '../../tree/types.ts'
import {defineRule, type Rule, type RuleContext} from '../rule.ts'
import {chineseNumeral, labelNumber} from '../../tree/numerals.ts'
import type {SourceText} from '../source.ts'

const punctuationNames: Record<string, string> = {
  '.': '半角点“.”',
  '．': '全角点“．”',
  '、': '顿号“、”'
}

function punctuationName(mark: string): string {
  return punctuationNames[mark] ?? `“${mark}”`
}

function labelSpan(source: SourceText, offset: number | undefined, length: number): Position | undefined {
  return offset === undefined ? undefined : source.span(offset, offset + length)
}

export const domainNumbering = defineRule({
  id: 'domain-numbering',
  severity: 'error',
  doc: '领域编号应使用汉字数字并按一、二、三……的顺序连续编排，编号后用顿号',
  run(context) {
    const {policy, source} = context
    const domains = policy.children.filter((domain) => !domain.implicit)
    // The document's own part numbering: chapters (`第一章`) or a table's 序号 are checked for
    // order only; the 一、 form is expected once any part uses a Chinese numeral.
    const ownForm = domains.length > 0 && domains.every((d) => /^第.+[章节]$/.test(d.label) || isArabicLabel(d.label) || d.label === '')
    if (ownForm) {
      checkSequence(
        context,
        '领域编号',
        domains.filter((d) => d.label !== '').map((d) => ({number: labelNumber(d.label.replace(/^第|[章节]$/g, '').replace(/[ \u3000\u2002]/g, '')), place: d.position})),
        1
      )
      return
    }
    domains.forEach((domain, index) => {
      const expected = chineseNumeral(index + 1)
      // The parser keeps spaces after the mark (`1、 `); stray-whitespace reports those.
      const mark = domain.labelPunctuation.trim()
      const written = domain.label + mark
      const place = labelSpan(source, domain.position?.start.offset, written.length) ?? domain.position
      const value = labelNumber(domain.label)
      if (isArabicLabel(domain.label)) {
        const sequence = value === index + 1 ? '' : `，且顺序应为第 ${index + 1} 个`
        context.report(`领域编号“${written}”使用了阿拉伯数字，应写作“${expected}、”${sequence}`, place, {
          actual: written,
          expected: [`${expected}、`]
        })
        return
      }
      if (value !== index + 1) {
        const previous = index === 0 ? '开头' : `“${domains[index - 1]!.label}”之后`
        const reason = Number.isNaN(value)
          ? `领域编号“${domain.label}”无法识别，应为“${expected}”`
          : value <= index
            ? `领域编号重复或倒退：${previous}是“${domain.label}”，应为“${expected}”`
            : `领域编号不连续：${previous}是“${domain.label}”，应为“${expected}”`
        context.report(reason, place, {actual: domain.label, expected: [expected]})
        return
      }
      if (mark !== '、') {
        context.report(
          `领域编号“${domain.label}”后用了${punctuationName(mark)}，应使用顿号“、”`,
          place,
          {actual: mark, expected: ['、']}
        )
      }
    })
  }
})

/** Report gaps and repeats in a numbered sequence (clauses or appendix items). */
function checkSequence(
  context: RuleContext,
  what: string,
  items: Array<{number: number; place: Position | undefined}>,
  first: number
): void {
  let previous: number | undefined
  for (const item of items) {
    const expected = previous === undefined ? first : previous + 1
    if (item.number !== expected) {
      let reason: string
      if (previous === undefined) reason = `${what}应从 ${first} 开始，此处第一个编号是 ${item.number}`
      else if (item.number === previous) reason = `${what}重复：${previous} 之后又是 ${item.number}，应为 ${expected}`
      else if (item.number < previous) reason = `${what}倒退：${previous} 之后是 ${item.number}，应为 ${expected}`
      else reason = `${what}不连续：${previous} 之后是 ${item.number}，应为 ${expected}`
      context.report(reason, item.place, {actual: String(item.number), expected: [String(expected)]})
    }
    // Continue from the number as written, so one slip gives one message.
    previous = item.number
  }
}

function clausePlace(source: SourceText, clause: Clause): Position | undefined {
  return labelSpan(source, clause.position?.start.offset, clause.label.length) ?? clause.position
}

export const clauseNumbering = defineRule({
  id: 'clause-numbering',
  severity: 'error',
  doc: '条款编号应连续，不跳号、不重号',
  run(context) {
    const {policy, source} = context
    // Numbered tasks only (unnumbered ones and part-level tasks carry no number of their own),
    // one sequence per numbering form (`（一）` tasks and `1.` items are separate sequences).
    type Run = {domain: Domain; group?: string; clauses: Clause[]}
    const forms = new Map<string, Run[]>()
    for (const domain of policy.children) {
      // A part-level task starts at the part's heading and carries the part's own label.
      const partLevel = (c: Clause) => c.position?.start.offset !== undefined && c.position.start.offset === domain.position?.start.offset
      for (const clause of domain.children.filter((c) => c.label !== '' && !partLevel(c))) {
        const runs = forms.get(labelForm(clause.label)) ?? []
        const last = runs[runs.length - 1]
        if (last && last.domain === domain && last.group === clause.group) last.clauses.push(clause)
        else runs.push({domain, group: clause.group, clauses: [clause]})
        forms.set(labelForm(clause.label), runs)
      }
    }
    const item = (clause: Clause) => ({number: clause.number, place: clausePlace(source, clause)})
    const restarts = (runs: Run[]) => runs.length > 1 && runs.every(({clauses}) => clauses[0]!.number === 1)
    for (const runs of forms.values()) {
      // Some documents restart the numbering in every group or every domain; all of them starting at 1 says so.
      const domains = [...new Set(runs.map((run) => run.domain))].map((domain) => ({domain, clauses: runs.filter((r) => r.domain === domain).flatMap((r) => r.clauses)}))
      if (restarts(runs) && runs.some((run) => run.group !== undefined)) {
        for (const run of runs) checkSequence(context, `“${run.group ?? run.domain.label}”内条款编号`, run.clauses.map(item), 1)
      } else if (restarts(domains)) {
        for (const {domain, clauses} of domains) checkSequence(context, `“${domain.label}”领域内条款编号`, clauses.map(item), 1)
      } else {
        checkSequence(context, '条款编号', domains.flatMap(({clauses}) => clauses.map(item)), 1)
      }
    }
  }
})

interface Labelled {
  mark: string
  label: string
  place: Position | undefined
}

/** Find the majority mark and report every label that uses another one. */
function checkMarks(context: RuleContext, what: string, labels: Labelled[]): void {
  const counts = new Map<string, number>()
  for (const label of labels) counts.set(label.mark, (counts.get(label.mark) ?? 0) + 1)
  if (counts.size < 2) return
  // Majority; on a tie prefer the GB/T 9704 form `1.`.
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] === '.' ? -1 : b[0] === '.' ? 1 : 0))
  const [majority, majorityCount] = ranked[0]
  if (ranked[1][1] === majorityCount && majority !== '.') return
  for (const label of labels) {
    if (label.mark === majority) continue
    context.report(
      `${what}“${label.label}”后用了${punctuationName(label.mark)}，全文多数（${majorityCount} 处）用${punctuationName(majority)}，应统一为“${label.label}${majority}”`,
      label.place,
      {actual: label.label + label.mark, expected: [label.label + majority]}
    )
  }
}

export const numberPunctuation = defineRule({
  id: 'number-punctuation',
  severity: 'warning',
  doc: '同一层级编号后的标点应统一（半角点“.”、全角点“．”或顿号“、”），少数写法按多数写法改正',
  run(context) {
    const {policy, source} = context
    const clauses: Labelled[] = []
    for (const domain of policy.children) {
      for (const clause of domain.children) {
        if (!isArabicLabel(clause.label) || clause.labelPunctuation === '') continue
        const offset = clause.position?.start.offset
        clauses.push({
          mark: clause.labelPunctuation,
          label: clause.label,
          place: labelSpan(source, offset, clause.label.length + clause.labelPunctuation.length) ?? clause.position
        })
      }
    }
    checkMarks(context, '条款编号', clauses)

    const items: Labelled[] = []
    for (const item of policy.appendix?.children ?? []) {
      const found = findItemLabel(source, item.position, item.number)
      if (found) items.push(found)
    }
    checkMarks(context, '附件事项编号', items)
  }
})

/** The `12.` label of an appendix item, searched in the item's source span. */
function findItemLabel(source: SourceText, position: Position | undefined, number: number): Labelled | undefined {
  const start = position?.start.offset
  if (start === undefined) return undefined
  const end = position?.end.offset ?? start + 400
  const text = source.value.slice(start, Math.max(end, start + 1))
  const match = new RegExp(`(^|[\\t\\s|])(${number})([.．、])`).exec(text)
  if (!match) return undefined
  const offset = start + match.index + match[1].length
  return {mark: match[3], label: match[2], place: source.span(offset, offset + match[2].length + 1)}
}

export const appendixNumbering = defineRule({
  id: 'appendix-numbering',
  severity: 'error',
  doc: '附件事项编号应从 1 开始连续编排',
  run(context) {
    const {policy, source} = context
    const items = (policy.appendix?.children ?? []).map((item) => ({
      number: item.number,
      place: findItemLabel(source, item.position, item.number)?.place ?? item.position
    }))
    checkSequence(context, '附件事项编号', items, 1)
  }
})

export const numberingRules: Rule[] = [domainNumbering, clauseNumbering, numberPunctuation, appendixNumbering]

/** The numbering form of a clause label: `（一）`, `第一条`, `一` or `1` (Arabic, the sample's). */
function labelForm(label: string): string {
  if (/^[（(]/.test(label)) return /[0-9０-９]/.test(label) ? 'bracketArabic' : 'bracketChinese'
  if (/^第/.test(label)) return 'article'
  if (/^[零〇一二两三四五六七八九十百千]+$/.test(label)) return 'chinese'
  return 'arabic'
}

function isArabicLabel(label: string): boolean {
  return /^[0-9０-９]+$/.test(label)
}
