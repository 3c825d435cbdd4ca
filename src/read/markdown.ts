/** Markdown source → mdast (CommonMark + GFM tables + YAML front matter). */
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'

/**
 * GFM tables only, not all of remark-gfm (`~~` stays text, as written): its autolink literals would run a bare URL
 * on through the Chinese text after it and keep backslash escapes there raw, so `http://x.example\*政策`
 * would read back with the backslash (policyToMarkdown → parse would change the text).
 */
function remarkTables(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmTable())
  ;(data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown())
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkTables)

export function markdownToMdast(text: string): Root {
  return processor.parse(text)
}
