/**
 * Units: names not in the registry, aliases, one unit written two ways, broken responsibility
 * lists, clauses without a list and domains without a lead.
 */
import type {Position} from 'unist'
import {defineRule, type CheckRegistry, type Rule, type RuleContext} from '../rule.ts'
import {clauseOffsets} from '../source.ts'
import {unitOccurrences, type UnitOccurrence} from '../units.ts'

/** Registry names close to a written name: one is the other with up to two characters dropped. */
function similarNames(registry: CheckRegistry, written: string): string[] {
  const isSubsequence = (short: string, long: string) => {
    let index = 0
    for (const char of long) if (char === short[index]) index++
    return index === short.length
  }
  const found = new Set<string>()
  for (const unit of registry.units) {
    for (const name of [unit.name, unit.fullName, ...unit.aliases]) {
      if (!name || name === written) continue
      const [short, long] = name.length < written.length ? [name, written] : [written, name]
      if (long.length - short.length <= 2 && short.length >= 3 && isSubsequence(short, long)) found.add(unit.name)
    }
  }
  return [...found]
}

function countNote(count: number): string {
  return count > 1 ? `（全文共 ${count} 处）` : ''
}

/** Occurrences grouped by canonical name, for resolved (known) units only. */
function groupByUnit(occurrences: UnitOccurrence[]): Map<string, UnitOccurrence[]> {
  const groups = new Map<string, UnitOccurrence[]>()
  for (const occurrence of occurrences) {
    if (occurrence.ref.status === 'unknown') continue
    const list = groups.get(occurrence.ref.name) ?? []
    list.push(occurrence)
    groups.set(occurrence.ref.name, list)
  }
  return groups
}

function byWritten(occurrences: UnitOccurrence[]): Map<string, UnitOccurrence[]> {
  const forms = new Map<string, UnitOccurrence[]>()
  for (const occurrence of occurrences) {
    const list = forms.get(occurrence.ref.written) ?? []
    list.push(occurrence)
    forms.set(occurrence.ref.written, list)
  }
  return forms
}

export const unitUnknown = defineRule({
  id: 'unit-unknown',
  severity: 'warning',
  doc: '责任单位名称不在单位名录中：核对名称，或把该单位补入名录',
  run(context) {
    const {registry} = context
    if (!registry) return
    const unknown = byWritten(unitOccurrences(context.policy, context.source).filter((o) => o.ref.status === 'unknown'))
    for (const [written, list] of unknown) {
      const similar = similarNames(registry, written)
      const hint = similar.length > 0 ? `，是否应为“${similar.join('”或“')}”` : '，请核对名称或补入单位名录'
      context.report(`单位“${written}”不在单位名录中${hint}${countNote(list.length)}`, list[0].place, {
        actual: written,
        expected: similar.length > 0 ? similar : undefined
      })
    }
  }
})

export const unitAlias = defineRule({
  id: 'unit-alias',
  severity: 'warning',
  doc: '单位用了别称或全称，应写作名录中的规范简称',
  run(context) {
    for (const [name, list] of groupByUnit(unitOccurrences(context.policy, context.source))) {
      const forms = byWritten(list)
      // Two or more spellings in one document: unit-inconsistent reports them.
      if (forms.size !== 1) continue
      const [written, occurrences] = [...forms][0]
      if (occurrences[0].ref.status !== 'alias' || written === name) continue
      context.report(`单位“${written}”是“${name}”的别称，应写作规范名称“${name}”${countNote(occurrences.length)}`, occurrences[0].place, {
        actual: written,
        expected: [name]
      })
    }
  }
})

export const unitInconsistent = defineRule({
  id: 'unit-inconsistent',
  severity: 'warning',
  doc: '同一单位在文中有两种以上写法，应统一',
  run(context) {
    for (const [name, list] of groupByUnit(unitOccurrences(context.policy, context.source))) {
      const forms = byWritten(list)
      if (forms.size < 2) continue
      // Keep the canonical name if the text uses it, else the most frequent spelling.
      const ranked = [...forms].sort((a, b) => b[1].length - a[1].length)
      const keep = forms.has(name) ? name : ranked[0][0]
      const keepCount = forms.get(keep)?.length ?? 0
      for (const [written, occurrences] of forms) {
        if (written === keep) continue
        const firstKeep = forms.get(keep)?.[0].place?.start.line
        const where = firstKeep ? `，首见第 ${firstKeep} 行` : ''
        context.report(
          `同一单位写法不一：“${written}”${countNote(occurrences.length) || ''}与“${keep}”（${keepCount} 处${where}）指同一单位，应统一写作“${keep}”`,
          occurrences[0].place,
          {actual: written, expected: [keep]}
        )
      }
    }
  }
})

const separators = new Set(['、', '，', ',', '；', ';'])
const openers = new Set(['（', '('])
const closers = new Set(['）', ')'])

/**
 * Problems in a responsibility list's text: empty entries (`区A、、区B`, `区A、）`), separators at
 * the start, and brackets that do not pair up. `text` starts at source offset `offset`.
 */
export function unitListProblems(text: string, offset: number): Array<{offset: number; reason: string; actual: string}> {
  const problems: Array<{offset: number; reason: string; actual: string}> = []
  const stack: number[] = []
  // Skip a leading `（责任单位：` wrapper: its brackets are checked too, its label is not an entry.
  const label = /^[（(]?\s*(?:责任单位|牵头单位|配合单位)[：:]/.exec(text)
  let start = 0
  if (label) {
    if (openers.has(text[0])) stack.push(0)
    start = label[0].length
  }
  let expectEntry = true
  for (let index = start; index < text.length; index++) {
    const char = text[index]
    if (openers.has(char)) {
      stack.push(index)
      expectEntry = true
    } else if (closers.has(char)) {
      if (expectEntry && index > start && separators.has(text[index - 1])) {
        problems.push({offset: offset + index - 1, reason: `责任单位列表有空项：“${text[index - 1]}”之后没有单位名称，应删去多余的“${text[index - 1]}”`, actual: text[index - 1] + char})
      }
      if (stack.length === 0) {
        problems.push({offset: offset + index, reason: `责任单位列表括号不配对：多出一个“${char}”`, actual: char})
      } else {
        stack.pop()
      }
      expectEntry = false
    } else if (separators.has(char)) {
      if (expectEntry) {
        const previous = text[index - 1]
        problems.push({
          offset: offset + index,
          reason:
            previous && separators.has(previous)
              ? `责任单位列表有空项：连续两个“${previous}${char}”，应删去一个`
              : `责任单位列表有空项：“${char}”之前没有单位名称，应删去`,
          actual: char
        })
      }
      expectEntry = true
    } else if (!/\s/.test(char)) {
      expectEntry = false
    }
  }
  for (const open of stack) {
    problems.push({offset: offset + open, reason: `责任单位列表括号不配对：“${text[open]}”没有对应的右括号`, actual: text[open]})
  }
  if (expectEntry && !label && text.length > 0 && separators.has(text[text.length - 1])) {
    problems.push({offset: offset + text.length - 1, reason: `责任单位列表末尾多了“${text[text.length - 1]}”，应删去`, actual: text[text.length - 1]})
  }
  return problems
}

export const unitListSyntax = defineRule({
  id: 'unit-list-syntax',
  severity: 'error',
  doc: '责任单位列表不得有空项、多余的顿号或不配对的括号',
  run(context) {
    const {policy, source} = context
    const lists: Array<{text: string; offset: number | undefined; fallback: Position | undefined}> = []
    for (const domain of policy.children) {
      for (const clause of domain.children) {
        if (clause.unitsText === '') continue
        lists.push({text: clause.unitsText, offset: clauseOffsets(clause, source)?.units, fallback: clause.position})
      }
    }
    for (const item of policy.appendix?.children ?? []) {
      if (item.unitsText === '') continue
      const start = item.position?.start.offset
      const found = start === undefined ? -1 : source.value.indexOf(item.unitsText, start)
      lists.push({text: item.unitsText, offset: found === -1 ? undefined : found, fallback: item.position})
    }
    for (const list of lists) {
      for (const problem of unitListProblems(list.text, list.offset ?? 0)) {
        const place = list.offset === undefined ? list.fallback : source.span(problem.offset, problem.offset + problem.actual.length)
        context.report(problem.reason, place, {actual: problem.actual})
      }
    }
  }
})

export const clauseUnitsMissing = defineRule({
  id: 'clause-units-missing',
  severity: 'error',
  doc: '文中任务写有责任单位时，每一条都应写明责任单位',
  run(context) {
    const {policy, source} = context
    // The document's convention: where no task names a unit (many 若干措施, regulations), a task
    // without a list is how the document is written, not a slip.
    const clauses = policy.children.flatMap((domain) => domain.children)
    if (policy.duties === 'none' || !clauses.some((clause) => clause.units.length > 0)) return
    for (const domain of policy.children) {
      for (const clause of domain.children) {
        const offsets = clauseOffsets(clause, source)
        const place = offsets ? source.span(offsets.start, offsets.start + clause.label.length) : clause.position
        const name = clause.label ? `第 ${clause.label} 条` : `任务“${clause.title.replace(/[。；]$/, '')}”`
        // Effective date and interpretation clauses (`本措施自印发之日起施行`) carry no duty.
        if (clause.units.length === 0 && /自.{0,12}(施行|实施)|负责解释|有效期/.test(clause.title + clause.body)) continue
        if (clause.unitsText === '' && clause.duties.length === 0) {
          context.report(`${name}没有责任单位，应在条末写明“（责任单位：……）”`, place)
        } else if (clause.units.length === 0) {
          context.report(`${name}的责任单位列表“${clause.unitsText}”中没有单位名称`, place, {actual: clause.unitsText})
        }
      }
    }
  }
})

export const domainLeadMissing = defineRule({
  id: 'domain-lead-missing',
  severity: 'warning',
  doc: '文中有领域写明“（由……牵头实施）”时，每个政策领域都应写明牵头单位',
  run(context: RuleContext) {
    const {policy, source} = context
    // Only a document that names part leads (`（由……牵头实施）`) expects one on every part.
    if (!policy.children.some((domain) => domain.leads.length > 0)) return
    for (const domain of policy.children) {
      if (domain.leads.length > 0 || domain.implicit) continue
      const offset = domain.position?.start.offset
      const place = offset === undefined ? domain.position : source.span(offset, offset + domain.label.length)
      context.report(`领域“${domain.label}${domain.labelPunctuation}${domain.title}”没有写明牵头单位，应在标题后写“（由……牵头实施）”`, place)
    }
  }
})

export const unitRules: Rule[] = [unitUnknown, unitAlias, unitInconsistent, unitListSyntax, clauseUnitsMissing, domainLeadMissing]
