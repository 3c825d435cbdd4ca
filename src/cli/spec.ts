/**
 * Every command and option of `policy-press`, as data. The argument parser, `--help` and
 * docs/cli.md all follow this table; a command's code is loaded only when it runs.
 */
import {allFormats} from '../config/types.ts'
import type {Io} from './io.ts'
import type {ParsedArgs} from './args.ts'

export interface OptionSpec {
  /** Long name without dashes: `formats` for `--formats`. */
  name: string
  /** One-letter alias without the dash: `o` for `-o`. */
  short?: string
  /** A flag takes no value; a value option takes the next word (or `--name=value`). */
  kind: 'flag' | 'value'
  /** Placeholder shown in help, for example `文件夹`. */
  value?: string
  /** Allowed values; with `list`, each comma-separated item must be one of them. */
  choices?: readonly string[]
  /** The value is a comma-separated list. */
  list?: boolean
  /** What it does, in Chinese (one line). */
  description: string
}

export interface ArgSpec {
  name: string
  /** Required unless optional; variadic takes one or more. */
  optional?: boolean
  variadic?: boolean
  description: string
}

export interface CommandModule {
  /** Run the command; returns the exit status (0 ok, 1 check errors). Throw UserError for bad input. */
  run(args: ParsedArgs, io: Io): Promise<number>
}

export interface CommandSpec {
  name: string
  summary: string
  /** A few more lines for `--help`. */
  details?: string
  args: ArgSpec[]
  options: OptionSpec[]
  examples: Array<[command: string, explanation: string]>
  load: () => Promise<CommandModule>
}

export const helpOption: OptionSpec = {name: 'help', short: 'h', kind: 'flag', description: '显示这份说明'}
export const versionOption: OptionSpec = {name: 'version', short: 'V', kind: 'flag', description: '显示版本号'}

const configOption: OptionSpec = {
  name: 'config',
  short: 'c',
  kind: 'value',
  value: '配置文件',
  description: '使用这个配置文件（默认：源文件旁边的 policy-press.config.yml）'
}

export const commands: readonly CommandSpec[] = [
  {
    name: 'build',
    summary: '由政策文本生成全部文件：责任分工通知、各部门任务清单、政策解读',
    details:
      '每写好一个文件显示一行，最后显示汇总（文件数、用时、警告数）。\n' +
      '出错时不会改动输出文件夹里已有的文件：新文件先写在输出文件夹里的临时文件夹中，全部成功后才逐个放进去。\n' +
      '输出文件夹里的 .policy-press.json 记录本程序生成的文件：上次生成、这次不再生成的文件会被删除并列出；\n' +
      '手工修改过的文件和别的文件不会被覆盖或删除（确定要覆盖时加 --force）。',
    args: [{name: '源文件', variadic: true, description: '政策文本（.txt、.md 或 .docx），可以写多个'}],
    options: [
      {
        name: 'formats',
        short: 'f',
        kind: 'value',
        value: '格式',
        list: true,
        choices: allFormats,
        description: `只生成这些格式，用逗号分隔：${allFormats.join(',')}（默认：配置文件里的 formats，否则全部）`
      },
      {
        name: 'output',
        short: 'o',
        kind: 'value',
        value: '文件夹',
        description: '输出文件夹（默认：output/<源文件名>；写多个源文件时，每个源文件在其中占一个子文件夹）'
      },
      configOption,
      {
        name: 'force',
        kind: 'flag',
        description: '覆盖输出文件夹里上次生成后被手工修改过、或不是本程序生成的同名文件（默认：不覆盖，报错并列出这些文件）'
      },
      {name: 'quiet', short: 'q', kind: 'flag', description: '不显示进度，只显示错误'},
      {name: 'json', kind: 'flag', description: '以 JSON 输出结果（供脚本使用），不显示进度'}
    ],
    examples: [
      ['policy-press build source/xiuzhou-2024.txt', '生成全部文件到 output/xiuzhou-2024/'],
      ['policy-press build source/xiuzhou-2024.txt --formats docx,pdf -o 发文', '只生成 Word 和 PDF，放在“发文”文件夹'],
      ['policy-press build source/xiuzhou-2024.md --config 其他区/policy-press.config.yml', '使用指定的配置文件']
    ],
    load: () => import('./commands/build.ts')
  },
  {
    name: 'check',
    summary: '校对政策文本：编号、单位名称、重复内容、金额合计、转换残留',
    details: '有“错误”级别的问题时退出码为 1，只有警告或提示时为 0。规则可以在配置文件的 rules 里关闭或调整级别。',
    args: [{name: '源文件', variadic: true, description: '政策文本（.txt、.md 或 .docx），可以写多个'}],
    options: [
      {
        name: 'format',
        kind: 'value',
        value: '格式',
        choices: ['human', 'json'],
        description: '输出格式：human（便于阅读，默认）或 json（供脚本使用）'
      },
      configOption
    ],
    examples: [
      ['policy-press check source/xiuzhou-2024.txt', '逐条列出问题：行:列  级别  说明  规则名'],
      ['policy-press check source/*.md --format json', '以 JSON 数组输出全部问题']
    ],
    load: () => import('./commands/check.ts')
  },
  {
    name: 'parse',
    summary: '显示政策文本的结构：政策领域、条款数、每条的责任单位',
    args: [{name: '源文件', description: '政策文本（.txt、.md 或 .docx）'}],
    options: [{name: 'json', kind: 'flag', description: '以 JSON 输出完整的结构树（字段说明见 docs/tree.md）'}, configOption],
    examples: [
      ['policy-press parse source/xiuzhou-2024.txt', '显示提纲：8 个领域、68 条条款及其责任单位'],
      ['policy-press parse source/xiuzhou-2024.txt --json > tree.json', '把完整结构树存为 JSON']
    ],
    load: () => import('./commands/parse.ts')
  },
  {
    name: 'import',
    summary: '把纯文本或 Word 政策文件转成本项目的 Markdown 源文件',
    details: '转换后的 Markdown 与原文件解析出的结构完全相同，适合放进版本管理后继续修改。',
    args: [{name: '源文件', description: '政策文本（.txt 或 .docx）'}],
    options: [
      {name: 'output', short: 'o', kind: 'value', value: '文件', description: '写入这个文件（默认：显示在屏幕上）'}
    ],
    examples: [
      ['policy-press import source/xiuzhou-2024.txt', '在屏幕上显示 Markdown'],
      ['policy-press import source/xiuzhou-2024.txt -o source/xiuzhou-2024.md', '写成 Markdown 文件']
    ],
    load: () => import('./commands/import.ts')
  },
  {
    name: 'init',
    summary: '为一个新的区县建立起步文件夹：配置文件、单位名录、可编辑的模板、示例政策',
    details: '不会覆盖已有文件：目标文件夹里已经有同名文件时什么也不写，并列出这些文件。',
    args: [{name: '文件夹', optional: true, description: '要建立的文件夹（默认：当前文件夹）'}],
    options: [],
    examples: [
      ['policy-press init 南湖区', '建立“南湖区”文件夹'],
      ['policy-press build 南湖区/policy.md', '然后用示例政策试着生成一次']
    ],
    load: () => import('./commands/init.ts')
  },
  {
    name: 'collect',
    summary: '汇总各单位报回的任务台账：落实情况汇总表、督办通报（Word、PDF）和网页',
    details:
      '台账可以是整个工作簿，也可以是单位单独保存的一张表；行的顺序不限。\n' +
      '填报有问题的行（任务编号不对、不是本单位的任务、状态不是可选项、日期无法识别、重复填报）逐条列出，内容照录在汇总表的“填报问题”表中。\n' +
      '逾期：完成时限早于统计截止日期（--date）且未“已完成”。',
    args: [
      {name: '源文件', description: '政策文本（.txt、.md 或 .docx），即生成台账所用的那份'},
      {name: '台账', variadic: true, description: '各单位报回的任务台账（.xlsx），可以写多个'}
    ],
    options: [
      {name: 'output', short: 'o', kind: 'value', value: '文件夹', description: '输出文件夹（默认：output/<源文件名>-落实情况）'},
      {name: 'date', kind: 'value', value: '日期', description: '统计截止日期，如 2024-06-30（默认：台账中最晚的填报日期）'},
      configOption,
      {name: 'force', kind: 'flag', description: '覆盖输出文件夹里上次生成后被手工修改过的同名文件（默认：不覆盖，报错并列出这些文件）'},
      {name: 'quiet', short: 'q', kind: 'flag', description: '不显示进度，只显示错误'}
    ],
    examples: [
      ['policy-press collect source/xiuzhou-2024.txt 报回/*.xlsx --date 2024-06-30', '汇总截至 6 月 30 日的落实情况'],
      ['policy-press collect source/xiuzhou-2024.txt 区发改局.xlsx 区财政局.xlsx -o 通报', '写到“通报”文件夹']
    ],
    load: () => import('./commands/collect.ts')
  },
  {
    name: 'templates',
    summary: '列出每个模板可以用的变量：名称、一句说明和示例政策里的值',
    details:
      '修改模板（templates/*.md.hbs）前先看这份清单：模板里写了清单上没有的变量，生成会停下，\n' +
      '并指出模板文件、行号和最接近的变量名。说明见 docs/templates.md。',
    args: [{name: '模板', optional: true, description: '只列出这个模板的变量：notice、tasklist、interpretation、policy、index、progress（默认：全部）'}],
    options: [{name: 'json', kind: 'flag', description: '以 JSON 输出（供脚本使用）'}],
    examples: [
      ['policy-press templates', '列出全部模板的变量'],
      ['policy-press templates tasklist', '只看任务清单模板的变量']
    ],
    load: () => import('./commands/templates.ts')
  },
  {
    name: 'serve',
    summary: '在浏览器里使用：上传政策、查看结构、校对、填写发文信息、生成和下载全部文件',
    details:
      '文件夹是工作文件夹：政策文件、policy-press.config.yml、单位名录、模板和输出都在里面，与命令行用的是同一批文件。\n' +
      '默认只在本机（127.0.0.1）上打开；用 --host 让局域网访问时，地址里带一个口令，没有口令的请求会被拒绝。',
    args: [{name: '文件夹', optional: true, description: '工作文件夹（默认：当前文件夹）'}],
    options: [
      {name: 'port', short: 'p', kind: 'value', value: '端口', description: '端口（默认：4173；0 表示任选一个空闲端口）'},
      {name: 'host', kind: 'value', value: '地址', description: '监听的地址（默认：127.0.0.1，只有本机可以访问）'}
    ],
    examples: [
      ['policy-press serve 南湖区', '以“南湖区”文件夹（可用 policy-press init 建立）为工作文件夹，在 http://127.0.0.1:4173/ 打开'],
      ['policy-press serve 发文 --host 0.0.0.0 --port 8080', '让局域网访问（地址里带口令）']
    ],
    load: () => import('./commands/serve.ts')
  }
]

export function findCommand(name: string): CommandSpec | undefined {
  return commands.find((command) => command.name === name)
}

/** Exit statuses, documented in --help and docs/cli.md. */
export const exitCodes: ReadonlyArray<[code: number, meaning: string]> = [
  [0, '成功'],
  [1, '校对（check）发现了错误级别的问题'],
  [2, '输入或用法有误：文件不存在或无法读取、配置有误、选项写错等（按提示改正后重试）'],
  [3, '程序内部错误（不是您的问题，请把提示信息发给维护人员）']
]
