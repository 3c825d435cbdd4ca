/**
 * Names no writer may break across lines (`meta.keep`): every unit of the registry (name, full
 * name, aliases), the district, and every unit name as the policy writes it (those not in the
 * registry included).
 */
import type {ViewContext} from './types.ts'

export function keepNames(context: ViewContext): string[] {
  const names = new Set<string>()
  const add = (name: string | undefined) => {
    if (name && [...name].length >= 2) names.add(name)
  }
  add(context.registry?.district)
  add(context.config.issuer)
  for (const unit of context.registry?.units ?? []) {
    add(unit.name)
    add(unit.fullName)
    for (const alias of unit.aliases ?? []) add(alias)
  }
  const {policy} = context
  for (const domain of policy.children) {
    for (const unit of domain.leads) (add(unit.name), add(unit.written))
    for (const clause of domain.children) for (const unit of clause.units) (add(unit.name), add(unit.written))
  }
  for (const item of policy.appendix?.children ?? []) for (const unit of item.units) (add(unit.name), add(unit.written))
  return [...names].sort()
}
