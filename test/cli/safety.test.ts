// What the command prints: no raw control character from a source reaches the terminal; the
// templates command lists every variable with its description and the sample's value.
import {cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {terminalText} from '../../src/cli/terminal.ts'
import {templateVariables} from '../../src/template/variables.ts'
import {cli, root} from '../helpers/cli.ts'

const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

describe.concurrent('terminal output', () => {
  it('shows control characters as visible escapes and keeps JSON valid', () => {
    expect(terminalText('a\u001b[31mb\u202ec\r\nd\te')).toBe('a\\u001b[31mb\\u202ec\\u000d\nd\te')
    const json = JSON.stringify({text: 'x\u009by\u202e'})
    expect(JSON.parse(terminalText(json))).toEqual({text: 'x\u009by\u202e'})
  })

  it('parse prints a source with escape sequences and bidi overrides without raw control characters', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pp-term-'))
    const source = path.join(dir, 'x.txt')
    writeFileSync(
      source,
      '某某区推动发展若干政策\n\n为推动发展，制定本方案。\n一、扩大有效投资政策（由区发改局牵头实施）\n1.加大\u001b[2J\u001b[31m财政\u202e支持力度。安排资金1亿元。（责任单位：区财政局）\n'
    )
    for (const args of [['parse', source], ['parse', source, '--json'], ['check', source]]) {
      const result = await cli(args)
      expect(result.stdout + result.stderr, args.join(' ')).not.toMatch(controls)
      if (args[0] === 'parse') expect(result.stdout, args.join(' ')).toContain('\\u001b')
      if (args.includes('--json')) expect(JSON.stringify(JSON.parse(result.stdout))).toContain('\\u001b[2J')
    }
  })
})

describe.concurrent('strict templates through the command', () => {
  it('a misspelt variable stops the build: exit 2, file, line, variable, nearest name, nothing written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pp-strict-'))
    cpSync(path.join(root, 'test/fixtures/cli/small'), dir, {recursive: true})
    mkdirSync(path.join(dir, 'templates'))
    writeFileSync(path.join(dir, 'templates/tasklist.md.hbs'), '{{> frontmatter meta}}\n\n共 {{counts.totl}} 项任务\n')
    const result = await cli(['build', 'policy.txt', '-o', 'out'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^错误：模板 .*templates\/tasklist\.md\.hbs 第3行：没有变量 \{\{counts\.totl\}\}\n/)
    expect(result.stderr).toMatch(/怎么办：是不是想写 \{\{counts\.total\}\}？/)
    expect(existsSync(path.join(dir, 'out'))).toBe(false)
  })
})

describe.concurrent('policy-press templates', () => {
  it('lists every variable of every template with a description and the sample value', async () => {
    const result = await cli(['templates'])
    expect(result.code).toBe(0)
    for (const template of ['notice', 'tasklist', 'interpretation', 'policy', 'index', 'progress']) {
      expect(result.stdout).toContain(`■ ${template}（templates/${template}.md.hbs；视图 `)
      for (const variable of templateVariables(template)) expect(result.stdout).toContain(`  ${variable} `)
    }
    expect(result.stdout).toMatch(/^ {2}meta\.date +成文日期，如“2024年3月5日”.* {2}示例：2024年3月5日$/m)
    expect(result.stdout).toMatch(/^ {2}meta\.signature +署名.* {2}示例：嘉兴市秀洲区人民政府办公室$/m)
    expect(result.stdout).toMatch(/^ {2}counts\.total +任务总数 {2}示例：\d+$/m)
  })

  it('gives JSON for one template, and refuses an unknown one with the nearest name', async () => {
    const [json, wrong] = await Promise.all([cli(['templates', 'tasklist', '--json']), cli(['templates', 'tasklst'])])
    const parsed = JSON.parse(json.stdout) as Array<{template: string; variables: Array<{name: string; description: string; sample: string}>}>
    expect(parsed.map((t) => t.template)).toEqual(['tasklist'])
    expect(parsed[0]!.variables.find((v) => v.name === 'unit')).toMatchObject({description: '单位简称，如“区发改局”', sample: '区发改局'})
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toMatch(/^错误：没有模板 "tasklst"[\s\S]*怎么办：是不是想写 policy-press templates tasklist？/)
  })
})
