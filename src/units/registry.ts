/**
 * The units registry: canonical short names, full names, aliases and parent units of one
 * district (`source/xiuzhou-units.yml`). A reader of policy text never needs it; the parser
 * resolves every written unit name against it.
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'
import {LineCounter, isMap, isSeq, parseDocument} from 'yaml'
import {UserError} from '../errors.ts'
import {findPrototypeKey} from '../tree/keys.ts'

export interface RegistryUnit {
  /** Canonical short name, for example `区发改局`. */
  name: string
  /** Full name, for example `区发展和改革局`. */
  fullName?: string
  /** Other names seen in texts (`区人力社保局` for `区人社局`). */
  aliases: string[]
  /** Canonical name of the unit that houses this one (`区国资办` → `区财政局`). */
  parent?: string
  /** Where the public applies or asks (`企业服务科`, `区行政服务中心3号窗口`). */
  office?: string
  /** Public phone number: digits with `-`, spaces or brackets (`0573-82231234`, `12345`). */
  phone?: string
  /** Street address of the office. */
  address?: string
  /** Web page for the unit or its services, `http(s)://…`. */
  web?: string
}

/** The contact keys a unit may carry, in the order they are printed. */
export const contactKeys = ['office', 'phone', 'address', 'web'] as const
const unitKeys = ['name', 'fullName', 'aliases', 'parent', ...contactKeys]

/** A phone number as the public dials it: 3–20 digits, optionally grouped by `-`, spaces or brackets, `转` for an extension. */
const phonePattern = /^\+?[0-9（）() -]{3,20}(?:转[0-9]{1,6})?$/

export interface Registry {
  /** District the registry describes, for example `嘉兴市秀洲区`. */
  district?: string
  units: RegistryUnit[]
}

export interface ResolvedUnit {
  name: string
  status: 'canonical' | 'alias' | 'unknown'
  parent?: string
}

/** Read and validate a registry file. Throws `UserError` (Chinese) when it is missing or broken. */
export function loadRegistry(path: string): Registry {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new UserError(`找不到单位名录文件：${path}`, {
      file: path,
      hint: '检查路径，或删除配置中的 registry 项',
      cause: error
    })
  }
  return parseRegistry(text, path)
}

/** Parse and validate registry YAML. Throws `UserError` naming the bad key. */
export function parseRegistry(yamlText: string, path?: string): Registry {
  const where = path ?? '单位名录'
  let data: unknown
  const counter = new LineCounter()
  const document = parseDocument(yamlText, {lineCounter: counter, prettyErrors: true})
  try {
    if (document.errors.length > 0) throw document.errors[0]
    data = document.toJS()
  } catch (error) {
    const line = (error as {linePos?: Array<{line: number}>}).linePos?.[0]?.line
    throw new UserError(`单位名录不是有效的 YAML：${where}${line ? ` 第 ${line} 行` : ''}`, {
      file: path,
      line,
      cause: error
    })
  }
  /** 1-based line of `units[index]` (or of its `key`), for messages. */
  const lineOf = (index: number, key?: string): number | undefined => {
    const units = isMap(document.contents) ? document.contents.get('units', true) : undefined
    const item = isSeq(units) ? units.items[index] : undefined
    const node = key && isMap(item) ? (item.items.find((pair) => (pair.key as {value?: unknown})?.value === key)?.value ?? item) : item
    const offset = (node as {range?: [number, number, number]} | undefined)?.range?.[0]
    return offset === undefined ? undefined : counter.linePos(offset).line
  }
  if (data === null || data === undefined) data = {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new UserError(`单位名录格式错误：${where} 顶层应为映射（含 units 列表）`, {file: path})
  }
  const bad = findPrototypeKey(data)
  if (bad) {
    throw new UserError(`单位名录 ${where} 里的“${bad.key}”（${bad.path}）不能作为名称`, {file: path, hint: `请删除这一项；每个单位只能写 ${unitKeys.join('、')}。`})
  }
  const record = data as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (key !== 'district' && key !== 'units') {
      throw new UserError(`单位名录中有未知的键「${key}」：${where}，应为 district 或 units`, {file: path})
    }
  }
  if (record.district !== undefined && typeof record.district !== 'string') {
    throw new UserError(`单位名录的「district」应为文字：${where}`, {file: path})
  }
  const rawUnits = record.units ?? []
  if (!Array.isArray(rawUnits)) {
    throw new UserError(`单位名录的「units」应为列表：${where}`, {file: path})
  }
  const units: RegistryUnit[] = []
  const seen = new Map<string, string>()
  rawUnits.forEach((raw, index) => {
    const at = `units[${index}]`
    if (typeof raw === 'string') raw = {name: raw}
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new UserError(`单位名录「${at}」应为映射或单位名称：${where}`, {file: path})
    }
    const entry = raw as Record<string, unknown>
    for (const key of Object.keys(entry)) {
      if (!unitKeys.includes(key)) {
        const line = lineOf(index, key)
        throw new UserError(`单位名录「${at}」中有未知的键「${key}」：${where}${line ? ` 第 ${line} 行` : ''}，应为 ${unitKeys.join('、')} 之一`, {file: path, line})
      }
    }
    if (typeof entry.name !== 'string' || entry.name.trim() === '') {
      throw new UserError(`单位名录「${at}.name」缺失或不是文字：${where}`, {file: path})
    }
    const name = entry.name.trim()
    for (const key of ['fullName', 'parent'] as const) {
      if (entry[key] !== undefined && typeof entry[key] !== 'string') {
        throw new UserError(`单位名录「${at}.${key}」应为文字：${where}`, {file: path})
      }
    }
    let aliases: string[] = []
    if (entry.aliases !== undefined) {
      if (typeof entry.aliases === 'string') aliases = [entry.aliases]
      else if (Array.isArray(entry.aliases) && entry.aliases.every((a) => typeof a === 'string')) aliases = entry.aliases as string[]
      else throw new UserError(`单位名录「${at}.aliases」应为文字列表：${where}`, {file: path})
    }
    const unit: RegistryUnit = {name, aliases: aliases.map((a) => a.trim()).filter(Boolean)}
    if (typeof entry.fullName === 'string') unit.fullName = entry.fullName.trim()
    if (typeof entry.parent === 'string') unit.parent = entry.parent.trim()
    for (const key of contactKeys) {
      const value = entry[key]
      if (value === undefined || value === null) continue
      const line = lineOf(index, key)
      const place = `${where}${line ? ` 第 ${line} 行` : ''}`
      const text = typeof value === 'number' ? String(value) : value
      if (typeof text !== 'string' || text.trim() === '') {
        throw new UserError(`单位名录「${name}」的「${key}」应为文字：${place}`, {file: path, line})
      }
      const trimmed = text.trim()
      if (key === 'phone' && !phonePattern.test(trimmed)) {
        throw new UserError(`单位名录「${name}」的电话「${trimmed}」不是有效的电话号码：${place}`, {
          file: path,
          line,
          hint: '电话只能含数字、“-”、空格和括号，如 0573-82231234 或 12345；分机写作“转123”。'
        })
      }
      if (key === 'web' && !/^https?:\/\/[^\s/]+\.[^\s]+$/.test(trimmed)) {
        throw new UserError(`单位名录「${name}」的网址「${trimmed}」无效：${place}`, {file: path, line, hint: '网址应以 http:// 或 https:// 开头，如 https://www.xiuzhou.gov.cn/。'})
      }
      unit[key] = trimmed
    }
    for (const written of [unit.name, unit.fullName, ...unit.aliases]) {
      if (!written) continue
      const owner = seen.get(written)
      if (owner !== undefined && owner !== name) {
        throw new UserError(`单位名录「${at}」中的名称「${written}」已属于「${owner}」：${where}`, {file: path})
      }
      seen.set(written, name)
    }
    units.push(unit)
  })
  const names = new Set(units.map((u) => u.name))
  units.forEach((unit, index) => {
    if (unit.parent !== undefined && !names.has(unit.parent)) {
      throw new UserError(`单位名录「units[${index}].parent」指向未列出的单位「${unit.parent}」：${where}`, {file: path})
    }
  })
  const registry: Registry = {units}
  if (typeof record.district === 'string') registry.district = record.district
  return registry
}

const indexes = new WeakMap<Registry, Map<string, {unit: RegistryUnit; canonical: boolean}>>()

function indexOf(registry: Registry) {
  let index = indexes.get(registry)
  if (!index) {
    index = new Map()
    for (const unit of registry.units) {
      index.set(unit.name, {unit, canonical: true})
    }
    for (const unit of registry.units) {
      for (const other of [unit.fullName, ...unit.aliases]) {
        if (other && !index.has(other)) index.set(other, {unit, canonical: false})
      }
    }
    indexes.set(registry, index)
  }
  return index
}

/** Normalise a written name for lookup: trim spaces (incl. U+3000), fold full-width ASCII. */
export function normaliseUnitName(written: string): string {
  return written
    .replace(/[\s\u3000]+/g, '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}

/** Resolve a written unit name. Unknown names come back as written, status `unknown`. */
export function resolveUnit(registry: Registry | undefined, written: string): ResolvedUnit {
  if (!registry) return {name: written, status: 'unknown'}
  const index = indexOf(registry)
  const hit = index.get(written) ?? index.get(normaliseUnitName(written))
  if (!hit) return {name: written, status: 'unknown'}
  const result: ResolvedUnit = {name: hit.unit.name, status: hit.canonical ? 'canonical' : 'alias'}
  if (hit.unit.parent) result.parent = hit.unit.parent
  return result
}

/** `<dir>/*-units.yml` (first in name order) or `<dir>/units.yml` next to the source, if present. */
export function defaultRegistryPath(sourcePath: string): string | undefined {
  const dir = dirname(sourcePath)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return undefined
  }
  const base = basename(sourcePath)
  const found = names.filter((n) => /-units\.ya?ml$/.test(n)).sort()
  // Prefer `xiuzhou-units.yml` for `xiuzhou-2024.txt`: the registry whose prefix starts the source name.
  const matching = found.filter((n) => base.startsWith(n.replace(/-units\.ya?ml$/, '')))
  if (matching.length > 0) return join(dir, matching[0]!)
  if (found.length > 0) return join(dir, found[0]!)
  for (const name of ['units.yml', 'units.yaml']) {
    if (existsSync(join(dir, name))) return join(dir, name)
  }
  return undefined
}
