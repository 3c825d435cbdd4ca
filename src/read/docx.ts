/**
 * Word (.docx) → Markdown. mammoth turns the document into simple HTML (paragraphs,
 * headings, lists, tables); this module turns that HTML into Markdown in the project's source
 * convention, keeping tables as GFM tables, so a .docx goes through the same Markdown path.
 * Basic support: styles other than headings, lists and tables are dropped (their text kept).
 */
import mammoth from 'mammoth'

export interface DocxResult {
  markdown: string
  warnings: string[]
}

export async function docxToMarkdown(bytes: Uint8Array): Promise<DocxResult> {
  const result = await mammoth.convertToHtml({buffer: Buffer.from(bytes)})
  const warnings = result.messages.map((m) => m.message).filter((message) => !unrecognisedStyle.test(message))
  return {markdown: htmlToMarkdown(result.value), warnings}
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
  const pattern = /<(\/?)([a-zA-Z0-9]+)[^>]*?(\/?)>|([^<]+)/g
  let match: RegExpExecArray | null
  while ((match = pattern.exec(html))) {
    const top = stack[stack.length - 1]!
    if (match[4] !== undefined) {
      top.children.push(decodeEntities(match[4]))
      continue
    }
    const name = match[2]!.toLowerCase()
    if (match[1]) {
      const at = stack.map((e) => e.name).lastIndexOf(name)
      if (at > 0) stack.length = at
      continue
    }
    const element: Element = {name, children: []}
    top.children.push(element)
    if (!voidElements.has(name) && !match[3]) stack.push(element)
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
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (typeof child === 'string') continue
      if (child.name === 'tr') rows.push(child.children.filter((c): c is Element => typeof c !== 'string').map((c) => escapeInline(joinBreaks(textOf(c)).trim())))
      else visit(child)
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
