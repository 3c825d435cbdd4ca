/**
 * Output files: safe names from display names (unit names), paths that never leave the output
 * folder, and atomic updates of the output folder.
 *
 * `writeOutputs` stages every file in a temporary sibling folder first; only when all are written
 * does it move them into place one by one (rename within one file system: each file is either the
 * old or the new one, never partial). A failure while staging leaves the output folder untouched.
 */
import {mkdir, rename, rm, writeFile, stat, mkdtemp} from 'node:fs/promises'
import {basename, dirname, join, relative, resolve, isAbsolute} from 'node:path'
import {UserError} from '../errors.ts'

const reserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i

/**
 * A file name (one path segment) from a display name: path separators, characters reserved on
 * Windows and control characters become `_`; leading dots and trailing dots/spaces are removed;
 * reserved device names get a `_` prefix; at most 80 characters (≤ 240 bytes in UTF-8 for Chinese).
 */
export function safeFileName(name: string): string {
  let out = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
  if (reserved.test(out)) out = '_' + out
  out = Array.from(out).slice(0, 80).join('')
  return out === '' ? '_' : out
}

/** Safe relative paths for a list of segment paths; names that collide (case-insensitively) get `-2`, `-3`… */
export function uniquePaths(paths: ReadonlyArray<readonly string[]>, extension = ''): string[] {
  const seen = new Set<string>()
  return paths.map((segments) => {
    const safe = segments.map(safeFileName)
    const stem = safe.join('/')
    let candidate = stem
    for (let n = 2; seen.has((candidate + extension).toLowerCase()); n++) candidate = `${stem}-${n}`
    seen.add((candidate + extension).toLowerCase())
    return candidate
  })
}

/** Resolve a relative output path inside `dir`; throws (a bug) if it would leave `dir`. */
export function insideDir(dir: string, path: string): string {
  const root = resolve(dir)
  const target = resolve(root, path)
  const rel = relative(root, target)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new Error(`Output path escapes the output folder: ${path}`)
  return target
}

export interface OutputFile {
  /** Path relative to the output folder, `/`-separated, already made of safe names. */
  path: string
  bytes: Uint8Array | string
}

/** Write one file atomically: a temporary file in the same folder, then rename. */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), {recursive: true})
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)
  try {
    await writeFile(temp, bytes)
    await rename(temp, path)
  } catch (error) {
    await rm(temp, {force: true})
    throw error
  }
}

/**
 * Write all files into `outDir`, creating it if needed. Files not in `files` are left alone.
 * Throws UserError when the folder cannot be written.
 */
export async function writeOutputs(outDir: string, files: readonly OutputFile[]): Promise<void> {
  const root = resolve(outDir)
  const existing = await stat(root).catch(() => undefined)
  if (existing && !existing.isDirectory()) {
    throw new UserError(`输出位置不是文件夹：${root}`, {file: root, hint: '用 -o 指定一个文件夹'})
  }
  const targets = files.map((file) => ({file, target: insideDir(root, file.path)}))
  let staging: string
  try {
    await mkdir(dirname(root), {recursive: true})
    staging = await mkdtemp(join(dirname(root), `.${basename(root)}.staging-`))
  } catch (error) {
    throw new UserError(`无法写入输出文件夹：${root}`, {file: root, hint: (error as Error).message, cause: error})
  }
  try {
    for (const {file} of targets) {
      const staged = insideDir(staging, file.path)
      await mkdir(dirname(staged), {recursive: true})
      await writeFile(staged, file.bytes)
    }
    await mkdir(root, {recursive: true})
    for (const {file, target} of targets) {
      await mkdir(dirname(target), {recursive: true})
      await rename(insideDir(staging, file.path), target)
    }
  } catch (error) {
    throw new UserError(`写入输出文件失败：${root}`, {file: root, hint: (error as Error).message, cause: error})
  } finally {
    await rm(staging, {recursive: true, force: true})
  }
}

