/** `policy-press import`: a plain-text or Word source → the project's Markdown source form. */
import {existsSync, statSync} from 'node:fs'
import path from 'node:path'
import {displayPath} from '../../config/load.ts'
import {UserError} from '../../errors.ts'
import {writeFileAtomic} from '../../write/files.ts'
import type {ParsedArgs} from '../args.ts'
import type {Io} from '../io.ts'
import {checkOutputFolder, loadSource, parseSource} from '../source.ts'

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const {policyToMarkdown} = await import('../../import/index.ts')
  const input = await loadSource(args.positionals[0]!, io.cwd)
  const {policy} = await parseSource(input)
  const markdown = policyToMarkdown(policy)
  const output = args.options.output as string | undefined
  if (output === undefined) {
    io.stdout(markdown)
    return 0
  }
  const target = path.resolve(io.cwd, output)
  const shown = displayPath(target, io.cwd)
  if (target === input.source.path) {
    throw new UserError(`输出文件 ${shown} 就是源文件本身`, {hint: '请换一个文件名，例如把 .txt 换成 .md，避免覆盖原文。'})
  }
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new UserError(`输出位置 ${shown} 是一个文件夹`, {hint: `-o 后面请写文件名，例如 -o ${path.join(shown, path.basename(input.source.path, path.extname(input.source.path)) + '.md')}。`})
  }
  checkOutputFolder(path.dirname(target), io.cwd)
  try {
    await writeFileAtomic(target, markdown)
  } catch (error) {
    throw new UserError(`无法写入 ${shown}`, {hint: '检查文件是否被其他程序打开，以及文件夹的写入权限。', cause: error})
  }
  io.stdout(`已写入 ${shown}\n`)
  return 0
}
