/** The policy tree as `policy.json`: stable key order (as built), two-space indent, trailing newline. */
import type {Policy} from '../tree/types.ts'

export function writeJson(policy: Policy): string {
  return JSON.stringify(policy, null, 2) + '\n'
}
