/**
 * Pieces shared by the document views: the issuer block of the front matter, the deadline and
 * the policy year.
 */
import type {AppendixItem, Deadline, Policy} from '../tree/types.ts'
import type {Config} from '../config/types.ts'
import {formatDate, isoTimestamp} from './format.ts'

/** Issuer, dates and imprint fields from config first, then the policy's own metadata. */
export interface IssuerBlock {
  issuer?: string
  issuerMark?: string
  documentNumber?: string
  /** 成文日期 formatted (`2024年3月5日`). */
  date?: string
  /** 成文日期 as ISO `YYYY-MM-DD`. */
  isoDate?: string
  copiesTo?: string[]
  printedBy?: string
  /** Fixed timestamp for file metadata, from the date; never the clock. */
  created?: string
}

export function issuerBlock(policy: Policy, config: Config): IssuerBlock {
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined)
  const issuer = config.issuer ?? str(policy.meta.issuer)
  const isoDate = config.date ?? str(policy.meta.date)
  return {
    issuer,
    issuerMark: config.issuerMark ?? (issuer ? `${issuer}文件` : undefined),
    documentNumber: config.documentNumber ?? str(policy.meta.documentNumber),
    date: formatDate(isoDate),
    isoDate,
    copiesTo: config.copiesTo && config.copiesTo.length > 0 ? [...config.copiesTo] : undefined,
    printedBy: config.printedBy ?? issuer,
    created: isoTimestamp(isoDate)
  }
}

/**
 * The year the policy runs for: the year most often stated by extracted budgets and targets,
 * else the year most often written as `NNNN年` in domain and clause text, else the config date's year.
 */
export function policyYear(policy: Policy, config: Config): number | undefined {
  const counts = new Map<number, number>()
  const bump = (year: number | undefined) => {
    if (year !== undefined && year > 1900 && year < 2200) counts.set(year, (counts.get(year) ?? 0) + 1)
  }
  for (const domain of policy.children) {
    for (const target of domain.targets ?? []) bump(target.year)
    for (const clause of domain.children) {
      for (const budget of clause.budgets ?? []) bump(budget.year)
      for (const target of clause.targets ?? []) bump(target.year)
    }
  }
  if (counts.size === 0) {
    const texts = policy.children.flatMap((d) => [
      ...d.intro.map((t) => t.value),
      ...d.children.flatMap((c) => [c.title, c.body])
    ])
    for (const text of texts) for (const match of text.matchAll(/(\d{4})年/g)) bump(Number(match[1]))
  }
  let best: number | undefined
  for (const [year, count] of counts) if (best === undefined || count > counts.get(best)! || (count === counts.get(best) && year > best)) best = year
  if (best !== undefined) return best
  const fromDate = /^(\d{4})-/.exec(config.date ?? '')
  return fromDate ? Number(fromDate[1]) : undefined
}

/** 完成时限: `config.deadline`, else the end of the policy year, formatted; empty when unknown. */
export function deadline(policy: Policy, config: Config): string {
  return policyDeadline(policy, config)?.text ?? ''
}

/** The policy-wide 完成时限 (`deadline`) with its ISO date; undefined when unknown. */
function policyDeadline(policy: Policy, config: Config): {text: string; date: string} | undefined {
  if (config.deadline) return {text: formatDate(config.deadline) ?? '', date: config.deadline}
  const year = policyYear(policy, config)
  return year === undefined ? undefined : {text: `${year}年12月31日`, date: `${year}-12-31`}
}

/** One task's 完成时限 as shown: `text` as written (dates formatted `2024年6月30日`), `date` ISO when it is one. */
export interface TaskDeadline {
  text: string
  date?: string
  source: Deadline['source']
}

/** The stable task id of an appendix item (`附3`): the tree's ids are for clauses. */
export function appendixTaskId(item: AppendixItem): string {
  return `附${item.number}`
}

/** Where a task sits: its id and its part's ordinal (appendix items: the part their domain matched, 0 if none). */
export interface TaskPlace {
  id: string
  part: number
  /** The policy's own deadline for the task (the tree's `Clause.deadline`). */
  deadline?: Deadline
}

/**
 * A task's 完成时限: the policy text's own (tree) first, then `deadlines.tasks[id]`,
 * `deadlines.parts[part]`, `deadlines.default`, and last the policy-wide `deadline(policy, config)`.
 * Undefined when none of them gives one.
 */
export function taskDeadline(task: TaskPlace, policy: Policy, config: Config): TaskDeadline | undefined {
  return taskDeadlines(policy, config)(task)
}

/**
 * `taskDeadline` for many tasks of one policy: the policy-wide fallback (a walk of the whole tree
 * when the config has no `deadline`) is worked out once, not once per task.
 */
export function taskDeadlines(policy: Policy, config: Config): (task: TaskPlace) => TaskDeadline | undefined {
  let fallback: {text: string; date: string} | undefined | null = null
  return (task) => {
    if (task.deadline) {
      return {text: task.deadline.text, date: task.deadline.date, source: task.deadline.source}
    }
    const configured = config.deadlines?.tasks?.[task.id] ?? config.deadlines?.parts?.[task.part] ?? config.deadlines?.default
    if (configured) {
      const text = configured.date && configured.text === configured.date ? formatDate(configured.date)! : configured.text
      return configured.date ? {text, date: configured.date, source: 'config'} : {text, source: 'config'}
    }
    if (fallback === null) fallback = policyDeadline(policy, config)
    return fallback && {...fallback, source: 'config'}
  }
}

/**
 * The deadline every task shares, for a sentence such as `于2024年12月31日前完成`: '' when the tasks'
 * deadlines differ, when there are none, or when the shared one is not a plain date (`6月底前`, `持续推进`).
 */
export function commonDeadline(deadlines: ReadonlyArray<TaskDeadline | undefined>): string {
  const texts = new Set(deadlines.map((d) => (d?.date && d.text === formatDate(d.date) ? d.text : '')))
  return texts.size === 1 ? [...texts][0]! : ''
}

/**
 * `deadlines:` entries that name no task or part of this policy (a typo would otherwise go unnoticed),
 * as warnings in Chinese.
 */
export function unusedDeadlines(policy: Policy, config: Config): string[] {
  const warnings: string[] = []
  const ids = new Set([
    ...policy.children.flatMap((d) => d.children.map((c) => c.id)),
    ...(policy.appendix?.children ?? []).map(appendixTaskId)
  ])
  for (const id of Object.keys(config.deadlines?.tasks ?? {})) {
    if (!ids.has(id)) warnings.push(`配置项 deadlines.tasks 里的任务编号“${id}”在政策中没有，这个完成时限没有用上；任务编号见任务台账的“任务编号”列`)
  }
  const parts = new Set(policy.children.map((d) => d.ordinal))
  for (const part of Object.keys(config.deadlines?.parts ?? {})) {
    if (!parts.has(Number(part))) warnings.push(`配置项 deadlines.parts 里的第${part}部分在政策中没有（政策共${policy.children.length}个部分），这个完成时限没有用上`)
  }
  return warnings
}
