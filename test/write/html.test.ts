import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import {parseDocument} from '../../src/doc/parse.ts'
import {writeHtml} from '../../src/write/html.ts'

const notice = readFileSync(new URL('../fixtures/doc/notice.md', import.meta.url), 'utf8')

describe('writeHtml', () => {
  const html = writeHtml(parseDocument(notice))
  it('writes the official-document elements', () => {
    expect(html).toContain('<div class="mark">嘉兴市秀洲区人民政府办公室文件</div>')
    expect(html).toContain('秀政办发〔2024〕5号')
    expect(html).toContain('<p class="recipients">区发改局、区财政局、区科技局、区经商局：</p>')
    expect(html).toContain('<section class="annex">')
    expect(html).toContain('<td data-label="牵头单位">区发改局</td>')
    expect(html).toContain('抄送：区委办，区人大办，区政协办。')
    expect(html).toContain('2024年3月5日印发')
  })
  it('escapes text and drops unsafe links', () => {
    expect(html).toContain('Special *chars* _x_ | # &lt; [ stay literal.')
    const doc = parseDocument('---\ntitle: "<t>"\n---\n\n[x](javascript:alert(1)) [y](a/b.html)\n')
    const out = writeHtml(doc)
    expect(out).toContain('<title>&lt;t&gt;</title>')
    expect(out).not.toContain('javascript:')
    expect(out).toContain('<a href="a/b.html">y</a>')
  })
  it('is one self-contained page for phone and print', () => {
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
    expect(html).toMatch(/@media \(max-width:640px\)/)
    expect(html).toMatch(/@media print\{\n @page\{size:A4/)
    expect(html).not.toMatch(/<(link|script|img|iframe)\b/)
  })
})
