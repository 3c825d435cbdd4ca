/**
 * `checkPolicy`: run the proofreading rules over a policy tree and its source text.
 *
 * Messages are `VFileMessage`s with `ruleId`, `source: 'policy-press'`, a place and a severity
 * mapped onto vfile's `fatal` (error → true, warning → false, info → undefined). They are also
 * added to `file.messages`, as remark-lint does.
 */
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {RuleSetting, Severity} from '../config/types.ts'
import {UserError} from '../errors.ts'
import type {Policy} from '../tree/types.ts'
import type {CheckRegistry, ReportExtra, Rule, RuleContext} from './rule.ts'
import {numberingRules} from './rules/numbering.ts'
import {unitRules} from './rules/units.ts'
import {repeatRules} from './rules/repeats.ts'
import {numberRules} from './rules/numbers.ts'
import {leftoverRules} from './rules/leftovers.ts'
import {characterRules} from './rules/characters.ts'
import {SourceText} from './source.ts'

export type {CheckRegistry, Rule, RuleContext} from './rule.ts'

/** Every rule, in the order their messages are produced (output is sorted by place anyway). */
export const rules: Rule[] = [...numberingRules, ...unitRules, ...repeatRules, ...numberRules, ...leftoverRules, ...characterRules]

export const messageSource = 'policy-press'

export interface CheckOptions {
  /** Units registry the tree was resolved against; without it the registry rules stay silent. */
  readonly registry?: CheckRegistry
  /**
   * Rule settings by id: `'off'` or a severity. They override `policy.meta.rules` (front matter),
   * which overrides each rule's default.
   */
  readonly settings?: Readonly<Record<string, RuleSetting>>
}

const settingValues: readonly RuleSetting[] = ['error', 'warning', 'info', 'off']

/** Map a severity onto vfile's `fatal`. */
export function fatalFor(severity: Severity): boolean | undefined {
  return severity === 'error' ? true : severity === 'warning' ? false : undefined
}

/** Read the severity back from a message (`fatal`). */
export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/**
 * Resolve the settings: defaults, then front matter (`policy.meta.rules`), then options.
 * Unknown rule ids and values are `UserError`s that list the valid ones.
 */
export function resolveSettings(
  policy: Policy,
  settings?: Readonly<Record<string, RuleSetting>>
): Map<string, RuleSetting> {
  const resolved = new Map<string, RuleSetting>(rules.map((rule) => [rule.id, rule.severity]))
  const layers: Array<[string, unknown]> = [
    ['front matter `rules`', policy.meta?.rules],
    ['check settings', settings]
  ]
  for (const [where, layer] of layers) {
    if (layer === undefined || layer === null) continue
    if (typeof layer !== 'object' || Array.isArray(layer)) {
      throw new UserError(`${where} 应为“规则编号: 级别”的映射`, {hint: `例如 rules: {clause-numbering: off}`})
    }
    for (const [id, value] of Object.entries(layer as Record<string, unknown>)) {
      if (!resolved.has(id)) {
        throw new UserError(`${where} 中有未知的检查规则“${id}”`, {
          hint: `可用的规则：${rules.map((rule) => rule.id).join('、')}`
        })
      }
      if (typeof value !== 'string' || !settingValues.includes(value as RuleSetting)) {
        throw new UserError(`${where} 中规则“${id}”的设置“${String(value)}”无效`, {
          hint: `可用的设置：${settingValues.join('、')}`
        })
      }
      resolved.set(id, value as RuleSetting)
    }
  }
  return resolved
}

/**
 * Run every rule that is not switched off; return the messages sorted by place (they are also
 * appended to `file.messages`).
 */
export function checkPolicy(policy: Policy, file: VFile, options: CheckOptions = {}): VFileMessage[] {
  const settings = resolveSettings(policy, options.settings)
  const source = new SourceText(String(file.value ?? ''))
  const messages: VFileMessage[] = []

  for (const rule of rules) {
    const setting = settings.get(rule.id) ?? rule.severity
    if (setting === 'off') continue
    const context: RuleContext = {
      policy,
      file,
      source,
      registry: options.registry,
      report(reason: string, place: Position | Point | number | undefined, extra: ReportExtra = {}) {
        const resolvedPlace = typeof place === 'number' ? source.span(place) : place
        const message = new VFileMessage(reason, {place: resolvedPlace, ruleId: rule.id, source: messageSource})
        message.file = file.path ?? ''
        message.fatal = fatalFor(setting)
        if (extra.actual !== undefined) message.actual = extra.actual
        if (extra.expected !== undefined) message.expected = extra.expected
        if (extra.note !== undefined) message.note = extra.note
        messages.push(message)
      }
    }
    rule.run(context)
  }

  messages.sort(compareMessages)
  file.messages.push(...messages)
  return messages
}

export function compareMessages(a: VFileMessage, b: VFileMessage): number {
  return (
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    String(a.ruleId).localeCompare(String(b.ruleId))
  )
}
