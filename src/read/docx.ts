/**
 * Word (.docx) → Markdown. mammoth turns the document into simple HTML (paragraphs,
 * headings, lists, tables); this module turns that HTML into Markdown in the project's source
 * convention, keeping tables as GFM tables, so a .docx goes through the same Markdown path.
 * Basic support: styles other than headings, lists and tables are dropped (their text kept).
 */
import {inflateRawSync} from 'node:zlib'
import {zipSync} from 'fflate'
import mammoth from 'mammoth'

export interface DocxResult {
  markdown: string
  warnings: string[]
}

/** Limits on what a .docx may unpack to, checked while unpacking (a "zip bomb" stops at the limit). */
export const docxLimits = {
  /** All parts together, unpacked: 64 MB. */
  totalBytes: 64 * 1024 * 1024,
  /** A part larger than 1 MB unpacked may be at most 100 times its packed size. */
  ratio: 100,
  ratioFromBytes: 1024 * 1024,
  /** Parts in the package. */
  entries: 10_000
}

/** A .docx that is not a usable package or (`tooLarge`) unpacks beyond `docxLimits`; the message is for the user. */
export class DocxLimitError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false
  ) {
    super(message)
  }
}

export async function docxToMarkdown(bytes: Uint8Array): Promise<DocxResult> {
  // mammoth gets the parts exactly as checked here, repacked: it never unpacks anything unchecked.
  const checked = zipSync(unpackDocx(bytes), {level: 0})
  const result = await mammoth.convertToHtml({buffer: Buffer.from(checked)})
  const warnings = result.messages.map((m) => m.message).filter((message) => !unrecognisedStyle.test(message))
  return {markdown: htmlToMarkdown(result.value), warnings}
}

/**
 * Unpack a .docx (zip) with the limits of `docxLimits` enforced while inflating: no part is
 * inflated past what the limits leave, so a small file that would unpack to gigabytes is refused
 * after at most `totalBytes` of work and memory. Throws DocxLimitError (Chinese message).
 */
export function unpackDocx(bytes: Uint8Array): Record<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u16 = (at: number) => view.getUint16(at, true)
  const u32 = (at: number) => view.getUint32(at, true)
  let end = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (u32(at) === 0x06054b50) {
      end = at
      break
    }
  }
  if (end < 0) throw new DocxLimitError('文件不是完整的 zip 包（找不到目录），可能只下载或复制了一部分')
  const count = u16(end + 10)
  let at = u32(end + 16)
  if (count > docxLimits.entries) throw new DocxLimitError(`文件里有 ${count} 个部件，超过了 ${docxLimits.entries} 个的上限`, true)
  const parts: Record<string, Uint8Array> = Object.create(null)
  let total = 0
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) throw new DocxLimitError('文件的 zip 目录已损坏')
    const flags = u16(at + 8)
    const method = u16(at + 10)
    const packed = u32(at + 20)
    const nameLength = u16(at + 28)
    const local = u32(at + 42)
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength))
    at += 46 + nameLength + u16(at + 30) + u16(at + 32)
    if (packed === 0xffffffff || local === 0xffffffff) throw new DocxLimitError(`部件 ${name} 超过 4 GB（zip64），不像 Word 文档`)
    if (flags & 1) throw new DocxLimitError('文件加了密码，请在 Word 中取消密码后另存一份再试')
    if (name.endsWith('/')) continue
    if (local + 30 > bytes.length || u32(local) !== 0x04034b50) throw new DocxLimitError(`部件 ${name} 已损坏`)
    const start = local + 30 + u16(local + 26) + u16(local + 28)
    const data = bytes.subarray(start, start + packed)
    if (data.length !== packed) throw new DocxLimitError(`部件 ${name} 不完整，文件可能只复制了一部分`)
    const room = docxLimits.totalBytes - total
    let content: Uint8Array
    if (method === 0) content = data
    else if (method === 8) {
      try {
        content = inflateRawSync(data, {maxOutputLength: Math.max(1, room + 1)})
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') content = new Uint8Array(room + 1)
        else throw new DocxLimitError(`部件 ${name} 无法解压，文件已损坏`)
      }
    } else throw new DocxLimitError(`部件 ${name} 用了 Word 不用的压缩方式（${method}）`)
    total += content.length
    if (total > docxLimits.totalBytes) {
      throw new DocxLimitError(`文件只有 ${mb(bytes.length)}，解压后却超过 ${mb(docxLimits.totalBytes)}（读到部件 ${name} 时停止），像是“压缩炸弹”而不是 Word 文档`, true)
    }
    if (content.length > docxLimits.ratioFromBytes && content.length > docxLimits.ratio * Math.max(1, packed)) {
      throw new DocxLimitError(
        `部件 ${name} 压缩了 ${Math.round(content.length / Math.max(1, packed))} 倍（${mb(packed)} 解压成 ${mb(content.length)}），超过 ${docxLimits.ratio} 倍的上限，像是“压缩炸弹”而不是 Word 文档`,
        true
      )
    }
    parts[name] = content
  }
  return parts
}

/**
 * mammoth reports every paragraph, run or table style it has no mapping for (an office's own styles,
 * the 公文正文/公文标题 styles of the Word files this project writes). Dropping styles other than
 * headings, lists and tables is what this reader does on purpose, and the text is kept, so these
 * are not problems in the input.
 */
const unrecognisedStyle = /^Unrecognised (paragraph|run|table) style\b/

interface Element {
  name: string
  children: Array<Element | string>
  /** `rowspan` / `colspan` of a table cell (merged cells in Word). */
  span?: {rows: number; cols: number}
}

const entities: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0'}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, code: string) => {
    if (code[0] === '#') {
      const value = code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number.parseInt(code.slice(1), 10)
      return Number.isFinite(value) ? String.fromCodePoint(value) : all
    }
    return entities[code.toLowerCase()] ?? all
  })
}

const voidElements = new Set(['br', 'img', 'hr'])

/** Parse mammoth's well-formed HTML into a small element tree. */
export function parseHtml(html: string): Element {
  const root: Element = {name: 'root', children: []}
  const stack: Element[] = [root]
  const pattern = /<(\/?)([a-zA-Z0-9]+)([^>]*?)(\/?)>|([^<]+)/g
  let match: RegExpExecArray | null
  while ((match = pattern.exec(html))) {
    const top = stack[stack.length - 1]!
    if (match[5] !== undefined) {
      top.children.push(decodeEntities(match[5]))
      continue
    }
    const name = match[2]!.toLowerCase()
    if (match[1]) {
      const at = stack.map((e) => e.name).lastIndexOf(name)
      if (at > 0) stack.length = at
      continue
    }
    const element: Element = {name, children: []}
    const rows = /rowspan="(\d+)"/.exec(match[3]!)
    const cols = /colspan="(\d+)"/.exec(match[3]!)
    if (rows || cols) element.span = {rows: Number(rows?.[1] ?? 1), cols: Number(cols?.[1] ?? 1)}
    top.children.push(element)
    if (!voidElements.has(name) && !match[4]) stack.push(element)
  }
  return root
}

function textOf(node: Element | string): string {
  if (typeof node === 'string') return node
  if (node.name === 'br') return '\n'
  return node.children.map(textOf).join('')
}

/** Escape text so Markdown reads it back literally (see docs/source-format.md). */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, '\\$&')
}

function escapeBlockStart(text: string): string {
  return text.replace(/^([#>+=-]|\d+[.)](?=[ \t]|$))/, (m) => (m.length === 1 ? `\\${m}` : `${m.slice(0, -1)}\\${m.slice(-1)}`))
}

/**
 * A line break inside a paragraph or cell: nothing between two Chinese characters (a title or a
 * table cell broken by hand, or by our Word writer, between words), a space otherwise.
 */
function joinBreaks(text: string): string {
  const cjk = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/
  return text.replace(/\s*\n\s*/g, (match: string, offset: number) =>
    cjk.test(text.charAt(offset - 1)) || cjk.test(text.charAt(offset + match.length)) ? '' : ' '
  )
}

function block(text: string): string {
  return escapeBlockStart(escapeInline(joinBreaks(text).trim()))
}

function table(element: Element): string {
  const rows: string[][] = []
  // Merged cells: a cell spanning rows leaves its column empty in the rows below (the parser
  // continues it downwards); one spanning columns is followed by empty cells.
  const pending = new Map<number, number>()
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (typeof child === 'string') continue
      if (child.name === 'tr') {
        const row: string[] = []
        const take = () => {
          while ((pending.get(row.length) ?? 0) > 0) {
            pending.set(row.length, pending.get(row.length)! - 1)
            row.push('')
          }
        }
        for (const cell of child.children) {
          if (typeof cell === 'string') continue
          take()
          const span = cell.span ?? {rows: 1, cols: 1}
          for (let c = 0; c < span.cols; c++) {
            if (span.rows > 1) pending.set(row.length, span.rows - 1)
            row.push(c === 0 ? escapeInline(joinBreaks(textOf(cell)).trim()) : '')
          }
        }
        take()
        rows.push(row)
      } else visit(child)
    }
  }
  visit(element)
  if (rows.length === 0) return ''
  const width = Math.max(...rows.map((r) => r.length))
  const line = (cells: string[]) => `| ${Array.from({length: width}, (_, i) => cells[i] ?? '').join(' | ')} |`
  return [line(rows[0]!), `| ${Array.from({length: width}, () => '---').join(' | ')} |`, ...rows.slice(1).map(line)].join('\n')
}

export function htmlToMarkdown(html: string): string {
  const out: string[] = []
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (typeof child === 'string') {
        if (child.trim()) out.push(block(child))
        continue
      }
      const heading = /^h([1-6])$/.exec(child.name)
      if (heading) out.push(`${'#'.repeat(Number(heading[1]))} ${escapeInline(joinBreaks(textOf(child)).trim())}`)
      else if (child.name === 'p') {
        const text = textOf(child)
        if (text.trim()) out.push(block(text))
      } else if (child.name === 'table') out.push(table(child))
      else if (child.name === 'ol' || child.name === 'ul') {
        let n = 1
        for (const item of child.children) {
          if (typeof item === 'string' || item.name !== 'li') continue
          out.push(`${child.name === 'ol' ? `${n++}.` : '-'} ${escapeInline(textOf(item).trim())}`)
        }
      } else visit(child)
    }
  }
  visit(parseHtml(html))
  return out.filter(Boolean).join('\n\n') + '\n'
}
