/**
 * The command line: pick the command, parse its options, load its stage, and turn every failure
 * into one clear message. Returns the exit status (see `exitCodes` in spec.ts).
 */
import {closest} from '../config/load.ts'
import {isUserError, UserError} from '../errors.ts'
import {parseArgs} from './args.ts'
import {commandHelp, mainHelp} from './help.ts'
import {packageVersion, type Io} from './io.ts'
import {commands, findCommand, helpOption} from './spec.ts'

export const exitOk = 0
export const exitCheckErrors = 1
export const exitBadInput = 2
export const exitInternal = 3

export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io)
  } catch (error) {
    return reportError(error, io)
  }
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined
    const command = topic ? findCommand(topic) : undefined
    io.stdout(command ? commandHelp(command) : mainHelp(packageVersion()))
    return first === undefined ? exitBadInput : exitOk
  }
  if (first === '-V' || first === '--version' || first === '-v') {
    io.stdout(`policy-press ${packageVersion()}\n`)
    return exitOk
  }
  const names = commands.map((command) => command.name)
  if (first.startsWith('-')) {
    throw new UserError(`未知的选项 "${first}"。可用的选项有：-h, --help、-V, --version`, {
      hint: `选项要写在命令后面，例如 policy-press build 源文件 ${first}。可用的命令有：${names.join('、')}。`
    })
  }
  const command = findCommand(first)
  if (!command) {
    const suggestion = closest(first, names)
    const looksLikeFile = /[./\\]/.test(first)
    throw new UserError(`未知的命令 "${first}"。可用的命令有：${names.join('、')}`, {
      hint: suggestion
        ? `是不是想写 "policy-press ${suggestion}"？`
        : looksLikeFile
          ? `要生成文件请写 policy-press build ${first}；运行 policy-press --help 查看全部命令。`
          : '运行 policy-press --help 查看全部命令。'
    })
  }
  const args = parseArgs(command, rest)
  if (args.options[helpOption.name]) {
    io.stdout(commandHelp(command))
    return exitOk
  }
  const module = await command.load()
  return module.run(args, io)
}

/** The one error path: a clear Chinese message on stderr, never a stack trace unless debugging. */
export function reportError(error: unknown, io: Io): number {
  const debug = io.env.POLICY_PRESS_DEBUG === '1'
  if (isUserError(error)) {
    const lines = [`错误：${error.message}`]
    if (error.file && !error.message.includes(error.file)) {
      lines.push(`位置：${error.file}${error.line ? ` 第${error.line}行` : ''}`)
    }
    if (error.hint) lines.push(`怎么办：${error.hint}`)
    if (debug && error.cause) lines.push(String((error.cause as Error).stack ?? error.cause))
    io.stderr(lines.join('\n') + '\n')
    return exitBadInput
  }
  const message = error instanceof Error ? error.message : String(error)
  io.stderr(
    [
      `程序内部出错，很抱歉：${firstLine(message)}`,
      '这不是您输入的问题。请把这条信息连同所用的源文件和配置文件发给维护人员。',
      debug ? String((error as Error)?.stack ?? error) : '（设置环境变量 POLICY_PRESS_DEBUG=1 再运行，可以看到详细的出错位置。）'
    ].join('\n') + '\n'
  )
  return exitInternal
}

function firstLine(text: string): string {
  // Keep the message short and free of stack frames.
  return text.split('\n').find((line) => line.trim() && !/^\s+at /.test(line))?.trim() ?? '未知错误'
}
