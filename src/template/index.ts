/**
 * Handlebars templates → Markdown. Built-in templates live in `templates/` (`<name>.md.hbs`,
 * partials in `templates/partials/<name>.hbs`); a user folder overrides them file by file.
 *
 * Every `{{value}}` is escaped for Markdown (not HTML): templates are parsed to an AST, each escaped
 * mustache is wrapped in the `md` helper, and the result is compiled with `noEscape`. `{{{raw}}}`
 * stays raw. Helpers: `yaml` (front matter value), `join` (list, separator; default `、`),
 * `link` (relative path → link target). Helpers that return a SafeString are not escaped again.
 */
import {readdirSync, readFileSync, existsSync, statSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import Handlebars from 'handlebars'
import {UserError} from '../errors.ts'
import {escapeMarkdown, linkTarget, yamlValue} from './escape.ts'

/** The built-in templates folder (`templates/` at the package root). */
export const builtinTemplatesDir = fileURLToPath(new URL('../../templates/', import.meta.url))

export interface TemplateOptions {
  /** Folder whose `*.md.hbs` and `partials/*.hbs` replace the built-in files of the same name. Default: none. */
  overrideDir?: string
  /** Folder of built-in templates. Default `templates/` of the package; change only in tests. */
  builtinDir?: string
}

export interface Templates {
  /** Template name → source file it was loaded from (built-in or override). */
  readonly files: ReadonlyMap<string, string>
  /** @internal */
  readonly compiled: ReadonlyMap<string, Handlebars.TemplateDelegate>
}

type Env = typeof Handlebars

/** Load and compile the templates. A syntax error is a UserError naming the file and line. */
export function loadTemplates(options: TemplateOptions = {}): Templates {
  const env = Handlebars.create()
  registerHelpers(env)
  const builtin = options.builtinDir ?? builtinTemplatesDir
  if (options.overrideDir !== undefined && !isDir(options.overrideDir)) {
    throw new UserError(`模板文件夹不存在：${options.overrideDir}`, {file: options.overrideDir, hint: '检查配置中的 templates 路径'})
  }
  const sources = new Map<string, string>()
  const partials = new Map<string, string>()
  for (const dir of [builtin, options.overrideDir]) {
    if (dir === undefined || !isDir(dir)) continue
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.md.hbs')) sources.set(name.slice(0, -'.md.hbs'.length), join(dir, name))
    }
    const partialDir = join(dir, 'partials')
    if (isDir(partialDir)) {
      for (const name of readdirSync(partialDir).sort()) {
        if (name.endsWith('.hbs')) partials.set(name.slice(0, -'.hbs'.length).replace(/\.md$/, ''), join(partialDir, name))
      }
    }
  }
  for (const [name, file] of partials) env.registerPartial(name, compileFile(env, file))
  const compiled = new Map<string, Handlebars.TemplateDelegate>()
  for (const [name, file] of sources) compiled.set(name, compileFile(env, file))
  return {files: sources, compiled}
}

/** Render one template with its view. Unknown template names are a UserError listing the known ones. */
export function render(templates: Templates, name: string, view: unknown): string {
  const template = templates.compiled.get(name)
  if (!template) {
    throw new UserError(`找不到模板：${name}.md.hbs`, {hint: `现有模板：${[...templates.compiled.keys()].join('、')}`})
  }
  try {
    return template(view, {allowProtoPropertiesByDefault: false})
  } catch (error) {
    const file = templates.files.get(name)
    throw new UserError(`模板出错：${file}：${(error as Error).message}`, {file, line: lineOf(error), cause: error})
  }
}

function registerHelpers(env: Env): void {
  env.registerHelper('md', (value: unknown) => {
    if (value instanceof env.SafeString) return value.toString()
    if (value == null || value === false) return ''
    return escapeMarkdown(String(value))
  })
  env.registerHelper('yaml', (value: unknown) => new env.SafeString(yamlValue(value)))
  env.registerHelper('join', (list: unknown, separator: unknown) => {
    const sep = typeof separator === 'string' ? separator : '、'
    return Array.isArray(list) ? list.map(String).join(sep) : list == null ? '' : String(list)
  })
  env.registerHelper('link', (path: unknown) => new env.SafeString(linkTarget(String(path ?? ''))))
}

function compileFile(env: Env, file: string): Handlebars.TemplateDelegate {
  const source = readFileSync(file, 'utf8')
  let ast: hbs.AST.Program
  try {
    ast = env.parse(source)
  } catch (error) {
    const line = lineOf(error)
    const detail = String((error as Error).message).split('\n')[0]
    throw new UserError(`模板语法错误：${file}${line ? ` 第${line}行` : ''}`, {
      file,
      line,
      hint:
        '检查这一行附近的 {{…}} 标记：{{#each}} 要以 {{/each}} 结束，{{#if}} 要以 {{/if}} 结束，大括号要成对。' +
        `改不好时可以从 policy-press init 得到的原始模板重新复制。（详细信息：${detail}）`,
      cause: error
    })
  }
  wrapMustaches(ast)
  const template = env.compile(ast, {noEscape: true, strict: false, knownHelpersOnly: false})
  // Compile now so that errors surface at load time, with the file name.
  try {
    template({})
  } catch (error) {
    if (!(error instanceof Error) || !/Missing helper|not defined|could not be found/.test(error.message)) return template
    throw new UserError(`模板出错：${file}：${error.message}`, {file, line: lineOf(error), cause: error})
  }
  return template
}

/** Wrap every escaped `{{…}}` in the `md` helper: `{{a}}` → `{{md a}}`, `{{h a}}` → `{{md (h a)}}`. */
function wrapMustaches(node: unknown): void {
  if (!node || typeof node !== 'object') return
  if (Array.isArray(node)) {
    for (const child of node) wrapMustaches(child)
    return
  }
  const record = node as Record<string, unknown>
  if (record.type === 'MustacheStatement' && record.escaped === true) {
    const mustache = record as unknown as hbs.AST.MustacheStatement
    const loc = mustache.loc
    const inner: hbs.AST.Expression =
      mustache.params.length > 0 || (mustache.hash && mustache.hash.pairs.length > 0)
        ? ({type: 'SubExpression', path: mustache.path, params: mustache.params, hash: mustache.hash, loc} as hbs.AST.SubExpression)
        : (mustache.path as hbs.AST.Expression)
    mustache.path = {type: 'PathExpression', data: false, depth: 0, parts: ['md'], original: 'md', loc} as hbs.AST.PathExpression
    mustache.params = [inner]
    mustache.hash = undefined as unknown as hbs.AST.Hash
    mustache.escaped = false
    return
  }
  for (const key of ['body', 'program', 'inverse']) if (key in record) wrapMustaches(record[key])
}

function lineOf(error: unknown): number | undefined {
  const e = error as {lineNumber?: number; message?: string; hash?: {loc?: {first_line?: number}}}
  if (typeof e?.lineNumber === 'number') return e.lineNumber
  if (typeof e?.hash?.loc?.first_line === 'number') return e.hash.loc.first_line
  const match = /line (\d+)/.exec(String(e?.message ?? ''))
  return match ? Number(match[1]) : undefined
}

function isDir(path: string): boolean {
  return existsSync(path) && statSync(resolve(path)).isDirectory()
}
