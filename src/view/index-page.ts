/**
 * index.html of a build: links to every document and the check summary. Built after the other
 * documents, from their output paths; rendered through `templates/index.md.hbs` like any view.
 */
import type {Policy} from '../tree/types.ts'
import type {FrontMatter} from './types.ts'
import type {TaskListView} from './tasklist.ts'

export interface IndexLink {
  label: string
  /** Path relative to the output folder, `/`-separated (not yet percent-encoded). */
  href: string
}

/** A check message as the index lists it. */
export interface IndexMessage {
  /** `12:3` (line:column) or empty. */
  place: string
  /** `错误` / `警告` / `提示`. */
  severity: string
  rule: string
  reason: string
}

export interface IndexView {
  meta: FrontMatter
  status?: string
  domainCount: number
  clauseCount: number
  itemCount: number
  unitCount: number
  notice: IndexLink[]
  units: Array<{label: string; leads: number; supports: number; items: number; files: IndexLink[]}>
  data: IndexLink[]
  messages: IndexMessage[]
  counts: {error: number; warning: number; info: number}
  truncated: boolean
  shown: number
}

export interface IndexInput {
  policy: Policy
  created?: string
  notice: IndexLink[]
  units: Array<{view: TaskListView; files: IndexLink[]}>
  data: IndexLink[]
  messages: ReadonlyArray<{line?: number | null; column?: number | null; fatal?: boolean | null; ruleId?: string | null; source?: string | null; reason: string}>
  /** Most messages listed; the counts cover all. Default 500. */
  limit?: number
}

const severityName = (fatal: boolean | null | undefined) => (fatal === true ? '错误' : fatal === false ? '警告' : '提示')

export function indexView(input: IndexInput): IndexView {
  const {policy} = input
  const limit = input.limit ?? 500
  const counts = {error: 0, warning: 0, info: 0}
  for (const m of input.messages) {
    if (m.fatal === true) counts.error++
    else if (m.fatal === false) counts.warning++
    else counts.info++
  }
  const messages = input.messages.slice(0, limit).map((m) => ({
    place: m.line ? `${m.line}:${m.column ?? 1}` : '',
    severity: severityName(m.fatal),
    rule: m.ruleId ?? '',
    reason: m.reason
  }))
  return {
    meta: {kind: 'index', layout: 'official', title: policy.title, subtitle: '生成文件一览', created: input.created},
    status: policy.status,
    domainCount: policy.children.length,
    clauseCount: policy.children.reduce((n, d) => n + d.children.length, 0),
    itemCount: policy.appendix?.children.length ?? 0,
    unitCount: input.units.length,
    notice: input.notice,
    units: input.units.map(({view, files}) => ({
      label: view.unit,
      leads: view.counts.leads,
      supports: view.counts.supports,
      items: view.counts.items,
      files
    })),
    data: input.data,
    messages,
    counts,
    truncated: input.messages.length > limit,
    shown: messages.length
  }
}
