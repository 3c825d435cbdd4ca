// Input that becomes an object never reaches a prototype: front matter, config, registry,
// glossary, template front matter. Block-level HTML in a Markdown source is reported, not dropped.
import {describe, expect, it} from 'vitest'
import {parsePolicy} from '../../src/parse/index.ts'
import {checkPolicy} from '../../src/check/index.ts'
import {parseConfig} from '../../src/config/load.ts'
import {parseRegistry} from '../../src/units/registry.ts'
import {parseGlossary} from '../../src/view/glossary.ts'
import {parseDocument} from '../../src/doc/parse.ts'
import {UserError} from '../../src/errors.ts'

const body = `# 某某区推动发展若干政策

为推动发展，制定本方案。

## 一、扩大有效投资政策（由区发改局牵头实施）

1.加大财政支持力度。[bookmark: _GoBack]安排资金1亿元。（责任单位：区财政局、区发改局）
`

function thrown(run: () => unknown): UserError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return error as UserError
  }
  throw new Error('no error')
}

describe('prototype keys', () => {
  it('front matter: __proto__ neither replaces the metadata prototype nor switches checks off', async () => {
    const source = `---\nissuer: 某某区政府\n__proto__:\n  rules:\n    conversion-leftover: off\n  documentNumber: 伪造〔2024〕1号\n---\n\n${body}`
    const {policy, file} = await parsePolicy({path: 'x.md', text: source})
    expect(Object.getPrototypeOf(policy.meta)).toBe(Object.prototype)
    expect(Object.hasOwn(policy.meta, '__proto__')).toBe(false)
    expect((policy.meta as Record<string, unknown>).documentNumber).toBeUndefined()
    expect((policy.meta as Record<string, unknown>).rules).toBeUndefined()
    const note = file.messages.find((m) => m.ruleId === 'front-matter')
    expect(note?.reason).toMatch(/名称“__proto__”（__proto__）不能使用，整个文件头已忽略/)
    expect(note?.line).toBe(1)
    const messages = checkPolicy(policy, file)
    expect(messages.some((m) => m.ruleId === 'conversion-leftover')).toBe(true)
  })

  it('config: __proto__, constructor, toString are refused with the line', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['issuer: 甲\n__proto__: x\n', 2, /“__proto__”不能作为配置项名称/],
      ['constructor: x\n', 1, /“constructor”不能作为配置项名称/],
      ['toString: x\n', 1, /“toString”不能作为配置项名称/],
      ['rules:\n  constructor: off\n', 2, /配置项 "rules" 里的“constructor”不能作为名称/],
      ['fonts:\n  toString: 仿宋\n', 2, /配置项 "fonts" 里的“toString”不能作为名称/]
    ]
    for (const [text, line, message] of cases) {
      const error = thrown(() => parseConfig(text, '/tmp/policy-press.config.yml', '/tmp'))
      expect(error.message, text).toMatch(message)
      expect(error.line, text).toBe(line)
      expect(error.hint).toBeTruthy()
    }
  })

  it('registry and glossary refuse them', () => {
    expect(thrown(() => parseRegistry('units:\n  - name: 区A局\n    __proto__: {parent: 区B局}\n', 'u.yml')).message).toMatch(/“__proto__”（units\[0\]\.__proto__）不能作为名称/)
    expect(thrown(() => parseGlossary('- term: 专精特新\n  plain: 说明\n  constructor: x\n', 'g.yml')).message).toMatch(/“constructor”（\[0\]\.constructor）不能作为名称/)
  })

  it('template front matter refuses them', () => {
    expect(thrown(() => parseDocument('---\ntitle: x\n__proto__: {layout: leaflet}\n---\n\n正文\n')).message).toMatch(/文件头里有不能使用的名称“__proto__”/)
  })
})

describe('block-level HTML in a Markdown source', () => {
  it('is reported with its line, not dropped silently', async () => {
    const source = `${body}\n<div>\n2.强化用能保障。（责任单位：区发改局）\n</div>\n\n<script>alert(1)</script>\n`
    const {file} = await parsePolicy({path: 'x.md', text: source})
    const skipped = file.messages.filter((m) => m.ruleId === 'source-skipped')
    expect(skipped.map((m) => [m.line, m.reason])).toEqual([
      [9, 'HTML 块“<div>”不是政策文字，没有读入；要保留其中的文字，请去掉 HTML 标记，写成普通段落'],
      [13, 'HTML 块“<script>alert(1)</script>”不是政策文字，没有读入；要保留其中的文字，请去掉 HTML 标记，写成普通段落']
    ])
  })
})
