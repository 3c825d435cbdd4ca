import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {decode} from '../../src/read/decode.ts'
import {readSource} from '../../src/read/index.ts'
import {textToMdast} from '../../src/read/text.ts'
import {parsePolicy} from '../../src/parse/index.ts'

const seedPath = new URL('../../source/xiuzhou-2024.txt', import.meta.url)
const seed = new Uint8Array(readFileSync(seedPath))
const seedText = new TextDecoder().decode(seed)
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/read/${name}`, import.meta.url)))

function summary(policy: Awaited<ReturnType<typeof parsePolicy>>['policy']) {
  return {
    domains: policy.children.length,
    clauses: policy.children.flatMap((d) => d.children.map((c) => c.number)),
    items: policy.appendix?.children.length
  }
}

describe('decode', () => {
  it('reads UTF-8 without BOM', () => {
    const file = new VFile()
    const result = decode(seed, file)
    expect(result.encoding).toBe('utf-8')
    expect(result.text).toBe(seedText)
    expect(file.messages).toEqual([])
  })

  it('strips a UTF-8 BOM', () => {
    const file = new VFile()
    const result = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...seed]), file)
    expect(result.bom).toBe(true)
    expect(result.text).toBe(seedText)
  })

  it('detects GB18030', () => {
    const file = new VFile()
    const result = decode(fixture('xiuzhou-2024.gb18030.txt'), file)
    expect(result.encoding).toBe('gb18030')
    expect(result.text).toBe(seedText)
  })

  it('rejects Latin-1 with a fatal source-encoding message', () => {
    const file = new VFile()
    decode(fixture('latin1.txt'), file)
    expect(file.messages).toHaveLength(1)
    expect(file.messages[0]!.fatal).toBe(true)
    expect(file.messages[0]!.ruleId).toBe('source-encoding')
  })

  it('rejects empty and binary input', () => {
    const empty = new VFile()
    decode(new Uint8Array(), empty)
    expect(empty.messages[0]!.ruleId).toBe('source-empty')
    expect(empty.messages[0]!.fatal).toBe(true)
    const blank = new VFile()
    decode(new TextEncoder().encode(' \n\r\n'), blank)
    expect(blank.messages[0]!.ruleId).toBe('source-empty')
    const binary = new VFile()
    decode(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), binary)
    expect(binary.messages[0]!.ruleId).toBe('source-binary')
  })
})

describe('readSource', () => {
  it('never throws on bad content and marks it fatal', async () => {
    const {file, tree} = await readSource({path: 'x.txt', bytes: fixture('latin1.txt')})
    expect(file.messages.some((m) => m.fatal)).toBe(true)
    expect(tree.children).toEqual([])
    const docx = await readSource({path: 'x.docx', bytes: seed})
    expect(docx.file.messages.some((m) => m.fatal)).toBe(true)
  })

  it('keeps file.value and path', async () => {
    const {file, format} = await readSource({path: 'source/xiuzhou-2024.txt', bytes: seed})
    expect(format).toBe('text')
    expect(file.value).toBe(seedText)
    expect(file.path).toBe('source/xiuzhou-2024.txt')
  })
})

describe('plain text reader', () => {
  it('reads one paragraph per line, dropping artefacts and indentation', () => {
    const tree = textToMdast('\u3000\u3000第一段。\r\n\r\n[bookmark: _GoBack]第二段。  \n')
    expect(tree.children.map((n) => n.type)).toEqual(['paragraph', 'paragraph'])
    const [a, b] = tree.children as any[]
    expect(a.children[0].value).toBe('第一段。')
    expect(a.position.start).toEqual({line: 1, column: 3, offset: 2})
    expect(b.children[0].value).toBe('第二段。')
    expect(b.position.start).toEqual({line: 3, column: 20, offset: 29})
  })

  it('reads row-per-line tables, empty first cell kept empty', () => {
    const tree = textToMdast('附件：\n领域\t事项\n一、投资\t1.甲\n\t2.乙\n')
    const table = tree.children[1] as any
    expect(table.type).toBe('table')
    expect(table.children.map((r: any) => r.children.map((c: any) => c.children.map((t: any) => t.value).join('')))).toEqual([
      ['领域', '事项'],
      ['一、投资', '1.甲'],
      ['', '2.乙']
    ])
  })

  it('reads the seed appendix (cell per line) as 31 rows of 4 cells', () => {
    const tree = textToMdast(seedText)
    const table = tree.children.find((n) => n.type === 'table') as any
    expect(table.children).toHaveLength(31)
    expect(table.children.every((r: any) => r.children.length === 4)).toBe(true)
    expect(table.children[2].position.start.line).toBe(108)
  })
})

describe('encodings and line endings of the sample parse alike', () => {
  const expected = {domains: 8, clauses: Array.from({length: 68}, (_, i) => i + 1), items: 30}
  it('UTF-8 with BOM', async () => {
    const {policy, file} = await parsePolicy({path: 'a.txt', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...seed])})
    expect(summary(policy)).toEqual(expected)
    expect(file.messages.filter((m) => m.fatal)).toEqual([])
  })
  it('GB18030', async () => {
    const {policy} = await parsePolicy({path: 'a.txt', bytes: fixture('xiuzhou-2024.gb18030.txt')})
    expect(summary(policy)).toEqual(expected)
  })
  it('CRLF, with positions still pointing at the clause text', async () => {
    const crlf = seedText.replace(/\n/g, '\r\n')
    const {policy} = await parsePolicy({path: 'a.txt', bytes: new TextEncoder().encode(crlf)})
    expect(summary(policy)).toEqual(expected)
    for (const clause of policy.children.flatMap((d) => d.children)) {
      const text = clause.label + clause.labelPunctuation + clause.title + clause.body + clause.unitsText
      const offset = clause.position!.start.offset!
      expect(crlf.slice(offset, offset + text.length)).toBe(text)
    }
  })
  it('full-width digits and spaces', async () => {
    const text = '标题\n一、投资政策（由区发改局牵头实施）\n１２．加大支持。正文。（责任单位：区发改局）\n\u3000\u3000１３．再加大。（责任单位：区财政局）\n'
    const {policy} = await parsePolicy({path: 'a.txt', text})
    const clauses = policy.children[0]!.children
    expect(clauses.map((c) => [c.number, c.label, c.labelPunctuation])).toEqual([
      [12, '１２', '．'],
      [13, '１３', '．']
    ])
    expect(clauses[1]!.position!.start).toMatchObject({line: 4, column: 3})
  })
})
