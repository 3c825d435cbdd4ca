/**
 * fast-check arbitraries for policy-shaped plain text: a title (and maybe a status line), a
 * preamble, domains (`一、…（由…牵头实施）`), clauses numbered continuously (`3.标题。正文（责任单位：…）`)
 * with unit lists that nest brackets, closing paragraphs and a tab-separated appendix table.
 *
 * Text pieces mix Chinese words with characters that Markdown, HTML and Handlebars treat as syntax
 * (`* _ | # < [ ] \` {{ }} <script> &amp;`), very long runs, and clauses that are empty.
 */
import fc from 'fast-check'

const words = ['推动', '发展', '项目', '资金', '支持', '企业', '产业', '建设', '政策', '落实', '服务', '创新', '补助', '奖励', '亿元', '万元', '2024年', '10%', '不超过', '最高']
const specials = ['*', '_', '|', '#', '<', '>', '[', ']', '\\', '`', '{{', '}}', '{{title}}', '<script>alert(1)</script>', '&amp;', '&', '~~', '$', '!', '**粗**', '[链接](x.example)', '[链接](http://x.example)', 'http://x.example/a_b', '<b>', '"', "'", ' ', '1.', '- ']

/** A run of inline text: words and specials, never a line break, tab, 。 or bracket that ends a unit list. */
export const fragment: fc.Arbitrary<string> = fc
  .array(fc.oneof({weight: 4, arbitrary: fc.constantFrom(...words)}, {weight: 2, arbitrary: fc.constantFrom(...specials)}, {weight: 1, arbitrary: fc.string({maxLength: 6}).map(clean)}), {minLength: 1, maxLength: 8})
  .map((parts) => parts.join(''))

/** Very long line: one fragment repeated (a few thousand characters). */
const longRun: fc.Arbitrary<string> = fc.tuple(fragment, fc.integer({min: 100, max: 400})).map(([f, n]) => `${f}，`.repeat(n).slice(0, 5000))

/** A fragment safe inside a sentence: no `。`, no line breaks or tabs, no responsibility labels. */
export function clean(text: string): string {
  return text.replace(/[\r\n\t\u2028\u2029\u0085\u000b\u000c。（）：]/g, '').replace(/责任单位|牵头|配合|附件/g, '')
}

/** A paragraph that is not a heading or clause: it starts with a word. */
const paragraph = (): fc.Arbitrary<string> => body.map(clean).filter((s) => s.trim().length > 0).map((s) => `同时${s}`)

const body: fc.Arbitrary<string> = fc.oneof(
  {weight: 6, arbitrary: fc.array(fragment, {minLength: 1, maxLength: 4}).map((s) => s.join('，') + '。')},
  {weight: 1, arbitrary: longRun.map((s) => s + '。')},
  {weight: 1, arbitrary: fc.constant('')}
)

const unitSuffix = ['局', '办', '中心', '委', '分局']
const unitStem = fc.constantFrom('发改', '财政', '经信', '科技', '商务', '人社', '资规', '住建', '农业农村', '金融', '市场监管', 'A*B', 'C_D', '<X>', '{{Y}}', 'E|F', '[G]')
export const unitName: fc.Arbitrary<string> = fc.tuple(unitStem, fc.constantFrom(...unitSuffix)).map(([s, e]) => `区${s}${e}`)

/** A unit, maybe with units nested in brackets after it (`区财政局（区国资办（区X组））`). */
const unitWithNested: fc.Arbitrary<string> = fc.tuple(unitName, fc.array(unitName, {maxLength: 2}), fc.boolean()).map(([u, nested, deep]) => {
  if (nested.length === 0) return u
  if (deep && nested.length === 2) return `${u}（${nested[0]}（${nested[1]}））`
  return `${u}（${nested.join('、')}）`
})

export const unitList: fc.Arbitrary<string> = fc.array(unitWithNested, {minLength: 0, maxLength: 4}).map((units) => (units.length === 0 ? '' : `（责任单位：${units.join('、')}）`))

export interface ClauseSpec {
  title: string
  body: string
  units: string
  /** Empty clause: only the number. */
  empty: boolean
}

const clauseSpec: fc.Arbitrary<ClauseSpec> = fc.record({
  title: fragment.map((f) => clean(f).replace(/^[\s\d]+/, '') || '条款'),
  body: body.map(clean).map((b) => (b === '' ? '' : b + '。')),
  units: unitList,
  empty: fc.integer({min: 0, max: 6}).map((n) => n === 0)
})

export interface DomainSpec {
  title: string
  leads: string[]
  intro?: string
  clauses: ClauseSpec[]
}

const domainSpec: fc.Arbitrary<DomainSpec> = fc.record(
  {
    title: fragment.map((f) => clean(f).replace(/^[\s\d]+/, '') + '政策'),
    leads: fc.array(unitName, {maxLength: 2}),
    intro: fc.option(paragraph(), {nil: undefined}),
    clauses: fc.array(clauseSpec, {minLength: 0, maxLength: 5})
  },
  {requiredKeys: ['title', 'leads', 'clauses']}
)

export interface AppendixRow {
  domain: string
  title: string
  target: string
  units: string
}

export interface PolicySpec {
  title: string
  status?: string
  preamble: string[]
  domains: DomainSpec[]
  closing: string[]
  appendix: AppendixRow[]
}

const cell = fragment.map((f) => clean(f).replace(/^[\s\d]+/, '').trim() || '事项')

export const policySpec: fc.Arbitrary<PolicySpec> = fc.record(
  {
    title: fragment.map((f) => clean(f).trim() + '方案'),
    status: fc.option(fc.constant('征求意见稿'), {nil: undefined}),
    preamble: fc.array(paragraph(), {maxLength: 2}),
    domains: fc.array(domainSpec, {minLength: 1, maxLength: 4}),
    closing: fc.array(paragraph(), {maxLength: 2}),
    appendix: fc.array(fc.record({domain: cell, title: cell, target: cell, units: fc.array(unitName, {minLength: 1, maxLength: 3}).map((u) => u.join('、'))}), {maxLength: 5})
  },
  {requiredKeys: ['title', 'preamble', 'domains', 'closing', 'appendix']}
)
  // The sample's shape has numbered clauses; `一、` headings with none under them read as a flat
  // list of measures (docs/source-format.md, real documents), which these properties do not model.
  .filter((spec) => spec.domains.some((domain) => domain.clauses.length > 0))

const numerals = '零一二三四五六七八九'
export function chineseNumeral(n: number): string {
  if (n < 10) return numerals[n]!
  if (n < 20) return `十${n % 10 ? numerals[n % 10] : ''}`
  return `${numerals[Math.floor(n / 10)]}十${n % 10 ? numerals[n % 10] : ''}`
}

/** The clause line as written in the source (what the parser must keep, joined, without loss). */
export function clauseLine(number: number, clause: ClauseSpec): string {
  if (clause.empty) return `${number}.`
  return `${number}.${clause.title}。${clause.body}${clause.units}`
}

/** Plain text for a policy spec, one paragraph per line, the appendix as tab-separated rows. */
export function policyText(spec: PolicySpec): string {
  const lines: string[] = [spec.title]
  if (spec.status) lines.push(`（${spec.status}）`)
  lines.push(...spec.preamble)
  let number = 0
  spec.domains.forEach((domain, i) => {
    const lead = domain.leads.length > 0 ? `（由${domain.leads.join('、')}牵头实施）` : ''
    lines.push(`${chineseNumeral(i + 1)}、${domain.title}${lead}`)
    if (domain.intro) lines.push(domain.intro)
    for (const clause of domain.clauses) lines.push(clauseLine(++number, clause))
  })
  lines.push(...spec.closing)
  if (spec.appendix.length > 0) {
    lines.push('附件：', '积极争取省市政策事项清单', ['领域', '争取事项', '具体目标', '责任单位'].join('\t'))
    spec.appendix.forEach((row, i) => lines.push([row.domain, `${i + 1}.${row.title}`, row.target, row.units].join('\t')))
  }
  return lines.join('\n') + '\n'
}

/** Generated source lines of every clause, in order. */
export function clauseLines(spec: PolicySpec): string[] {
  let number = 0
  return spec.domains.flatMap((d) => d.clauses.map((c) => clauseLine(++number, c)))
}
