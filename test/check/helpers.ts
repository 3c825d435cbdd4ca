/** Parse a fixture with the real parser and run the checks on it. */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {VFileMessage} from 'vfile-message'
import {checkPolicy, type CheckOptions} from '../../src/check/index.ts'
import {parsePolicy} from '../../src/parse/index.ts'
import {loadRegistry, type Registry} from '../../src/units/registry.ts'

export const fixtures = fileURLToPath(new URL('../fixtures/check/', import.meta.url))
export const registry: Registry = loadRegistry(fixtures + 'units.yml')

export async function check(
  text: string,
  options: {path?: string; registry?: Registry | null; settings?: CheckOptions['settings']} = {}
): Promise<VFileMessage[]> {
  const used = options.registry === null ? undefined : (options.registry ?? registry)
  const {policy, file} = await parsePolicy({path: options.path ?? 'test.txt', text}, {registry: used})
  return checkPolicy(policy, file, {registry: used, settings: options.settings})
}

export function readFixture(name: string): string {
  return readFileSync(fixtures + name, 'utf8')
}

/** `line ruleId` pairs, for compact assertions. */
export function summaryOf(messages: readonly VFileMessage[]): string[] {
  return messages.map((message) => `${message.line} ${message.ruleId}`)
}
