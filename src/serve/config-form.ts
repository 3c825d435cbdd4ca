/**
 * The issuing-details form: the config keys a clerk fills in (texts, dates, unit lists — taken
 * from the config schema, so a new key of those kinds appears in the form by itself), read from
 * and written to the `policy-press.config.yml` next to the policy. Other keys and comments in
 * the file are kept. The text is validated with the command line's own `parseConfig` before it
 * is written, so the page shows exactly the command line's messages and a bad value never
 * reaches the file.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {isMap, parseDocument} from 'yaml'
import {rules} from '../check/index.ts'
import {starterConfig} from '../cli/commands/init.ts'
import {configFileName, parseConfig} from '../config/load.ts'
import {configKeys, deadlineSections, type KeyKind} from '../config/schema.ts'
import {UserError} from '../errors.ts'
import {writeFileAtomic} from '../write/files.ts'

const formKinds: readonly KeyKind[] = ['text', 'date', 'units']

export interface FormField {
  /** Config key, or `key.section` for one section of a grouped key (`deadlines.tasks`). */
  key: string
  /** `lines`: a map written one `name: value` per line (per-part and per-task deadlines). */
  kind: KeyKind | 'lines'
  label: string
}

export interface ConfigForm {
  /** Config file, relative to the workspace. */
  file: string
  exists: boolean
  fields: FormField[]
  /** Values as written (unit lists joined with 、), '' when unset. */
  values: Record<string, string>
  /** The file's current problem, if it has one (same message as the command line). */
  error?: ErrorBody
}

export interface ErrorBody {
  message: string
  hint?: string
  file?: string
  line?: number
  /** The config key or form field the message is about. */
  field?: string
}

const formFields: FormField[] = Object.entries(configKeys).flatMap(([key, spec]): FormField[] => {
  if (formKinds.includes(spec.kind)) return [{key, kind: spec.kind, label: spec.label}]
  // Per-part and per-task deadlines: one `一: 2024-06-30` / `1.3: 2024年6月底前` per line.
  if (spec.kind === 'deadlines') return (['parts', 'tasks'] as const).map((section) => ({key: `${key}.${section}`, kind: 'lines', label: deadlineSections[section]!}))
  return []
})

const pathOf = (field: FormField) => field.key.split('.')

/** The config file that applies to a policy: the one beside it (as `build` finds it). */
export function configPathFor(policyPath: string): string {
  return path.join(path.dirname(policyPath), configFileName)
}

export function readForm(configPath: string, root: string): ConfigForm {
  const exists = existsSync(configPath)
  const text = exists ? readFileSync(configPath, 'utf8') : ''
  const values: Record<string, string> = Object.fromEntries(formFields.map((field) => [field.key, '']))
  const doc = parseDocument(text)
  const data = doc.errors.length === 0 ? (doc.toJS() as unknown) : undefined
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    for (const field of formFields) {
      const value = pathOf(field).reduce<unknown>((at, part) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined), data)
      if (value === undefined || value === null) continue
      values[field.key] =
        field.kind === 'lines' && typeof value === 'object' && !Array.isArray(value)
          ? Object.entries(value as Record<string, unknown>).map(([name, item]) => `${name}: ${String(item)}`).join('\n')
          : Array.isArray(value)
            ? value.join('、')
            : String(value)
    }
  }
  let error: ErrorBody | undefined
  if (exists) {
    try {
      validate(text, configPath, root)
    } catch (problem) {
      error = errorBody(problem)
    }
  }
  return {file: path.relative(root, configPath).split(path.sep).join('/'), exists, fields: formFields, values, error}
}

/**
 * Put the form's values into the config text (a blank value removes the key), validate it as the
 * command line would, and write it. Throws the command line's UserError when a value is wrong.
 */
export async function writeForm(configPath: string, root: string, values: Record<string, unknown>): Promise<ConfigForm> {
  const existing = existsSync(configPath) ? readFileSync(configPath, 'utf8') : starterFormText()
  const doc = parseDocument(existing)
  if (doc.errors.length > 0 || (doc.contents !== null && !isMap(doc.contents))) {
    validate(existing, configPath, root) // raises the command line's message for the broken file
  }
  for (const field of formFields) {
    if (!(field.key in values)) continue
    const raw = values[field.key]
    const value = typeof raw === 'string' ? raw.trim() : ''
    const at = pathOf(field)
    if (value === '') {
      if (doc.hasIn(at)) doc.deleteIn(at)
      if (at.length > 1 && isMap(doc.getIn(at.slice(0, -1))) && (doc.getIn(at.slice(0, -1)) as {items: unknown[]}).items.length === 0) doc.deleteIn(at.slice(0, -1))
    } else if (field.kind === 'units') {
      doc.setIn(at, value.split(/[、，,；;\n]/).map((item) => item.trim()).filter(Boolean))
    } else if (field.kind === 'lines') {
      if (doc.hasIn(at)) doc.deleteIn(at)
      for (const [index, line] of value.split('\n').entries()) {
        if (!line.trim()) continue
        const match = /^\s*([^:：]+?)\s*[:：]\s*(.+?)\s*$/.exec(line)
        if (!match) {
          throw new FieldError(field.key, `“${field.label}”第${index + 1}行“${line.trim()}”应写成“名称: 时限”`, {
            hint: field.key.endsWith('parts') ? '例如“一: 2024-06-30”（部分的序号，写 1 或 一 均可）。' : '例如“1.3: 2024年6月底前”（任务编号见结构树和任务台账）。'
          })
        }
        doc.setIn([...at, match[1]!], match[2]!)
      }
    } else {
      doc.setIn(at, value)
    }
  }
  const text = doc.toString()
  validate(text, configPath, root)
  await writeFileAtomic(configPath, text)
  return readForm(configPath, root)
}

function validate(text: string, configPath: string, root: string): void {
  parseConfig(text, configPath, root, rules.map((rule) => rule.id))
}

/** A new config starts from the comment lines of `init`'s starter config, without its example values. */
function starterFormText(): string {
  return starterConfig.split('\n').filter((line) => line.startsWith('#')).slice(0, 2).join('\n') + '\n'
}

/** A problem in one field of the form that the config file has no line for yet. */
class FieldError extends UserError {
  constructor(
    readonly field: string,
    message: string,
    options: {hint?: string}
  ) {
    super(message, options)
  }
}

/** A UserError as the page shows it; the field is read from the message (`配置项 "date"`). */
export function errorBody(error: unknown): ErrorBody {
  if (!(error instanceof UserError)) throw error
  const field = error instanceof FieldError ? error.field : /配置项 "([A-Za-z]+(?:\.[A-Za-z]+)?)/.exec(error.message)?.[1]
  return {message: error.message, hint: error.hint, file: error.file, line: error.line, ...(field ? {field} : {})}
}

/** Any other error as the page shows it: our own bug, its first line (as the command line's one error path says it). */
export function internalErrorBody(error: unknown): ErrorBody {
  const message = error instanceof Error ? error.message : String(error)
  return {message: `程序内部出错，很抱歉：${message.split('\n')[0]}`, hint: '这不是您输入的问题。请把这条信息连同所用的源文件和配置文件发给维护人员。'}
}
