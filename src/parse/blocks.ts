/** mdast → a flat list of blocks the policy builder walks. */
import type {Root, RootContent} from 'mdast'
import {parse as parseYaml} from 'yaml'
import {Src, srcOf} from './source.ts'
import {findPrototypeKey} from '../tree/keys.ts'

export type Block =
  | {kind: 'heading'; depth: number; src: Src}
  | {kind: 'paragraph'; src: Src}
  /** Item of an ordered list: `number` is the list's start + index. */
  | {kind: 'item'; number: number; src: Src}
  | {kind: 'table'; rows: Src[][]; position?: import('unist').Position}

export interface Blocks {
  blocks: Block[]
  /** Front matter, when the source has YAML front matter. */
  frontMatter?: Record<string, unknown>
  frontMatterError?: {reason: string; position?: import('unist').Position}
  /** Source blocks that carry no policy text (HTML blocks): reported, never dropped silently. */
  skipped: Array<{reason: string; position?: import('unist').Position}>
}

export function toBlocks(tree: Root): Blocks {
  const result: Blocks = {blocks: [], skipped: []}
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'yaml': {
          try {
            const data = parseYaml(node.value) as unknown
            const bad = findPrototypeKey(data)
            if (bad) {
              result.frontMatterError = {
                reason: `名称“${bad.key}”（${bad.path}）不能使用，整个文件头已忽略；请删除这一项或改用别的名称`,
                position: node.position
              }
            } else if (data && typeof data === 'object' && !Array.isArray(data)) result.frontMatter = data as Record<string, unknown>
          } catch (error) {
            result.frontMatterError = {reason: (error as Error).message, position: node.position}
          }
          break
        }
        case 'heading':
          result.blocks.push({kind: 'heading', depth: node.depth, src: srcOf(node.children, node.position)})
          break
        case 'paragraph':
          result.blocks.push({kind: 'paragraph', src: srcOf(node.children, node.position)})
          break
        case 'list': {
          node.children.forEach((item, index) => {
            const [first, ...rest] = item.children
            if (node.ordered && first?.type === 'paragraph') {
              result.blocks.push({kind: 'item', number: (node.start ?? 1) + index, src: srcOf(first.children, item.position)})
              visit(rest)
            } else visit(item.children)
          })
          break
        }
        case 'blockquote':
          visit(node.children)
          break
        case 'code':
          result.blocks.push({kind: 'paragraph', src: Src.fromString(node.value, node.position)})
          break
        case 'table':
          result.blocks.push({
            kind: 'table',
            rows: node.children.map((row) => row.children.map((cell) => srcOf(cell.children, cell.position))),
            position: node.position
          })
          break
        case 'html': {
          const excerpt = node.value.split('\n')[0]!.slice(0, 40)
          result.skipped.push({
            reason: `HTML 块“${excerpt}”不是政策文字，没有读入；要保留其中的文字，请去掉 HTML 标记，写成普通段落`,
            position: node.position
          })
          break
        }
        case 'thematicBreak':
        case 'definition':
          break // no text of their own
        default:
          result.skipped.push({reason: `无法读入的 Markdown 内容（${node.type}），已跳过；请改成普通段落`, position: node.position})
          break
      }
    }
  }
  visit(tree.children)
  return result
}
