/**
 * The plain-language interpretation (政策解读 / 一图读懂) for the public: key figures, then per
 * domain what it aims at, what support there is (who → what → how much) and whom to ask, with the
 * glossary entries for the terms it prints, then a "who are you" section. Every statement carries
 * its source (`第N条`, `领域引言`, `结语第N段`, `附件`); every measure of the tree appears at least
 * once. Rendered through `templates/interpretation.md.hbs` (leaflet layout).
 */
import type {Clause, Domain, Measure, Policy} from '../tree/types.ts'
import type {Config} from '../config/types.ts'
import type {FrontMatter, RegistryLike, ViewContext, ViewDocument} from './types.ts'
import {splitRoles} from './duties.ts'
import {chineseNumeral, joinNames} from './format.ts'
import {issuerBlock} from './common.ts'
import {loadGlossary, termsIn, type GlossaryEntry} from './glossary.ts'

export interface InterpretationOptions {
  /** Glossary entries (`loadGlossary()` reads `templates/glossary.yml`). */
  glossary: readonly GlossaryEntry[]
  /** Units registry: gives the full names shown under "whom to ask". Default: none (short names only). */
  registry?: RegistryLike
  /** Configuration: the date (成文日期, fixed file timestamp). Default `{}`. */
  config?: Config
}

/** One key figure of the headline box. */
export interface KeyFigure {
  label: string
  /** The figure as printed (`8个`, `约26亿元`). */
  figure: string
  /** Where it comes from (`第1—68条`, `结语第1段`, `附件`). */
  source: string
  /** A plain note under the figure (the policy's own words for the total); empty when none. */
  note: string
}

/** The total support funds as the policy states them. */
export interface StatedTotal {
  /** `stated`: a sentence of the closing (or preamble) names the total; `budgets`: sum of the clauses' budgets. */
  basis: 'stated' | 'budgets'
  value: number
  unit: string
  /** The figure as printed (`约26亿元`). */
  figure: string
  /** The statement: the source sentence (`stated`) or an explanation of the sum (`budgets`). */
  text: string
  /** `结语第1段`, or the clause numbers summed (`第2、8、19条`). */
  source: string
}

/** One line of a support list: who → what → how much. */
export interface SupportLine {
  /** Recipient or condition in the clause's words (`Measure.who`). */
  who: string
  /** The benefit phrase as written (rate and cap joined: `按设备投资额8%给予补助，单个项目最高补助2000万元`); empty for a bare figure of a 分别 list. */
  what: string
  /** How much, normalised for reading (`8%，最高2000万元`, `每亩15元`, `400万元`). */
  amount: string
  /** Conditions that gate the benefit, joined with `；`; empty when none. */
  conditions: string
  /** True when this line is the bracketed alternative of another (`…（产品）给予…（300万元）`). */
  alternative: boolean
  clause: number
  /** `第N条`. */
  cite: string
  /** Lead unit(s) of the clause, canonical names joined; empty when none. */
  contact: string
  /** `一、扩大有效投资政策`: the domain, for lines listed outside their domain section. */
  domain: string
  /** Largest money value of the line in 元 (caps included), for ordering; undefined for rates without cap. */
  yuan?: number
}

export interface AimLine {
  /** The target as written, trailing punctuation removed. */
  text: string
  /** `领域引言` or `第N条`. */
  cite: string
}

export interface BudgetLine {
  /** The budget statement as written (`2024年预算安排7.22亿元，其中交通类资金5.56亿元…`). */
  text: string
  cite: string
}

export interface ContactLine {
  /** Canonical short name (`区发改局`). */
  unit: string
  /** Full name from the registry when it differs (`区发展和改革局`); empty otherwise. */
  fullName: string
  /** `牵头实施本领域政策（见领域标题）；牵头第1、5、6、7条`: the sources are part of the text. */
  roles: string
  /** `第1、5、6、7条`, or `领域标题` for a domain lead that leads no clause. */
  cite: string
}

export interface InterpretationDomain {
  ordinal: number
  numeral: string
  title: string
  /** `一、扩大有效投资政策`. */
  heading: string
  /** Domain lead units, joined. */
  leads: string
  /** `第1—7条`: the domain's clauses, for statements about the whole domain. */
  range: string
  budgets: BudgetLine[]
  aims: AimLine[]
  supports: SupportLine[]
  contacts: ContactLine[]
  /** Entries whose term occurs in this section's printed statements (aims, budgets, support lines). */
  glossary: GlossaryEntry[]
  counts: {aims: number; supports: number; measures: number}
}

/** A clause without measures that concerns an audience, named by its title. */
export interface RelatedClause {
  /** Clause title as written, without its closing `。` (`支持推进“住有宜居”`). */
  title: string
  cite: string
  domain: string
}

export interface Audience {
  key: AudienceKey
  /** `我是企业`. */
  label: string
  /** The support lines that concern this audience (same lines as in the domain sections). */
  lines: SupportLine[]
  /** Clauses without stated sums that concern this audience. */
  related: RelatedClause[]
}

export interface InterpretationView {
  meta: FrontMatter
  policyTitle: string
  /** `征求意见稿`; empty when none. */
  status: string
  figures: KeyFigure[]
  total?: StatedTotal
  counts: {domains: number; clauses: number; measures: number; measureClauses: number; items: number; lines: number}
  domains: InterpretationDomain[]
  audiences: Audience[]
}

// ---------------------------------------------------------------------------------------------
// "Who are you": keywords per audience

export type AudienceKey = 'enterprise' | 'farmer' | 'resident' | 'research'

/**
 * How a measure is assigned to audiences. A measure concerns an audience when its `who` or its
 * conditions contain one of the audience's `keywords`; when they match no audience at all, the
 * clause's title and body are searched instead. A clause without measures is listed under
 * "related" when its title contains a keyword or its domain's title contains a `domains` keyword
 * (budget clauses are the government's own spending and are not listed).
 * Edit here; the test pins that every audience finds something in the sample.
 */
export const audienceKeywords: ReadonlyArray<{key: AudienceKey; label: string; keywords: readonly string[]; domains: readonly string[]}> = [
  {
    key: 'enterprise',
    label: '我是企业',
    keywords: ['企业', '公司', '工厂', '园区', '车间', '项目', '产品', '装备', '软件', '新材料', '供应链', '冠军', '小巨人', '专精特新', '外贸', '班列', '用人单位', '商贸'],
    domains: ['制造业', '服务业', '开放']
  },
  {
    key: 'farmer',
    label: '我是农户（农业经营主体）',
    keywords: ['农户', '农民', '农业', '种植', '种粮', '粮', '稻', '麦', '油菜', '耕地', '农田', '合作社', '家庭农场', '村集体', '养殖', '强农'],
    domains: ['乡村', '农业', '农村']
  },
  {
    key: 'resident',
    label: '我是居民',
    keywords: ['居民', '家庭', '个人', '群众', '老年', '婴幼儿', '托育', '残疾', '就业', '消费', '住房', '人才', '市民', '学生', '惠民'],
    domains: ['民生']
  },
  {
    key: 'research',
    label: '我是科研机构',
    keywords: ['高校', '院所', '科研', '研究院', '实验室', '研发机构', '研发计划', '科技奖', '科学技术奖', '创新中心', '技术中心', '成果', '专利', '攻关'],
    domains: ['科技']
  }
]

// ---------------------------------------------------------------------------------------------
// Amounts

const yuanPer: Record<string, number> = {亿元: 1e8, 万元: 1e4, 元: 1}

/** Split `万元/家` into the money unit and the per-unit qualifier. */
function splitUnit(unit: string): {base: string; per: string} {
  const at = unit.indexOf('/')
  return at < 0 ? {base: unit, per: ''} : {base: unit.slice(0, at), per: unit.slice(at + 1)}
}

function figure(value: number, base: string): string {
  return `${value}${base}`
}

/**
 * A measure's value as a reader reads it: `50万元`, `每家50万元`, `每亩15元`, `8%`, `最高2000万元`,
 * `每家最高30万元`. Pure formatting of the extracted value; the text is not re-read.
 */
export function amountLabel(measure: Pick<Measure, 'kind' | 'value' | 'unit'>): string {
  const {base, per} = splitUnit(measure.unit)
  const perText = per ? `每${per}` : ''
  return `${perText}${measure.kind === 'cap' ? '最高' : ''}${figure(measure.value, base)}`
}

/** The value in 元 for money units (per-unit sums included); undefined for rates. */
function toYuan(value: number, unit: string): number | undefined {
  const factor = yuanPer[splitUnit(unit).base]
  return factor === undefined ? undefined : value * factor
}

/** A measure span that is only its figure (`150万元` in a 分别 list): nothing to add as "what". */
function isBareFigure(measure: Measure): boolean {
  return /^(?:人民币)?[0-9０-９.．]+(?:亿元|万元|元|%|％)(?:\/\S+)?$/.test(measure.text.trim())
}

/** The measure's phrase with the bracketed alternative removed (`给予400万元（300万元）奖励` → `给予400万元奖励`). */
function withoutAlternative(measure: Measure): string {
  if (!measure.alternative) return measure.text
  const {base} = splitUnit(measure.unit)
  const written = `（${measure.alternative.value}${base}）`
  return measure.text.includes(written) ? measure.text.replace(written, '') : measure.text
}

// ---------------------------------------------------------------------------------------------

function cite(clause: Clause): string {
  return `第${clause.number}条`
}

function domainHeading(domain: Domain): string {
  // The one unnamed part of a flat list of measures.
  if (domain.implicit) return '政策措施'
  return `${chineseNumeral(domain.ordinal)}、${domain.title}`
}

/** `第1—7条` (or `第5条`); empty when there are no clauses. */
function clauseRange(clauses: readonly Clause[]): string {
  if (clauses.length === 0) return ''
  const numbers = clauses.map((c) => c.number)
  const low = Math.min(...numbers)
  const high = Math.max(...numbers)
  return low === high ? `第${low}条` : `第${low}—${high}条`
}

function trimEnd(text: string): string {
  return text.trim().replace(/[，；。、,;：:]+$/, '')
}

/**
 * Support lines of one clause, in source order. A cap that directly follows a rate (or another
 * cap) for the same recipient joins that line (`按设备投资额8%给予补助，最高补助2000万元`), so a
 * capped rate reads as one benefit. A bracketed alternative gets its own line.
 */
export function clauseSupportLines(clause: Clause, domain: string): SupportLine[] {
  const lead = joinNames(splitRoles(clause.units).leads.map((ref) => ref.name))
  const lines: SupportLine[] = []
  let open: {line: SupportLine; rate: boolean; texts: string[]; amounts: string[]; conds: string[]} | undefined
  const close = () => {
    if (!open) return
    open.line.what = open.texts.join('，')
    open.line.amount = open.amounts.join('，')
    open.line.conditions = open.conds.join('；')
    open = undefined
  }
  for (const measure of clause.measures ?? []) {
    const yuan = toYuan(measure.value, measure.unit)
    const text = isBareFigure(measure) ? '' : trimEnd(withoutAlternative(measure))
    const conds = (measure.conditions ?? []).map(trimEnd).filter((c) => c.length > 0)
    if (open && open.rate && measure.kind === 'cap' && measure.who === open.line.who) {
      if (text && !open.texts.includes(text)) open.texts.push(text)
      open.amounts.push(amountLabel(measure))
      for (const c of conds) if (!open.conds.includes(c)) open.conds.push(c)
      if (yuan !== undefined) open.line.yuan = Math.max(open.line.yuan ?? 0, yuan)
      continue
    }
    close()
    const line: SupportLine = {
      who: measure.who, what: '', amount: '', conditions: '', alternative: false,
      clause: clause.number, cite: cite(clause), contact: lead, domain, yuan
    }
    lines.push(line)
    open = {line, rate: measure.kind === 'rate', texts: text ? [text] : [], amounts: [amountLabel(measure)], conds}
    if (measure.alternative) {
      close()
      lines.push({
        who: measure.alternative.who, what: '', amount: amountLabel({kind: measure.kind, value: measure.alternative.value, unit: measure.unit}),
        conditions: conds.join('；'), alternative: true, clause: clause.number, cite: cite(clause), contact: lead, domain,
        yuan: toYuan(measure.alternative.value, measure.unit)
      })
    }
  }
  close()
  return lines
}

/** Money lines largest first (in 元), then lines without a sum (rates) in clause order. Stable. */
function largestFirst(lines: SupportLine[]): SupportLine[] {
  return lines
    .map((line, index) => ({line, index}))
    .sort((a, b) => {
      const ya = a.line.yuan
      const yb = b.line.yuan
      if (ya !== undefined && yb !== undefined && ya !== yb) return yb - ya
      if (ya === undefined && yb !== undefined) return 1
      if (yb === undefined && ya !== undefined) return -1
      return a.index - b.index
    })
    .map((entry) => entry.line)
}

function contactLines(domain: Domain, registry: RegistryLike | undefined): ContactLine[] {
  const fullNames = new Map((registry?.units ?? []).map((u) => [u.name, u.fullName ?? '']))
  const byUnit = new Map<string, {domainLead: boolean; clauses: number[]}>()
  const entry = (name: string) => {
    let e = byUnit.get(name)
    if (!e) byUnit.set(name, (e = {domainLead: false, clauses: []}))
    return e
  }
  for (const ref of domain.leads) entry(ref.name).domainLead = true
  for (const clause of domain.children) {
    for (const ref of splitRoles(clause.units).leads) {
      const e = entry(ref.name)
      if (!e.clauses.includes(clause.number)) e.clauses.push(clause.number)
    }
  }
  return [...byUnit].map(([unit, e]) => {
    const numbers = e.clauses.length > 0 ? `第${e.clauses.join('、')}条` : ''
    const roles = [e.domainLead ? '牵头实施本领域政策（见领域标题）' : '', numbers ? `牵头${numbers}` : ''].filter(Boolean).join('；')
    const full = fullNames.get(unit) ?? ''
    return {unit, fullName: full && full !== unit ? full : '', roles, cite: numbers || '领域标题'}
  })
}

/**
 * The total support funds as the policy states them (`policy.fundsTotal`, found by the extraction
 * step in the closing or preamble: `…支持总额约26亿元`); else the sum of the clauses' budgets,
 * which may count overlapping funds twice (said in the text). Undefined when neither exists.
 */
export function statedTotal(policy: Policy): StatedTotal | undefined {
  const stated = policy.fundsTotal
  if (stated) {
    return {
      basis: 'stated',
      value: stated.value,
      unit: stated.unit,
      figure: `${stated.qualifier}${stated.value}${stated.unit}`,
      text: stated.text,
      source: `${stated.place === 'closing' ? '结语' : '导语'}第${stated.paragraph}段`
    }
  }
  const budgets = policy.children.flatMap((d) => d.children.flatMap((c) => (c.budgets ?? []).map((b) => ({clause: c.number, b}))))
  if (budgets.length === 0) return undefined
  const yuan = budgets.reduce((sum, {b}) => sum + (toYuan(b.total.value, b.total.unit) ?? 0), 0)
  // Sum in the largest unit the budgets are written in (亿元 when any is), as the policy writes it.
  const unit = ['亿元', '万元', '元'].find((u) => budgets.some(({b}) => b.total.unit === u)) ?? '元'
  const value = Math.round((yuan / yuanPer[unit]) * 100) / 100
  const numbers = [...new Set(budgets.map((x) => x.clause))]
  return {
    basis: 'budgets',
    value,
    unit,
    figure: `${value}${unit}`,
    text: `政策未写明支持总额，此为第${numbers.join('、')}条预算安排之和，可能含交叉重叠部分`,
    source: `第${numbers.join('、')}条`
  }
}

function domainView(domain: Domain, glossary: readonly GlossaryEntry[], registry: RegistryLike | undefined): InterpretationDomain {
  const heading = domainHeading(domain)
  const aims: AimLine[] = [
    ...(domain.targets ?? []).map((t) => ({text: trimEnd(t.text), cite: '领域引言'})),
    ...domain.children.flatMap((c) => (c.targets ?? []).map((t) => ({text: trimEnd(t.text), cite: cite(c)})))
  ]
  const budgets: BudgetLine[] = domain.children.flatMap((c) => (c.budgets ?? []).map((b) => ({text: trimEnd(b.text), cite: cite(c)})))
  const supports = largestFirst(domain.children.flatMap((c) => clauseSupportLines(c, heading)))
  const printed = [
    ...aims.map((a) => a.text),
    ...budgets.map((b) => b.text),
    ...supports.flatMap((s) => [s.who, s.what, s.conditions])
  ]
  return {
    ordinal: domain.ordinal,
    numeral: chineseNumeral(domain.ordinal),
    title: domain.title,
    heading,
    leads: joinNames(domain.leads.map((ref) => ref.name)),
    range: clauseRange(domain.children),
    budgets,
    aims,
    supports,
    contacts: contactLines(domain, registry),
    glossary: termsIn(glossary, printed),
    counts: {aims: aims.length, supports: supports.length, measures: domain.children.reduce((n, c) => n + (c.measures?.length ?? 0), 0)}
  }
}

const hasAny = (text: string, words: readonly string[]) => words.some((w) => text.includes(w))

function audienceViews(policy: Policy, domains: InterpretationDomain[]): Audience[] {
  const byClause = new Map<number, Clause>()
  const domainOf = new Map<number, Domain>()
  for (const d of policy.children) for (const c of d.children) {
    byClause.set(c.number, c)
    domainOf.set(c.number, d)
  }
  // Lines in clause order (not value order) so the audience lists read like the policy.
  const lines = domains.flatMap((d) => d.supports).sort((a, b) => a.clause - b.clause)
  const matches = new Map<SupportLine, AudienceKey[]>()
  for (const line of lines) {
    let keys = audienceKeywords.filter((a) => hasAny(`${line.who}${line.conditions}`, a.keywords)).map((a) => a.key)
    if (keys.length === 0) {
      const clause = byClause.get(line.clause)
      const text = clause ? clause.title + clause.body : ''
      keys = audienceKeywords.filter((a) => hasAny(text, a.keywords)).map((a) => a.key)
    }
    matches.set(line, keys)
  }
  return audienceKeywords.map((a) => ({
    key: a.key,
    label: a.label,
    lines: lines.filter((line) => matches.get(line)!.includes(a.key)),
    related: policy.children.flatMap((d) =>
      d.children
        .filter((c) => (c.measures ?? []).length === 0 && (c.budgets ?? []).length === 0)
        .filter((c) => hasAny(c.title, a.keywords) || hasAny(d.title, a.domains))
        .map((c) => ({title: trimEnd(c.title), cite: cite(c), domain: domainHeading(d)}))
    )
  }))
}

/** The interpretation of a (parsed and enriched) policy as plain data for the template. */
export function buildInterpretationView(policy: Policy, options: InterpretationOptions): InterpretationView {
  const config = options.config ?? {}
  const issuer = issuerBlock(policy, config)
  const domains = policy.children.map((d) => domainView(d, options.glossary, options.registry))
  const clauses = policy.children.flatMap((d) => d.children)
  const measures = clauses.reduce((n, c) => n + (c.measures?.length ?? 0), 0)
  const measureClauses = clauses.filter((c) => (c.measures?.length ?? 0) > 0)
  const items = policy.appendix?.children.length ?? 0
  const total = statedTotal(policy)
  const range = clauseRange(clauses)
  const figures: KeyFigure[] = [
    {label: '政策领域', figure: `${domains.length}个`, source: domains.length > 0 ? `${domains[0].numeral}至${domains.at(-1)!.numeral}` : '', note: ''},
    {label: '政策条款', figure: `${clauses.length}条`, source: range, note: ''},
    {
      label: '明确金额或比例的支持',
      figure: `${measures}项`,
      source: measureClauses.length > 0 ? `第${measureClauses.map((c) => c.number).join('、')}条` : '',
      note: ''
    }
  ]
  if (total) figures.push({label: '支持资金总额', figure: total.figure, source: total.source, note: trimEnd(total.text)})
  if (items > 0) figures.push({label: '积极争取省市政策事项', figure: `${items}项`, source: '附件', note: ''})
  return {
    meta: {
      kind: 'interpretation',
      layout: 'leaflet',
      title: `《${policy.title}》政策解读`,
      subtitle: '一图读懂：支持什么、给谁、给多少、找谁办',
      date: issuer.date,
      created: issuer.created
    },
    policyTitle: policy.title,
    status: policy.status ?? '',
    figures,
    total,
    counts: {
      domains: domains.length,
      clauses: clauses.length,
      measures,
      measureClauses: measureClauses.length,
      items,
      lines: domains.reduce((n, d) => n + d.supports.length, 0)
    },
    domains,
    audiences: audienceViews(policy, domains)
  }
}

/** Views-table entry: one document, `政策解读`, with the built-in glossary. */
export function interpretationDocuments(context: ViewContext): Array<ViewDocument<InterpretationView>> {
  const data = buildInterpretationView(context.policy, {glossary: loadGlossary(), registry: context.registry, config: context.config})
  return [{template: 'interpretation', path: ['政策解读'], label: '政策解读', data}]
}
