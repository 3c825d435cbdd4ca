/**
 * Parse the words after `policy-press <command>` against the command's option table.
 * Unknown options, missing values, bad choices and wrong argument counts are UserErrors
 * (exit 2) that list what is valid.
 */
import {closest} from '../config/load.ts'
import {UserError} from '../errors.ts'
import {helpOption, type CommandSpec, type OptionSpec} from './spec.ts'

export interface ParsedArgs {
  /** Positional arguments (source files, folder). */
  positionals: string[]
  /** Option values by long name: `true` for flags, string for values, string[] for lists. */
  options: Record<string, string | boolean | string[] | undefined>
}

export function optionLabel(option: OptionSpec): string {
  return option.short ? `-${option.short}, --${option.name}` : `--${option.name}`
}

export function parseArgs(command: CommandSpec, argv: readonly string[]): ParsedArgs {
  const options = [...command.options, helpOption]
  const result: ParsedArgs = {positionals: [], options: {}}
  const helpHint = `运行 policy-press ${command.name} --help 查看用法和示例。`
  let onlyPositionals = false

  for (let index = 0; index < argv.length; index++) {
    const word = argv[index]!
    if (onlyPositionals || word === '-' || !word.startsWith('-')) {
      result.positionals.push(word)
      continue
    }
    if (word === '--') {
      onlyPositionals = true
      continue
    }
    let name: string
    let inline: string | undefined
    let option: OptionSpec | undefined
    if (word.startsWith('--')) {
      const eq = word.indexOf('=')
      name = eq === -1 ? word.slice(2) : word.slice(2, eq)
      inline = eq === -1 ? undefined : word.slice(eq + 1)
      option = options.find((o) => o.name === name)
    } else {
      name = word.slice(1, 2)
      inline = word.length > 2 ? word.slice(2).replace(/^=/, '') : undefined
      option = options.find((o) => o.short === name)
    }
    if (!option) {
      const valid = options.map(optionLabel).join('、')
      const suggestion = closest(name, options.map((o) => o.name))
      throw new UserError(`未知的选项 "${word}"。${command.name} 命令可用的选项有：${valid}`, {
        hint: (suggestion ? `是不是想写 "--${suggestion}"？` : '') + helpHint
      })
    }
    if (option.kind === 'flag') {
      if (inline !== undefined) {
        throw new UserError(`选项 --${option.name} 后面不需要写值（这里写了“${inline}”）`, {hint: helpHint})
      }
      result.options[option.name] = true
      continue
    }
    let value = inline
    if (value === undefined) {
      const next = argv[index + 1]
      if (next === undefined || (next.startsWith('-') && next !== '-')) {
        throw new UserError(`选项 ${optionLabel(option)} 后面缺少${option.value ?? '值'}`, {
          hint: `写成“--${option.name} ${option.value ?? '值'}”。` + helpHint
        })
      }
      value = next
      index++
    }
    result.options[option.name] = checkValue(option, value, helpHint)
  }

  if (result.options.help) return result
  checkPositionals(command, result.positionals, helpHint)
  return result
}

function checkValue(option: OptionSpec, value: string, helpHint: string): string | string[] {
  if (!option.list) {
    if (option.choices && !option.choices.includes(value)) {
      throw new UserError(`选项 --${option.name} 的值 "${value}" 不对，可用的值有：${option.choices.join('、')}`, {hint: helpHint})
    }
    if (!value.trim()) throw new UserError(`选项 --${option.name} 的值是空的`, {hint: helpHint})
    return value
  }
  const items = value
    .split(/[,，、]/)
    .map((item) => item.trim().toLowerCase().replace(/^\./, ''))
    .filter(Boolean)
  if (items.length === 0) throw new UserError(`选项 --${option.name} 的值是空的`, {hint: helpHint})
  for (const item of items) {
    if (option.choices && !option.choices.includes(item)) {
      const suggestion = closest(item, option.choices)
      throw new UserError(`选项 --${option.name} 里有未知的值 "${item}"，可用的值有：${option.choices.join('、')}`, {
        hint: (suggestion ? `是不是想写 "${suggestion}"？` : '') + `多个值用英文逗号分隔，例如 --${option.name} ${option.choices.slice(0, 2).join(',')}。`
      })
    }
  }
  return [...new Set(items)]
}

function checkPositionals(command: CommandSpec, positionals: string[], helpHint: string): void {
  const required = command.args.filter((arg) => !arg.optional)
  const variadic = command.args.some((arg) => arg.variadic)
  if (positionals.length < required.length) {
    const missing = required[positionals.length]!
    throw new UserError(`${command.name} 命令缺少${missing.name}：${missing.description}`, {
      hint: `例如：${command.examples[0]?.[0] ?? `policy-press ${command.name} ${missing.name}`}。` + helpHint
    })
  }
  if (!variadic && positionals.length > command.args.length) {
    const extra = positionals.slice(command.args.length)
    throw new UserError(
      `${command.name} 命令只需要 ${command.args.length} 个参数（${command.args.map((a) => a.name).join('、')}），多出了：${extra.join(' ')}`,
      {hint: '文件名里有空格时请用英文引号括起来。' + helpHint}
    )
  }
}
