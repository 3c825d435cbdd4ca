/**
 * Who does what: the duties of every unit, collected once from the tree. Sub-units (区国资办 in
 * 区财政局) are folded into their parent's duties and remembered in `via`, so the parent's task list
 * marks them. The notice, the task lists, the ledger and the interpretation ("whom to ask") read this.
 */
import type {AppendixItem, Clause, Domain, Policy, UnitRef} from '../tree/types.ts'
import type {RegistryLike} from './types.ts'

export type Role = 'lead' | 'support'

export interface UnitInfo {
  /** Canonical short name (or the written name when the unit is not in the registry). */
  name: string
  fullName?: string
  /** True when the unit is in the registry. */
  known: boolean
}

/** A duty reached directly or through sub-units. */
export interface Duty<T> {
  node: T
  role: Role
  /** The domain the node sits in (clauses), or the appendix item's domain when matched. */
  domain?: Domain
  /** True when the unit itself is named (not only its sub-units). */
  direct: boolean
  /** Sub-units named in the source through which this unit holds the duty, in source order. */
  via: string[]
}

export interface UnitDuties {
  unit: UnitInfo
  domains: Array<Duty<Domain>>
  clauses: Array<Duty<Clause>>
  items: Array<Duty<AppendixItem>>
}

export interface DutyIndex {
  /** Top-level units with at least one duty: registry order first, then unknown units in order of appearance. */
  units: UnitDuties[]
  /** Top-level unit name of any unit name (a sub-unit maps to its root parent). */
  topOf(name: string): string
}

/** Collect the duties of every top-level unit. */
export function collectDuties(policy: Policy, registry?: RegistryLike): DutyIndex {
  const entries = new Map<string, {name: string; fullName?: string; parent?: string}>()
  const order = new Map<string, number>()
  for (const [i, unit] of (registry?.units ?? []).entries()) {
    entries.set(unit.name, unit)
    order.set(unit.name, i)
  }

  const topOf = (name: string, parentHint?: string): string => {
    let current = parentHint ?? name
    const seen = new Set<string>([name])
    while (true) {
      const parent = entries.get(current)?.parent
      if (!parent || seen.has(current)) return current
      seen.add(current)
      current = parent
    }
  }

  const byUnit = new Map<string, UnitDuties>()
  const firstSeen: string[] = []
  const dutiesOf = (name: string): UnitDuties => {
    let duties = byUnit.get(name)
    if (!duties) {
      const entry = entries.get(name)
      duties = {unit: {name, fullName: entry?.fullName, known: entry !== undefined}, domains: [], clauses: [], items: []}
      byUnit.set(name, duties)
      firstSeen.push(name)
    }
    return duties
  }

  /** Add one node's refs to the owners' lists, merging refs that fold into the same top unit. */
  const add = <T>(refs: readonly UnitRef[], node: T, domain: Domain | undefined, pick: (d: UnitDuties) => Array<Duty<T>>) => {
    const merged = new Map<string, Duty<T>>()
    for (const ref of refs) {
      const top = topOf(ref.name, ref.parent)
      let duty = merged.get(top)
      if (!duty) {
        duty = {node, role: ref.role, domain, direct: false, via: []}
        merged.set(top, duty)
      }
      if (ref.role === 'lead') duty.role = 'lead'
      if (top === ref.name) duty.direct = true
      else if (!duty.via.includes(ref.name)) duty.via.push(ref.name)
    }
    for (const [top, duty] of merged) pick(dutiesOf(top)).push(duty)
  }

  for (const domain of policy.children) {
    add(domain.leads.map((ref) => ({...ref, role: 'lead' as const})), domain, domain, (d) => d.domains)
    for (const clause of domain.children) add(clause.units, clause, domain, (d) => d.clauses)
  }
  for (const item of policy.appendix?.children ?? []) {
    const domain = policy.children.find((d) => d.ordinal === item.domain)
    add(item.units, item, domain, (d) => d.items)
  }

  const rank = (name: string) => order.get(name) ?? registrySize + firstSeen.indexOf(name)
  const registrySize = order.size
  const units = [...byUnit.values()].sort((a, b) => rank(a.unit.name) - rank(b.unit.name))
  return {units, topOf: (name) => topOf(name)}
}

/** Lead and supporting refs of a clause or item, as the source assigns roles. */
export function splitRoles(refs: readonly UnitRef[]): {leads: UnitRef[]; supports: UnitRef[]} {
  return {leads: refs.filter((r) => r.role === 'lead'), supports: refs.filter((r) => r.role === 'support')}
}
