/**
 * `policy-press templates`: per template, every variable it may use, a one-line description and
 * the value it has for the bundled sample. The list comes from the typed table in
 * src/template/variables.ts (checked against the view types), the values from the real views.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {UserError} from '../../errors.ts'
import type {Config} from '../../config/types.ts'
import type {Policy} from '../../tree/types.ts'
import type {RegistryLike} from '../../view/types.ts'
import {closest} from '../../config/load.ts'
import type {ParsedArgs} from '../args.ts'
import {width} from '../help.ts'
import {packageRoot, type Io} from '../io.ts'
import {loadSource, parseSource} from '../source.ts'

const sampleFile = fileURLToPath(new URL('source/xiuzhou-2024.txt', packageRoot))

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const {templateTables, variableLines} = await import('../../template/variables.ts')
  const names = Object.keys(templateTables)
  const wanted = args.positionals[0]
  if (wanted !== undefined && !names.includes(wanted)) {
    const near = closest(wanted, names)
    throw new UserError(`没有模板 "${wanted}"，内置模板有：${names.join('、')}`, {
      hint: near ? `是不是想写 policy-press templates ${near}？` : '不写模板名时列出全部模板。'
    })
  }
  const samples = await sampleViews()
  const chosen = wanted === undefined ? names : [wanted]
  const result = chosen.map((name) => ({
    template: name,
    file: `templates/${name}.md.hbs`,
    view: templateTables[name]!.view,
    variables: variableLines(name).map((line) => ({
      name: line.path,
      description: line.description,
      sample: sampleValue(samples.get(name), line.path, line.group)
    }))
  }))
  if (args.options.json === true) {
    io.stdout(JSON.stringify(result, null, 2) + '\n')
    return 0
  }
  const out: string[] = [
    `模板里可以用的变量（示例值来自 ${path.relative(io.cwd, sampleFile) || sampleFile}）。`,
    '列表（名称后带 []）用 {{#each 名称}}…{{/each}} 逐项写出，在里面直接写列表项的字段名；写错的变量名会让生成停下并指出模板文件和行号。',
    '详见 docs/templates.md。'
  ]
  for (const template of result) {
    out.push('', `■ ${template.template}（${template.file}；视图 ${template.view}）`)
    const column = Math.max(...template.variables.map((v) => width(v.name))) + 2
    for (const variable of template.variables) {
      const sample = variable.sample === '' ? '' : `  示例：${variable.sample}`
      out.push(`  ${variable.name}${' '.repeat(column - width(variable.name))}${variable.description}${sample}`)
    }
  }
  io.stdout(out.join('\n') + '\n')
  return 0
}

/** Template name → the view data the bundled sample gives it (the first document of its kind). */
export async function sampleViews(): Promise<Map<string, unknown>> {
  const [{enrichPolicy}, {checkPolicy}, {views}, {indexView}, {issuerBlock}] = await Promise.all([
    import('../../extract/index.ts'),
    import('../../check/index.ts'),
    import('../../view/index.ts'),
    import('../../view/index-page.ts'),
    import('../../view/common.ts')
  ])
  const input = await loadSource(sampleFile, path.dirname(sampleFile))
  const {policy, file} = await parseSource(input)
  enrichPolicy(policy)
  const messages = checkPolicy(policy, file, {registry: input.registry, settings: input.loaded.config.rules})
  const context = {policy, config: input.loaded.config, registry: input.registry}
  const out = new Map<string, unknown>()
  const tasklists: Array<{view: never; files: Array<{label: string; href: string}>}> = []
  for (const builder of Object.values(views)) {
    for (const document of builder(context)) {
      if (!out.has(document.template)) out.set(document.template, document.data)
      if (document.template === 'tasklist') {
        const name = `${document.path.join('/')}.docx`
        tasklists.push({view: document.data as never, files: [{label: `${document.label}.docx`, href: name}]})
      }
    }
  }
  const link = {label: '责任分工通知.docx', href: '责任分工通知.docx'}
  out.set('index', indexView({policy, created: issuerBlock(policy, input.loaded.config).created, notice: [link], units: tasklists, data: [{label: '任务台账.xlsx', href: '任务台账.xlsx'}], messages}))
  out.set('progress', await sampleProgress(context))
  return out
}

/** The progress view of `collect` for the sample: three bureaus' made-up reports (done, in progress, an unknown task). */
async function sampleProgress(context: {policy: Policy; config: Config; registry?: RegistryLike}): Promise<unknown> {
  const [{ledgerView}, {mergeReports}, {progressView}] = await Promise.all([
    import('../../view/ledger.ts'),
    import('../../collect/merge.ts'),
    import('../../view/progress.ts')
  ])
  const ledger = ledgerView(context)
  const file = '区发改局.xlsx'
  const report = (row: number, id: string, unit: string, statusText: string) => ({
    file, sheet: '任务台账', row, sequence: row, id, unit, statusText, progress: '已开展前期工作', completed: statusText === '已完成' ? '2024-06-01' : undefined,
    completedText: statusText === '已完成' ? '2024-06-01' : '', contact: '张三', phone: '0573-00000000', reported: '2025-01-15', reportedText: '2025-01-15'
  })
  const [first, second] = ledger.rows
  const reports = [report(3, first!.id, first!.unit, '已完成'), report(4, second!.id, second!.unit, '推进中'), report(5, '99.9', first!.unit, '推进中')]
  const collected = mergeReports(ledger, reports, [], {files: [file]})
  return progressView(collected, context.policy, context.config)
}

/** The sample's value at `groups[].rows[].lead`: the first list item that has it; short and on one line. */
function sampleValue(data: unknown, variable: string, group: boolean): string {
  let values: unknown[] = [data]
  for (const part of variable.split('.')) {
    const list = part.endsWith('[]')
    const key = list ? part.slice(0, -2) : part
    values = values.flatMap((value) => {
      if (!value || typeof value !== 'object') return []
      const child = (value as Record<string, unknown>)[key]
      return child === undefined ? [] : list && Array.isArray(child) ? child : [child]
    })
  }
  const value = values.find((v) => v !== undefined && v !== '')
  if (value === undefined) return values.length > 0 ? '（空）' : '（本示例中没有）'
  if (Array.isArray(value)) {
    if (group || value.some((item) => item && typeof item === 'object')) return `（列表，示例中 ${value.length} 项）`
    return short(value.map(String).join('、'))
  }
  if (typeof value === 'object') return ''
  if (typeof value === 'boolean') return value ? '是' : '否'
  return short(String(value))
}

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ')
  const chars = Array.from(flat)
  return chars.length > 40 ? chars.slice(0, 40).join('') + '…' : flat
}
