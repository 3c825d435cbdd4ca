/**
 * The glossary of the interpretation: terms a reader outside government may not know, each with a
 * plain explanation (`templates/glossary.yml`: a list of `{term, plain}`). The interpretation shows
 * an entry wherever its term occurs verbatim in the text it prints.
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parse as parseYaml} from 'yaml'
import {UserError} from '../errors.ts'
import {findPrototypeKey} from '../tree/keys.ts'

export interface GlossaryEntry {
  /** The term exactly as the policy writes it (`专精特新`, `首台（套）`). */
  term: string
  /** One or two plain sentences. */
  plain: string
}

/** The built-in glossary (`templates/glossary.yml` at the package root). */
export const builtinGlossaryPath = fileURLToPath(new URL('../../templates/glossary.yml', import.meta.url))

/** Read a glossary file. A missing file or a malformed entry is a UserError naming the file. */
export function loadGlossary(path: string = builtinGlossaryPath): GlossaryEntry[] {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new UserError(`无法读取名词解释文件：${path}`, {file: path, hint: (error as Error).message, cause: error})
  }
  return parseGlossary(text, path)
}

/**
 * Parse glossary YAML: a list of `{term, plain}` mappings. Entries keep file order; a repeated
 * term keeps its first entry.
 */
export function parseGlossary(text: string, file?: string): GlossaryEntry[] {
  let data: unknown
  try {
    data = parseYaml(text)
  } catch (error) {
    throw new UserError(`名词解释文件不是有效的 YAML：${file ?? ''}`, {file, hint: (error as Error).message, cause: error})
  }
  if (data == null) return []
  const bad = findPrototypeKey(data)
  if (bad) {
    throw new UserError(`名词解释文件 ${file ?? ''} 里的“${bad.key}”（${bad.path}）不能作为名称`, {file, hint: '每项只写 term（名词）和 plain（通俗解释）两项，请删除其他名称。'})
  }
  if (!Array.isArray(data)) throw new UserError(`名词解释文件应为列表（- term: … plain: …）：${file ?? ''}`, {file})
  const out: GlossaryEntry[] = []
  const seen = new Set<string>()
  for (const [i, item] of data.entries()) {
    const record = item as Record<string, unknown> | null
    const term = typeof record?.term === 'string' ? record.term.trim() : ''
    const plain = typeof record?.plain === 'string' ? record.plain.trim() : ''
    if (!term || !plain) {
      throw new UserError(`名词解释第${i + 1}项缺少 term 或 plain：${file ?? ''}`, {file, hint: '每项写成 - term: 名词 / plain: 通俗解释'})
    }
    if (seen.has(term)) continue
    seen.add(term)
    out.push({term, plain})
  }
  return out
}

/** The entries whose term occurs verbatim in any of `texts`, in glossary order. */
export function termsIn(glossary: readonly GlossaryEntry[], texts: readonly string[]): GlossaryEntry[] {
  return glossary.filter((entry) => texts.some((text) => text.includes(entry.term)))
}
