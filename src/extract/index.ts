/**
 * The extraction step: fills each clause's measures, targets and budgets and each domain's targets
 * (from its intro) and the policy's stated total support funds, with source positions.
 *
 * Positions: `clause.position.start` is at the clause number label and
 * `label + labelPunctuation + title + body + unitsText` is the clause's source text, contiguous, so
 * an item at index i of `title + body` starts label.length + labelPunctuation.length + i characters
 * after the clause start. Intro items are placed from their Text node's position the same way.
 * Items of a node without a position get none.
 */
import type {Clause, Domain, Policy, Position} from '../tree/types.ts'
import {locateBudgets} from './budgets.ts'
import {locateMeasures} from './measures.ts'
import {locateTargets} from './targets.ts'
import {locateFundsTotal} from './totals.ts'

export {extractMeasures} from './measures.ts'
export {extractTargets} from './targets.ts'
export {extractBudgets} from './budgets.ts'

type Point = Position['start']

/** The point `index` characters into `text`, where `text` begins at `start`. */
function pointIn(start: Point, text: string, index: number): Point {
  const before = text.slice(0, index)
  const lines = before.split('\n')
  const p: Point =
    lines.length === 1
      ? {line: start.line, column: start.column + index}
      : {line: start.line + lines.length - 1, column: lines.at(-1)!.length + 1}
  if (start.offset !== undefined) p.offset = start.offset + index
  return p
}

function spanIn(start: Point | undefined, text: string, index: number, length: number): Position | undefined {
  if (!start) return undefined
  return {start: pointIn(start, text, index), end: pointIn(start, text, index + length)}
}

export function enrichClause(clause: Clause): void {
  const content = clause.title + clause.body
  const lead = clause.label.length + clause.labelPunctuation.length
  const whole = clause.label + clause.labelPunctuation + content
  const at = (index: number, length: number): Position | undefined =>
    spanIn(clause.position?.start, whole, lead + index, length)
  clause.measures = locateMeasures(content).map(({measure, start}) => withPosition(measure, at(start, measure.text.length)))
  clause.targets = locateTargets(content).map(({target, start}) => withPosition(target, at(start, target.text.length)))
  clause.budgets = locateBudgets(content).map(({budget, start}) => withPosition(budget, at(start, budget.text.length)))
}

export function enrichDomain(domain: Domain): void {
  domain.targets = domain.intro.flatMap((node) =>
    locateTargets(node.value).map(({target, start}) =>
      withPosition(target, spanIn(node.position?.start, node.value, start, target.text.length))
    )
  )
  for (const clause of domain.children) enrichClause(clause)
}

export function enrichPolicy(policy: Policy): void {
  for (const domain of policy.children) enrichDomain(domain)
  const found = locateFundsTotal(policy)
  if (found) {
    const {total, node, start} = found
    policy.fundsTotal = withPosition(total, spanIn(node.position?.start, node.value, start, total.text.length))
  }
}

function withPosition<T extends {position?: Position}>(item: T, position: Position | undefined): T {
  if (position) item.position = position
  return item
}
