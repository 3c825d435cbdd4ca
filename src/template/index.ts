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
import {editDistance} from '../config/load.ts'
import {templateVariables} from './variables.ts'

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
  /** @internal Template name → its text; then the partials' files and texts: to point at the variable of an error. */
  readonly sources: ReadonlyMap<string, string>
  /** @internal */
  readonly partials: ReadonlyArray<{file: string; text: string}>
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
  const partialTexts: Array<{file: string; text: string}> = []
  for (const [name, file] of partials) {
    const text = readFileSync(file, 'utf8')
    partialTexts.push({file, text})
    env.registerPartial(name, compileFile(env, file, text))
  }
  const compiled = new Map<string, Handlebars.TemplateDelegate>()
  const texts = new Map<string, string>()
  for (const [name, file] of sources) {
    const text = readFileSync(file, 'utf8')
    texts.set(name, text)
    compiled.set(name, compileFile(env, file, text))
  }
  return {files: sources, compiled, sources: texts, partials: partialTexts}
}

/**
 * Render one template with its view, in Handlebars strict mode: a variable the view does not have
 * stops the build with a UserError naming the template file and line, the variable and the
 * nearest names the view does have (`policy-press templates` lists them all). Unknown template
 * names are a UserError listing the known ones.
 */
export function render(templates: Templates, name: string, view: unknown): string {
  const template = templates.compiled.get(name)
  if (!template) {
    throw new UserError(`找不到模板：${name}.md.hbs`, {hint: `现有模板：${[...templates.compiled.keys()].join('、')}`})
  }
  try {
    return template(view, {allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false})
  } catch (error) {
    throw templateError(templates, name, error)
  }
}

/** A render error as the user should see it: file, line, the variable, what to do. */
function templateError(templates: Templates, name: string, error: unknown): UserError {
  const message = String((error as Error)?.message ?? error)
  const missing = /^"([^"]+)" not defined in/.exec(message)
  const line = lineOf(error)
  if (!missing) {
    const file = templates.files.get(name)
    return new UserError(`模板出错：${file}${line ? ` 第${line}行` : ''}：${message.split('\n')[0]}`, {file, line, cause: error})
  }
  // The variable as written at the error's place: in the template, or else in the partial that has it there.
  const where = (error as {column?: number}).column
  const at = (text: string) => (line && where !== undefined ? /^[@\w./\-]+/.exec(text.split(/\r?\n/)[line - 1]?.slice(where) ?? '')?.[0] : undefined)
  const matches = (written: string | undefined) => written !== undefined && written.split(/[./]/).pop() === missing[1]
  const places = [{file: templates.files.get(name), text: templates.sources.get(name) ?? ''}, ...templates.partials]
  const place = places.find((candidate) => matches(at(candidate.text))) ?? places[0]!
  const file = place.file
  const variable = at(place.text) ?? missing[1]!
  const known = templateVariables(name)
  const inView = known.some((path) => path === variable || path.endsWith('.' + variable) || path.endsWith('[].' + variable))
  const shown = `{{${variable}}}`
  if (inView) {
    return new UserError(`模板 ${file}${line ? ` 第${line}行` : ''}：变量 ${shown} 在这份文件里没有值`, {
      file,
      line,
      hint: `这个变量只在部分文件里有值：用 {{#if ${variable}}}…{{/if}} 把它包起来。运行 policy-press templates 可以看到每个模板能用的变量。`,
      cause: error
    })
  }
  const nearest = nearestNames(variable, known)
  return new UserError(`模板 ${file}${line ? ` 第${line}行` : ''}：没有变量 ${shown}`, {
    file,
    line,
    hint:
      (nearest.length > 0 ? `是不是想写 ${nearest.map((n) => `{{${n}}}`).join('、')}？` : '') +
      `运行 policy-press templates 可以看到模板 ${name} 能用的全部变量（在 {{#each}} 里面直接写列表项的字段名）。`,
    cause: error
  })
}

/** Up to three known names closest to `written`, compared by their last part (`counts.totl` ~ `counts.total`). */
function nearestNames(written: string, known: readonly string[]): string[] {
  const last = (path: string) => path.split(/\.|\[\]\./).pop() ?? path
  const target = last(written).toLowerCase()
  const scored = known
    .map((path) => ({path, distance: Math.min(editDistance(target, last(path).toLowerCase()), editDistance(written.toLowerCase(), path.toLowerCase()))}))
    .filter(({path, distance}) => distance <= Math.max(1, Math.floor(last(path).length / 3)))
    .sort((a, b) => a.distance - b.distance || a.path.length - b.path.length)
  return [...new Set(scored.map(({path}) => path))].slice(0, 3)
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

function compileFile(env: Env, file: string, source: string): Handlebars.TemplateDelegate {
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
  // Strict: a variable the view does not have is an error (see `render`), never empty text.
  return env.compile(ast, {noEscape: true, strict: true, knownHelpersOnly: false})
}

/**
 * Wrap every escaped `{{…}}` in the `md` helper: `{{a}}` → `{{md a}}`, `{{h a}}` → `{{md (h a)}}`.
 * Handlebars' strict mode checks only a plain `{{a}}`; every variable given to a helper (`md`,
 * `yaml`, `join`, `link`, a partial's context, `{{#each}}`, `{{#with}}`) is made strict too. Only
 * `{{#if}}` / `{{#unless}}` may test a variable the view does not have.
 */
function wrapMustaches(node: unknown): void {
  if (!node || typeof node !== 'object') return
  if (Array.isArray(node)) {
    for (const child of node) wrapMustaches(child)
    return
  }
  const record = node as Record<string, unknown>
  if (record.type === 'BlockStatement') {
    const block = record as unknown as hbs.AST.BlockStatement
    const name = block.path.type === 'PathExpression' ? block.path.original : ''
    if (name !== 'if' && name !== 'unless') strictParams(block.params)
  }
  if (record.type === 'MustacheStatement' || record.type === 'SubExpression' || record.type === 'PartialStatement') strictParams((record as unknown as hbs.AST.SubExpression).params)
  if (record.type === 'MustacheStatement' && record.escaped === true) {
    const mustache = record as unknown as hbs.AST.MustacheStatement
    const loc = mustache.loc
    const inner: hbs.AST.Expression =
      mustache.params.length > 0 || (mustache.hash && mustache.hash.pairs.length > 0)
        ? ({type: 'SubExpression', path: mustache.path, params: mustache.params, hash: mustache.hash, loc} as hbs.AST.SubExpression)
        : (mustache.path as hbs.AST.Expression)
    if (inner.type === 'PathExpression') (inner as unknown as {strict: boolean}).strict = true
    mustache.path = {type: 'PathExpression', data: false, depth: 0, parts: ['md'], original: 'md', loc} as hbs.AST.PathExpression
    mustache.params = [inner]
    mustache.hash = undefined as unknown as hbs.AST.Hash
    mustache.escaped = false
    return
  }
  for (const key of ['body', 'program', 'inverse']) if (key in record) wrapMustaches(record[key])
}

function strictParams(params: readonly hbs.AST.Expression[]): void {
  for (const param of params) {
    if (param.type === 'PathExpression') (param as unknown as {strict: boolean}).strict = true
    else if (param.type === 'SubExpression') strictParams((param as hbs.AST.SubExpression).params)
  }
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
