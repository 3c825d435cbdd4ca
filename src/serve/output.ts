/**
 * The documents a build left in `output/<name>/`: listed per document (all formats of one
 * document together; a bureau's task list is one document), and packed as a .zip — all of them,
 * or one document's formats (one bureau's files).
 */
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {zipSync, type Zippable} from 'fflate'

export interface OutputFileInfo {
  /** Path relative to the output folder, `/`-separated. */
  name: string
  format: string
  bytes: number
}

export interface OutputDocument {
  /** Path without extension relative to the output folder (`各单位任务清单/区发改局`). */
  id: string
  /** Last part of the id (`区发改局`). */
  label: string
  /** Folder inside the output folder ('' at the top). */
  folder: string
  files: OutputFileInfo[]
}

/** Every file under `dir` (absolute), sorted, hidden names skipped. */
export function listOutput(dir: string): OutputFileInfo[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return []
  const files: OutputFileInfo[] = []
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, {withFileTypes: true})) {
      if (entry.name.startsWith('.')) continue
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) visit(full)
      else if (entry.isFile()) {
        files.push({
          name: path.relative(dir, full).split(path.sep).join('/'),
          format: path.extname(entry.name).slice(1).toLowerCase(),
          bytes: statSync(full).size
        })
      }
    }
  }
  visit(dir)
  return files.sort((a, b) => a.name.localeCompare(b.name, 'zh'))
}

/** Files grouped per document: top-level documents first, then each folder's (bureaus). */
export function groupDocuments(files: readonly OutputFileInfo[]): OutputDocument[] {
  const byId = new Map<string, OutputDocument>()
  for (const file of files) {
    const id = file.name.slice(0, file.name.length - (file.format ? file.format.length + 1 : 0))
    const slash = id.lastIndexOf('/')
    const document = byId.get(id) ?? {id, label: id.slice(slash + 1), folder: slash === -1 ? '' : id.slice(0, slash), files: []}
    document.files.push(file)
    byId.set(id, document)
  }
  const order = ['pdf', 'docx', 'html', 'md', 'xlsx', 'json']
  const rank = (format: string) => (order.includes(format) ? order.indexOf(format) : order.length)
  for (const document of byId.values()) document.files.sort((a, b) => rank(a.format) - rank(b.format))
  return [...byId.values()].sort((a, b) => (a.folder === b.folder ? 0 : a.folder === '' ? -1 : b.folder === '' ? 1 : a.folder.localeCompare(b.folder, 'zh')))
}

/** A .zip of the given files of `dir`, stored under their names; entries dated by the files. */
export function zipFiles(dir: string, names: readonly string[]): Uint8Array<ArrayBuffer> {
  const entries: Zippable = {}
  for (const name of names) {
    const full = path.join(dir, ...name.split('/'))
    // Already-compressed formats are stored; text is deflated.
    const level = /\.(docx|xlsx|pdf|zip)$/i.test(name) ? 0 : 6
    entries[name] = [new Uint8Array(readFileSync(full)), {level, mtime: statSync(full).mtime}]
  }
  return zipSync(entries)
}
