/**
 * The workspace folder of `policy-press serve`: the only place the server reads or writes.
 *
 * Every path from a request is a `/`-separated path relative to the workspace. `resolveInside`
 * refuses anything that could leave it: absolute paths, `..` or `.` segments, backslashes, NUL,
 * hidden names, and symbolic links (or any existing part of the path) whose real location is
 * outside the workspace. Refusals are `UserError`s with a Chinese message (the API answers 400).
 */
import {existsSync, lstatSync, readdirSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'
import {sourceExtensions} from '../cli/source.ts'
import {UserError} from '../errors.ts'

/** Policy sources the page can open (as the command line reads them). */
export const policyExtensions = sourceExtensions
/** Sources the page can edit as text (a .docx is shown read-only, as the reader converts it). */
const editableExtensions: readonly string[] = policyExtensions.filter((ext) => ext !== '.docx')

/** Folders never listed as holding policies. */
const skippedFolders = new Set(['output', 'templates', 'node_modules'])

export class Workspace {
  /** Real absolute path of the workspace folder. */
  readonly root: string

  constructor(folder: string) {
    const absolute = path.resolve(folder)
    if (!existsSync(absolute)) {
      throw new UserError(`找不到工作文件夹 ${folder}`, {hint: '写一个已有的文件夹，例如 policy-press serve .；要新建一个，先运行 policy-press init 文件夹。'})
    }
    if (!statSync(absolute).isDirectory()) {
      throw new UserError(`${folder} 是一个文件，不是文件夹`, {hint: '写政策文件所在的文件夹，例如 policy-press serve source。'})
    }
    this.root = realpathSync(absolute)
  }

  /**
   * The absolute path of `relative` inside the workspace; throws a UserError for anything that
   * would leave it (see the module comment). The file itself need not exist.
   */
  resolveInside(relative: string): string {
    const refuse = (why: string): never => {
      throw new UserError(`不能使用路径“${relative}”：${why}`, {hint: '只能打开工作文件夹里的文件；从页面上的列表里选择文件。'})
    }
    if (typeof relative !== 'string' || relative === '') refuse('路径是空的')
    if (/[\u0000-\u001f\\]/.test(relative)) refuse('路径里有不允许的字符')
    if (relative.startsWith('/') || /^[a-zA-Z]:/.test(relative)) refuse('不能写绝对路径')
    const segments = relative.split('/')
    if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) refuse('路径里不能有“.”“..”或空的部分')
    if (segments.some((segment) => segment.startsWith('.'))) refuse('不能打开隐藏文件')
    const target = path.join(this.root, ...segments)
    // Follow every existing part of the path: a symbolic link that points out is refused.
    let existing = target
    while (!existsSync(existing) && existing !== this.root) {
      try {
        lstatSync(existing) // a dangling symbolic link exists for lstat only
        refuse('路径指向工作文件夹以外')
      } catch (error) {
        if (error instanceof UserError) throw error
      }
      existing = path.dirname(existing)
    }
    if (!this.contains(realpathSync(existing))) refuse('路径指向工作文件夹以外')
    return target
  }

  /** True when an absolute real path is the workspace or inside it. */
  contains(absolute: string): boolean {
    const rel = path.relative(this.root, absolute)
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
  }

  /** `/`-separated path relative to the workspace. */
  relative(absolute: string): string {
    return path.relative(this.root, absolute).split(path.sep).join('/')
  }

  /** Policies in the workspace and its first level of folders (not output/, templates/, hidden ones), sorted. */
  policies(): Array<{path: string; bytes: number; modified: string}> {
    const found: Array<{path: string; bytes: number; modified: string}> = []
    const visit = (dir: string, depth: number) => {
      let entries: import('node:fs').Dirent[]
      try {
        entries = readdirSync(dir, {withFileTypes: true})
      } catch {
        return
      }
      for (const entry of entries) {
        if (entry.name.startsWith('.')) continue
        const full = path.join(dir, entry.name)
        if (entry.isDirectory()) {
          if (depth === 0 && !skippedFolders.has(entry.name)) visit(full, depth + 1)
        } else if (entry.isFile() && isPolicyName(entry.name) && !/^readme\./i.test(entry.name)) {
          const stat = statSync(full)
          found.push({path: this.relative(full), bytes: stat.size, modified: stat.mtime.toISOString()})
        }
      }
    }
    visit(this.root, 0)
    return found.sort((a, b) => a.path.localeCompare(b.path, 'zh'))
  }

  /** Resolve a policy path from a request: inside the workspace, a policy extension, an existing file. */
  policy(relative: string): string {
    const absolute = this.resolveInside(relative)
    if (!isPolicyName(relative)) {
      throw new UserError(`“${relative}”不是政策文件`, {hint: `政策文件的扩展名是 ${policyExtensions.join('、')}。`})
    }
    if (!existsSync(absolute) || !statSync(absolute).isFile()) {
      throw new UserError(`工作文件夹里没有文件“${relative}”`, {hint: '刷新页面，从列表里重新选择；或者先上传这个文件。'})
    }
    return absolute
  }
}

export function isPolicyName(name: string): boolean {
  return (policyExtensions as readonly string[]).includes(path.extname(name).toLowerCase())
}

export function isEditableName(name: string): boolean {
  return editableExtensions.includes(path.extname(name).toLowerCase())
}
