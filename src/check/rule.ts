/**
 * A proofreading rule: a stable kebab-case id, a default severity, a one-line Chinese doc and a
 * `run` function from the policy tree (plus the source text) to messages, in the manner of
 * remark-lint's `lintRule`. Rules never throw on bad input: they report.
 */
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {Severity} from '../config/types.ts'
import type {Policy} from '../tree/types.ts'
import type {SourceText} from './source.ts'

import type {Registry} from '../units/registry.ts'

/** The units registry (canonical names, full names, aliases, parents) as the checks read it. */
export type CheckRegistry = Registry

/** Extra fields of a message, beyond its reason and place. */
export interface ReportExtra {
  /** The offending text as written (`VFileMessage.actual`). */
  actual?: string
  /** What the text should be instead (`VFileMessage.expected`). */
  expected?: string[]
  /** A longer explanation or a hint (`VFileMessage.note`). */
  note?: string
}

export interface RuleContext {
  readonly policy: Policy
  readonly file: VFile
  /** The decoded source text with line lookup (`file.value`). */
  readonly source: SourceText
  /** The units registry, when one was given; rules that need it do nothing without it. */
  readonly registry?: CheckRegistry
  /**
   * Report a problem. `place` is a position, a point or a source offset; `undefined` when the
   * problem has no place (the message then points at line 1).
   */
  report(reason: string, place: Position | Point | number | undefined, extra?: ReportExtra): void
}

export interface Rule {
  /** Stable English id, kebab-case, for settings and output (`clause-numbering`). */
  id: string
  /** Severity when the settings do not say otherwise. */
  severity: Severity
  /** One line in Chinese: what the rule checks. */
  doc: string
  run(context: RuleContext): void
}

/** Typed identity helper so a rule file reads like remark-lint's `lintRule(...)`. */
export function defineRule(rule: Rule): Rule {
  return rule
}
