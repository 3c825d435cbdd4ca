/** `--help` text, generated from the command table in spec.ts. */
import {optionLabel} from './args.ts'
import {commands, exitCodes, helpOption, versionOption, type CommandSpec, type OptionSpec} from './spec.ts'

/** Display width: CJK and full-width characters take two columns. */
export function width(text: string): number {
  let total = 0
  for (const char of text) total += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(char) ? 2 : 1
  return total
}

function table(rows: Array<[string, string]>, indent = '  '): string {
  const column = Math.max(...rows.map(([left]) => width(left))) + 3
  return rows.map(([left, right]) => indent + left + ' '.repeat(column - width(left)) + right).join('\n')
}

function optionRow(option: OptionSpec): [string, string] {
  return [optionLabel(option) + (option.kind === 'value' ? ` <${option.value ?? '值'}>` : ''), option.description]
}

function usage(command: CommandSpec): string {
  const args = command.args
    .map((arg) => (arg.optional ? `[${arg.name}]` : arg.variadic ? `<${arg.name}…>` : `<${arg.name}>`))
    .join(' ')
  return `policy-press ${command.name}${args ? ' ' + args : ''} [选项]`
}

export function commandHelp(command: CommandSpec): string {
  const parts = [`policy-press ${command.name}：${command.summary}`, '', `用法：${usage(command)}`]
  if (command.details) parts.push('', command.details)
  if (command.args.length > 0) parts.push('', '参数：', table(command.args.map((arg) => [arg.name, arg.description])))
  parts.push('', '选项：', table([...command.options, helpOption].map(optionRow)))
  parts.push('', '示例：', command.examples.map(([line, explanation]) => `  ${line}\n      ${explanation}`).join('\n'))
  parts.push('', `退出码：${exitCodes.map(([code, meaning]) => `${code} ${meaning.split('：')[0]}`).join('；')}。`)
  return parts.join('\n') + '\n'
}

export function mainHelp(version: string): string {
  return (
    [
      `policy-press ${version}：把政策文本变成公文——责任分工通知、各部门任务清单、政策解读（Word、PDF、网页、表格）`,
      '',
      '用法：policy-press <命令> [参数] [选项]',
      '',
      '命令：',
      table(commands.map((command) => [command.name, command.summary])),
      '',
      '选项：',
      table([helpOption, versionOption].map(optionRow)),
      '',
      '示例：',
      '  policy-press build source/xiuzhou-2024.txt',
      '      生成示例政策的全部文件到 output/xiuzhou-2024/',
      '  policy-press check source/xiuzhou-2024.txt',
      '      校对示例政策',
      '  policy-press build --help',
      '      查看 build 命令的全部选项',
      '',
      '退出码：',
      table(exitCodes.map(([code, meaning]) => [String(code), meaning])),
      '',
      '说明文档：docs/cli.md'
    ].join('\n') + '\n'
  )
}
