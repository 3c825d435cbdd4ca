/**
 * Benefits (measures) offered by a clause: fixed sums, rates and caps, each with its recipient
 * (`who`) and the thresholds that gate it (`conditions`).
 *
 * Conventions:
 * - `unit` is the unit as written (`万元`, `亿元`, `元`, `%`); a per-unit qualifier is appended as
 *   `/X` only when the text itself writes `每X` or `N元/X`: `给予每家50万元` → `万元/家`,
 *   `每亩分别增加15元` → `元/亩`, `200元/标箱` → `元/标箱`. `单个项目最高…` is a per-project cap but
 *   is written without 每, so it keeps the plain unit and `单个项目` stays in the source span.
 * - `kind`: `cap` when the value is an upper limit (`最高`, `限额`, `不超过`), else `rate` for a
 *   percentage and `amount` for a sum. A capped rate (`最高给予设备投资额12%的补助`) is a `cap` in `%`.
 * - `text` is the verbatim span: for a single benefit the phrase from its trigger (`给予`, `按`, `最高`)
 *   to its noun (`奖励`, `补助`…); for a `分别` list each value's own span (`50万元`), so every item
 *   of the list has its own position.
 * - Thresholds (`研发费用达到100万元以上`, `投入不低于100万元`) are never benefits: they end up in
 *   `conditions` of the benefits of the same sentence that follow them. Budgets (`预算安排…`) are
 *   skipped here (see budgets.ts).
 */
import type {Measure} from '../tree/types.ts'
import {NUM, bare, phrases, sentences, toNumber} from './text.ts'

/** A measure with the index of its `text` in the string it was extracted from. */
export interface LocatedMeasure {
  measure: Measure
  start: number
}

export function extractMeasures(text: string): Measure[] {
  return locateMeasures(text).map((m) => m.measure)
}

type Role = 'benefit' | 'condition' | 'none'

interface Token {
  /** phrase-local indexes of the value (with 人民币 and any bracketed alternative) */
  start: number
  end: number
  value: number
  unit: string
  perUnit?: string
  role: Role
  cap: boolean
  alternative?: {value: number; unit: string}
}

const MONEY = new RegExp(`(?:人民币)?(${NUM})(万元|亿元|元|[%％])(?:/(标箱|亩|家|人|吨|个|台|项|户|次))?`, 'g')
const ALT = new RegExp(`^（(${NUM})(万元|亿元|元|[%％])）`)
const COND_AFTER = /^(?:（含[^）]*）|（不含）|以上|以下|以内|[~～—-])/
const COND_BEFORE = /(?:达到|超过|大于|不低于|高于|低于|小于|不少于|不足|不超过|超|达|在)(?:人民币)?$/
const BENEFIT_AFTER = /(?:奖励|补助|补贴|经费支持|执行)/
const LIST_GAP = /^[、和及与或]$/
const TRAIL = /^(?:（[^）]*）)?(?:的)?(?:一次性|兑付)?(?:经费)?(?:奖励|补助|补贴|支持)|^给予(?:相应)?(?:补助|奖励|补贴)|^执行/
const TRIGGER = /给予|按|最高|限额|每(?:家|亩|个|人|台)|增加/

function normUnit(u: string): string {
  return u === '％' ? '%' : u
}

function tokens(ph: string): Token[] {
  const out: Token[] = []
  for (const m of ph.matchAll(MONEY)) {
    const start = m.index
    let end = start + m[0].length
    const tok: Token = {start, end, value: toNumber(m[1]!), unit: normUnit(m[2]!), role: 'none', cap: false}
    if (m[3]) tok.perUnit = m[3]
    const alt = ALT.exec(ph.slice(end))
    if (alt) {
      tok.alternative = {value: toNumber(alt[1]!), unit: normUnit(alt[2]!)}
      end += alt[0].length
      tok.end = end
    }
    out.push(tok)
  }
  // An alternative's own match lies inside the token before it: drop it.
  const kept = out.filter((t, i) => !out.some((o, j) => j !== i && o.start < t.start && o.end >= t.end))
  let prevEnd = 0
  let prev: Token | undefined
  for (const tok of kept) {
    const gap = ph.slice(prevEnd, tok.start)
    const before = ph.slice(0, tok.start)
    const after = ph.slice(tok.end)
    const perUnit = /每(家|亩|标箱|个|人|台|项|户)/.exec(gap)
    if (perUnit && !tok.perUnit) tok.perUnit = perUnit[1]
    if (prev && prev.role === 'benefit' && LIST_GAP.test(gap)) {
      tok.role = 'benefit'
      tok.cap = prev.cap
      if (!tok.perUnit && prev.perUnit) tok.perUnit = prev.perUnit
    } else if (COND_AFTER.test(after) || /[~～]$/.test(before)) tok.role = 'condition'
    else if (/最高|限额/.test(gap)) {
      tok.role = 'benefit'
      tok.cap = true
    } else if (gap.includes('给予')) tok.role = 'benefit'
    else if (COND_BEFORE.test(before)) tok.role = 'condition'
    else if (/^的(?:一次性|兑付)?(?:奖励|补助|补贴)/.test(after)) tok.role = 'benefit'
    else if (/^的/.test(after)) tok.role = 'condition'
    else if (BENEFIT_AFTER.test(after)) tok.role = 'benefit'
    prevEnd = tok.end
    prev = tok
  }
  return kept
}

// ---------------------------------------------------------------------------------------------
// Recipients and conditions from the text before a benefit

const COND_KW = /达到|超过|大于|不低于|高于|低于|小于|不少于|不足|不超过|以上|以下/
const ENTITY_END = /(企业|单位|项目|机构|主体|园区|中心|实验室)(?!.*(企业|单位|项目|机构|主体|园区|中心|实验室))/
const ENTITY_START = /^[^的，、“”]{2,10}?(企业|单位|项目)/

/** Index of the last `对` that introduces a recipient (not 对应, 对接, 对外…), or -1. */
function lastDui(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i] === '对' && !/[应接外标比象于照]/.test(s[i + 1] ?? '') && !/[针绝相]/.test(s[i - 1] ?? '')) return i
  }
  return -1
}

/** Shorten a recipient to what a reader needs, keeping the clause's words. */
export function cleanWho(s: string): string {
  let w = bare(s)
  w = w.replace(/（包括[^）]*）/g, '')
  for (;;) {
    const next = w
      .replace(/^(?:其中|同时|另外|并且|并|且|或|其|对|经认定的|经认定|获评的|获评|被评定为|评为|认定为|落实|全市|探索运用创新券对)/, '')
      .replace(/(?:的|上级财政|市财政|区财政|省财政)$/, '')
    if (next === w) break
    w = next
  }
  return w
}

interface Head {
  who?: string
  conds: string[]
  /** the recipient was introduced with 对 */
  dui: boolean
  /** the recipient narrows the current one (a tier): earlier conditions still apply */
  narrows?: boolean
  /** recipient only guessed from a 支持… phrase: the benefit phrase's own words win */
  weak?: boolean
  /** head text that is neither recipient nor condition (fallback recipient) */
  plain?: string
}

function analyzeHead(headText: string, hasCondToken: boolean): Head {
  let h = bare(headText).replace(/^(?:其中|同时|另外|并且|并|且|或|另)/, '')
  const listed = /^(?:其它|其他)?列?为(.{2,10})$/.exec(h)
  if (listed) return {who: listed[1]!, conds: [], dui: false}
  const d = lastDui(h)
  const dui = d >= 0
  if (dui) h = h.slice(d + 1)
  h = h.replace(/^其/, '')
  const endsDe = /的$/.test(h)
  h = h.replace(/的$/, '')
  if (!h) return {conds: [], dui}
  const kw = COND_KW.exec(h)
  const digit = /[0-9０-９]/.exec(h)
  if (kw || (hasCondToken && digit)) {
    const c = Math.min(kw ? kw.index : h.length, digit ? digit.index : h.length)
    const lastDe = h.lastIndexOf('的')
    let who: string | undefined
    let cond = h
    if (lastDe > c) {
      who = h.slice(lastDe + 1)
      cond = h.slice(0, lastDe)
    }
    const subject = cond.slice(0, c)
    if (!who) {
      const ent = dui ? ENTITY_END.exec(subject) : ENTITY_START.exec(subject)
      if (ent) {
        const e = ent.index + ent[0].length
        who = subject.slice(0, e)
        cond = cond.slice(e).replace(/^(?:的|其)/, '')
      }
    }
    const out: Head = {conds: [cond], dui}
    if (who) out.who = cleanWho(who)
    // a tier's subject (其中规上企业研发费用占比达到…的) narrows the recipient, keeping the
    // sentence's earlier conditions
    if (who && !dui && lastDe <= c) out.narrows = true
    return out
  }
  if (dui) return {who: cleanWho(h), conds: [], dui}
  if (endsDe) return {conds: [h], dui}
  // 获得“单项冠军”…企业后按20%… / 支持企业开展发明专利产业化，单个项目…给予
  const got = /^(?:获得|获评|被认定为|认定为)(.+?)后?$/.exec(h)
  if (got) return {who: cleanWho(got[1]!), conds: [], dui}
  const supp = /^支持(.{4,20})$/.exec(h)
  if (supp) return {who: cleanWho(supp[1]!), conds: [], dui, weak: true}
  return {conds: [], dui, plain: h}
}

// ---------------------------------------------------------------------------------------------
// 分别 lists: pair values with recipients in order

const FAMILIES = [
  /国家级|省级|市级|区级|县级|国际|国内|省内|市内|区内|国家/,
  /特等奖|一等奖|二等奖|三等奖/,
  /一星级|二星级|三星级|四星级|五星级/
]

/** Split a recipient list into items at `、` (and between adjacent quotes `”“`), bracket-aware. */
function splitItems(src: string, byAnd: boolean): string[] {
  const items: string[] = []
  let depth = 0
  let cur = ''
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!
    if (ch === '“' && depth === 0 && src[i - 1] === '”' && cur) {
      items.push(cur)
      cur = ''
    }
    if ('（(“《'.includes(ch)) depth++
    else if ('）)”》'.includes(ch)) depth = Math.max(0, depth - 1)
    if (depth === 0 && (ch === '、' || (byAnd && '和及与'.includes(ch)))) {
      items.push(cur)
      cur = ''
      continue
    }
    cur += ch
  }
  if (cur) items.push(cur)
  return items.filter((s) => s.length > 0)
}

/** Complete items that share a prefix or suffix (`国家级、省级、市级绿色工厂` → `省级绿色工厂`). */
function completeItems(items: string[]): string[] {
  let family: RegExp | undefined
  let best = 1
  for (const f of FAMILIES) {
    const n = items.filter((s) => f.test(s)).length
    if (n > best) {
      best = n
      family = f
    }
  }
  if (!family) return items.map(cleanWho)
  const parts = items.map((s) => {
    const m = family.exec(s)
    if (!m) return undefined
    let pre = s.slice(0, m.index)
    let post = s.slice(m.index + m[0].length)
    if (pre.endsWith('“') && post.startsWith('”')) {
      pre = pre.slice(0, -1)
      post = post.slice(1)
    }
    return {pre: cleanWho(pre + '#').slice(0, -1), lvl: m[0], post}
  })
  return items.map((s, i) => {
    const p = parts[i]
    if (!p) return cleanWho(s)
    let {pre, post} = p
    for (let j = i - 1; !pre && j >= 0; j--) if (parts[j]?.pre) pre = parts[j]!.pre
    for (let j = i + 1; !post && j < parts.length; j++) if (parts[j]?.post) post = parts[j]!.post
    return cleanWho(pre + p.lvl + post)
  })
}

function listRecipients(candidates: string[], n: number): {names: string[]; source: string} | undefined {
  for (const c of candidates) {
    let src = bare(c)
    const d = lastDui(src)
    if (d >= 0) src = src.slice(d + 1)
    src = src.replace(/的$/, '')
    for (const byAnd of [false, true]) {
      const items = splitItems(src, byAnd)
      if (items.length === n) return {names: completeItems(items), source: src}
    }
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------

function withAlternative(who: string, alt: {value: number}): {who: string; alternative: {value: number; who: string}} {
  const m = /^(.*)（([^）]+)）$/.exec(who)
  if (!m) return {who, alternative: {value: alt.value, who}}
  const base = m[1]!
  const q = base.lastIndexOf('”')
  return {who: base, alternative: {value: alt.value, who: q >= 0 ? base.slice(0, q + 1) + m[2]! : m[2]!}}
}

export function locateMeasures(text: string): LocatedMeasure[] {
  const out: LocatedMeasure[] = []
  for (const sentence of sentences(text)) {
    if (/预算安排/.test(sentence.text)) continue
    let who: string | undefined
    let whoWeak = false
    let conds: string[] = []
    let emitted = false
    let lastPlain: string | undefined
    const phs = phrases(sentence)
    phs.forEach((ph, pi) => {
      const toks = tokens(ph.text)
      const benefits = toks.filter((t) => t.role === 'benefit')
      const first = benefits[0]
      // head: the phrase before the first benefit's trigger
      let headEnd = ph.text.length
      if (first) {
        const gap = ph.text.slice(0, first.start)
        const tm = /分别|给予|按|最高|每(?:家|亩)/.exec(gap)
        headEnd = tm ? tm.index : first.start
        // a trigger inside the head's own condition (…超过1000万元的按…) is after the last condition token
        const lastCond = toks.filter((t) => t.role === 'condition' && t.end <= first.start).at(-1)
        if (lastCond && headEnd < lastCond.end) {
          const rest = ph.text.slice(lastCond.end, first.start)
          const t2 = /分别|给予|按|最高|每(?:家|亩)/.exec(rest)
          headEnd = t2 ? lastCond.end + t2.index : first.start
        }
      }
      const headToks = toks.some((t) => t.role === 'condition' && t.end <= headEnd)
      const head = analyzeHead(ph.text.slice(0, headEnd), headToks)
      if (head.who) {
        if (emitted && !head.narrows) {
          conds = []
          emitted = false
        }
        who = head.who
        whoWeak = head.weak === true
      }
      if (!first) {
        conds.push(...head.conds.filter((c) => c.length > 0))
        if (head.plain) lastPlain = head.plain
        return
      }
      const local = [...conds, ...head.conds.filter((c) => c.length > 0)]
      const ownWords = head.plain && !/^(?:单个|每)/.test(head.plain) ? cleanWho(head.plain) : undefined
      const fallback = (whoWeak ? ownWords : undefined) ?? who ?? cleanWho(head.plain ?? lastPlain ?? '')
      let listSource: string | undefined
      // group benefit tokens into lists (values joined by 、和及与)
      const groups: Token[][] = []
      for (const t of benefits) {
        const g = groups.at(-1)
        const prevTok = g?.at(-1)
        if (g && prevTok && LIST_GAP.test(ph.text.slice(prevTok.end, t.start))) g.push(t)
        else groups.push([t])
      }
      for (const g of groups) {
        let names: (string | undefined)[] = g.map(() => undefined)
        if (g.length > 1) {
          const before = ph.text.slice(0, g[0]!.start)
          const fb = before.lastIndexOf('分别')
          const cands = [fb >= 0 ? before.slice(0, fb) : before, ...phs.slice(0, pi).reverse().map((p) => p.text)]
          const found = listRecipients(cands, g.length)
          if (found) {
            names = found.names
            listSource = found.source
          }
        }
        g.forEach((t, k) => {
          let span: string
          let start: number
          if (g.length > 1) {
            span = ph.text.slice(t.start, t.end)
            start = t.start
          } else {
            const prevEnd = Math.max(headEnd, toks.filter((o) => o.end <= t.start).at(-1)?.end ?? 0)
            const gap = ph.text.slice(prevEnd, t.start)
            const tm = TRIGGER.exec(gap)
            start = tm ? prevEnd + tm.index : t.start
            const trail = TRAIL.exec(ph.text.slice(t.end))
            span = ph.text.slice(start, t.end + (trail ? trail[0].length : 0))
          }
          const unit = t.perUnit ? `${t.unit}/${t.perUnit}` : t.unit
          const kind: Measure['kind'] = t.cap ? 'cap' : t.unit === '%' ? 'rate' : 'amount'
          const m: Measure = {kind, value: t.value, unit, who: names[k] ?? fallback, text: span}
          if (t.alternative) Object.assign(m, withAlternative(m.who, t.alternative))
          // the recipient list itself is not a condition (新入选国家和省级领军人才计划的，分别…)
          const own = local.filter((c) => !(g.length > 1 && listSource && (listSource.includes(c) || c.includes(listSource))))
          if (own.length) m.conditions = own
          out.push({measure: m, start: ph.start + start})
        })
      }
      emitted = true
    })
  }
  return out
}
