/**
 * Find, read and validate `policy-press.config.yml`.
 *
 * Every problem is a `UserError` whose message names the config file, the line and the key
 * (`配置文件 policy-press.config.yml 第3行：未知的配置项 "fromats"，可用的配置项有：…`).
 * Relative paths (`registry`, `templates`, `fontFiles.*`) are resolved against the folder of the
 * config file and must exist.
 */
import {existsSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair} from 'yaml'
import {UserError} from '../errors.ts'
import {isPrototypeKey} from '../tree/keys.ts'
import {
  allFormats,
  configKeys,
  deadlineSections,
  fontFileExtensions,
  fontFileSlots,
  fontNameSlots,
  severityWords,
  type KeySpec
} from './schema.ts'
import type {Config, ConfiguredDeadline, DeadlinesConfig, Format, RuleSetting} from './types.ts'
import {deadlineDate} from './dates.ts'
import {chineseNumber} from '../tree/numerals.ts'

export const configFileName = 'policy-press.config.yml'

export interface LoadedConfig {
  config: Config
  /** Absolute path of the config file, undefined when none was found. */
  path?: string
}

/** A path as the user should see it: relative to the working folder when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const absolute = path.resolve(cwd, file)
  const relative = path.relative(cwd, absolute)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute
}

/** The config file next to a source file, if there is one. */
export function findConfig(sourcePath: string): string | undefined {
  const candidate = path.join(path.dirname(path.resolve(sourcePath)), configFileName)
  return existsSync(candidate) ? candidate : undefined
}

/**
 * Load the config given with `--config`, or the one next to `sourcePath`, or none (empty config).
 */
export function loadConfig(
  options: {configPath?: string; sourcePath?: string; cwd?: string; ruleIds?: readonly string[]} = {}
): LoadedConfig {
  const cwd = options.cwd ?? process.cwd()
  let file: string | undefined
  if (options.configPath !== undefined) {
    file = path.resolve(cwd, options.configPath)
    const shown = displayPath(file, cwd)
    if (!existsSync(file)) {
      throw new UserError(`找不到配置文件 ${shown}`, {
        file: shown,
        hint: `检查 --config 后面的路径是否正确；不需要配置时去掉 --config，程序会使用源文件旁边的 ${configFileName}（如果有）。`
      })
    }
    if (statSync(file).isDirectory()) {
      throw new UserError(`配置文件 ${shown} 是一个文件夹，不是文件`, {
        file: shown,
        hint: `--config 后面请写配置文件本身，例如 ${path.join(shown, configFileName)}。`
      })
    }
  } else if (options.sourcePath !== undefined) {
    file = findConfig(path.resolve(cwd, options.sourcePath))
  }
  if (file === undefined) return {config: {}}
  const text = readFileSync(file, 'utf8')
  return {config: parseConfig(text, file, cwd, options.ruleIds), path: file}
}

/**
 * Parse and validate config text; `file` is used for messages and to resolve relative paths.
 * With `ruleIds`, rule settings naming another rule are errors.
 */
export function parseConfig(text: string, file: string, cwd = process.cwd(), ruleIds?: readonly string[]): Config {
  const shown = displayPath(file, cwd)
  const baseDir = path.dirname(path.resolve(cwd, file))
  const lineCounter = new LineCounter()
  const source = text.replace(/^\uFEFF/, '')
  const doc = parseDocument(source, {lineCounter, prettyErrors: false, uniqueKeys: true})

  const fail = (line: number | undefined, message: string, hint: string): never => {
    const where = line === undefined ? `配置文件 ${shown}` : `配置文件 ${shown} 第${line}行`
    throw new UserError(`${where}：${message}`, {file: shown, line, hint})
  }
  const lineOf = (node: Node | Pair | null | undefined): number | undefined => {
    const range = node && 'range' in node ? node.range : node && 'key' in node ? (node.key as Node | null)?.range : undefined
    return range ? lineCounter.linePos(range[0]).line : undefined
  }

  if (doc.errors.length > 0) {
    const error = doc.errors[0]!
    const line = lineCounter.linePos(error.pos[0]).line
    const lineText = source.split(/\r?\n/)[line - 1] ?? ''
    let hint = '每个配置项写成“名称: 值”（英文冒号，冒号后留一个空格），列表项以“- ”开头，缩进只用空格、不用 Tab。'
    if (/\t/.test(lineText)) hint = '这一行用了 Tab 缩进：YAML 只能用空格缩进，请把 Tab 换成两个空格。'
    else if (/^\s*[\w.-]+\s*：/.test(lineText)) hint = '这一行用了中文冒号“：”：配置项名称后面要用英文冒号“:”，再留一个空格。'
    fail(line, `格式有误，无法读取（${yamlReason(error.code)}）`, hint)
  }

  const root = doc.contents
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return {}
  if (!isMap(root)) {
    const firstLine = source.split(/\r?\n/).find((l) => l.trim() && !l.trim().startsWith('#')) ?? ''
    fail(
      lineOf(root),
      '内容不是“名称: 值”形式的配置项',
      /：/.test(firstLine)
        ? '配置项名称后面要用英文冒号“:”，不能用中文冒号“：”；冒号后留一个空格。'
        : `请参照示例写成“issuer: 某某区人民政府办公室”这样一行一项；可用的配置项有：${Object.keys(configKeys).join('、')}。`
    )
  }

  const config: Config = {}
  const out = config as Record<string, unknown>
  for (const pair of (root as unknown as {items: Pair[]}).items) {
    const keyNode = pair.key as Node | null
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode)
    const keyLine = lineOf(keyNode) ?? lineOf(pair.value as Node)
    if (isPrototypeKey(key)) {
      fail(keyLine, `“${key}”不能作为配置项名称`, `请删除这一行；可用的配置项有：${Object.keys(configKeys).join('、')}。`)
    }
    const spec = Object.hasOwn(configKeys, key) ? configKeys[key] : undefined
    if (!spec) {
      const suggestion = closest(key, Object.keys(configKeys))
      fail(
        keyLine,
        `未知的配置项 "${key}"，可用的配置项有：${Object.keys(configKeys).join('、')}`,
        suggestion ? `是不是想写 "${suggestion}"？请改正拼写（区分大小写）。` : '请删除这一项，或改成上面列出的配置项之一。'
      )
    }
    const valueNode = pair.value as Node | null
    const value: unknown = valueNode === null ? null : (valueNode as {toJSON(): unknown}).toJSON()
    const valueLine = lineOf(valueNode) ?? keyLine
    if (value === null || value === undefined) continue // `key:` with nothing after it: treated as unset
    out[key] = convert(key, spec!, value, valueNode, {
      fail,
      line: valueLine,
      lineOf,
      baseDir,
      cwd,
      ruleIds,
      source
    })
  }
  if (config.signature === 'signed' && !config.signer) {
    const pair = (root as unknown as {items: Pair[]}).items.find((p) => isScalar(p.key) && String((p.key as {value: unknown}).value) === 'signature')
    fail(lineOf(pair?.value as Node), '署名方式是 signed（加盖签发人签名章），但没有写签发人', '加一行“signer: 签发人姓名”（可再加“signerTitle: 职务”），或把 signature 改为 sealed / unsealed。')
  }
  return config
}

interface Context {
  fail: (line: number | undefined, message: string, hint: string) => never
  line: number | undefined
  lineOf: (node: Node | Pair | null | undefined) => number | undefined
  baseDir: string
  cwd: string
  ruleIds?: readonly string[]
  /** The config text, to read keys exactly as written (`1.10` is not the number 1.1). */
  source: string
}

function convert(key: string, spec: KeySpec, value: unknown, node: Node | null, context: Context): unknown {
  const {fail, line} = context
  const typeName = describe(value)
  switch (spec.kind) {
    case 'text': {
      if (typeof value !== 'string' && typeof value !== 'number') {
        fail(line, `配置项 "${key}"（${spec.label}）应是一段文字，这里是${typeName}`, `写成“${key}: 文字”，文字里有冒号或以特殊符号开头时用英文引号括起来。`)
      }
      const text = String(value).trim()
      if (!text) fail(line, `配置项 "${key}"（${spec.label}）是空的`, `填写内容，或删除这一行。`)
      return text
    }
    case 'date':
      return toDate(key, spec, value, context)
    case 'choice': {
      const choices = spec.choices ?? {}
      const text = typeof value === 'string' ? value.trim() : ''
      if (!(text in choices)) {
        const list = Object.entries(choices).map(([k, v]) => `${k}（${v}）`).join('、')
        fail(line, `配置项 "${key}"（${spec.label}）应是 ${Object.keys(choices).join('、')} 之一，这里是“${String(value)}”`, `可用的值：${list}。`)
      }
      return text
    }
    case 'units': {
      const list = typeof value === 'string' ? value.split(/[、，,；;]/) : Array.isArray(value) ? value : undefined
      if (!list || list.some((item) => typeof item !== 'string' && typeof item !== 'number')) {
        fail(line, `配置项 "${key}"（${spec.label}）应是单位名称的列表，这里是${typeName}`, `每个单位一行，以“- ”开头；或写在一行里用顿号“、”分隔。`)
      }
      return list!.map((item) => String(item).trim()).filter(Boolean)
    }
    case 'formats': {
      const list = typeof value === 'string' ? value.split(/[,，、\s]+/) : Array.isArray(value) ? value : undefined
      if (!list) {
        fail(line, `配置项 "${key}"（${spec.label}）应是格式的列表，这里是${typeName}`, `写成“formats: [docx, pdf]”，可用的格式有：${allFormats.join('、')}。`)
      }
      const formats: Format[] = []
      for (const [index, item] of list!.entries()) {
        const name = String(item).trim().toLowerCase().replace(/^\./, '')
        if (!name) continue
        if (!(allFormats as readonly string[]).includes(name)) {
          const itemLine = isSeq(node) ? (context.lineOf(node.items[index] as Node) ?? line) : line
          const suggestion = closest(name, allFormats)
          fail(
            itemLine,
            `配置项 "${key}" 里有未知的格式 "${String(item)}"，可用的格式有：${allFormats.join('、')}`,
            suggestion ? `是不是想写 "${suggestion}"？` : '请删除它或改成上面列出的格式之一。'
          )
        }
        if (!formats.includes(name as Format)) formats.push(name as Format)
      }
      if (formats.length === 0) fail(line, `配置项 "${key}" 没有列出任何格式`, `至少写一个格式，例如“formats: [docx, pdf]”；要生成全部格式就删除这一行。`)
      return formats
    }
    case 'path':
    case 'folder': {
      if (typeof value !== 'string' || !value.trim()) {
        fail(line, `配置项 "${key}"（${spec.label}）应是一个路径，这里是${typeName}`, `写成“${key}: 路径”，相对路径从配置文件所在的文件夹算起。`)
      }
      const resolved = path.resolve(context.baseDir, (value as string).trim())
      const shown = displayPath(resolved, context.cwd)
      if (!existsSync(resolved)) {
        fail(
          line,
          `配置项 "${key}"（${spec.label}）指向的${spec.kind === 'folder' ? '文件夹' : '文件'} ${shown} 不存在`,
          `检查路径拼写；相对路径从配置文件所在的文件夹算起。${key === 'templates' ? '可以运行 policy-press init 得到一份可编辑的模板。' : ''}`
        )
      }
      const isDir = statSync(resolved).isDirectory()
      if (spec.kind === 'folder' && !isDir) {
        fail(line, `配置项 "${key}"（${spec.label}）应指向一个文件夹，${shown} 是文件`, '写模板所在的文件夹，而不是其中某个模板文件。')
      }
      if (spec.kind === 'path' && isDir) {
        fail(line, `配置项 "${key}"（${spec.label}）应指向一个文件，${shown} 是文件夹`, '写文件本身的路径，例如 xiuzhou-units.yml。')
      }
      return resolved
    }
    case 'fontNames':
      return mapOf(key, spec, value, node, fontNameSlots, context, (slot, name, itemLine) => {
        if (typeof name !== 'string' || !name.trim()) {
          fail(itemLine, `配置项 "${key}.${slot}"（${fontNameSlots[slot]}）应是字体名称，这里是${describe(name)}`, '写 Word 中显示的字体名称，例如“仿宋_GB2312”。')
        }
        return (name as string).trim()
      })
    case 'fontFiles':
      return mapOf(key, spec, value, node, fontFileSlots, context, (slot, file, itemLine) => {
        if (typeof file !== 'string' || !file.trim()) {
          fail(itemLine, `配置项 "${key}.${slot}"（${fontFileSlots[slot]}）应是字体文件的路径，这里是${describe(file)}`, '写 .ttf 或 .otf 字体文件的路径，相对路径从配置文件所在的文件夹算起。')
        }
        const resolved = path.resolve(context.baseDir, (file as string).trim())
        const shown = displayPath(resolved, context.cwd)
        if (!existsSync(resolved) || statSync(resolved).isDirectory()) {
          fail(
            itemLine,
            `找不到字体文件 ${shown}（配置项 "${key}.${slot}"）`,
            '检查文件名和路径（相对路径从配置文件所在的文件夹算起）；不指定字体文件时删除这一行，PDF 会使用自带的思源（Noto）字体。'
          )
        }
        const extension = path.extname(resolved).toLowerCase()
        if (!fontFileExtensions.includes(extension)) {
          fail(
            itemLine,
            `字体文件 ${shown}（配置项 "${key}.${slot}"）不是可嵌入的字体格式`,
            `请使用 ${fontFileExtensions.join('、')} 字体文件；网页字体（.woff、.woff2）不能嵌入 PDF。`
          )
        }
        return resolved
      })
    case 'deadlines':
      return deadlines(key, spec, value, node, context)
    case 'rules':
      return mapOf(key, spec, value, node, undefined, context, (ruleId, setting, itemLine): RuleSetting => {
        if (!/^[a-z][a-z0-9-]*$/.test(ruleId)) {
          fail(itemLine, `配置项 "${key}" 里的规则名 "${ruleId}" 不对`, '规则名是英文小写加连字符，例如 unit-alias；运行 policy-press check 可以看到每条提示后面的规则名。')
        }
        if (context.ruleIds && !context.ruleIds.includes(ruleId)) {
          const suggestion = closest(ruleId, context.ruleIds)
          fail(
            itemLine,
            `配置项 "${key}" 里有未知的规则 "${ruleId}"，可用的规则有：${context.ruleIds.join('、')}`,
            suggestion ? `是不是想写 "${suggestion}"？` : '运行 policy-press check 可以看到每条提示后面的规则名。'
          )
        }
        const word = setting === false ? 'off' : typeof setting === 'string' ? severityWords[setting.trim()] : undefined
        if (!word) {
          fail(
            itemLine,
            `配置项 "${key}.${ruleId}" 的值 "${String(setting)}" 不对，可用的值有：error、warning、info、off`,
            '也可以写中文：错误、警告、提示、关闭。'
          )
        }
        return word!
      })
  }
}

function mapOf<T>(
  key: string,
  spec: KeySpec,
  value: unknown,
  node: Node | null,
  slots: Readonly<Record<string, string>> | undefined,
  context: Context,
  each: (slot: string, value: unknown, line: number | undefined) => T
): Record<string, T> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !isMap(node)) {
    context.fail(
      context.line,
      `配置项 "${key}"（${spec.label}）应是“名称: 值”的分组，这里是${describe(value)}`,
      slots ? `在 ${key}: 下面每行缩进两个空格写一项，可用的名称有：${Object.keys(slots).join('、')}。` : `在 ${key}: 下面每行缩进两个空格写“规则名: off”。`
    )
  }
  const result: Record<string, T> = {}
  for (const pair of (node as unknown as {items: Pair[]}).items) {
    const slotNode = pair.key as Node | null
    const slot = isScalar(slotNode) ? String(slotNode.value) : String(slotNode)
    const line = context.lineOf(slotNode) ?? context.line
    if (isPrototypeKey(slot)) {
      context.fail(line, `配置项 "${key}" 里的“${slot}”不能作为名称`, slots ? `请删除这一行；可用的名称有：${Object.keys(slots).join('、')}。` : '请删除这一行；规则名见 policy-press check 每条提示后面。')
    }
    if (slots && !Object.hasOwn(slots, slot)) {
      const suggestion = closest(slot, Object.keys(slots))
      context.fail(
        line,
        `配置项 "${key}" 里有未知的名称 "${slot}"，可用的有：${Object.keys(slots).join('、')}`,
        suggestion ? `是不是想写 "${suggestion}"？` : '请删除这一行或改成上面列出的名称之一。'
      )
    }
    const itemNode = pair.value as Node | null
    const item: unknown = itemNode === null ? null : (itemNode as {toJSON(): unknown}).toJSON()
    result[slot] = each(slot, item, context.lineOf(itemNode) ?? line)
  }
  return result
}

/** `deadlines:` with `default`, `parts` (ordinal or Chinese numeral → deadline) and `tasks` (id → deadline). */
function deadlines(key: string, spec: KeySpec, value: unknown, node: Node | null, context: Context): DeadlinesConfig {
  const {fail} = context
  const valueHint = '值写日期（2024-06-30 或 2024年6月30日），或照文件写的时限文字（如 2024年6月底前、持续推进）。'
  const one = (name: string, raw: unknown, line: number | undefined): ConfiguredDeadline => {
    const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : ''
    if (!text) fail(line, `配置项 "${name}" 应是一个完成时限，这里是${describe(raw)}`, valueHint)
    if (writtenDay(text)) {
      const date = toDate(name, {kind: 'date', label: '完成时限'}, text, {...context, line})
      return {text: date, date}
    }
    const date = deadlineDate(text)
    return date ? {text, date} : {text}
  }
  const sections = mapOf(key, spec, value, node, deadlineSections, context, (section, item, line) => ({section, item, line}))
  const result: DeadlinesConfig = {}
  const sectionNodes = new Map<string, Node | null>()
  for (const pair of (node as unknown as {items: Pair[]}).items) {
    sectionNodes.set(String(isScalar(pair.key) ? (pair.key as {value: unknown}).value : pair.key), pair.value as Node | null)
  }
  for (const [section, {item, line}] of Object.entries(sections)) {
    if (item === null || item === undefined) continue
    if (section === 'default') {
      result.default = one(`${key}.default`, item, line)
      continue
    }
    const sectionNode = sectionNodes.get(section) ?? null
    const label = deadlineSections[section]!
    if (!isMap(sectionNode)) {
      fail(
        line,
        `配置项 "${key}.${section}"（${label}）应是“名称: 时限”的分组，这里是${describe(item)}`,
        section === 'parts' ? `在 ${section}: 下面每行缩进写“一: 2024-06-30”（部分的序号，写 1 或 一 均可）。` : `在 ${section}: 下面每行缩进写“"1.3": 2024-06-30”（任务编号见任务台账的“任务编号”列，建议加英文引号）。`
      )
    }
    const entries: Record<string, ConfiguredDeadline> = {}
    for (const pair of (sectionNode as unknown as {items: Pair[]}).items) {
      const keyNode = pair.key as Node | null
      const range = keyNode && 'range' in keyNode ? keyNode.range : undefined
      const written = (range ? context.source.slice(range[0], range[1]) : String(keyNode)).trim().replace(/^(["'])(.*)\1$/, '$2')
      const itemLine = context.lineOf(keyNode) ?? line
      const itemNode = pair.value as Node | null
      const raw: unknown = itemNode === null ? null : (itemNode as {toJSON(): unknown}).toJSON()
      let name = written
      if (section === 'parts') {
        const ordinal = /^\d+$/.test(written) ? Number(written) : chineseNumber(written)
        if (!Number.isInteger(ordinal) || ordinal < 1) {
          fail(itemLine, `配置项 "${key}.parts" 里的 "${written}" 不是部分的序号`, '写部分的序号：1、2、3……或 一、二、三……（对应正文的“一、”“二、”）。')
        }
        name = String(ordinal)
      } else if (!/^(\d+(\.\d+)*|附\d+)$/.test(written)) {
        fail(itemLine, `配置项 "${key}.tasks" 里的 "${written}" 不是任务编号`, '任务编号是 1.3、2.4.1 这样用点分隔的数字，附件事项写 附1、附2；见任务台账的“任务编号”列。')
      }
      if (name in entries) fail(itemLine, `配置项 "${key}.${section}" 里的 "${written}" 写了两次`, '删去其中一行。')
      entries[name] = one(`${key}.${section}.${written}`, raw, context.lineOf(itemNode) ?? itemLine)
    }
    if (section === 'parts') result.parts = Object.fromEntries(Object.entries(entries).map(([k, v]) => [Number(k), v]))
    else result.tasks = entries
  }
  return result
}

/** A day as a config writes it (`2024-03-05`, `2024/3/5`, `2024.3.5`, `2024年3月5日`): year, month and day as groups 1–3. */
function writtenDay(text: string): RegExpExecArray | null {
  return /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text)
}

function toDate(key: string, spec: KeySpec, value: unknown, {fail, line}: Context): string {
  const text = typeof value === 'string' ? value.trim() : value instanceof Date ? value.toISOString().slice(0, 10) : ''
  const match = writtenDay(text)
  const hint = `写成“${key}: 2024-03-05”或“${key}: 2024年3月5日”。`
  if (!match) fail(line, `配置项 "${key}"（${spec.label}）应是日期，这里是“${String(value)}”`, hint)
  const [year, month, day] = [Number(match![1]), Number(match![2]), Number(match![3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    fail(line, `配置项 "${key}"（${spec.label}）的日期 ${text} 不存在`, hint)
  }
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return '一个列表'
  if (value === null || value === undefined) return '空值'
  if (typeof value === 'object') return '一个分组'
  if (typeof value === 'number') return `数字 ${value}`
  if (typeof value === 'boolean') return `是/否值 ${value}`
  return `“${String(value)}”`
}

function yamlReason(code: string): string {
  const reasons: Record<string, string> = {
    DUPLICATE_KEY: '同一个配置项写了两次',
    BAD_INDENT: '缩进不对',
    TAB_AS_INDENT: '用了 Tab 缩进',
    MISSING_CHAR: '缺少符号',
    MULTILINE_IMPLICIT_KEY: '冒号后面缺少空格，或上一行没有写完',
    BLOCK_AS_IMPLICIT_KEY: '缩进不对',
    UNEXPECTED_TOKEN: '有多余的符号',
    BAD_SCALAR_START: '值的开头有特殊符号，请用引号括起来'
  }
  return reasons[code] ?? `YAML 错误 ${code}`
}

/** The closest candidate by edit distance, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return bestDistance <= Math.max(1, Math.floor((best?.length ?? 0) / 3)) ? best : undefined
}

export function editDistance(a: string, b: string): number {
  // Damerau (adjacent transposition) so "fromats" is one step from "formats".
  const d: number[][] = Array.from({length: a.length + 1}, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) d[0]![j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1)
      d[i]![j] = value
    }
  }
  return d[a.length]![b.length]!
}
