/**
 * The bureau task lists (各单位任务清单): one per top-level unit with any duty. Duties of sub-units
 * are listed in their parent's list and marked (`note`).
 */
import type {AppendixItem, Clause, Domain} from '../tree/types.ts'
import type {FrontMatter, ViewContext, ViewDocument} from './types.ts'
import {keepNames} from './keep.ts'
import {collectDuties, splitRoles, type Duty, type UnitDuties} from './duties.ts'
import {chineseNumeral, joinNames, unitDisplayNames} from './format.ts'
import {appendixTaskId, commonDeadline, issuerBlock, taskDeadlines, type TaskDeadline} from './common.ts'
import {clauseLabel} from './notice.ts'
import {contactDetails, unitsByName} from './contacts.ts'

export interface TaskDomain {
  numeral: string
  ordinal: number
  title: string
  /** Clauses in the domain. */
  clauseCount: number
  note: string
}

export interface TaskClause {
  index: number
  number: number
  /** `1.发挥重大建设项目带动支撑作用。` */
  clause: string
  content: string
  /** `一、扩大有效投资政策` */
  domain: string
  /** Lead units of the clause, joined. */
  lead: string
  /** Supporting units of the clause, joined (other units than this one included). */
  supports: string
  /** Other units in the clause (co-leads and supporters except this unit), joined. */
  partners: string
  /** 完成时限 of this task as shown ('' when none). */
  deadline: string
  /** Sub-unit marking, for example `由区委人才办承担` or `含区国资办`; empty when the unit is named itself. */
  note: string
}

export interface TaskItem {
  index: number
  number: number
  domain: string
  title: string
  target: string
  /** `牵头` or `配合`. */
  role: string
  units: string
  /** 完成时限 of the item ('' when none). */
  deadline: string
  note: string
}

export interface TaskTarget {
  index: number
  /** `1.发挥…。` or `一、扩大有效投资政策` for a domain target. */
  source: string
  text: string
  /** `牵头` or `配合`. */
  role: string
}

export interface TaskListView {
  meta: FrontMatter
  unit: string
  fullName?: string
  /** True when the unit is in the registry. */
  known: boolean
  /** The unit's public contact from the registry (`投资科；电话…；地址…`), as the interpretation prints it; empty when none. */
  contact: string
  /** Lead units of the clauses this unit supports, with their phone or office (`区科技局 电话0573-…`); only those the registry gives a contact for. */
  leadContacts: string[]
  policyTitle: string
  /** 完成时限 shared by all this unit's clauses and items, for the opening sentence; '' when they differ, are not plain dates, or there are none. */
  deadline: string
  /** True when any clause or item has a 完成时限 (the clause and item tables then have the column). */
  deadlineColumn: boolean
  counts: {domains: number; leads: number; supports: number; items: number; targets: number; total: number}
  domains: TaskDomain[]
  leads: TaskClause[]
  supports: TaskClause[]
  items: TaskItem[]
  targets: TaskTarget[]
}

const roleName = {lead: '牵头', support: '配合'} as const

/** `由区委人才办承担` / `含区国资办` when the unit holds the duty through sub-units; ''. */
export function dutyNote(duty: Duty<unknown>): string {
  if (duty.via.length === 0) return ''
  return duty.direct ? `含${joinNames(duty.via)}` : `由${joinNames(duty.via)}承担`
}

function domainLabel(domain: Domain | undefined): string {
  return domain && !domain.implicit ? `${chineseNumeral(domain.ordinal)}、${domain.title}` : ''
}

/** What the task lists of one policy share, worked out once for all units. */
interface Shared {
  issuer: ReturnType<typeof issuerBlock>
  keep: string[]
  units: ReturnType<typeof unitsByName>
  taskDeadline: ReturnType<typeof taskDeadlines>
}

function shared(context: ViewContext): Shared {
  const {policy, config} = context
  return {issuer: issuerBlock(policy, config), keep: keepNames(context), units: unitsByName(context.registry), taskDeadline: taskDeadlines(policy, config)}
}

export function tasklistView(context: ViewContext, duties: UnitDuties, common: Shared = shared(context)): TaskListView {
  const {policy} = context
  const {issuer, units, taskDeadline} = common
  const name = duties.unit.name
  const dues: Array<TaskDeadline | undefined> = []
  const clauseRow = (duty: Duty<Clause>, index: number): TaskClause => {
    const clause = duty.node
    const {leads, supports} = splitRoles(clause.units)
    const due = taskDeadline({id: clause.id, part: duty.domain?.ordinal ?? 0, deadline: clause.deadline})
    dues.push(due)
    const partners = unitDisplayNames(clause.units.filter((ref) => ref.name !== name && !duty.via.includes(ref.name)))
    return {
      index,
      number: clause.number,
      clause: clauseLabel(clause),
      content: clause.body,
      domain: domainLabel(duty.domain),
      lead: joinNames(unitDisplayNames(leads)),
      supports: joinNames(unitDisplayNames(supports)),
      partners: joinNames(partners),
      deadline: due?.text ?? '',
      note: dutyNote(duty)
    }
  }
  const leadDuties = duties.clauses.filter((d) => d.role === 'lead')
  const supportDuties = duties.clauses.filter((d) => d.role === 'support')
  const leads = leadDuties.map((d, i) => clauseRow(d, i + 1))
  const supports = supportDuties.map((d, i) => clauseRow(d, i + 1))
  const items: TaskItem[] = duties.items.map((duty: Duty<AppendixItem>, i) => {
    const due = taskDeadline({id: appendixTaskId(duty.node), part: duty.node.domain})
    dues.push(due)
    return {
      index: i + 1,
      number: duty.node.number,
      domain: duty.node.domainName,
      title: duty.node.title,
      target: duty.node.target,
      role: roleName[duty.role],
      units: joinNames(unitDisplayNames(duty.node.units)),
      deadline: due?.text ?? '',
      note: dutyNote(duty)
    }
  })
  const targets: TaskTarget[] = []
  for (const duty of duties.domains) {
    for (const target of duty.node.targets ?? []) targets.push({index: 0, source: domainLabel(duty.node), text: target.text, role: '牵头'})
  }
  for (const duty of [...leadDuties, ...supportDuties].sort((a, b) => a.node.number - b.node.number)) {
    for (const target of duty.node.targets ?? []) targets.push({index: 0, source: clauseLabel(duty.node), text: target.text, role: roleName[duty.role]})
  }
  targets.forEach((t, i) => (t.index = i + 1))
  const domains = duties.domains.map((duty) => ({
    numeral: chineseNumeral(duty.node.ordinal),
    ordinal: duty.node.ordinal,
    title: duty.node.title,
    clauseCount: duty.node.children.length,
    note: dutyNote(duty)
  }))
  return {
    meta: {
      kind: 'tasklist',
      layout: 'official',
      title: `《${policy.title}》任务清单`,
      subtitle: name,
      signature: issuer.issuer,
      date: issuer.date,
      created: issuer.created,
      keep: common.keep
    },
    unit: name,
    fullName: duties.unit.fullName,
    known: duties.unit.known,
    contact: contactDetails(units.get(name)),
    leadContacts: [...new Set(supportDuties.flatMap((d) => splitRoles(d.node.units).leads.map((ref) => ref.name)))]
      .filter((lead) => lead !== name && contactDetails(units.get(lead)))
      .map((lead) => `${lead} ${units.get(lead)!.phone ? `电话${units.get(lead)!.phone}` : contactDetails(units.get(lead))}`),
    policyTitle: policy.title,
    deadline: commonDeadline(dues),
    deadlineColumn: dues.some((d) => d !== undefined),
    counts: {
      domains: domains.length,
      leads: leads.length,
      supports: supports.length,
      items: items.length,
      targets: targets.length,
      total: leads.length + supports.length + items.length
    },
    domains,
    leads,
    supports,
    items,
    targets
  }
}

export function tasklistViews(context: ViewContext): TaskListView[] {
  const common = shared(context)
  return collectDuties(context.policy, context.registry).units.map((duties) => tasklistView(context, duties, common))
}

export function tasklistDocuments(context: ViewContext): Array<ViewDocument<TaskListView>> {
  return tasklistViews(context).map((view) => ({
    template: 'tasklist',
    path: ['各单位任务清单', view.unit],
    label: view.unit,
    data: view
  }))
}
