/**
 * policyToMarkdown: the canonical Markdown source for a policy tree (docs/source-format.md).
 * Text is written verbatim, escaped only where Markdown would otherwise read it as syntax,
 * so the Markdown parses back to the same tree (positions aside).
 */
import {stringify as stringifyYaml} from 'yaml'
import type {Clause, Domain, Policy} from '../tree/types.ts'

/** Escape characters that Markdown (CommonMark + GFM) would read as inline syntax. */
export function escapeInline(text: string, inTable = false): string {
  let out = text.replace(/[\\`*_[\]<~]/g, '\\$&').replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&')
  if (inTable) out = out.replace(/\|/g, '\\|')
  return out
}

/** Escape a paragraph's start where Markdown would read a block marker (heading, list, quote…). */
export function escapeBlock(text: string): string {
  const inline = escapeInline(text)
  return inline
    .replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2')
    .replace(/^([#>])/, '\\$1')
    .replace(/^([-+*])(?=[ \t]|$)/, '\\$1')
    .replace(/^(=+|-+)[ \t]*$/, (m) => `\\${m}`)
    .replace(/^([ \t]+)/, '')
    .replace(/\r?\n/g, '\\\n')
}

function clauseText(clause: Clause): string {
  return clause.label + clause.labelPunctuation + clause.title + clause.body + clause.unitsText
}

function domainHeading(domain: Domain): string {
  const leads = domain.leads.filter((u) => !u.nested).map((u) => u.written)
  const phrase = leads.length > 0 ? `（由${leads.join('、')}牵头实施）` : ''
  return `## ${escapeInline(domain.label + domain.labelPunctuation + domain.title + phrase)}`
}

export function policyToMarkdown(policy: Policy): string {
  const out: string[] = []
  const meta: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(policy.meta)) {
    if (value !== undefined) meta[key] = value
  }
  if (policy.status && meta.status === undefined) meta.status = policy.status
  if (Object.keys(meta).length > 0) out.push(`---\n${stringifyYaml(meta).trimEnd()}\n---`)
  if (policy.title) out.push(`# ${escapeInline(policy.title)}`)
  for (const text of policy.preamble) out.push(escapeBlock(text.value))
  for (const domain of policy.children) {
    out.push(domainHeading(domain))
    for (const text of domain.intro) out.push(escapeBlock(text.value))
    let group: string | undefined
    for (const clause of domain.children) {
      if (clause.group !== undefined && clause.group !== group) out.push(`### ${escapeInline(clause.group)}`)
      group = clause.group
      out.push(escapeBlock(clauseText(clause)))
    }
  }
  for (const text of policy.closing) out.push(escapeBlock(text.value))
  const appendix = policy.appendix
  if (appendix) {
    out.push(`## ${escapeInline(appendix.label + appendix.title)}`)
    const columns = appendix.columns.length > 0 ? appendix.columns : ['领域', '事项', '目标', '责任单位']
    const cell = (text: string) => escapeInline(text.replace(/\s*\n\s*/g, ' '), true) || ' '
    const rows = [`| ${columns.map(cell).join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`]
    let previous: string | undefined
    for (const item of appendix.children) {
      const domainCell = item.domainName === previous ? '' : item.domainName
      previous = item.domainName
      rows.push(`| ${[domainCell, `${item.number}.${item.title}`, item.target, item.unitsText].map(cell).join(' | ')} |`)
    }
    out.push(rows.join('\n'))
  }
  return out.join('\n\n') + '\n'
}
