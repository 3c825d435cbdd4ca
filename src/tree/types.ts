/**
 * The policy tree: one structured document that every stage after the readers reads.
 *
 * Nodes are unist nodes (`type` + `position`), so unist utilities and vfile messages work on
 * them. Every node keeps the position of its source text, so a check message, a table row or
 * a leaflet line can point back at the line it came from.
 */
import type {Position} from 'unist'

export type {Position}

/** A run of source text with its place. `value` is verbatim (after reader normalisation). */
export interface Text {
  type: 'text'
  value: string
  position?: Position
}

/** The whole policy. */
export interface Policy {
  type: 'policy'
  /** Title as written, for example `嘉兴市秀洲区贯彻…承接落实方案`. */
  title: string
  /** Status from a bracketed line under the title or the front matter, for example `征求意见稿`. */
  status?: string
  /** Metadata from front matter or config (issuer, document number, date…), strings only. */
  meta: PolicyMeta
  /** Paragraphs between the title and the first domain. */
  preamble: Text[]
  children: Domain[]
  /** Paragraphs after the last clause and before the appendix. */
  closing: Text[]
  /**
   * Front matter of a real document that is not the policy itself: issuer lines, document
   * number, recipients, the wrapping notice (`…现印发给你们，请认真贯彻执行。`), signature and date.
   * Absent for a text that starts with its own title (the sample).
   */
  front?: Front
  /**
   * How responsibilities are stated in this document, learnt by the parser:
   * `units` when tasks carry duty lists, `none` when no task names a unit (many 若干措施),
   * so views can say there is no responsibility split instead of rendering empty tables.
   */
  duties?: 'units' | 'none'
  /**
   * The document's own statement of who leads, as written (`列第一位者为牵头单位，下同`,
   * `注：主要责任单位第一个为牵头单位…`); the parser reads the first-listed unit as lead either way.
   */
  leadConvention?: string
  appendix?: Appendix
  /** Total support funds as the policy states them (`支持总额约26亿元`), filled by the extraction step. */
  fundsTotal?: FundsTotal
  position?: Position
}

/** A total the policy states outside its clauses, in the closing or the preamble. */
export interface FundsTotal {
  value: number
  unit: string
  /** Qualifier written before the figure (`约`, `近`, `超过`), or ''. */
  qualifier: string
  /** The sentence as written. */
  text: string
  /** Where it stands: `closing` or `preamble`, and the 1-based paragraph there. */
  place: 'closing' | 'preamble'
  paragraph: number
  position?: Position
}

/** What surrounds the policy in a real document (none of it is a task). */
export interface Front {
  /** Issuer lines above the title, as written. */
  issuer?: Text[]
  /** 发文字号 as written, for example `国发〔2019〕3号` (brackets kept when the source has them). */
  documentNumber?: Text
  /** Recipients line ending in `：`, as written. */
  recipients?: Text
  /** The wrapping notice's paragraphs (`…现印发给你们，请认真贯彻执行。`), when the policy is attached to one. */
  notice?: Text[]
  /** Title of the wrapping notice, when it differs from the policy's own title. */
  noticeTitle?: string
  /** Signature line(s) and date at the end, as written. */
  signature?: Text[]
  /** 成文日期 read from the signature, ISO `YYYY-MM-DD`. */
  date?: string
}

export interface PolicyMeta {
  /** 发文机关, for example `嘉兴市秀洲区人民政府办公室`. */
  issuer?: string
  /** 发文字号, for example `秀政办发〔2024〕5号`. */
  documentNumber?: string
  /** 成文日期 as ISO `YYYY-MM-DD`. */
  date?: string
  status?: string
  [key: string]: unknown
}

/** A policy domain (一、扩大有效投资政策（由区发改局牵头实施）). */
export interface Domain {
  type: 'domain'
  /** 1-based position among the domains. */
  ordinal: number
  /** Label as written (`一`, `1`, `二`…), without the punctuation after it. */
  label: string
  /** Punctuation after the label as written (`、`, `.`, `．`), for the numbering checks. */
  labelPunctuation: string
  /** Title without the lead phrase, for example `扩大有效投资政策`. */
  title: string
  /** Units named in `（由…牵头实施）`. */
  leads: UnitRef[]
  /** Introductory paragraph(s) under the heading, before the first clause. */
  intro: Text[]
  /** Measurable targets of the introduction (filled by the extraction step). */
  targets: Target[]
  /** Optional sub-level `（一）` groups are flattened: clauses carry their group label. */
  children: Clause[]
  /**
   * True for the one part the parser makes for a document with no part level (a flat list of
   * tasks `一、…三十、`): it has no label, no title and no heading in the source.
   */
  implicit?: boolean
  /** Boxes (`专栏3 …`) between the tasks: kept as text, never tasks. */
  boxes?: Text[]
  position?: Position
}

/**
 * A task: the unit that carries duties, at whatever depth the document puts it (a numbered
 * clause, an item under a group, an unnumbered paragraph ending in a duty list, a table row).
 */
export interface Clause {
  type: 'clause'
  /**
   * Stable identifier within the policy: the numbers on the path from the part to the task,
   * joined with `.` (`1.3`, `2.4.1`); a rebuild of the same text gives the same ids.
   */
  id: string
  /** Clause number (continuous across domains in the sample). */
  number: number
  /** Number label as written (`1`, `19`, `（一）`, `第一条`). */
  label: string
  /** Punctuation after the number as written (`.`, `．`, `、`, or `` for `（一）`/`第一条`). */
  labelPunctuation: string
  /** Title sentence including its closing `。`, as written, for example `加大财政支持力度。`. */
  title: string
  /** The rest of the clause text up to (not including) the responsibility list. */
  body: string
  /** The responsibility list as written, including brackets, for example `（责任单位：区发改局、区财政局）`; empty if none. */
  unitsText: string
  /** Units in order; the first is the lead unless the source names roles explicitly. The union of `duties`. */
  units: UnitRef[]
  /** Each duty list as written, in order (a clause may close several sentences with one each). */
  duties: Duty[]
  /** The task's own deadline where the text or a table column gives one. */
  deadline?: Deadline
  /** Group heading `（一）…` the clause sits under, if the source has that level. */
  group?: string
  /** Benefits offered by the clause (filled by the extraction step). */
  measures: Measure[]
  /** Measurable targets stated in the clause. */
  targets: Target[]
  /** Budgets (`预算安排X亿元，其中…`). */
  budgets: Budget[]
  position?: Position
}

/** The appendix table (附件：秀洲区积极争取省市政策事项清单). */
export interface Appendix {
  type: 'appendix'
  /** Label line as written, for example `附件：`. */
  label: string
  title: string
  /** Column headers as written (`领域`, `争取事项`, `具体目标`, `责任单位`). */
  columns: string[]
  children: AppendixItem[]
  position?: Position
}

export interface AppendixItem {
  type: 'appendixItem'
  /** Item number as written in the matter cell (`1.` → 1). */
  number: number
  /** Ordinal of the domain this item belongs to (matched by domain name), 0 if none matched. */
  domain: number
  /** Domain cell as written (carried down from the row group above when the cell is empty). */
  domainName: string
  /** 争取事项 without its number, for example `发挥重大建设项目带动支撑作用`. */
  title: string
  /** 具体目标 as written. */
  target: string
  /** 责任单位 cell as written. */
  unitsText: string
  units: UnitRef[]
  position?: Position
}

/** One responsibility list as written (`（A牵头，B、C配合）`, `责任单位：A、B`, a table's unit cells). */
export interface Duty {
  /** As written, brackets or label included. */
  text: string
  units: UnitRef[]
  /** A deadline written inside the list (`（6月底完成，牵头考核单位：A）`). */
  deadline?: Deadline
  /** Other data inside the list, as written (`0.5分`). */
  note?: string
  position?: Position
}

/** A deadline as the policy (or the config) gives it. */
export interface Deadline {
  /** As written: `2024年6月底前`, `年底前`, `12月`, `持续推进`. */
  text: string
  /** ISO `YYYY-MM-DD` when the text can be dated (month ends, year ends); absent for `持续推进`. */
  date?: string
  /** Where it came from. */
  source: 'text' | 'column' | 'config'
  position?: Position
}

/** A unit named in a responsibility list. */
export interface UnitRef {
  /** Canonical short name from the registry, or the written name when unknown. */
  name: string
  /** The name exactly as written in the source. */
  written: string
  role: 'lead' | 'support'
  /** How the name resolved against the registry. */
  status: 'canonical' | 'alias' | 'unknown'
  /** Canonical name of the parent unit when this unit is housed in another (区国资办 → 区财政局). */
  parent?: string
  /** True when the name was written inside brackets after another unit (`区财政局（区国资办）`). */
  nested?: boolean
  position?: Position
}

/** A benefit offered by a clause. */
export interface Measure {
  kind: 'amount' | 'rate' | 'cap'
  value: number
  /** `万元`, `亿元`, `元`, `%` — with per-unit qualifiers kept, for example `元/亩`, `万元/家`. */
  unit: string
  /** Recipient or condition in the clause's own words, shortened. */
  who: string
  /** Conditions or thresholds that gate this benefit, in the clause's words. */
  conditions?: string[]
  /** Alternative value given in brackets (`400万元（300万元）`). */
  alternative?: {value: number; who: string}
  /** The source span the measure was read from (verbatim). */
  text: string
  position?: Position
}

/** A measurable target: a year, a quantity and a unit (新增公共充电桩240根). */
export interface Target {
  /** The sentence or clause fragment as written. */
  text: string
  year?: number
  value?: number
  unit?: string
  position?: Position
}

/** A budget statement (2024年预算安排11.98亿元，其中…). */
export interface Budget {
  year?: number
  total: {value: number; unit: string}
  parts: Array<{label: string; value: number; unit: string}>
  text: string
  position?: Position
}

export type PolicyNode = Policy | Domain | Clause | Appendix | AppendixItem
