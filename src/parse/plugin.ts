/** remarkPolicy: the unified plugin that turns mdast into the policy tree (work in build.ts). */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Policy} from '../tree/types.ts'
import {buildPolicy, type BuildOptions} from './build.ts'

export function remarkPolicy(options: BuildOptions = {}) {
  return (tree: Root, file: VFile): Policy => buildPolicy(tree, file, options)
}
