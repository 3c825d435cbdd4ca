/**
 * The ledger (任务台账): every task × responsible unit as one row, with the task's stable id, role
 * and 完成时限. The ledger workbook is written from it, and `collect` reads returned ledgers against
 * it (which rows exist, whose they are, when they are due). Clauses are the tree's tasks (`Clause.id`);
 * appendix items are tasks too (`附3`). Sub-units are folded into their top unit (`说明` says so).
 */
import type {AppendixItem, Clause, Deadline, Domain} from '../tree/types.ts'
import type {ViewContext} from './types.ts'
import {collectDuties, splitRoles, type Duty} from './duties.ts'
import {chineseNumeral, joinNames, unitDisplayNames} from './format.ts'
import {appendixTaskId, issuerBlock, taskDeadlines} from './common.ts'
import {clauseLabel} from './notice.ts'
import {dutyNote} from './tasklist.ts'

/** What a bureau may choose in 落实状态, in the drop-down's order. */
export const statuses = ['未开始', '推进中', '已完成', '滞后', '无法推进'] as const
export type Status = (typeof statuses)[number]

export interface LedgerRow {
  /** Stable task id: `1.3` (a clause), `附3` (an appendix item). */
  id: string
  kind: '条款' | '争取事项'
  /** Part ordinal (1-based); 0 for an appendix item whose domain matched no part. */
  part: number
  /** `一、扩大有效投资政策`, or `附件` for an unmatched appendix item. */
  partLabel: string
  /** `1.发挥重大建设项目带动支撑作用。` or `3.争取专项债`. */
  task: string
  /** Clause body, or the item's 具体目标. */
  content: string
  /** The responsible (top-level) unit of this row. */
  unit: string
  role: '牵头' | '配合'
  /** All lead units of the task, joined. */
  lead: string
  /** All supporting units of the task, joined. */
  supports: string
  /** `由区国资办承担` / `含区国资办` when sub-units hold the duty; ''. */
  note: string
  /** 完成时限 as shown; '' when none. */
  deadline: string
  /** ISO date of the 完成时限 when it is one. */
  deadlineDate?: string
  /** Order of the task in the policy (0-based), for sorting. */
  order: number
}

export interface LedgerUnit {
  unit: string
  rows: LedgerRow[]
  lead: number
  support: number
}

export interface LedgerPart {
  ordinal: number
  label: string
  /** Distinct tasks in the part. */
  tasks: number
  /** Task × unit rows: lead and supporting. */
  lead: number
  support: number
}

export interface LedgerView {
  policyTitle: string
  /** `《…》任务台账`: the first cell of every sheet starts with it, so a returned sheet names its policy. */
  title: string
  /** Fixed timestamp (ISO) for file metadata; never the clock. */
  created?: string
  /** Every row, in policy order (task by task; within a task, units in the duty order). */
  rows: LedgerRow[]
  /** Units in registry order, each with its rows in policy order. */
  units: LedgerUnit[]
  parts: LedgerPart[]
}

const roleName = {lead: '牵头', support: '配合'} as const

/** `《title》任务台账` — also how `collect` recognises a ledger of this policy. */
export function ledgerTitle(policyTitle: string): string {
  return `《${policyTitle}》任务台账`
}

export function ledgerView(context: ViewContext): LedgerView {
  const {policy, config} = context
  const duties = collectDuties(policy, context.registry)
  const taskDeadline = taskDeadlines(policy, config)
  const order = new Map<Clause | AppendixItem, number>()
  for (const domain of policy.children) for (const clause of domain.children) order.set(clause, order.size)
  for (const item of policy.appendix?.children ?? []) order.set(item, order.size)
  const domains = new Map<number, Domain>()
  for (const domain of policy.children) if (!domains.has(domain.ordinal)) domains.set(domain.ordinal, domain)
  const partLabel = (ordinal: number) => {
    const domain = domains.get(ordinal)
    return domain ? `${chineseNumeral(domain.ordinal)}、${domain.title}` : '附件'
  }
  const units: LedgerUnit[] = duties.units.map((entry) => {
    const unit = entry.unit.name
    /** One row: what differs between a clause and an appendix item is passed in. */
    const row = (
      duty: Duty<Clause | AppendixItem>,
      task: Pick<LedgerRow, 'id' | 'kind' | 'part' | 'task' | 'content'>,
      deadline: Deadline | undefined
    ): LedgerRow => {
      const {leads, supports} = splitRoles(duty.node.units)
      const due = taskDeadline({id: task.id, part: task.part, deadline})
      return {
        ...task,
        partLabel: partLabel(task.part),
        unit,
        role: roleName[duty.role],
        lead: joinNames(unitDisplayNames(leads)),
        supports: joinNames(unitDisplayNames(supports)),
        note: dutyNote(duty),
        deadline: due?.text ?? '',
        deadlineDate: due?.date,
        order: order.get(duty.node)!
      }
    }
    const rows: LedgerRow[] = [
      ...entry.clauses.map((duty) =>
        row(duty, {id: duty.node.id, kind: '条款', part: duty.domain?.ordinal ?? 0, task: clauseLabel(duty.node), content: duty.node.body}, duty.node.deadline)
      ),
      ...entry.items.map((duty) =>
        row(
          duty,
          {id: appendixTaskId(duty.node), kind: '争取事项', part: duty.node.domain, task: `附件第${duty.node.number}项：${duty.node.title}`, content: duty.node.target},
          undefined
        )
      )
    ]
    rows.sort((a, b) => a.order - b.order)
    return {unit, rows, lead: rows.filter((r) => r.role === '牵头').length, support: rows.filter((r) => r.role === '配合').length}
  })
  const unitRank = new Map(units.map((u, i) => [u.unit, i]))
  const rows = units
    .flatMap((u) => u.rows)
    .sort((a, b) => a.order - b.order || (a.role === b.role ? 0 : a.role === '牵头' ? -1 : 1) || unitRank.get(a.unit)! - unitRank.get(b.unit)!)
  // Rows by part in one pass (not a filter of every row per part: a long policy has hundreds of parts).
  const byPart = new Map<number, LedgerRow[]>()
  for (const row of rows) {
    const inPart = byPart.get(row.part)
    if (inPart) inPart.push(row)
    else byPart.set(row.part, [row])
  }
  const ordinals = [...byPart.keys()].sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : a - b))
  const parts = ordinals.map((ordinal) => {
    const inPart = byPart.get(ordinal)!
    return {
      ordinal,
      label: partLabel(ordinal),
      tasks: new Set(inPart.map((r) => r.id)).size,
      lead: inPart.filter((r) => r.role === '牵头').length,
      support: inPart.filter((r) => r.role === '配合').length
    }
  })
  return {policyTitle: policy.title, title: ledgerTitle(policy.title), created: issuerBlock(policy, config).created, rows, units, parts}
}
