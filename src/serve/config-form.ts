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
import {configKeys, type KeyKind} from '../config/schema.ts'
import {UserError} from '../errors.ts'
import {writeFileAtomic} from '../write/files.ts'

const formKinds: readonly KeyKind[] = ['text', 'date', 'units']

export interface FormField {
  key: string
  kind: KeyKind
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

export const formFields: FormField[] = Object.entries(configKeys)
  .filter(([, spec]) => formKinds.includes(spec.kind))
  .map(([key, spec]) => ({key, kind: spec.kind, label: spec.label}))

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
      const value = (data as Record<string, unknown>)[field.key]
      if (value === undefined || value === null) continue
      values[field.key] = Array.isArray(value) ? value.join('、') : value instanceof Date ? value.toISOString().slice(0, 10) : String(value)
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
    if (value === '') {
      doc.delete(field.key)
    } else if (field.kind === 'units') {
      doc.set(field.key, value.split(/[、，,；;\n]/).map((item) => item.trim()).filter(Boolean))
    } else {
      doc.set(field.key, value)
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

/** A UserError as the page shows it; the field is read from the message (`配置项 "date"`). */
export function errorBody(error: unknown): ErrorBody {
  if (!(error instanceof UserError)) throw error
  const field = /配置项 "([A-Za-z]+)/.exec(error.message)?.[1]
  return {message: error.message, hint: error.hint, file: error.file, line: error.line, ...(field ? {field} : {})}
}
