/**
 * The responsibility-split notice (责任分工通知): an official notice from the general office with
 * the responsibility table (grouped by domain) and the appendix items as attachments.
 */
import type {Clause} from '../tree/types.ts'
import type {FrontMatter, ViewContext, ViewDocument} from './types.ts'
import {collectDuties, splitRoles} from './duties.ts'
import {chineseNumeral, joinNames, unitDisplayNames} from './format.ts'
import {commonDeadline, issuerBlock, taskDeadlines, type TaskDeadline} from './common.ts'
import {keepNames} from './keep.ts'

export interface NoticeRow {
  /** 序号: running row number across the whole table. */
  index: number
  /** Clause number in the policy. */
  number: number
  /** 政策条款: number and title, `1.发挥重大建设项目带动支撑作用。`. */
  clause: string
  /** The clause title alone (the table's 序号 already carries the number). */
  clauseTitle: string
  /** 主要内容: the clause body. */
  content: string
  /** 牵头单位, joined (`区发改局`). */
  lead: string
  /** 配合单位, joined (`区财政局、区资规分局`); empty when none. */
  supports: string
  leadUnits: string[]
  supportUnits: string[]
  /** 完成时限 of this task, as written (`2024年6月底前`, `持续推进`) or formatted (`2024年12月31日`); '' when none. */
  deadline: string
}

export interface NoticeGroup {
  /** The one unnamed part of a flat list of tasks: no heading row. */
  implicit: boolean
  /** Domain ordinal as a Chinese numeral (`一`). */
  numeral: string
  ordinal: number
  title: string
  /** Lead units of the domain, joined; empty when none named. */
  leads: string
  rows: NoticeRow[]
}

export interface NoticeAppendixRow {
  index: number
  domain: string
  title: string
  target: string
  lead: string
  supports: string
  /** All responsible units as written in the table, canonical names joined. */
  units: string
}

export interface NoticeView {
  meta: FrontMatter
  policyTitle: string
  /** 完成时限 shared by every task, formatted for the body text; '' when the tasks' deadlines differ or there are none. */
  deadline: string
  /** True when any task has a 完成时限 (the table then has the column). */
  deadlineColumn: boolean
  /** Attachment titles in order (also in `meta.attachments`). */
  tableTitle: string
  groups: NoticeGroup[]
  clauseCount: number
  unitCount: number
  appendix?: {title: string; label: string; rows: NoticeAppendixRow[]}
}

/** `1.发挥…。` for the sample's numbered clauses; other labels as written (`（一）加大…。`, or the title alone). */
export function clauseLabel(clause: Clause): string {
  if (clause.label === '' || /^[0-9０-９]+$/.test(clause.label)) return clause.label === '' ? clause.title : `${clause.number}.${clause.title}`
  return clause.label + clause.labelPunctuation.trim() + clause.title
}

export function noticeView(context: ViewContext): NoticeView {
  const {policy, config} = context
  const duties = collectDuties(policy, context.registry)
  const issuer = issuerBlock(policy, config)
  let index = 0
  const dues: Array<TaskDeadline | undefined> = []
  const taskDeadline = taskDeadlines(policy, config)
  // Parts with no tasks (指导思想, 基本原则…) have nothing to split; a flat list has one unnamed part.
  const groups: NoticeGroup[] = policy.children.filter((domain) => domain.children.length > 0).map((domain) => ({
    implicit: domain.implicit === true,
    numeral: chineseNumeral(domain.ordinal),
    ordinal: domain.ordinal,
    title: domain.title,
    leads: joinNames(unitDisplayNames(domain.leads)),
    rows: domain.children.map((clause) => {
      const {leads, supports} = splitRoles(clause.units)
      const leadUnits = unitDisplayNames(leads)
      const supportUnits = unitDisplayNames(supports)
      const due = taskDeadline({id: clause.id, part: domain.ordinal, deadline: clause.deadline})
      dues.push(due)
      return {
        index: ++index,
        number: clause.number,
        clause: clauseLabel(clause),
        clauseTitle: clause.title,
        // Paragraphs of a multi-paragraph task run on in the table cell.
        content: clause.body.replace(/^\n+/, '').replace(/\n+/g, ''),
        lead: joinNames(leadUnits),
        supports: joinNames(supportUnits),
        leadUnits,
        supportUnits,
        deadline: due?.text ?? ''
      }
    })
  }))
  const tableTitle = `《${policy.title}》责任分工表`
  const appendixTitle = policy.appendix ? `${policy.appendix.title}责任分工表` : undefined
  const recipients = config.recipients && config.recipients.length > 0 ? [...config.recipients] : duties.units.map((d) => d.unit.name)
  return {
    meta: {
      kind: 'notice',
      layout: 'official',
      title: `关于印发《${policy.title}》责任分工的通知`,
      issuerMark: issuer.issuerMark,
      documentNumber: issuer.documentNumber,
      recipients,
      recipientsCollective: config.recipientsCollective ?? '各有关单位',
      attachments: appendixTitle ? [tableTitle, appendixTitle] : [tableTitle],
      signature: issuer.issuer,
      date: issuer.date,
      copiesTo: issuer.copiesTo,
      printedBy: issuer.printedBy,
      printedDate: issuer.date,
      created: issuer.created,
      signatureMode: config.signature ?? 'sealed',
      signer: config.signer,
      signerTitle: config.signerTitle,
      keep: keepNames(context)
    },
    policyTitle: policy.title,
    deadline: commonDeadline(dues),
    deadlineColumn: dues.some((d) => d !== undefined),
    tableTitle,
    groups,
    clauseCount: index,
    unitCount: duties.units.length,
    appendix:
      policy.appendix && appendixTitle
        ? {
            title: appendixTitle,
            label: policy.appendix.title,
            rows: policy.appendix.children.map((item, i) => {
              const {leads, supports} = splitRoles(item.units)
              return {
                index: i + 1,
                domain: item.domainName,
                title: item.title,
                target: item.target,
                lead: joinNames(unitDisplayNames(leads)),
                supports: joinNames(unitDisplayNames(supports)),
                units: joinNames(unitDisplayNames(item.units))
              }
            })
          }
        : undefined
  }
}

export function noticeDocuments(context: ViewContext): Array<ViewDocument<NoticeView>> {
  // No task names a unit: there is no responsibility split to notify (the build says so).
  if (context.policy.duties === 'none') return []
  return [{template: 'notice', path: ['责任分工通知'], label: '责任分工通知', data: noticeView(context)}]
}
