/** `policy-press check`: proofreading messages for each source; exit 1 when there is an error. */
import type {ParsedArgs} from '../args.ts'
import type {Io} from '../io.ts'
import {loadSource, parseSource} from '../source.ts'

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const {checkPolicy} = await import('../../check/index.ts')
  const {formatHuman, formatJson, hasErrors} = await import('../../check/format.ts')
  type Result = Parameters<typeof formatHuman>[0][number]
  const results: Result[] = []
  for (const file of args.positionals) {
    const input = await loadSource(file, io.cwd, args.options.config as string | undefined)
    const {policy, file: vfile} = await parseSource(input)
    const parseMessages = [...vfile.messages]
    const messages = checkPolicy(policy, vfile, {registry: input.registry, settings: input.loaded.config.rules})
    vfile.path = input.source.shown
    results.push({file: vfile, messages: [...parseMessages, ...messages]})
  }
  io.stdout(args.options.format === 'json' ? formatJson(results) : formatHuman(results))
  return hasErrors(results) ? 1 : 0
}
