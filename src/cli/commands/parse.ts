/** `policy-press parse`: a readable outline of the policy tree, or the whole tree as JSON. */
import type {Clause, Policy, UnitRef} from '../../tree/types.ts'
import type {ParsedArgs} from '../args.ts'
import type {Io} from '../io.ts'
import {loadSource, parseSource} from '../source.ts'

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const input = await loadSource(args.positionals[0]!, io.cwd, args.options.config as string | undefined)
  const {policy, file} = await parseSource(input)
  if (args.options.json === true) {
    io.stdout(JSON.stringify(policy, null, 2) + '\n')
    return 0
  }
  io.stdout(outline(policy, input.source.shown, {registry: input.registry !== undefined}))
  const notes = file.messages.length
  if (notes > 0) io.stdout(`\n读取时有 ${notes} 条提示，运行 policy-press check ${input.source.shown} 查看。\n`)
  return 0
}

export interface OutlineOptions {
  /** True when a units registry was loaded: only then is a name missing from it worth marking. Default false. */
  registry?: boolean
}

export function outline(policy: Policy, shown: string, options: OutlineOptions = {}): string {
  const clauses = policy.children.reduce((sum, domain) => sum + domain.children.length, 0)
  const withUnits = policy.children.reduce((sum, domain) => sum + domain.children.filter((clause) => clause.units.length > 0).length, 0)
  const lines = [
    policy.title + (policy.status ? `（${policy.status}）` : ''),
    `${shown}：${policy.children.filter((d) => !d.implicit).length} 个政策领域，${clauses} 条条款` +
      (policy.appendix ? `，附件 ${policy.appendix.children.length} 项` : '') +
      (withUnits < clauses ? `；写明责任单位的 ${withUnits} 条` : '')
  ]
  const mark = (list: readonly UnitRef[]) => (list.length ? units(list, options.registry === true) : '（没有责任单位）')
  for (const domain of policy.children) {
    const numbers = domain.children.map((clause) => clause.number)
    const sample = domain.children.every((clause) => /^[0-9０-９]+$/.test(clause.label))
    const range = !numbers.length
      ? '没有条款'
      : sample
        ? `条款 ${Math.min(...numbers)}–${Math.max(...numbers)}，共 ${numbers.length} 条`
        : `共 ${numbers.length} 条`
    const leads = domain.leads.length ? `  牵头：${domain.leads.map((unit) => unit.name).join('、')}` : ''
    const heading = domain.implicit ? '（不分部分）' : `${domain.label}${domain.labelPunctuation || (domain.label ? ' ' : '')}${domain.title}`
    lines.push('', `${heading}${leads}（${range}）`)
    let group: string | undefined
    for (const clause of domain.children) {
      // A group whose heading is its first task's own title line is shown once, as that task.
      const ownTitle = clause.group !== undefined && clause.label !== '' && clause.group.startsWith(clause.label + clause.labelPunctuation + clause.title.replace(/[。；;]$/, ''))
      if (clause.group !== undefined && clause.group !== group && !ownTitle) lines.push(`  ${clause.group.replace(/[。；;]$/, '')}`)
      group = clause.group
      const title = clause.title.replace(/[。；;]$/, '')
      const due = clause.deadline ? `  时限：${clause.deadline.text}` : ''
      lines.push(`  ${label(clause).padStart(4)} ${title}  ${mark(clause.units)}${due}`)
    }
  }
  if (policy.appendix) {
    lines.push('', `附件：${policy.appendix.title}（${policy.appendix.children.length} 项）`)
    for (const item of policy.appendix.children) {
      lines.push(`  ${`${item.number}.`.padStart(4)} ${item.title}  ${mark(item.units)}`)
    }
  }
  return lines.join('\n') + '\n'
}

/** The task's number as the document writes it (`1.`, `（三）`, `第五条`, `十二、`), or `·` when it has none. */
function label(clause: Clause): string {
  if (!clause.label) return '·'
  if (/^[0-9０-９]+$/.test(clause.label)) return `${clause.number}.`
  return clause.label + clause.labelPunctuation.trim()
}

/** `区发改局（牵头）、区财政局、区人社局（名录中没有）`. */
function units(list: readonly UnitRef[], registry: boolean): string {
  return list
    .map((unit) => {
      const marks = [
        unit.role === 'lead' ? '牵头' : '',
        registry && unit.status === 'unknown' ? '名录中没有' : unit.status === 'alias' ? `原文：${unit.written}` : ''
      ]
        .filter(Boolean)
        .join('，')
      return unit.name + (marks ? `（${marks}）` : '')
    })
    .join('、')
}
