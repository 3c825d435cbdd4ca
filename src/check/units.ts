/**
 * Where each unit reference sits in the source: domain leads, clause responsibility lists and
 * appendix unit cells. Uses `UnitRef.position` when the parser set it, otherwise finds the written
 * name in the container's source span, left to right.
 */
import type {Position} from 'unist'
import type {UnitRef} from '../tree/types.ts'
import {clauseOffsets, type SourceText} from './source.ts'
import type {Policy} from '../tree/types.ts'

export interface UnitOccurrence {
  ref: UnitRef
  place: Position | undefined
  /** Where the reference is: a domain heading, a clause list or an appendix row. */
  container: 'domain' | 'clause' | 'appendix'
}

function locate(
  source: SourceText,
  refs: UnitRef[],
  from: number | undefined,
  to: number | undefined,
  container: UnitOccurrence['container'],
  fallback: Position | undefined
): UnitOccurrence[] {
  let cursor = from
  return refs.map((ref) => {
    if (ref.position) return {ref, place: ref.position, container}
    if (cursor !== undefined) {
      const found = source.value.indexOf(ref.written, cursor)
      if (found !== -1 && (to === undefined || found + ref.written.length <= to)) {
        cursor = found + ref.written.length
        return {ref, place: source.span(found, cursor), container}
      }
    }
    return {ref, place: fallback, container}
  })
}

/** Every unit reference of the policy, in source order, with its place. */
export function unitOccurrences(policy: Policy, source: SourceText): UnitOccurrence[] {
  const occurrences: UnitOccurrence[] = []
  for (const domain of policy.children) {
    const start = domain.position?.start.offset
    const end = start === undefined ? undefined : source.lineStart(source.point(start).line + 1)
    occurrences.push(...locate(source, domain.leads, start, end, 'domain', domain.position))
    for (const clause of domain.children) {
      const offsets = clauseOffsets(clause, source)
      occurrences.push(...locate(source, clause.units, offsets?.units, offsets?.end, 'clause', clause.position))
    }
  }
  for (const item of policy.appendix?.children ?? []) {
    const start = item.position?.start.offset
    const end = item.position?.end.offset
    occurrences.push(...locate(source, item.units, start, end && end > (start ?? 0) ? end : undefined, 'appendix', item.position))
  }
  return occurrences
}
