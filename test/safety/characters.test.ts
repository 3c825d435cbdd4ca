// U+FFFE, U+FFFF and control characters in a source: `check` reports each, and no generated file
// (Word, Excel, HTML, Markdown, JSON) contains one.
import {mkdtempSync, readFileSync, writeFileSync, copyFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {unzipSync, strFromU8} from 'fflate'
import {describe, expect, it} from 'vitest'
import {build} from '../../src/build/index.ts'
import {checkPolicy} from '../../src/check/index.ts'
import {parsePolicy} from '../../src/parse/index.ts'
import {listFiles} from '../build/sample.ts'

const root = path.resolve(import.meta.dirname, '../..')
const invalid = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\p{Noncharacter_Code_Point}\p{Cs}]/u

describe('characters XML cannot hold', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pp-chars-'))
  const source = path.join(dir, 'policy.txt')
  const text = readFileSync(path.join(root, 'test/fixtures/cli/small/policy.txt'), 'utf8')
    .replace('加大财政支持力度。', '加大财政\ufffe支持力度。')
    .replace('区科技局、区财政局', '区科技局\uffff、区财政局')
    .replace('对研发投入', '对研发\u0001投入')
  writeFileSync(source, text)
  copyFileSync(path.join(root, 'test/fixtures/cli/small/policy-press.config.yml'), path.join(dir, 'policy-press.config.yml'))

  it('are reported by check with their place and rule id', async () => {
    const {policy, file} = await parsePolicy({path: source, text})
    const messages = checkPolicy(policy, file).filter((m) => m.ruleId === 'xml-invalid-character')
    expect(messages.map((m) => `${m.line}:${m.reason.match(/U\+[0-9A-F]+/)?.[0]}`)).toEqual(['5:U+FFFE', '8:U+0001', '8:U+FFFF'])
    expect(messages.every((m) => m.fatal === true)).toBe(true)
  })

  it('never reach a generated file, and the build says it removed them', async () => {
    const outDir = path.join(dir, 'out')
    const report = await build({source, outDir, formats: ['md', 'html', 'docx', 'xlsx', 'json'], config: {date: '2024-03-05'}})
    const warning = report.warnings.find((w) => w.includes('不能容纳的字符'))
    expect(warning).toMatch(/^源文件里有 3 个 Word、Excel 和网页文件都不能容纳的字符（.*），生成的文件里已删去；运行 policy-press check 查看位置$/)
    for (const label of ['U+FFFE', 'U+FFFF', 'U+0001']) expect(warning).toContain(label)
    const files = listFiles(outDir).filter((name) => !name.startsWith('.'))
    expect(files.some((name) => name.endsWith('.docx'))).toBe(true)
    expect(files).toContain('任务台账.xlsx')
    for (const name of files) {
      const bytes = new Uint8Array(readFileSync(path.join(outDir, name)))
      const parts = /\.(docx|xlsx)$/.test(name) ? Object.entries(unzipSync(bytes)).map(([part, data]) => [`${name}:${part}`, strFromU8(data)] as const) : [[name, new TextDecoder().decode(bytes)] as const]
      for (const [part, content] of parts) expect(invalid.test(content), part).toBe(false)
    }
    // The text around them is kept.
    expect(readFileSync(path.join(outDir, '责任分工通知.md'), 'utf8')).toContain('加大财政支持力度。')
  })
})
