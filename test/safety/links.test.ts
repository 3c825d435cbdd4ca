// One link allow-list (http, https, mailto, relative) in every writer that emits links.
import {describe, expect, it} from 'vitest'
import {safeLink} from '../../src/write/links.ts'
import {writeHtml} from '../../src/write/html.ts'
import {writeDocx} from '../../src/write/docx/index.ts'
import type {Doc, Inline} from '../../src/doc/types.ts'
import {unzipDocx} from '../write-docx/helpers.ts'

const hostile = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  ' javascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD4=',
  'file:///etc/passwd',
  'jav\u0000ascript:alert(1)'
]
const allowed: Array<[string, string]> = [
  ['https://www.gov.cn/a?b=1#c', 'https://www.gov.cn/a?b=1#c'],
  ['http://example.org', 'http://example.org'],
  ['mailto:office@example.org', 'mailto:office@example.org'],
  ['各单位任务清单/区发改局.docx', '各单位任务清单/区发改局.docx'],
  ['%E6%94%BF.html#x', '%E6%94%BF.html#x'],
  ['a/b:c', 'a/b:c'],
  [' https://x.org ', 'https://x.org']
]

/** A document whose only content is one paragraph of links. */
function docWith(urls: readonly string[]): Doc {
  const children: Inline[] = urls.map((url, i) => ({type: 'link', url, children: [{type: 'text', value: `链接${i}`}]}))
  return {meta: {layout: 'official', title: '链接'}, main: [{type: 'paragraph', children}], annexes: []}
}

describe('link allow-list', () => {
  it.each(hostile)('refuses %j', (url) => expect(safeLink(url)).toBeUndefined())
  it.each(allowed)('keeps %j as %j', (url, out) => expect(safeLink(url)).toBe(out))

  it('the HTML writer keeps the text of a refused link, and no script target', () => {
    const html = writeHtml(docWith([...hostile, 'https://www.gov.cn/']))
    expect(html).not.toMatch(/script:|data:|file:/i)
    for (let i = 0; i < hostile.length; i++) expect(html).toContain(`链接${i}`)
    expect(html).toContain('<a href="https://www.gov.cn/">')
  })

  it('the Word writer keeps the text of a refused link, and no script target', async () => {
    const parts = unzipDocx(await writeDocx(docWith([...hostile, 'https://www.gov.cn/'])))
    const rels = Object.entries(parts).filter(([name]) => name.endsWith('.rels')).map(([, xml]) => xml).join('\n')
    expect(rels).not.toMatch(/script:|data:|file:/i)
    expect(rels).toContain('Target="https://www.gov.cn/"')
    for (let i = 0; i < hostile.length; i++) expect(parts['word/document.xml']).toContain(`链接${i}`)
  })
})
