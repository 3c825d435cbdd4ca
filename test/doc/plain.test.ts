/**
 * The plain readers (src/doc/plain.ts) and the JSON front matter reader must build what remark and
 * the YAML parser build, wherever they accept the text: checked on the constructs the templates
 * write and on random text made of Markdown's special characters.
 */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import type {Nodes, Root} from 'mdast'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import {parse as parseYaml} from 'yaml'
import {plainBlocks, plainCell, plainInline} from '../../src/doc/plain.ts'
import {frontMatterAsJson} from '../../src/doc/parse.ts'

const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml'])

/** What `parseDocument` reads of a tree: block positions, and inline content as merged text. */
function shape(nodes: Nodes[]): unknown[] {
  const out: unknown[] = []
  for (const node of nodes) {
    const last = out[out.length - 1] as {type: string; value: string} | undefined
    if (node.type === 'text' && last?.type === 'text') last.value += node.value
    else if (node.type === 'text') out.push({type: 'text', value: node.value})
    else if (node.type === 'strong') out.push({type: 'strong', children: shape(node.children)})
    else if (node.type === 'link') out.push({type: 'link', url: node.url, children: shape(node.children)})
    else {
      const {type, position} = node
      const fields = {
        depth: 'depth' in node ? node.depth : undefined,
        ordered: 'ordered' in node ? node.ordered : undefined,
        start: 'start' in node ? (node.start ?? null) : undefined,
        value: node.type === 'yaml' ? node.value : undefined
      }
      out.push({type, position, ...fields, children: 'children' in node ? shape(node.children) : undefined})
    }
  }
  return out
}

function expectAsRemark(section: string): boolean {
  const plain = plainBlocks(section)
  if (plain) expect(shape(plain), JSON.stringify(section)).toEqual(shape((remark.parse(section) as Root).children))
  return plain !== undefined
}

/** Pieces of inline text: CJK and ASCII text, punctuation, spaces, escapes, markup (rarer). */
const inlinePiece = fc.oneof(
  {weight: 6, arbitrary: fc.constantFrom('中文', '单位', 'ab', '2024', '，', '。', '（', '）', '%', '“', '.', ':', '/', ' ', '\u3000', '\u00a0', '😀', '**', '\\*', '\\.', '\\~', '\\|', '\\\\', '\\中', '!', '(', ')', '[链接](a/b.md)', '[x](%E4%B8%AD.html)')},
  {weight: 1, arbitrary: fc.constantFrom('  ', '\t', '*', '***', '\\', '_', '`', '<', '&', '&amp;', '[', ']', '![i](x.png)', '[a]', '[a](b c)', '\u0085', '\uFEFF', '\\#', '\\-', '\\>')}
)
const inlineText = fc.array(inlinePiece, {minLength: 1, maxLength: 6}).map((pieces) => pieces.join(''))
/** Lines the templates write, and (rarer) lines that start other blocks. */
const line = fc.oneof(
  {weight: 3, arbitrary: inlineText},
  {weight: 3, arbitrary: fc.constant('')},
  {weight: 1, arbitrary: inlineText.map((t) => `## ${t}`)},
  {weight: 2, arbitrary: inlineText.map((t) => `- ${t}`)},
  {weight: 1, arbitrary: inlineText.map((t) => `> ${t}`)},
  {weight: 1, arbitrary: inlineText.map((t) => `> - ${t}`)},
  {weight: 1, arbitrary: inlineText.map((t) => `> ## ${t}`)},
  {weight: 1, arbitrary: inlineText.map((t) => `> > ${t}`)},
  {weight: 1, arbitrary: fc.constantFrom('>', '---', '***', '- ', '-', '#', '# ', '#标题', '1. 条', '1) 条', '2024. 年', '===', '```', '    缩进', ' 空格', '[a]: /u', '<div>', '\uFEFF文字', '>文字', '>  文字', '\r', '+ 项', '* 项', '> ---', '> ', '\t')}
)
const body = fc.array(line, {minLength: 1, maxLength: 6}).map((lines) => lines.join('\n'))
/** Front matter lines, and lines that might close it or be taken for its fence. */
const matterLine = fc.constantFrom('title: "标题"', 'keep: ["区财政局"]', '', '----', '--- ', '---x', '  a', '\t', '...', '"---"')
const section = fc.oneof(
  {weight: 4, arbitrary: body},
  {weight: 1, arbitrary: fc.tuple(fc.array(matterLine, {maxLength: 3}), fc.constantFrom('---', '--- ', '----', ''), body).map(([matter, close, rest]) => ['---', ...matter, close, rest].join('\n'))}
)

describe('plainBlocks', () => {
  it('reads what the templates write as remark does', () => {
    const sections = [
      '---\nkind: "notice"\ntitle: "标题"\n---\n\n正文第一段。\n\n---\n\n附件1\n',
      '## 一、牵头领域\n\n五、交通强区建设政策（共5条）\n\n\n\n牵头单位联系方式：区财政局 电话0573-82000102。\n',
      '> **一图读懂**\n>\n> - 支持资金总额：**约26亿元**（结语第1段）\n> - 政策条款：**68条**　分8个部分（第1—68条）\n\n本解读根据《方案》编写。\n',
      '#### 科技型企业\n\n- 【补贴】规上企业：按3%给予补助，**3%**（条件：1%（含）\\~3%（不含））（第11条；找区科技局）\n- 【奖励】省级智能工厂：**50万元**（第21条）\n\n**找谁办**\n\n- **区经商局**：企业服务科（第20条）\n',
      '## 一、文件\n\n- [责任分工通知.md](%E8%B4%A3.md)\n- [policy.json](policy.json)\n',
      '41\\.加快构建现代化交通物流体系。\n第二行\n'
    ]
    for (const text of sections) expect(expectAsRemark(text), text).toBe(true)
  })

  it('leaves to remark what it cannot be sure of', () => {
    for (const text of ['- a\n\n- b', '段落\n- 列表', '段落\n---', '> a\n续行', '> a\n>', '## 标题 #', '**a', 'a\\', '---\nkind: "x"\n', '`code`', '*a*'])
      expect(plainBlocks(text), text).toBeUndefined()
  })

  it('reads random sections of Markdown syntax as remark does, where it reads them', () => {
    let read = 0
    fc.assert(
      fc.property(section, (text) => {
        if (expectAsRemark(text)) read++
      }),
      {numRuns: 3000}
    )
    // Not vacuous: a good share of the random sections is read without remark.
    expect(read).toBeGreaterThan(300)
  })
})

describe('plainCell', () => {
  it('reads random cells as remark reads them alone', () => {
    fc.assert(
      fc.property(inlineText, (text) => {
        const cell = text.trim()
        const plain = cell === '' ? undefined : plainCell(cell)
        if (!plain) return
        const [paragraph] = (remark.parse(cell) as Root).children
        expect(paragraph?.type).toBe('paragraph')
        expect(shape(plain), JSON.stringify(cell)).toEqual(shape(paragraph && 'children' in paragraph ? paragraph.children : []))
      }),
      {numRuns: 3000}
    )
  })

  it('reads strong text and links, not both in one line', () => {
    expect(plainInline('见**重点**与[表](a.html)')).toBeUndefined()
    expect(plainInline('，**3%**（条件）')).toEqual([{type: 'text', value: '，'}, {type: 'strong', children: [{type: 'text', value: '3%'}]}, {type: 'text', value: '（条件）'}])
  })
})

describe('frontMatterAsJson', () => {
  const key = fc.oneof({weight: 6, arbitrary: fc.constantFrom('title', 'kind', 'keep', 'subtitle')}, {weight: 1, arbitrary: fc.constantFrom('true', 'null', 'constructor', 'toString', 'a_b', 'Title')})
  const char = fc.integer({min: 0, max: 0xffff}).map((c) => String.fromCharCode(c))
  const text = fc.oneof(fc.string({maxLength: 12}), fc.string({unit: 'binary', maxLength: 12}), fc.string({unit: char, maxLength: 6}))
  const value = fc.oneof({weight: 4, arbitrary: text}, {weight: 2, arbitrary: fc.array(text, {maxLength: 3})}, {weight: 1, arbitrary: fc.constantFrom(null, '', 0, 1.5, true)})
  it('reads front matter of JSON values as YAML does, where it reads it', () => {
    let read = 0
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), {minLength: 1, maxLength: 4}), (fields) => {
        const source = fields.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')
        const fast = frontMatterAsJson(source)
        if (!fast) return
        read++
        expect(fast, source).toEqual(parseYaml(source))
      }),
      {numRuns: 2000}
    )
    expect(read).toBeGreaterThan(200)
  })
})
