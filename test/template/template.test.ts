import {describe, expect, it} from 'vitest'
import {fileURLToPath} from 'node:url'
import {loadTemplates, render} from '../../src/template/index.ts'
import {escapeMarkdown, yamlValue} from '../../src/template/escape.ts'
import {parseDocument, inlineText} from '../../src/doc/parse.ts'
import {UserError} from '../../src/errors.ts'
import {noticeView} from '../../src/view/notice.ts'
import {smallPolicy, smallRegistry, specialText} from '../view/small-tree.ts'

const fixtures = fileURLToPath(new URL('../fixtures/template/', import.meta.url))
const context = {policy: smallPolicy(), config: {date: '2024-03-05', issuer: '测试区人民政府办公室'}, registry: smallRegistry}

describe('escapeMarkdown', () => {
  const tricky = [specialText, '1. 列表', '- 列表', '+ 列表', '> 引用', '# 标题', '=== ', '10) 项', 'a | b', '&amp; 实体', '[x]: http://y', '<!-- c -->']
  it.each(tricky)('reads back literally in a paragraph and a table cell: %s', (value) => {
    const md = `${escapeMarkdown(value)}\n\n| a |\n|---|\n| ${escapeMarkdown(value)} |\n`
    const doc = parseDocument(md)
    expect(doc.main).toHaveLength(2)
    const [p, t] = doc.main
    expect(p.type === 'paragraph' && inlineText(p.children)).toBe(value.trim())
    expect(t.type === 'table' && inlineText(t.rows[0][0])).toBe(value.trim())
  })

  it('quotes front matter values as JSON', () => {
    expect(yamlValue('a: "b" # c')).toBe('"a: \\"b\\" # c"')
    expect(yamlValue(['- x', 'y'])).toBe('["- x","y"]')
    expect(yamlValue(undefined)).toBe('null')
  })
})

describe('templates', () => {
  it('renders the notice with front matter that parseDocument reads as DocMeta', () => {
    const md = render(loadTemplates(), 'notice', noticeView(context))
    const doc = parseDocument(md)
    expect(doc.meta.title).toBe('关于印发《测试区推动发展若干政策》责任分工的通知')
    expect(doc.meta.issuerMark).toBe('测试区人民政府办公室文件')
    expect(doc.meta.date).toBe('2024年3月5日')
    expect(doc.meta.recipients).toEqual(['区发改局', '区财政局', '区科技局', '区委组织部', '../../etc/区X局', '区A/B局'])
    expect(doc.meta.attachments).toHaveLength(2)
    expect(doc.annexes).toHaveLength(2)
    const rows = doc.annexes[0].filter((b) => b.type === 'table').flatMap((t) => (t.type === 'table' ? t.rows : []))
    expect(rows.map((r) => inlineText(r[2]))).toContain(specialText)
  })

  it('lets a user folder override a template file by file', () => {
    const templates = loadTemplates({overrideDir: `${fixtures}override`})
    expect(render(templates, 'notice', noticeView(context))).toContain('自定义正文：测试区推动发展若干政策')
    expect(templates.files.get('tasklist')).toMatch(/templates\/tasklist\.md\.hbs$/)
  })

  it('reports a template syntax error as a UserError naming the file and line', () => {
    let error: unknown
    try {
      loadTemplates({overrideDir: `${fixtures}broken`})
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).file).toMatch(/broken\/tasklist\.md\.hbs$/)
    expect((error as UserError).line).toBeTypeOf('number')
    expect((error as UserError).message).toContain('tasklist.md.hbs')
  })

  it('names the known templates when one is missing', () => {
    expect(() => render(loadTemplates(), 'leaflet', {})).toThrow(UserError)
  })
})
