/** Helpers for the build properties: folder snapshots, document text, HTML text content. */
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {inlineText, parseDocument} from '../../src/doc/parse.ts'
import type {Block} from '../../src/doc/types.ts'

/** Every file under `dir` (recursive, dot files included) → sha256 of its bytes. */
export function snapshot(dir: string, skip: (rel: string) => boolean = () => false): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name)
      const rel = relative(dir, path).split('\\').join('/')
      if (skip(rel)) continue
      if (statSync(path).isDirectory()) {
        out.set(rel + '/', 'dir')
        walk(path)
      } else out.set(rel, createHash('sha256').update(readFileSync(path)).digest('hex'))
    }
  }
  walk(dir)
  return out
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return inlineText(block.children)
    case 'list':
      return block.items.map(inlineText).join('\n')
    case 'table':
      return [block.header, ...block.rows].map((row) => row.map(inlineText).join('\n')).join('\n')
    case 'callout':
      return block.children.map(blockText).join('\n')
  }
}

/** The text a reader sees in a rendered Markdown document (front matter values included). */
export function markdownText(markdown: string): string {
  const doc = parseDocument(markdown)
  const meta = Object.values(doc.meta).flatMap((v) => (Array.isArray(v) ? v.map(String) : v == null ? [] : [String(v)]))
  return [...meta, ...[doc.main, ...doc.annexes].flat().map(blockText)].join('\n')
}

const entities: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0'}

/** Text content of an HTML page: tags removed (style/script bodies too), entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, code: string) => {
      if (code[0] === '#') return String.fromCodePoint(code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number.parseInt(code.slice(1), 10))
      return entities[code.toLowerCase()] ?? all
    })
}
