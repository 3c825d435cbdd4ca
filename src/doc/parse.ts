/**
 * Rendered Markdown (+ YAML front matter) → the document model writers consume.
 * Templates produce Markdown; this is the one place it is read back.
 */
import type {Root, RootContent, PhrasingContent, BlockContent, DefinitionContent} from 'mdast'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import {parse as parseYaml} from 'yaml'
import {UserError} from '../errors.ts'
import {findPrototypeKey, isPrototypeKey} from '../tree/keys.ts'
import type {Block, Doc, DocMeta, Inline, Table} from './types.ts'
import {splitBlocks} from './split.ts'
import {markKeeps} from './words.ts'
import {plainBlocks, plainCell} from './plain.ts'

/**
 * CommonMark plus GFM tables. Tables are cut out and read, and the rest cut into sections, by
 * `splitBlocks` (see there why); sections and cells in the plain subset the templates write are
 * read without remark (`plain.ts`), the rest with it.
 * remark-gfm is not used here because its autolink literals would turn a bare URL in policy text
 * into a link that runs on through the Chinese text after it and keeps escapes raw.
 */
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml'])

/** Parse a rendered document. Throws on a front matter that is not a mapping (a template bug). */
export function parseDocument(markdown: string): Doc {
  return createDocumentParser()(markdown)
}

/**
 * `parseDocument` for the documents of one build: they repeat table cells (each task list repeats
 * clauses of the notice), so each cell is read and marked once here, for as long as the returned
 * function is kept.
 */
export function createDocumentParser(): (markdown: string) => Doc {
  /** Cells read and marked, by the names kept (`meta.keep`) and the cell's Markdown. */
  const cells = new Map<string, Map<string, Inline[]>>()
  return (markdown) =>
    readDocument(markdown, (keep) => {
      const key = JSON.stringify(keep)
      let read = cells.get(key)
      if (!read) cells.set(key, (read = new Map()))
      return read
    })
}

function readDocument(markdown: string, cellsFor: (keep: readonly string[]) => Map<string, Inline[]>): Doc {
  const {sections: parts, tables} = splitBlocks(markdown)
  const children = parts.flatMap((part) => {
    const nodes = plainBlocks(part.text) ?? (processor.parse(part.text) as Root).children
    if (part.line > 0) for (const node of nodes) shiftPositions(node, part.line, part.offset)
    return nodes
  })
  // Front matter can only open the document: it is read first, for the names to keep.
  const [first] = children
  const fields = normaliseMeta(first?.type === 'yaml' ? readFrontMatter(first.value) : {})
  const keep = fields.keep ?? []
  const read = cellsFor(keep)
  const sections: Block[][] = [[]]
  // Tables come back in at their source line, between the blocks around them.
  const pending = tables.map((table): Table => {
    const cells = tableCells([...table.header, ...table.rows.flat()], keep, read)
    const width = table.header.length
    return {
      type: 'table',
      header: cells.slice(0, width),
      rows: table.rows.map((_, r) => cells.slice(width * (r + 1), width * (r + 2))),
      align: table.align,
      position: table.position
    }
  })
  const flushTables = (beforeLine: number): void => {
    while (pending.length > 0 && pending[0]!.position!.start.line < beforeLine) sections[sections.length - 1]!.push(pending.shift()!)
  }
  for (const node of children) {
    flushTables(node.position?.start.line ?? Number.POSITIVE_INFINITY)
    if (node.type === 'yaml') continue
    if (node.type === 'thematicBreak') {
      sections.push([])
      continue
    }
    const block = toBlock(node)
    if (block) sections[sections.length - 1]!.push(block)
  }
  flushTables(Number.POSITIVE_INFINITY)
  const [main, ...annexes] = sections
  for (const block of sections.flat()) markBlock(block, keep)
  return {
    meta: fields,
    title: fields.title ? markKeeps([{type: 'text', value: fields.title}], keep) : [],
    main,
    annexes: annexes.filter((a) => a.length > 0)
  }
}

/** The front matter as a mapping; throws on anything else, and on a forbidden key. */
function readFrontMatter(text: string): Record<string, unknown> {
  const value = frontMatterAsJson(text) ?? (parseYaml(text) as unknown)
  const bad = findPrototypeKey(value)
  if (bad) throw new UserError(`模板写出的文件头里有不能使用的名称“${bad.key}”`, {hint: '检查模板开头 --- 之间的文件头，删除这一项或改用别的名称。'})
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>
  throw new Error('Front matter must be a YAML mapping')
}

/**
 * Unbreakable spans in the text that writers set by words: annex titles (table cells are marked
 * as they are read, `tableCells`).
 */
function markBlock(block: Block, keep: readonly string[]): void {
  if (block.type === 'heading' && block.level === 1) {
    block.children = markKeeps(block.children, keep)
  } else if (block.type === 'callout') {
    for (const child of block.children) markBlock(child, keep)
  }
}

/** Move a section's node (and everything in it) to where the section stands in the document. */
function shiftPositions(node: RootContent | PhrasingContent | BlockContent | DefinitionContent, lines: number, offset: number): void {
  const position = node.position
  if (position) {
    for (const point of [position.start, position.end]) {
      point.line += lines
      if (point.offset !== undefined) point.offset += offset
    }
  }
  if ('children' in node) for (const child of node.children as Array<RootContent>) shiftPositions(child, lines, offset)
}

/** `key: value`, with a key that YAML reads as a string (`.` stops at YAML's line breaks). */
const fieldLine = /^(?!(?:true|false|null):)([a-z][A-Za-z]*): (.+)$/
/** Characters JSON leaves raw that YAML may not read as they are: C1 controls, BOM, non-characters. */
const notForYaml = /[\x7f-\x9f\ufeff\ufffe\uffff]/

/**
 * Front matter as the templates write it, one `key: value` a line with the value in JSON (see
 * `jsonValue`), read as JSON: the YAML parser costs more than the rest of a document. `undefined`
 * for any other front matter, and for a repeated or forbidden key (the YAML reader reports those).
 */
export function frontMatterAsJson(text: string): Record<string, unknown> | undefined {
  const fields: Record<string, unknown> = {}
  for (const line of text.split('\n')) {
    const match = fieldLine.exec(line)
    if (!match || notForYaml.test(match[2]!) || Object.hasOwn(fields, match[1]!) || isPrototypeKey(match[1]!)) return undefined
    const value = jsonValue(match[2]!)
    if (value === undefined) return undefined
    fields[match[1]!] = value
  }
  return fields
}

/**
 * A value as `yamlValue` writes it: null, a string or a list of strings, spelled exactly as
 * `JSON.stringify` spells it (a subset of YAML 1.2 that reads the same in both); else `undefined`.
 */
function jsonValue(text: string): string | string[] | null | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  const fits = value === null || typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'))
  return fits && JSON.stringify(value) === text ? (value as string | string[] | null) : undefined
}

function normaliseMeta(raw: Record<string, unknown>): DocMeta {
  const list = (v: unknown): string[] | undefined =>
    v == null ? undefined : Array.isArray(v) ? v.map(String) : [String(v)]
  const str = (v: unknown): string | undefined => (v == null || v === '' ? undefined : String(v))
  return {
    ...raw,
    layout: raw.layout === 'leaflet' ? 'leaflet' : 'official',
    title: str(raw.title) ?? '',
    kind: str(raw.kind),
    subtitle: str(raw.subtitle),
    issuerMark: str(raw.issuerMark),
    documentNumber: str(raw.documentNumber),
    recipients: list(raw.recipients),
    attachments: list(raw.attachments),
    signature: str(raw.signature),
    date: str(raw.date),
    copiesTo: list(raw.copiesTo),
    printedBy: str(raw.printedBy),
    printedDate: str(raw.printedDate),
    created: str(raw.created),
    keep: list(raw.keep),
    recipientsCollective: str(raw.recipientsCollective),
    signatureMode: raw.signatureMode === 'unsealed' || raw.signatureMode === 'signed' || raw.signatureMode === 'sealed' ? raw.signatureMode : undefined,
    signer: str(raw.signer),
    signerTitle: str(raw.signerTitle)
  }
}

function toBlock(node: RootContent | BlockContent | DefinitionContent): Block | undefined {
  switch (node.type) {
    case 'heading':
      return {
        type: 'heading',
        level: Math.min(4, Math.max(1, node.depth)) as 1 | 2 | 3 | 4,
        children: inlines(node.children),
        position: node.position
      }
    case 'paragraph':
      return {type: 'paragraph', children: inlines(node.children), position: node.position}
    case 'list':
      return {
        type: 'list',
        ordered: Boolean(node.ordered),
        start: node.start ?? 1,
        items: node.children.map((item) =>
          item.children.flatMap((child, i) => {
            const b = toBlock(child)
            if (!b || !('children' in b) || b.type === 'callout') return []
            return i > 0 ? [{type: 'break'} as Inline, ...b.children] : b.children
          })
        ),
        position: node.position
      }
    case 'table': {
      const [head, ...rows] = node.children
      return {
        type: 'table',
        header: head ? head.children.map((cell) => inlines(cell.children)) : [],
        rows: rows.map((row) => row.children.map((cell) => inlines(cell.children))),
        align: node.align ?? [],
        position: node.position
      }
    }
    case 'blockquote':
      return {
        type: 'callout',
        children: node.children.map(toBlock).filter((b): b is Block => b !== undefined),
        position: node.position
      }
    case 'html':
      // Templates do not emit raw HTML; escaped policy text never reaches here as html.
      return {type: 'paragraph', children: [{type: 'text', value: node.value}], position: node.position}
    case 'code':
      return {type: 'paragraph', children: [{type: 'text', value: node.value}], position: node.position}
    default:
      return undefined
  }
}

/**
 * A table's cells, read and marked (`markKeeps`) through `read`, the cells already read for the
 * same names to keep. Each cell gets its own nodes: documents share none.
 */
function tableCells(cells: string[], keep: readonly string[], read: Map<string, Inline[]>): Inline[][] {
  const unread = [...new Set(cells.filter((cell) => cell !== '' && !read.has(cell)))]
  const inlines = cellsInlines(unread)
  unread.forEach((cell, i) => read.set(cell, markKeeps(inlines[i]!, keep)))
  return cells.map((cell) => (cell === '' ? [] : copyInlines(read.get(cell)!)))
}

function copyInlines(nodes: readonly Inline[]): Inline[] {
  return nodes.map((node) => ('children' in node ? {...node, children: copyInlines(node.children)} : {...node}))
}

/**
 * Table cells' inline Markdown (one line each, not empty, block markers at their start already
 * escaped by `splitBlocks`). Plain cells (most) are read by `plainCell`; the others are parsed in
 * one pass as paragraphs separated by blank lines: one parse per cell would cost more in parser
 * set-up than in parsing.
 */
function cellsInlines(cells: string[]): Inline[][] {
  const plain = cells.map((cell) => plainCell(cell))
  const others = cells.filter((_, i) => !plain[i])
  const blocks = others.length > 0 ? (processor.parse(others.join('\n\n')) as Root).children : []
  const together = blocks.length === others.length && blocks.every((block) => block.type === 'paragraph')
  let next = 0
  return cells.map((cell, i) => {
    const nodes = plain[i]
    if (nodes) return inlines(nodes)
    const block = together ? blocks[next++] : (processor.parse(cell) as Root).children[0]
    return block && block.type === 'paragraph' ? inlines(block.children) : [{type: 'text', value: cell}]
  })
}

function inlines(nodes: PhrasingContent[]): Inline[] {
  const out: Inline[] = []
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'html':
        pushText(out, node.value)
        break
      case 'strong':
        out.push({type: 'strong', children: inlines(node.children)})
        break
      case 'emphasis':
        out.push({type: 'emphasis', children: inlines(node.children)})
        break
      case 'delete':
        out.push(...inlines(node.children))
        break
      case 'link':
        out.push({type: 'link', url: node.url, children: inlines(node.children)})
        break
      case 'break':
        out.push({type: 'break'})
        break
      default:
        break
    }
  }
  return out
}

/** Merge adjacent text so writers see whole runs (Markdown escapes split text nodes). */
function pushText(out: Inline[], value: string): void {
  const last = out[out.length - 1]
  if (last && last.type === 'text' && !last.keep) last.value += value
  else out.push({type: 'text', value})
}

/** Plain text of inlines, for writers that measure or search text. */
export function inlineText(nodes: Inline[]): string {
  return nodes
    .map((n) => (n.type === 'text' ? n.value : n.type === 'break' ? '\n' : inlineText(n.children)))
    .join('')
}

/**
 * Whether a block is the label that opens an annex (`附件`, `附件2`, `附件：` as the policy writes
 * it): writers set it flush left in the heading face instead of as body text.
 */
export function isAnnexLabel(block: Block | undefined): boolean {
  return block?.type === 'paragraph' && /^附件\s*[0-9０-９]*\s*[：:]?$/.test(inlineText(block.children).trim())
}
