/**
 * Output files: safe names from display names (unit names), paths that never leave the output
 * folder, and the save of a build into its output folder.
 *
 * `writeOutputs` is the one place a build touches the output folder:
 *
 * - it refuses folders it must never write into (`/`, system folders, the home folder itself) and
 *   any target that is one of the build's inputs (source, config, registry, templates, glossary);
 * - it keeps a manifest (`.policy-press.json`: path → SHA-256 of every file it made). A file that
 *   is not in the manifest, or whose bytes differ from the manifest (edited by hand), is never
 *   overwritten or removed without `force`;
 * - it stages every file in a hidden folder *inside* the output folder (same file system, so no
 *   EXDEV on mount points, and a read-only parent does not matter), then moves each file into place
 *   with one rename (each file is always either the old or the new one, never partial). An error
 *   while moving puts the old files back. Staging folders left by a killed build are removed
 *   by the next one, and the files that build had already moved are recognised as ours;
 * - files the previous build made and this one no longer makes are removed and returned.
 */
import {createHash} from 'node:crypto'
import {mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile, mkdtemp} from 'node:fs/promises'
import {copyFileSync, existsSync, linkSync, mkdirSync, realpathSync, renameSync} from 'node:fs'
import {homedir} from 'node:os'
import {basename, dirname, join, relative, resolve, isAbsolute, sep} from 'node:path'
import {UserError} from '../errors.ts'

const reserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i

/**
 * Longest file-name stem in UTF-8 bytes. File systems limit one name to 255 bytes; the rest is
 * room for `-N` (colliding names), the extension and the `.<name>.old` of a backup.
 */
export const maxNameBytes = 200

/**
 * A file name (one path segment) from a display name: path separators, characters reserved on
 * Windows and control characters become `_`; leading dots and trailing dots/spaces are removed;
 * reserved device names get a `_` prefix; at most `maxNameBytes` bytes in UTF-8 (cut between characters).
 */
export function safeFileName(name: string): string {
  let out = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
  if (reserved.test(out)) out = '_' + out
  let bytes = 0
  let cut = ''
  for (const char of out) {
    bytes += Buffer.byteLength(char)
    if (bytes > maxNameBytes) break
    cut += char
  }
  return cut === '' ? '_' : cut
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

/** The manifest of the files a build made, kept in the output folder. */
export const manifestName = '.policy-press.json'
const stagingPrefix = '.policy-press-staging-'

export interface WriteOptions {
  /** Overwrite (and remove) files edited since the last build or not made by policy-press. Default false. */
  force?: boolean
  /** Files the build reads (source, config, registry, glossary): never written over. */
  inputs?: readonly string[]
  /** Folders the build reads (templates): nothing is written inside them. */
  inputFolders?: readonly string[]
}

export interface WriteResult {
  /** Files the previous build made that this one no longer makes, removed (relative paths). */
  removed: string[]
  /** Such files kept because they were edited by hand since (relative paths); only without `force`. */
  kept: string[]
}

interface Manifest {
  /** Relative path → SHA-256 (hex) of the bytes written. */
  files: Map<string, string>
}

/** Test-only: `POLICY_PRESS_TEST_PAUSE_BEFORE_MOVE=N` stops the save before moving its N-th file (see docs/cli.md). */
const pauseEnv = 'POLICY_PRESS_TEST_PAUSE_BEFORE_MOVE'

/**
 * Save all files into `outDir` (created if needed); see the module comment. Throws UserError,
 * before anything is written, when the folder or a file may not be written.
 */
export async function writeOutputs(outDir: string, files: readonly OutputFile[], options: WriteOptions = {}): Promise<WriteResult> {
  const root = resolve(outDir)
  refuseSystemFolder(root)
  for (const folder of options.inputFolders ?? []) {
    if (contains(resolve(folder), root)) {
      throw new UserError(`输出文件夹 ${root} 是模板文件夹 ${folder}（或在其中），生成的文件会混进模板`, {
        file: root,
        hint: '用 -o 指定模板文件夹以外的输出文件夹。'
      })
    }
  }
  const existing = await stat(root).catch(() => undefined)
  if (existing && !existing.isDirectory()) {
    throw new UserError(`输出位置不是文件夹：${root}`, {file: root, hint: '用 -o 指定一个文件夹'})
  }
  const targets = files.map((file) => ({file, target: insideDir(root, file.path), hash: sha256(file.bytes)}))
  const inputs = (options.inputs ?? []).map((input) => resolve(input))
  const folders = (options.inputFolders ?? []).map((folder) => resolve(folder))
  for (const {target} of targets) {
    const input = inputs.find((candidate) => samePath(candidate, target))
    const folder = folders.find((candidate) => contains(candidate, target))
    if (input || folder) {
      throw new UserError(input ? `输出文件 ${target} 就是这次读取的输入文件，生成时会把它覆盖` : `输出文件 ${target} 会写进模板文件夹 ${folder}`, {
        file: target,
        hint: '用 -o 指定另一个输出文件夹（不要放在源文件旁边与输出同名），或把这个输入文件改名；什么都没有写入。'
      })
    }
  }
  try {
    await mkdir(root, {recursive: true})
  } catch (error) {
    throw new UserError(`无法建立输出文件夹：${root}`, {file: root, hint: (error as Error).message, cause: error})
  }

  // What the previous build made: its manifest, plus what a killed build had started to move in.
  const previous = await readManifest(root)
  const pending = await cleanStaging(root)
  const ours = (path: string, hash: string) => previous.files.get(path) === hash || pending.get(path)?.has(hash) === true

  // Refuse to overwrite what is not ours or was edited since (unless forced); all before writing.
  if (!options.force) {
    const problems: string[] = []
    for (const {file, target, hash} of targets) {
      const current = await hashOf(target)
      if (current === undefined || current === hash || ours(file.path, current)) continue
      problems.push(
        previous.files.has(file.path)
          ? `${file.path}（上次生成之后被修改过）`
          : `${file.path}（不是 policy-press 生成的，或清单 ${manifestName} 里没有它）`
      )
    }
    if (problems.length > 0) {
      throw new UserError(`输出文件夹 ${root} 里有 ${problems.length} 个文件会被覆盖：${problems.join('；')}。为免丢失修改，这次什么都没有写入`, {
        file: root,
        hint: '先把要保留的文件复制到输出文件夹以外，或用 -o 换一个输出文件夹；确定可以覆盖时加 --force 重新生成。'
      })
    }
  }

  let staging: string
  try {
    staging = await mkdtemp(join(root, `${stagingPrefix}${process.pid}-`))
  } catch (error) {
    throw new UserError(`无法写入输出文件夹：${root}`, {file: root, hint: (error as Error).message, cause: error})
  }
  const manifest = JSON.stringify(
    {generator: 'policy-press', files: Object.fromEntries(targets.map(({file, hash}) => [file.path, hash]).sort(([a], [b]) => (a! < b! ? -1 : 1)))},
    null,
    2
  ) + '\n'
  // Moved files, newest last, with the backup of the file each replaced (to undo on error).
  const moved: Array<{target: string; backup?: string}> = []
  try {
    await stageFiles(join(staging, 'new'), files)
    // The manifest to be, first in the staging folder: a killed build's moved files stay recognisable.
    await writeFile(join(staging, manifestName), manifest)
    // One file after another, so an error leaves a list to undo; synchronous calls, because these
    // are a hundred or more quick metadata changes on one file system and each await would cost a
    // round trip through the thread pool.
    const folders = new Set<string>()
    const folder = (path: string) => {
      if (folders.has(path)) return
      mkdirSync(path, {recursive: true})
      folders.add(path)
    }
    for (const [index, {file, target}] of targets.entries()) {
      await pauseForTest(index + 1, staging)
      folder(dirname(target))
      let backup: string | undefined
      if (existsSync(target)) {
        backup = insideDir(staging, join('old', file.path))
        folder(dirname(backup))
        try {
          linkSync(target, backup)
        } catch {
          copyFileSync(target, backup)
        }
      }
      renameSync(insideDir(staging, join('new', file.path)), target)
      moved.push({target, backup})
    }
    await rename(join(staging, manifestName), join(root, manifestName))
  } catch (error) {
    for (const {target, backup} of moved.reverse()) {
      await (backup ? rename(backup, target) : rm(target, {force: true})).catch(() => undefined)
    }
    await rm(staging, {recursive: true, force: true}).catch(() => undefined)
    throw new UserError(`写入输出文件失败：${root}（已写入的文件已恢复原样）`, {
      file: root,
      hint: `检查这个文件夹及其子文件夹的写入权限和剩余空间。（详细信息：${(error as Error).message}）`,
      cause: error
    })
  }
  await rm(staging, {recursive: true, force: true})

  // Files the previous build made that this one does not: removed unless edited since.
  const made = new Set(targets.map(({file}) => file.path))
  const removed: string[] = []
  const kept: string[] = []
  for (const [path, hash] of [...previous.files, ...[...pending].flatMap(([p, hashes]) => [...hashes].map((h) => [p, h] as const))]) {
    if (made.has(path) || removed.includes(path) || kept.includes(path)) continue
    const target = insideDir(root, path)
    const current = await hashOf(target)
    if (current === undefined) continue
    if (inputs.some((input) => samePath(input, target))) continue
    if (current !== hash && !ours(path, current) && !options.force) {
      kept.push(path)
      continue
    }
    await rm(target, {force: true})
    removed.push(path)
    await removeEmptyParents(root, dirname(target))
  }
  return {removed: removed.sort(), kept: kept.sort()}
}

/** Refuse `/`, system folders (and anything inside the ones that hold programs), the home folder itself. */
function refuseSystemFolder(root: string): void {
  const exact = ['/', '/etc', '/usr', '/bin', '/sbin', '/lib', '/lib64', '/boot', '/dev', '/proc', '/sys', '/var', '/opt', '/root', '/home', '/Users', '/System', '/Library', '/Applications', '/private', '/tmp', homedir()]
  const within = ['/etc', '/usr', '/bin', '/sbin', '/lib', '/lib64', '/boot', '/dev', '/proc', '/sys', '/System']
  const windows = /^[a-z]:[\\/]?$|^[a-z]:[\\/](windows|program files( \(x86\))?|programdata|users)[\\/]?$/i
  const system =
    exact.some((folder) => samePath(folder, root)) || within.some((folder) => contains(folder, root)) || windows.test(root) || root === resolve(root, '..')
  if (system) {
    throw new UserError(`不能把生成的文件写进系统文件夹或主文件夹本身：${root}`, {
      file: root,
      hint: '用 -o 指定一个专门的输出文件夹，例如 -o output/政策文件 或 -o ~/文档/政策文件。'
    })
  }
}

/** `folder` is `path` or an ancestor of it. */
function contains(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** Same file: same real path, or the same path ignoring case (case-insensitive file systems). */
function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync.native(p)
    } catch {
      return resolve(p)
    }
  }
  return real(a) === real(b) || resolve(a).toLowerCase() === resolve(b).toLowerCase()
}

function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Write every file under `dir`, several at a time (each folder made once). */
async function stageFiles(dir: string, files: readonly OutputFile[]): Promise<void> {
  const folders = new Map<string, Promise<unknown>>()
  const folder = (path: string) => {
    let made = folders.get(path)
    if (!made) folders.set(path, (made = mkdir(path, {recursive: true})))
    return made
  }
  let next = 0
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!
      const staged = insideDir(dir, file.path)
      await folder(dirname(staged))
      await writeFile(staged, file.bytes)
    }
  }
  await Promise.all(Array.from({length: Math.min(8, files.length)}, worker))
}

async function hashOf(path: string): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined)
  if (!info) return undefined
  if (!info.isFile()) return 'not-a-file'
  return sha256(await readFile(path))
}

/** Read a manifest; a missing or unreadable one is empty (nothing is then known to be ours). */
async function readManifest(folder: string): Promise<Manifest> {
  const files = new Map<string, string>()
  let data: unknown
  try {
    data = JSON.parse(await readFile(join(folder, manifestName), 'utf8'))
  } catch {
    return {files}
  }
  const listed = (data as {files?: unknown} | null)?.files
  if (!listed || typeof listed !== 'object' || Array.isArray(listed)) return {files}
  for (const [path, hash] of Object.entries(listed)) {
    // Only plain relative paths inside the folder: a tampered manifest cannot name other files.
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash) || path === manifestName || path.split('/').some((s) => s.startsWith(stagingPrefix))) continue
    try {
      insideDir(folder, path)
    } catch {
      continue
    }
    files.set(path, hash)
  }
  return {files}
}

/**
 * Remove staging folders left by builds that were killed (their process is gone); return the
 * files their manifests listed, so files they had already moved in are recognised as ours.
 */
async function cleanStaging(root: string): Promise<Map<string, Set<string>>> {
  const pending = new Map<string, Set<string>>()
  for (const name of await readdir(root).catch(() => [] as string[])) {
    if (!name.startsWith(stagingPrefix)) continue
    const pid = Number(/^(\d+)-/.exec(name.slice(stagingPrefix.length))?.[1])
    if (pid !== process.pid && alive(pid)) continue
    const folder = join(root, name)
    for (const [path, hash] of (await readManifest(folder)).files) {
      if (!pending.has(path)) pending.set(path, new Set())
      pending.get(path)!.add(hash)
    }
    // A file whose old version was set aside but whose new one never arrived: put the old one back.
    const old = join(folder, 'old')
    for (const path of await listFiles(old)) {
      const target = insideDir(root, path)
      if ((await hashOf(target)) === undefined) await rename(join(old, path), target).catch(() => undefined)
    }
    await rm(folder, {recursive: true, force: true})
  }
  return pending
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true}).catch(() => [])
  const out: string[] = []
  for (const entry of entries) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), path)))
    else out.push(path)
  }
  return out
}

/** Remove folders left empty by a removed file, up to (not including) the output folder. */
async function removeEmptyParents(root: string, dir: string): Promise<void> {
  while (dir !== root && dir.startsWith(root + sep)) {
    try {
      await rmdir(dir)
    } catch {
      return
    }
    dir = dirname(dir)
  }
}

async function pauseForTest(index: number, staging: string): Promise<void> {
  if (process.env[pauseEnv] !== String(index)) return
  process.stderr.write(`${pauseEnv}: ${staging}\n`)
  await new Promise(() => setInterval(() => undefined, 60_000))
}
