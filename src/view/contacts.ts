/**
 * Public contacts of units from the registry (office, phone, address, web link), formatted once
 * for the views that print them: 找谁办 in the interpretation, the contact line of a task list.
 */
import type {RegistryLike} from './types.ts'

export type RegistryUnitLike = RegistryLike['units'][number]

/** `投资科；电话0573-82000101；地址：…；网址：…`; empty when the registry gives no contact. */
export function contactDetails(unit: RegistryUnitLike | undefined): string {
  if (!unit) return ''
  return [unit.office ?? '', unit.phone ? `电话${unit.phone}` : '', unit.address ? `地址：${unit.address}` : '', unit.web ? `网址：${unit.web}` : '']
    .filter(Boolean)
    .join('；')
}

/** Registry units by canonical name. */
export function unitsByName(registry: RegistryLike | undefined): Map<string, RegistryUnitLike> {
  return new Map((registry?.units ?? []).map((u) => [u.name, u]))
}
