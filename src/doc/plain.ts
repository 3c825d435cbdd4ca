/**
 * The plain subset of Markdown, read without micromark. What the templates write is almost all
 * headings, paragraphs, `- ` lists and `> ` quotes of escaped policy text, with `**strong**` and
 * `[links](target)` at most: micromark's set-up and tokenizing cost far more than that text needs
 * (it was most of `parseDocument`). These readers accept only text whose CommonMark reading is
 * certain under the rules below, and build what remark builds from it (the node fields and
 * positions `parseDocument` reads); for anything else they return `undefined` and the caller asks
 * remark. test/doc/plain.test.ts checks them against remark.
 */
import type {BlockContent, Blockquote, Heading, List, ListItem, Paragraph, PhrasingContent, RootContent, Yaml} from 'mdast'
import type {Point, Position} from 'unist'

/** A backslash escape: `\` before ASCII punctuation stands for that character. */
const escape = /\\[!-/:-@[-`{-~]/y
/**
 * A link as the templates write it: a label without brackets or markup, an address without
 * spaces, brackets, quotes or references (remark takes it as written). `linkRest` follows the `[`.
 */
const linkRest = String.raw`((?:[^[\]\\\x60*_<&!\t\r\0]|\\[!-/:-@[-\x60{-~]){1,999})\]\(([\w%./:~-]+)\)`
const link = new RegExp(String.raw`\[${linkRest}`, 'y')
/**
 * Backslashes, and characters that may open an inline construct when not escaped (code, emphasis,
 * links, images, autolinks and HTML, character references) or that micromark does not keep as
 * they are.
 */
const inlineSyntax = /[\\`*_[\]<&\t\r\0]/g
/**
 * Line starts that may open or interrupt a block (indented code, ATX heading, quote, list item,
 * thematic break, setext underline, fenced code, HTML, link definition), and a byte order mark;
 * not `**` before text (strong) or a link (`[label](` is no definition).
 */
const blockStart = new RegExp(String.raw`^(?:[ \t#>+=_~\x60<\-\uFEFF]|\*(?!\*[^ \t*])|\[(?!${linkRest})|\d{1,9}[.)](?:[ \t]|$))`)
const atxHeading = /^(#{1,6}) +(.*)$/
const unicodeWhitespace = /\s/
const unicodePunctuation = /\p{P}|\p{S}/u

/**
 * A character's class as micromark's emphasis sees it (`classifyCharacter`): 1 whitespace (line
 * start and end too), 2 punctuation or symbol, 0 other. By UTF-16 unit, as micromark reads them.
 */
function classify(text: string, index: number): 0 | 1 | 2 {
  if (index < 0 || index >= text.length) return 1
  const char = text[index]!
  return unicodeWhitespace.test(char) ? 1 : unicodePunctuation.test(char) ? 2 : 0
}

/**
 * One line of inline Markdown as remark reads it, if it is plain: text with backslash escapes,
 * `**strong**` (runs of two, each closing the one before it) and links, not both in one line.
 * Not at the line's ends: whitespace (trimmed) or a backslash (a hard break before a line ending).
 * Callers check the line's start for block syntax.
 */
export function plainInline(line: string): PhrasingContent[] | undefined {
  if (line === '' || /^[ \t]|[ \t\\]$/.test(line)) return undefined
  const nodes: PhrasingContent[] = []
  let text = ''
  let strong: PhrasingContent[] | undefined
  let links = 0
  const flush = (): void => {
    if (text === '') return
    ;(strong ?? nodes).push({type: 'text', value: text})
    text = ''
  }
  for (let i = 0; ; ) {
    inlineSyntax.lastIndex = i
    const found = inlineSyntax.exec(line)
    text += line.slice(i, found?.index)
    if (!found) break
    i = found.index
    if (found[0] === '\\') {
      escape.lastIndex = i
      const escaped = escape.test(line)
      text += escaped ? line[i + 1] : '\\'
      i += escaped ? 2 : 1
    } else if (found[0] === '*') {
      if (line[i + 1] !== '*' || line[i + 2] === '*') return undefined
      const before = classify(line, i - 1)
      const after = classify(line, i + 2)
      const opens = after === 0 || (after === 2 && before !== 0)
      const closes = before === 0 || (before === 2 && after !== 0)
      // All runs are two long, so the rule of three never applies: a run that can close closes
      // the open one, one that can open opens if none is open; any other would stay literal.
      if (strong ? !closes : !opens) return undefined
      flush()
      if (strong) nodes.push({type: 'strong', children: strong})
      strong = strong ? undefined : []
      i += 2
    } else if (found[0] === '[') {
      link.lastIndex = i
      const match = line[i - 1] === '!' ? null : link.exec(line)
      if (!match || strong) return undefined
      flush()
      nodes.push({type: 'link', url: match[2]!, children: [{type: 'text', value: unescape(match[1]!)}]})
      links++
      i = link.lastIndex
    } else {
      return undefined
    }
  }
  if (strong || (links > 0 && line.includes('*'))) return undefined
  flush()
  return nodes
}

function unescape(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1')
}

/** A table cell as remark reads it (a cell is one trimmed line, parsed as a paragraph), if plain. */
export function plainCell(cell: string): PhrasingContent[] | undefined {
  return blockStart.test(cell) ? undefined : plainInline(cell)
}

/** A line of a section, or of a quote in it: its text and where that text stands in the section. */
interface Line {
  text: string
  /** Index of the section line, and the column (from 0) where `text` starts in it. */
  line: number
  column: number
}

/**
 * The blocks of a section (see `splitBlocks`) as remark reads them, if every line is blank, in the
 * YAML front matter that opens it, or in a plain block (see `plainRun`); `undefined` otherwise.
 */
export function plainBlocks(section: string): RootContent[] | undefined {
  const texts = section.split('\n')
  const offsets: number[] = []
  let offset = 0
  for (const text of texts) {
    offsets.push(offset)
    offset += text.length + 1
  }
  const point = (line: Line, column: number): Point => ({line: line.line + 1, column: line.column + column + 1, offset: offsets[line.line]! + line.column + column})
  const lines = texts.map((text, line): Line => ({text, line, column: 0}))
  const nodes: RootContent[] = []
  let from = 0
  if (texts[0] === '---') {
    // remark-frontmatter: up to the first line that is `---` (and spaces); values kept as written.
    const close = texts.findIndex((text, k) => k > 0 && text.startsWith('---'))
    if (close < 2 || texts[close] !== '---' || texts.slice(1, close).some((text) => /[\t\r\0]/.test(text))) return undefined
    const value = texts.slice(1, close).join('\n')
    nodes.push({type: 'yaml', value, position: {start: point(lines[0]!, 0), end: point(lines[close]!, 3)}} satisfies Yaml)
    from = close + 1
  }
  const blocks = plainRun(lines.slice(from), point)
  return blocks && [...nodes, ...blocks]
}

/**
 * Blocks of lines (of a section or a quote): ATX headings, `---` breaks after a blank line,
 * paragraphs whose lines start no block, tight `- ` lists of one-line items, and `> ` quotes of
 * such blocks. Lazy continuation lines, and anything else, make it `undefined`.
 */
function plainRun(lines: Line[], point: (line: Line, column: number) => Point): BlockContent[] | undefined {
  const span = (first: Line, last: Line): Position => ({start: point(first, 0), end: point(last, last.text.length)})
  const blocks: BlockContent[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    const text = line.text
    if (text === '') {
      i++
      continue
    }
    if (text === '---') {
      if (lines[i - 1]?.text !== '') return undefined
      blocks.push({type: 'thematicBreak', position: span(line, line)})
      i++
      continue
    }
    const heading = atxHeading.exec(text)
    if (heading) {
      const children = heading[2]!.endsWith('#') ? undefined : plainInline(heading[2]!)
      if (!children) return undefined
      blocks.push({type: 'heading', depth: heading[1]!.length as Heading['depth'], children, position: span(line, line)} satisfies Heading)
      i++
      continue
    }
    // A list or quote runs to a blank line; a line after it that is not blank would continue it.
    let end = i
    if (text.startsWith('- ') || text.startsWith('>')) {
      const marker = text[0]!
      while (end < lines.length && lines[end]!.text.startsWith(marker)) end++
      if (end < lines.length && lines[end]!.text !== '') return undefined
    }
    if (text.startsWith('- ')) {
      // After a blank line another item would make the list loose, one list still; in a quote,
      // remark ends a list after the `>` of the blank line that follows it: neither read here.
      let next = end
      while (lines[next]?.text === '') next++
      if (lines[next]?.text.startsWith('- ') || lines[end]?.column) return undefined
      const items: ListItem[] = []
      for (const itemLine of lines.slice(i, end)) {
        const content: Line = {text: itemLine.text.slice(2), line: itemLine.line, column: itemLine.column + 2}
        const children = itemLine.text.startsWith('- ') && !blockStart.test(content.text) ? plainInline(content.text) : undefined
        if (!children) return undefined
        const paragraph: Paragraph = {type: 'paragraph', children, position: span(content, content)}
        items.push({type: 'listItem', spread: false, checked: null, children: [paragraph], position: span(itemLine, itemLine)})
      }
      blocks.push({type: 'list', ordered: false, start: null, spread: false, children: items, position: span(line, lines[end - 1]!)} satisfies List)
      i = end
      continue
    }
    if (text.startsWith('>')) {
      const inner: Line[] = []
      for (const quoted of lines.slice(i, end)) {
        if (quoted.text === '>') inner.push({text: '', line: quoted.line, column: quoted.column + 1})
        else if (quoted.text.startsWith('> ')) inner.push({text: quoted.text.slice(2), line: quoted.line, column: quoted.column + 2})
        else return undefined
      }
      // Ending on a blank quote line, the quote would end there: not read here.
      const children = inner[inner.length - 1]!.text === '' ? undefined : plainRun(inner, point)
      if (!children) return undefined
      blocks.push({type: 'blockquote', children, position: span(line, lines[end - 1]!)} satisfies Blockquote)
      i = end
      continue
    }
    // A paragraph runs to the next blank line; no line in it may start a block (or interrupt it).
    const children: PhrasingContent[] = []
    while (end < lines.length && lines[end]!.text !== '') {
      const content = blockStart.test(lines[end]!.text) ? undefined : plainInline(lines[end]!.text)
      if (!content) return undefined
      if (end > i) children.push({type: 'text', value: '\n'})
      children.push(...content)
      end++
    }
    blocks.push({type: 'paragraph', children, position: span(line, lines[end - 1]!)} satisfies Paragraph)
    i = end
  }
  return blocks
}
