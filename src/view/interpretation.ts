/**
 * The plain-language interpretation (政策解读) for the public, in the order a reader asks:
 * key figures; then 谁能享受 by audience (enterprises by type, individuals, farmers, institutions),
 * each benefit with what, how much, on what condition and whom to contact (office and phone
 * from the units registry); then the policy part by part for those who read on; the
 * government's own targets last, in a short section. Every statement carries its source
 * (the task as the document labels it, `src/view/cite.ts`: `第N条`, `（十二）`…; `领域引言`, `结语第N段`, `附件`); every measure of the tree appears at least once;
 * a section with nothing to say is left out. Rendered through `templates/interpretation.md.hbs`
 * (leaflet layout); the one-page poster (一图读懂) is built from this view (`poster.ts`).
 */
import type {Clause, Domain, Measure, Policy} from '../tree/types.ts'
import type {Config} from '../config/types.ts'
import type {FrontMatter, RegistryLike, ViewContext, ViewDocument} from './types.ts'
import {splitRoles} from './duties.ts'
import {chineseNumeral, joinNames} from './format.ts'
import {issuerBlock} from './common.ts'
import {loadGlossary, termsIn, type GlossaryEntry} from './glossary.ts'
import {contactDetails, unitsByName, type RegistryUnitLike} from './contacts.ts'
import {clauseCiter, type Citer} from './cite.ts'

export interface InterpretationOptions {
  /** Glossary entries (`loadGlossary()` reads `templates/glossary.yml`). */
  glossary: readonly GlossaryEntry[]
  /** Units registry: full names and contacts (office, phone, address, web) for 找谁办. Default: none (short names only). */
  registry?: RegistryLike
  /** Configuration: the date (成文日期, fixed file timestamp). Default `{}`. */
  config?: Config
}

/** One key figure of the headline box. */
export interface KeyFigure {
  label: string
  /** The figure as printed (`72项`, `约26亿元`). */
  figure: string
  /** Where it comes from (`第10、11条`, `结语第1段`, `附件`). */
  source: string
  /** A plain note after the figure (who gets the largest benefits); empty when none. */
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

/** What kind of benefit a line is, for the reader's filter: the first kind whose words the line uses. */
export type BenefitKind = '贷款贴息' | '税费减免' | '奖励' | '补贴' | '其他支持'

/** Kinds in the order a filter lists them, with the words that mark them. Edit here. */
export const benefitKinds: ReadonlyArray<{kind: BenefitKind; words: readonly string[]}> = [
  {kind: '贷款贴息', words: ['贴息', '贷款', '利息', '担保费', '融资']},
  {kind: '税费减免', words: ['减免', '免征', '减征', '免收', '减半', '收费标准', '税收优惠', '加计扣除', '退税']},
  {kind: '奖励', words: ['奖励', '奖金', '一次性奖', '科技奖', '奖']},
  {kind: '补贴', words: ['补助', '补贴', '资助', '经费支持', '兑付', '给予支持', '扶持']},
  {kind: '其他支持', words: []}
]

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
  /** Kind of benefit (`奖励`, `补贴`, `贷款贴息`, `税费减免`, `其他支持`). */
  kind: BenefitKind
  /** 1-based place of the clause in the policy (the sample's clause number). */
  clause: number
  /** The clause as the document labels it (`第N条`, `（十二）`; `src/view/cite.ts`). */
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

/** Whom to contact: a unit with its registry contact and the clauses it leads. */
export interface ContactLine {
  /** Canonical short name (`区发改局`). */
  unit: string
  /** Full name from the registry when it differs (`区发展和改革局`); empty otherwise. */
  fullName: string
  /** Office, phone, address, web link from the registry; each empty when not given. */
  office: string
  phone: string
  address: string
  web: string
  /** The contact details joined for printing (`投资科；电话0573-82000101；地址…`); empty when the registry gives none. */
  details: string
  /** `第1、5、6、7条`, or `领域标题` for a domain lead that leads no clause. */
  cite: string
}

/** A clause without stated sums, named by its title (for audiences and for parts without benefits). */
export interface RelatedClause {
  /** Clause title as written, without its closing `。` (`支持推进“住有宜居”`). */
  title: string
  cite: string
  domain: string
}

export interface InterpretationDomain {
  ordinal: number
  numeral: string
  title: string
  /** `一、扩大有效投资政策`. */
  heading: string
  /** `第1—7条`: the domain's clauses, for statements about the whole domain. */
  range: string
  budgets: BudgetLine[]
  supports: SupportLine[]
  /** When the part states no sums: its clauses by title (at most `keyClauseLimit`), so the section still says what the part does. */
  keyClauses: RelatedClause[]
  /** Clauses of the part not listed in `keyClauses`; 0 when all are. */
  moreClauses: number
  contacts: ContactLine[]
  /** Entries whose term occurs in this section's printed statements (budgets, support lines, clause titles). */
  glossary: GlossaryEntry[]
  counts: {supports: number; measures: number}
}

/** The government's own targets of one part, shortened: the first few, with how many more there are. */
export interface AimGroup {
  heading: string
  aims: AimLine[]
  /** Targets of the part not listed; 0 when all are. */
  more: number
  /** `第1—7条`, where the rest are. */
  range: string
}

/** One group of an audience (`科技型企业`); `label` is empty for an audience that is not split. */
export interface AudienceGroup {
  label: string
  lines: SupportLine[]
}

export interface Audience {
  key: AudienceKey
  /** `企业`. */
  label: string
  /** The support lines that concern this audience, in groups (enterprises by type); only non-empty groups. */
  groups: AudienceGroup[]
  /** All lines of the groups (a line is in one group of an audience). */
  lines: SupportLine[]
  /** Clauses without stated sums that concern this audience. */
  related: RelatedClause[]
  /** Lead units of the lines and related clauses, with their registry contacts. */
  contacts: ContactLine[]
}

export interface InterpretationView {
  meta: FrontMatter
  policyTitle: string
  /** `征求意见稿`; empty when none. */
  status: string
  /** The heading of the 谁能享受 section; the HTML page offers its filter there. */
  benefitsHeading: string
  figures: KeyFigure[]
  total?: StatedTotal
  counts: {domains: number; clauses: number; measures: number; measureClauses: number; items: number; lines: number; aims: number}
  /** All clauses (`第1—68条`). */
  range: string
  /** What the bracketed citations are (`每项后括号里的“第N条”是政策原文的条款序号`). */
  citeNote: string
  /** Audiences with something to show (lines or related clauses), in `audienceKeywords` order. */
  audiences: Audience[]
  /** Kinds of benefit that occur, in `benefitKinds` order (the HTML filter's buttons). */
  kinds: BenefitKind[]
  /** Parts with clauses, in policy order. */
  domains: InterpretationDomain[]
  /** Parts that state targets, shortened (the last section). */
  aims: AimGroup[]
}

// ---------------------------------------------------------------------------------------------
// Audiences: keywords per audience, and enterprise types

export type AudienceKey = 'enterprise' | 'resident' | 'farmer' | 'research'

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
    label: '企业',
    keywords: ['企业', '公司', '工厂', '园区', '车间', '项目', '产品', '装备', '软件', '新材料', '供应链', '冠军', '小巨人', '专精特新', '外贸', '班列', '用人单位', '商贸'],
    domains: ['制造业', '服务业', '开放']
  },
  {
    key: 'resident',
    label: '个人和家庭',
    keywords: ['居民', '家庭', '个人', '群众', '老年', '婴幼儿', '托育', '残疾', '就业', '消费', '住房', '人才', '市民', '学生', '惠民', '领军'],
    domains: ['民生']
  },
  {
    key: 'farmer',
    label: '农户和农业经营主体',
    keywords: ['农户', '农民', '农业', '种植', '种粮', '粮', '稻', '麦', '油菜', '耕地', '农田', '合作社', '家庭农场', '村集体', '养殖', '强农'],
    domains: ['乡村', '农业', '农村']
  },
  {
    key: 'research',
    label: '科研机构和其他单位',
    keywords: ['高校', '院所', '科研', '研究院', '实验室', '研发机构', '研发计划', '科技奖', '科学技术奖', '创新中心', '技术中心', '成果', '专利', '攻关', '医院', '学校'],
    domains: ['科技']
  }
]

/**
 * Enterprise types: a line goes to the first type whose words occur in its recipient, phrase,
 * conditions or domain title; lines matching none go to `其他企业`. Edit here.
 */
export const enterpriseTypes: ReadonlyArray<{label: string; words: readonly string[]}> = [
  {label: '科技型企业', words: ['高新技术', '科技型', '研发', '加计扣除', '专利', '科技']},
  {label: '制造业企业', words: ['制造', '工业', '技改', '设备', '专精特新', '小巨人', '冠军', '首台', '首批次', '首版次', '数字化', '智能', '亩均', '车间', '工厂']},
  {label: '外贸和服务业企业', words: ['外贸', '出口', '进口', '跨境', '班列', '服务业', '商贸', '物流', '电商', '会展', '文旅', '旅游', '消费', '开放']}
]
const otherEnterprises = '其他企业'

/** Clause titles shown for a part without sums, at most. */
export const keyClauseLimit = 6
/** Targets shown per part in the closing section, at most. */
export const aimLimit = 3

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

function domainHeading(domain: Domain): string {
  // The one unnamed part of a flat list of measures.
  if (domain.implicit) return '政策措施'
  return `${chineseNumeral(domain.ordinal)}、${domain.title}`
}

function trimEnd(text: string): string {
  return text.trim().replace(/[，；。、,;：:]+$/, '')
}

/**
 * Support lines of one clause, in source order. A cap that directly follows a rate (or another
 * cap) for the same recipient joins that line (`按设备投资额8%给予补助，最高补助2000万元`), so a
 * capped rate reads as one benefit. A bracketed alternative gets its own line.
 */
export function clauseSupportLines(clause: Clause, domain: string, citer: Citer): SupportLine[] {
  const place = citer.place(clause)
  const cite = citer.cite(clause)
  const lead = joinNames(splitRoles(clause.units).leads.map((ref) => ref.name))
  const lines: SupportLine[] = []
  /** Source span of each line's first measure (by line index), for its kind. */
  const firstTexts: string[] = []
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
      who: measure.who, what: '', amount: '', conditions: '', alternative: false, kind: '其他支持',
      clause: place, cite, contact: lead, domain, yuan
    }
    lines.push(line)
    firstTexts[lines.length - 1] = measure.text
    open = {line, rate: measure.kind === 'rate', texts: text ? [text] : [], amounts: [amountLabel(measure)], conds}
    if (measure.alternative) {
      close()
      lines.push({
        who: measure.alternative.who, what: '', amount: amountLabel({kind: measure.kind, value: measure.alternative.value, unit: measure.unit}),
        conditions: conds.join('；'), alternative: true, kind: '其他支持', clause: place, cite, contact: lead, domain,
        yuan: toYuan(measure.alternative.value, measure.unit)
      })
    }
  }
  close()
  // An alternative line has no phrase of its own: it takes the kind of the line it follows.
  let previous: BenefitKind = '其他支持'
  for (const [i, line] of lines.entries()) {
    line.kind = line.alternative ? previous : benefitKind([`${line.what}${line.who}`, after(clause.body, firstTexts[i] ?? ''), clause.title])
    previous = line.kind
  }
  return lines
}

/** The clause text just after a measure's span (`…300万元、200万元、100万元奖励`): where a 分别 list names its kind. */
function after(body: string, span: string): string {
  const at = span ? body.indexOf(span) : -1
  return at < 0 ? '' : body.slice(at, at + span.length + 40).split('。')[0]
}

/** The kind of a benefit: the first of `texts` (its phrase, the words after it, the clause title) that names one. */
function benefitKind(texts: readonly string[]): BenefitKind {
  for (const text of texts) {
    const hit = benefitKinds.find((k) => k.words.some((w) => text.includes(w)))
    if (hit) return hit.kind
  }
  return '其他支持'
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

/**
 * The total support funds as the policy states them (`policy.fundsTotal`, found by the extraction
 * step in the closing or preamble: `…支持总额约26亿元`); else the sum of the clauses' budgets,
 * which may count overlapping funds twice (said in the text). Undefined when neither exists.
 */
export function statedTotal(policy: Policy, citer: Citer = clauseCiter(policy)): StatedTotal | undefined {
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
  const budgets = policy.children.flatMap((d) => d.children.flatMap((c) => (c.budgets ?? []).map((b) => ({clause: c, b}))))
  if (budgets.length === 0) return undefined
  const yuan = budgets.reduce((sum, {b}) => sum + (toYuan(b.total.value, b.total.unit) ?? 0), 0)
  // Sum in the largest unit the budgets are written in (亿元 when any is), as the policy writes it.
  const unit = ['亿元', '万元', '元'].find((u) => budgets.some(({b}) => b.total.unit === u)) ?? '元'
  const value = Math.round((yuan / yuanPer[unit]) * 100) / 100
  const sources = citer.list(budgets.map((x) => x.clause))
  return {
    basis: 'budgets',
    value,
    unit,
    figure: `${value}${unit}`,
    text: `政策未写明支持总额，此为${sources}预算安排之和，可能含交叉重叠部分`,
    source: sources
  }
}


// ---------------------------------------------------------------------------------------------
// Contacts

type Units = Map<string, RegistryUnitLike>

function contactLine(unit: string, clauses: readonly Clause[], units: Units, citer: Citer, domainLead = false): ContactLine {
  const entry = units.get(unit)
  const full = entry?.fullName ?? ''
  const office = entry?.office ?? ''
  const phone = entry?.phone ?? ''
  const address = entry?.address ?? ''
  const web = entry?.web ?? ''
  const details = contactDetails(entry)
  return {
    unit,
    fullName: full && full !== unit ? full : '',
    office,
    phone,
    address,
    web,
    details,
    cite: clauses.length > 0 ? citer.list(clauses) : domainLead ? '领域标题' : ''
  }
}

/** Lead units of some clauses, in order of first appearance, with the clauses each leads. */
function leadContacts(clauses: readonly Clause[], units: Units, citer: Citer, domainLeads: readonly string[] = []): ContactLine[] {
  const byUnit = new Map<string, Clause[]>()
  for (const name of domainLeads) if (!byUnit.has(name)) byUnit.set(name, [])
  for (const clause of clauses) {
    for (const ref of splitRoles(clause.units).leads) {
      const led = byUnit.get(ref.name) ?? []
      if (!led.includes(clause)) led.push(clause)
      byUnit.set(ref.name, led)
    }
  }
  return [...byUnit].map(([unit, led]) => contactLine(unit, led, units, citer, domainLeads.includes(unit)))
}

// ---------------------------------------------------------------------------------------------
// Sections

function relatedClause(clause: Clause, domain: Domain, citer: Citer): RelatedClause {
  return {title: trimEnd(clause.title), cite: citer.cite(clause), domain: domainHeading(domain)}
}

function domainView(domain: Domain, glossary: readonly GlossaryEntry[], units: Units, citer: Citer): InterpretationDomain {
  const heading = domainHeading(domain)
  const budgets: BudgetLine[] = domain.children.flatMap((c) => (c.budgets ?? []).map((b) => ({text: trimEnd(b.text), cite: citer.cite(c)})))
  const supports = largestFirst(domain.children.flatMap((c) => clauseSupportLines(c, heading, citer)))
  const keyClauses = supports.length > 0 ? [] : domain.children.slice(0, keyClauseLimit).map((c) => relatedClause(c, domain, citer))
  const printed = [
    ...budgets.map((b) => b.text),
    ...supports.flatMap((s) => [s.who, s.what, s.conditions]),
    ...keyClauses.map((c) => c.title)
  ]
  return {
    ordinal: domain.ordinal,
    numeral: chineseNumeral(domain.ordinal),
    title: domain.title,
    heading,
    range: citer.range(domain.children),
    budgets,
    supports,
    keyClauses,
    moreClauses: supports.length > 0 ? 0 : Math.max(0, domain.children.length - keyClauseLimit),
    contacts: leadContacts(domain.children, units, citer, domain.leads.map((ref) => ref.name)),
    glossary: termsIn(glossary, printed),
    counts: {supports: supports.length, measures: domain.children.reduce((n, c) => n + (c.measures?.length ?? 0), 0)}
  }
}

function aimGroups(policy: Policy, citer: Citer): AimGroup[] {
  return policy.children.flatMap((domain) => {
    const aims: AimLine[] = [
      ...(domain.targets ?? []).map((t) => ({text: trimEnd(t.text), cite: '领域引言'})),
      ...domain.children.flatMap((c) => (c.targets ?? []).map((t) => ({text: trimEnd(t.text), cite: citer.cite(c)})))
    ]
    if (aims.length === 0) return []
    return [{heading: domainHeading(domain), aims: aims.slice(0, aimLimit), more: Math.max(0, aims.length - aimLimit), range: citer.range(domain.children)}]
  })
}

const hasAny = (text: string, words: readonly string[]) => words.some((w) => text.includes(w))

function enterpriseType(line: SupportLine): string {
  const text = `${line.who}${line.what}${line.conditions}`
  return (enterpriseTypes.find((t) => hasAny(text, t.words)) ?? enterpriseTypes.find((t) => hasAny(line.domain, t.words)))?.label ?? otherEnterprises
}

function audienceViews(policy: Policy, lines: readonly SupportLine[], units: Units, citer: Citer): Audience[] {
  const byClause = new Map<number, Clause>()
  for (const d of policy.children) for (const c of d.children) byClause.set(citer.place(c), c)
  // Lines largest first within an audience: the reader sees the biggest benefit first.
  const ordered = largestFirst([...lines].sort((a, b) => a.clause - b.clause))
  const matches = new Map<SupportLine, AudienceKey[]>()
  for (const line of ordered) {
    let keys = audienceKeywords.filter((a) => hasAny(`${line.who}${line.conditions}`, a.keywords)).map((a) => a.key)
    if (keys.length === 0) {
      const clause = byClause.get(line.clause)
      const text = clause ? clause.title + clause.body : ''
      keys = audienceKeywords.filter((a) => hasAny(text, a.keywords)).map((a) => a.key)
    }
    matches.set(line, keys)
  }
  return audienceKeywords.flatMap((a) => {
    const mine = ordered.filter((line) => matches.get(line)!.includes(a.key))
    const groups: AudienceGroup[] =
      a.key === 'enterprise'
        ? [...enterpriseTypes.map((t) => t.label), otherEnterprises]
            .map((label) => ({label, lines: mine.filter((line) => enterpriseType(line) === label)}))
            .filter((g) => g.lines.length > 0)
            // One group that is only "other enterprises" needs no label of its own.
            .map((g, _, all) => (all.length === 1 && g.label === otherEnterprises ? {...g, label: ''} : g))
        : mine.length > 0
          ? [{label: '', lines: mine}]
          : []
    const relatedClauses = policy.children.flatMap((d) =>
      d.children
        .filter((c) => (c.measures ?? []).length === 0 && (c.budgets ?? []).length === 0)
        .filter((c) => hasAny(c.title, a.keywords) || hasAny(d.title, a.domains))
        .map((c) => ({clause: c, domain: d}))
    )
    if (mine.length === 0 && relatedClauses.length === 0) return []
    const clauses = [...new Set([...mine.map((l) => byClause.get(l.clause)!), ...relatedClauses.map((r) => r.clause)])]
    return [{
      key: a.key,
      label: a.label,
      groups,
      lines: groups.flatMap((g) => g.lines),
      related: relatedClauses.map(({clause, domain}) => relatedClause(clause, domain, citer)),
      contacts: leadContacts(clauses, units, citer)
    }]
  })
}

/** The interpretation of a (parsed and enriched) policy as plain data for the template. */
export function buildInterpretationView(policy: Policy, options: InterpretationOptions): InterpretationView {
  const config = options.config ?? {}
  const issuer = issuerBlock(policy, config)
  const units: Units = unitsByName(options.registry)
  const citer = clauseCiter(policy)
  const domains = policy.children.filter((d) => d.children.length > 0).map((d) => domainView(d, options.glossary, units, citer))
  const lines = domains.flatMap((d) => d.supports)
  const clauses = policy.children.flatMap((d) => d.children)
  const measures = clauses.reduce((n, c) => n + (c.measures?.length ?? 0), 0)
  const measureClauses = clauses.filter((c) => (c.measures?.length ?? 0) > 0)
  const items = policy.appendix?.children.length ?? 0
  const total = statedTotal(policy, citer)
  const aims = aimGroups(policy, citer)
  const audiences = audienceViews(policy, lines, units, citer)
  const largest = largestFirst(lines.filter((l) => l.yuan !== undefined)).slice(0, 3)
  const figures: KeyFigure[] = []
  if (total) figures.push({label: '支持资金总额', figure: total.figure, source: total.source, note: total.basis === 'budgets' ? total.text : ''})
  if (measures > 0) {
    figures.push({
      label: '明确金额或比例的支持',
      figure: `${measures}项`,
      source: citer.list(measureClauses),
      note: ''
    })
  }
  for (const line of largest) figures.push({label: '单项最高', figure: line.amount, source: line.cite, note: line.who})
  figures.push({label: '政策条款', figure: `${clauses.length}条`, source: citer.range(clauses), note: `分${domains.length}个部分`})
  if (items > 0) figures.push({label: '积极争取省市政策事项', figure: `${items}项`, source: '附件', note: ''})
  const used = new Set(audiences.flatMap((a) => a.lines.map((l) => l.kind)))
  return {
    meta: {
      kind: 'interpretation',
      layout: 'leaflet',
      title: `《${policy.title}》政策解读`,
      subtitle: lines.length > 0 ? '谁能享受、享受什么、找谁办' : '政策要点和办理部门',
      date: issuer.date,
      created: issuer.created
    },
    policyTitle: policy.title,
    status: policy.status ?? '',
    benefitsHeading: '谁能享受',
    figures,
    total,
    counts: {
      domains: domains.length,
      clauses: clauses.length,
      measures,
      measureClauses: measureClauses.length,
      items,
      lines: lines.length,
      aims: aims.reduce((n, g) => n + g.aims.length + g.more, 0)
    },
    range: citer.range(clauses),
    citeNote: citer.note,
    audiences,
    kinds: benefitKinds.map((k) => k.kind).filter((k) => used.has(k)),
    domains,
    aims
  }
}

/** Views-table entry: one document, `政策解读`, with the context's glossary (else the built-in one). */
export function interpretationDocuments(context: ViewContext): Array<ViewDocument<InterpretationView>> {
  const glossary = context.glossary ?? loadGlossary()
  const data = buildInterpretationView(context.policy, {glossary, registry: context.registry, config: context.config})
  return [{template: 'interpretation', path: ['政策解读'], label: '政策解读', data}]
}
