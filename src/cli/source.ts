/**
 * What every command does before its stage runs: read the source file (clear errors for a
 * missing file, a folder, an empty file), load the config and registry, and parse (an unusable
 * source stops with `assertUsable`). Also the output-folder checks, done before anything is written.
 */
import {accessSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, statSync} from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import type {BuildOptions} from '../build/index.ts'
import type {CollectOptions} from '../collect/index.ts'
import {displayPath, loadConfig, type LoadedConfig} from '../config/load.ts'
import type {Format} from '../config/types.ts'
import {UserError} from '../errors.ts'
import {fatalHints} from '../parse/usable.ts'
import {maxSourceBytes, tooLargeReason} from '../read/decode.ts'
import type {Policy} from '../tree/types.ts'
import type {Registry} from '../units/registry.ts'

export interface SourceFile {
  /** Absolute path. */
  path: string
  /** As the user should see it. */
  shown: string
  bytes: Uint8Array
}

/** Extensions of policy sources (the readers of src/read/ take these). */
export const sourceExtensions = ['.txt', '.md', '.markdown', '.docx'] as const

export function readSourceFile(file: string, cwd: string): SourceFile {
  const absolute = path.resolve(cwd, file)
  const shown = displayPath(absolute, cwd)
  if (!existsSync(absolute)) {
    const near = sourceExtensions.map((ext) => absolute + ext).find((candidate) => existsSync(candidate))
    throw new UserError(`找不到源文件 ${shown}`, {
      file: shown,
      hint: near
        ? `是不是想写 ${displayPath(near, cwd)}？文件名要带扩展名。`
        : '检查文件名和所在文件夹是否写对（可以把文件拖进命令行窗口得到完整路径）；文件名里有空格时用英文引号括起来。'
    })
  }
  const stat = statSync(absolute)
  if (stat.isDirectory()) {
    let inside: string[] = []
    try {
      inside = readdirSync(absolute).filter((name) => (sourceExtensions as readonly string[]).includes(path.extname(name).toLowerCase()))
    } catch {}
    throw new UserError(`${shown} 是一个文件夹，不是文件`, {
      file: shown,
      hint: inside.length
        ? `请写出其中的政策文件，例如 ${displayPath(path.join(absolute, inside[0]!), cwd)}。`
        : '请写出政策文件本身（.txt、.md 或 .docx）的路径。'
    })
  }
  if (stat.size === 0) {
    throw new UserError(`源文件 ${shown} 是空的`, {file: shown, hint: fatalHints['source-empty']})
  }
  if (stat.size > maxSourceBytes) {
    throw new UserError(`源文件 ${shown}：${tooLargeReason(stat.size)}`, {file: shown, hint: fatalHints['source-too-large']})
  }
  try {
    return {path: absolute, shown, bytes: new Uint8Array(readFileSync(absolute))}
  } catch (error) {
    throw new UserError(`无法读取源文件 ${shown}`, {
      file: shown,
      hint: '检查文件是否被其他程序（如 Word、WPS）独占打开，以及您是否有读取它的权限。',
      cause: error
    })
  }
}


export interface LoadedSource {
  source: SourceFile
  loaded: LoadedConfig
  registryPath?: string
  registry?: Registry
}

/** Read the source, its config (or `--config`) and its units registry. */
export async function loadSource(file: string, cwd: string, configPath?: string): Promise<LoadedSource> {
  const source = readSourceFile(file, cwd)
  const {rules} = await import('../check/index.ts')
  const loaded = loadConfig({configPath, sourcePath: source.path, cwd, ruleIds: rules.map((rule) => rule.id)})
  const {defaultRegistryPath, loadRegistry} = await import('../units/registry.ts')
  const registryPath = loaded.config.registry ?? defaultRegistryPath(source.path)
  const registry = registryPath ? loadRegistry(registryPath) : undefined
  return {source, loaded, registryPath, registry}
}

/** What `build` gets for a loaded source (the command line and `serve` build the same way). */
export function buildOptions(input: LoadedSource, outDir: string, formats?: Format[]): BuildOptions {
  const config = input.loaded.config
  return {
    source: input.source.path,
    outDir,
    formats: formats ?? config.formats,
    config,
    templatesDir: config.templates,
    registryPath: input.registryPath,
    bytes: input.source.bytes,
    registry: input.registry,
    configDir: input.loaded.path ? path.dirname(input.loaded.path) : undefined,
    inputs: input.loaded.path ? [input.loaded.path] : []
  }
}

/** What `collect` gets for a loaded source and its parsed policy (the command line and `serve` collect the same way). */
export function collectOptions(
  input: LoadedSource,
  policy: Policy,
  ledgers: CollectOptions['ledgers'],
  outDir: string,
  date?: string
): CollectOptions {
  const config = input.loaded.config
  return {
    policy,
    config,
    registry: input.registry,
    ledgers,
    outDir,
    date,
    templatesDir: config.templates,
    configDir: input.loaded.path ? path.dirname(input.loaded.path) : path.dirname(input.source.path),
    inputs: [input.source.path, ...(input.loaded.path ? [input.loaded.path] : []), ...(input.registryPath ? [input.registryPath] : [])]
  }
}

/** Parse a loaded source; a fatal message (the input is unusable) becomes a UserError. */
export async function parseSource(input: LoadedSource): Promise<{policy: Policy; file: VFile}> {
  const {assertUsable, parsePolicy} = await import('../parse/index.ts')
  const result = await parsePolicy({path: input.source.path, bytes: input.source.bytes}, {registry: input.registry})
  assertUsable(result.file, input.source.shown)
  return result
}

/**
 * Check that `dir` can be the output folder, before anything is written: it is not a file, no
 * part of its path is a file, and the folder (or the nearest existing folder above it) is writable.
 * Nothing in an existing folder is touched.
 */
export function checkOutputFolder(dir: string, cwd: string): void {
  const absolute = path.resolve(cwd, dir)
  const shown = displayPath(absolute, cwd)
  const hint = '用 -o 指定另一个文件夹（例如 -o output/新文件夹），或检查这个文件夹的权限。'
  if (existsSync(absolute) && !statSync(absolute).isDirectory()) {
    throw new UserError(`输出位置 ${shown} 是一个文件，不是文件夹`, {
      file: shown,
      hint: '用 -o 指定一个文件夹（不存在的文件夹会自动建立）；这个文件不会被改动。'
    })
  }
  // Build stages its files inside the output folder: only the folder itself (or its nearest existing ancestor) must be writable.
  {
    let existing = absolute
    while (!existsSync(existing)) existing = path.dirname(existing)
    if (!statSync(existing).isDirectory()) {
      throw new UserError(`无法建立输出文件夹 ${shown}：路径中的 ${displayPath(existing, cwd)} 是一个文件`, {file: shown, hint})
    }
    try {
      accessSync(existing, constants.W_OK)
      rmdirSync(mkdtempSync(path.join(existing, '.policy-press-probe-')))
    } catch (error) {
      throw new UserError(`输出文件夹 ${shown} 无法写入（${displayPath(existing, cwd)} 没有写入权限或是只读的）`, {
        file: shown,
        hint,
        cause: error
      })
    }
  }
}
