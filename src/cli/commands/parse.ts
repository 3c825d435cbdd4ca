/** `policy-press parse`: a readable outline of the policy tree, or the whole tree as JSON. */
import type {Policy, UnitRef} from '../../tree/types.ts'
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
  io.stdout(outline(policy, input.source.shown))
  const notes = file.messages.length
  if (notes > 0) io.stdout(`\n读取时有 ${notes} 条提示，运行 policy-press check ${input.source.shown} 查看。\n`)
  return 0
}

export function outline(policy: Policy, shown: string): string {
  const clauses = policy.children.reduce((sum, domain) => sum + domain.children.length, 0)
  const lines = [
    policy.title + (policy.status ? `（${policy.status}）` : ''),
    `${shown}：${policy.children.length} 个政策领域，${clauses} 条条款` +
      (policy.appendix ? `，附件 ${policy.appendix.children.length} 项` : '')
  ]
  for (const domain of policy.children) {
    const numbers = domain.children.map((clause) => clause.number)
    const range = numbers.length ? `条款 ${Math.min(...numbers)}–${Math.max(...numbers)}，共 ${numbers.length} 条` : '没有条款'
    const leads = domain.leads.length ? `  牵头：${domain.leads.map((unit) => unit.name).join('、')}` : ''
    lines.push('', `${domain.label}${domain.labelPunctuation}${domain.title}${leads}（${range}）`)
    for (const clause of domain.children) {
      const title = clause.title.replace(/[。；;]$/, '')
      lines.push(`  ${String(clause.number).padStart(3)}. ${title}  ${clause.units.length ? units(clause.units) : '（没有责任单位）'}`)
    }
  }
  if (policy.appendix) {
    lines.push('', `附件：${policy.appendix.title}（${policy.appendix.children.length} 项）`)
    for (const item of policy.appendix.children) {
      lines.push(`  ${String(item.number).padStart(3)}. ${item.title}  ${item.units.length ? units(item.units) : '（没有责任单位）'}`)
    }
  }
  return lines.join('\n') + '\n'
}

/** `区发改局（牵头）、区财政局、区人社局（名录中没有）`. */
function units(list: readonly UnitRef[]): string {
  return list
    .map((unit) => {
      const marks = [unit.role === 'lead' ? '牵头' : '', unit.status === 'unknown' ? '名录中没有' : unit.status === 'alias' ? `原文：${unit.written}` : '']
        .filter(Boolean)
        .join('，')
      return unit.name + (marks ? `（${marks}）` : '')
    })
    .join('、')
}
