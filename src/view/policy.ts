/**
 * The policy itself (政策原文) as a document: title, status line, preamble, domains with their lead
 * phrase, clauses as numbered paragraphs exactly as written, closing, and the appendix as an annex
 * with its table. Every piece of text is the tree's own text, put together in source order; the
 * template escapes it, so the document reads back (for example from its .docx) to the same tree.
 */
import type {Appendix, Domain} from '../tree/types.ts'
import type {FrontMatter, ViewContext, ViewDocument} from './types.ts'
import {keepNames} from './keep.ts'
import {issuerBlock} from './common.ts'
import {unitDisplayNames} from './format.ts'

export interface PolicyClauseView {
  /** A `（一）` group heading that starts at this clause, as written; absent otherwise. */
  group?: string
  /** The clause as written: label, punctuation, title, body and responsibility list. */
  text: string
}

export interface PolicyDomainView {
  /** The heading as written: label, punctuation, title and the lead phrase `（由…牵头实施）`. */
  heading: string
  intro: string[]
  clauses: PolicyClauseView[]
}

export interface PolicyAppendixRow {
  /** 领域 cell: the domain name on the first row of a group, empty on the rows that continue it. */
  domain: string
  /** 事项 cell: number and matter (`1.发挥重大建设项目带动支撑作用`). */
  matter: string
  target: string
  /** 责任单位 cell as written. */
  units: string
}

export interface PolicyAppendixView {
  /** Label as written (`附件：`). */
  label: string
  title: string
  columns: string[]
  rows: PolicyAppendixRow[]
}

export interface PolicyView {
  meta: FrontMatter
  /** Status as written in the source (`征求意见稿`); the status line is `meta.subtitle`. */
  status?: string
  preamble: string[]
  domains: PolicyDomainView[]
  closing: string[]
  appendix?: PolicyAppendixView
}

/** Column headers used when the source's appendix table does not have the four usual columns. */
const defaultColumns = ['领域', '争取事项', '具体目标', '责任单位']


/**
 * The domain heading: label and punctuation as written, the title, and the lead phrase. The tree
 * keeps the lead units, not the phrase, so the phrase is written in the standard form
 * `（由…牵头实施）` (the form of the sample and of docs/source-format.md).
 */
export function domainHeading(domain: Domain): string {
  if (domain.implicit) return ''
  const leads = unitDisplayNames(domain.leads, 'written').join('、')
  return domain.label + domain.labelPunctuation + domain.title + (leads ? `（由${leads}牵头实施）` : '')
}

function appendixView(appendix: Appendix): PolicyAppendixView {
  let previous: string | undefined
  const rows = appendix.children.map((item) => {
    // An empty 领域 cell continues the group above, as in the source table.
    const domain = item.domainName === previous ? '' : item.domainName
    previous = item.domainName
    return {domain, matter: `${item.number}.${item.title}`, target: item.target, units: item.unitsText}
  })
  return {
    label: appendix.label,
    title: appendix.title,
    columns: appendix.columns.length === defaultColumns.length ? [...appendix.columns] : [...defaultColumns],
    rows
  }
}

export function policyView(context: ViewContext): PolicyView {
  const {policy, config} = context
  const issuer = issuerBlock(policy, config)
  return {
    meta: {
      kind: 'policy',
      layout: 'official',
      title: policy.title,
      subtitle: policy.status ? `（${policy.status}）` : undefined,
      created: issuer.created,
      keep: keepNames(context)
    },
    status: policy.status,
    preamble: policy.preamble.map((t) => t.value),
    domains: policy.children.map((domain) => {
      let group: string | undefined
      return {
        heading: domainHeading(domain),
        intro: domain.intro.map((t) => t.value),
        clauses: domain.children.map((clause) => {
          const starts = clause.group !== undefined && clause.group !== group
          group = clause.group
          // A part-level task starts with the part's heading, which the heading above already prints.
          const partLevel = clause.position !== undefined && clause.position.start.offset === domain.position?.start.offset
          const text = partLevel
            ? (clause.body + clause.unitsText).replace(/^\n+/, '')
            : clause.label + clause.labelPunctuation + clause.title + clause.body + clause.unitsText
          return starts ? {group: clause.group, text} : {text}
        })
      }
    }),
    closing: policy.closing.map((t) => t.value),
    appendix: policy.appendix ? appendixView(policy.appendix) : undefined
  }
}

export function policyDocuments(context: ViewContext): Array<ViewDocument<PolicyView>> {
  return [{template: 'policy', path: ['政策原文'], label: '政策原文', data: policyView(context)}]
}
