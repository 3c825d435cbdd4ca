/**
 * `policy-press init [DIR]`: a starter folder for a new district — config, units registry, an
 * editable copy of the built-in templates and an example policy. Never overwrites: if any of the
 * files exists, nothing is written and the existing files are listed.
 */
import {copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {configFileName, displayPath} from '../../config/load.ts'
import {UserError} from '../../errors.ts'
import type {ParsedArgs} from '../args.ts'
import {packageRoot, type Io} from '../io.ts'
import {checkOutputFolder} from '../source.ts'

const root = fileURLToPath(packageRoot)

/** The starter config: the sample's values, each marked to be replaced. */
export const starterConfig = `# policy-press 配置文件。放在政策源文件旁边即自动使用；每一项都可以省略，说明见 docs/cli.md。
# 下面的值来自示例（嘉兴市秀洲区），请逐项改成本区的实际信息。

issuer: 嘉兴市秀洲区人民政府办公室          # 发文机关（请修改）
documentNumber: 秀政办发〔2024〕5号          # 发文字号（示例，请修改）
date: 2024-03-05                              # 成文日期
deadline: 2024-12-31                          # 完成时限

copiesTo:                                     # 抄送机关
  - 区委办公室
  - 区人大常委会办公室
  - 区政协办公室

registry: units.yml                           # 单位名录：本区各单位的简称、全称、别名和上级单位
templates: templates                          # 模板：可以直接修改其中的 .md.hbs 文件

# formats: [docx, pdf, xlsx]                  # 要生成的格式（默认全部）
# fonts:                                      # Word 里的字体名称
#   body: 仿宋_GB2312
# fontFiles:                                  # PDF 嵌入的字体文件（.ttf/.otf）
#   body: fonts/仿宋_GB2312.ttf
# rules:                                      # 校对规则：off / error / warning / info
#   unit-alias: info
`

interface Planned {
  target: string
  write: () => void
}

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const dir = path.resolve(io.cwd, args.positionals[0] ?? '.')
  const shownDir = displayPath(dir, io.cwd) || '.'
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new UserError(`${shownDir} 是一个文件，不是文件夹`, {hint: '请换一个文件夹名，例如 policy-press init 南湖区。'})
  }
  checkOutputFolder(dir, io.cwd)

  const sample = (name: string) => path.join(root, 'source', name)
  const planned: Planned[] = [
    {target: path.join(dir, configFileName), write: () => writeFileSync(path.join(dir, configFileName), starterConfig)},
    {target: path.join(dir, 'units.yml'), write: () => copyFileSync(sample('xiuzhou-units.yml'), path.join(dir, 'units.yml'))}
  ]
  const exampleSource = ['xiuzhou-2024.md', 'xiuzhou-2024.txt'].find((name) => existsSync(sample(name)))!
  planned.push({
    target: path.join(dir, 'policy' + path.extname(exampleSource)),
    write: () => copyFileSync(sample(exampleSource), path.join(dir, 'policy' + path.extname(exampleSource)))
  })
  const templates = path.join(root, 'templates')
  for (const file of listFiles(templates)) {
    const target = path.join(dir, 'templates', path.relative(templates, file))
    planned.push({target, write: () => copyFileSync(file, target)})
  }

  const existing = planned.filter((item) => existsSync(item.target)).map((item) => displayPath(item.target, io.cwd))
  if (existing.length > 0) {
    throw new UserError(`${shownDir} 里已经有这些文件，为避免覆盖，什么也没有写：${existing.slice(0, 5).join('、')}${existing.length > 5 ? ` 等 ${existing.length} 个` : ''}`, {
      hint: '换一个新的文件夹，例如 policy-press init 南湖区；或先把这些文件移走。'
    })
  }
  for (const item of planned) {
    mkdirSync(path.dirname(item.target), {recursive: true})
    item.write()
  }
  const source = displayPath(planned[2]!.target, io.cwd)
  io.stdout(
    [
      `已建立 ${shownDir}${path.sep}：`,
      ...planned.slice(0, 3).map((item) => `  ${displayPath(item.target, io.cwd)}`),
      `  ${displayPath(path.join(dir, 'templates'), io.cwd)}${path.sep}（${planned.length - 3} 个模板文件）`,
      '',
      '下一步：',
      `  1. 修改 ${displayPath(planned[0]!.target, io.cwd)} 里的发文机关、文号和日期；`,
      `  2. 在 ${displayPath(planned[1]!.target, io.cwd)} 里列出本区的单位；`,
      `  3. 把政策全文放进这个文件夹，运行 policy-press check 校对、policy-press build 生成，例如：`,
      `     policy-press build ${source}`
    ].join('\n') + '\n'
  )
  return 0
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, {withFileTypes: true})
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name)
      return entry.isDirectory() ? listFiles(full) : entry.isFile() ? [full] : []
    })
}
