/**
 * The one-page poster (一图读懂) as plain data: a banner, the headline figures, the largest
 * benefits with who gets them, the audiences with their benefits largest first, the contacts and
 * a footer. Built from the interpretation view, so every figure carries the same citation (`第N条`, `（十二）`)
 * as the full interpretation. Lists hold everything in weight order; the poster layout
 * (`src/write/poster/layout.ts`) shows as many as fit and says how many more the full
 * interpretation has.
 */
import type {Policy} from '../tree/types.ts'
import type {Config} from '../config/types.ts'
import type {RegistryLike} from './types.ts'
import {issuerBlock} from './common.ts'
import {unitsByName} from './contacts.ts'
import {type InterpretationView, type SupportLine} from './interpretation.ts'
import {clauseCiter} from './cite.ts'

/** One headline figure (`约26亿元`, `72项`). */
export interface PosterFigure {
  label: string
  figure: string
  /** `结语第1段`, `第10—53条`. */
  cite: string
}

/** One benefit as the poster prints it. */
export interface PosterLine {
  /** `最高3000万元`, `每家150万元`, `20%，最高3000万元`. */
  amount: string
  /** Who gets it, in the policy's words. */
  who: string
  kind: string
  /** `第20条`. */
  cite: string
}

export interface PosterAudience {
  /** `科技型企业`, `个人和家庭`. */
  label: string
  /** All benefits of the audience, largest first (the layout shows the first few). */
  lines: PosterLine[]
  /** Clauses without sums that concern the audience (shown when it has no benefit lines). */
  related: PosterLine[]
}

export interface PosterContact {
  unit: string
  office: string
  phone: string
  address: string
  /** Clauses the unit leads among those shown (`第10、11条`). */
  cite: string
}

export interface PosterView {
  /** The policy's title as written. */
  title: string
  /** `征求意见稿`; empty when none. */
  status: string
  /** `嘉兴市秀洲区人民政府办公室`; empty when unknown. */
  issuer: string
  documentNumber: string
  /** `2024年3月5日`; empty when none. */
  date: string
  figures: PosterFigure[]
  /** The largest benefits with who gets them (at most three). */
  top: PosterLine[]
  audiences: PosterAudience[]
  /** Units to contact, those leading the most benefits first. */
  contacts: PosterContact[]
  /** Benefit lines of the full interpretation (each audience line counted once). */
  lineCount: number
  /** Footer note. */
  note: string
}

function posterLine(line: SupportLine): PosterLine {
  return {amount: line.amount, who: line.who || line.what, kind: line.kind, cite: line.cite}
}

/**
 * The poster of an interpretation. `registry` gives the contacts, `policy` and `config` the
 * issuer and date (same sources as the other documents).
 */
export function buildPosterView(view: InterpretationView, policy: Policy, options: {config?: Config; registry?: RegistryLike} = {}): PosterView {
  const issuer = issuerBlock(policy, options.config ?? {})
  const lines = view.domains.flatMap((d) => d.supports)
  const citer = clauseCiter(policy)
  const clauses = policy.children.flatMap((d) => d.children)
  /** Clauses by their place in the policy (`SupportLine.clause`). */
  const atPlaces = (places: readonly number[]) => places.map((p) => clauses[p - 1]!)
  const figures: PosterFigure[] = []
  if (view.total) figures.push({label: '支持资金总额', figure: view.total.figure, cite: view.total.source})
  if (view.counts.measures > 0) {
    figures.push({label: '支持措施', figure: `${view.counts.measures}项`, cite: citer.range(atPlaces(lines.map((l) => l.clause)))})
  }
  figures.push({label: '政策条款', figure: `${view.counts.clauses}条`, cite: view.range})
  const top = lines
    .filter((l) => l.yuan !== undefined)
    .map((line, index) => ({line, index}))
    .sort((a, b) => b.line.yuan! - a.line.yuan! || a.index - b.index)
    .slice(0, 3)
    .map(({line}) => posterLine(line))
  const audiences: PosterAudience[] = view.audiences.flatMap((a) => {
    const groups = a.groups.length > 0 ? a.groups : [{label: '', lines: []}]
    return groups.map((g) => ({
      label: g.label || a.label,
      lines: g.lines.map(posterLine),
      related: g.lines.length === 0 ? a.related.map((r) => ({amount: '', who: r.title, kind: '', cite: r.cite})) : []
    }))
  })
  // A policy without benefits: its parts by their main measures, so the poster still says what it does.
  if (audiences.length === 0) {
    for (const d of view.domains) {
      audiences.push({label: d.heading, lines: [], related: d.keyClauses.map((c) => ({amount: '', who: c.title, kind: '', cite: c.cite}))})
    }
  }
  const byUnit = new Map<string, {clauses: number[]; count: number; office: string; phone: string; address: string}>()
  const units = unitsByName(options.registry)
  for (const line of lines) {
    for (const unit of line.contact ? line.contact.split('、') : []) {
      const entry = byUnit.get(unit) ?? {clauses: [], count: 0, office: units.get(unit)?.office ?? '', phone: units.get(unit)?.phone ?? '', address: units.get(unit)?.address ?? ''}
      entry.count++
      if (!entry.clauses.includes(line.clause)) entry.clauses.push(line.clause)
      byUnit.set(unit, entry)
    }
  }
  if (byUnit.size === 0) {
    for (const c of view.domains.flatMap((d) => d.contacts)) {
      if (!byUnit.has(c.unit)) byUnit.set(c.unit, {clauses: [], count: 0, office: c.office, phone: c.phone, address: c.address})
    }
  }
  const contacts = [...byUnit]
    .map(([unit, e], index) => ({unit, e, index}))
    .sort((a, b) => b.e.count - a.e.count || a.index - b.index)
    .map(({unit, e}) => ({unit, office: e.office, phone: e.phone, address: e.address, cite: e.clauses.length > 0 ? citer.range(atPlaces(e.clauses)) : ''}))
  return {
    title: view.policyTitle,
    status: view.status,
    issuer: issuer.issuer ?? '',
    documentNumber: issuer.documentNumber ?? '',
    date: issuer.date ?? '',
    figures,
    top,
    audiences,
    contacts,
    lineCount: lines.length,
    note: '本图只列主要内容，具体以政策原文为准。'
  }
}
