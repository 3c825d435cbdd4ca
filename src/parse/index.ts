/** parsePolicy: source bytes or text → policy tree + vfile (messages). Never throws on content. */
import type {Root} from 'mdast'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import {readSource, readText} from '../read/index.ts'
import type {Policy} from '../tree/types.ts'
import type {Registry} from '../units/registry.ts'
import {remarkPolicy} from './plugin.ts'

export type ParseInput = {path: string; bytes: Uint8Array} | {path: string; text: string}

export interface ParseOptions {
  /** Units registry to resolve names against (see `loadRegistry`, `defaultRegistryPath`). */
  registry?: Registry
}

export async function parsePolicy(input: ParseInput, options: ParseOptions = {}): Promise<{policy: Policy; file: VFile}> {
  const {file, tree} = 'bytes' in input ? await readSource(input) : readText({path: input.path, text: input.text.replace(/^\uFEFF/, '')})
  const processor = unified().use(remarkPolicy, {registry: options.registry})
  const policy = (await processor.run(tree as Root, file)) as unknown as Policy
  return {policy, file}
}

export {assertUsable} from './usable.ts'
