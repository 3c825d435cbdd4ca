// In-process tests of the argument table, help and the error path (cheap: no child process).
import {describe, expect, it} from 'vitest'
import {UserError} from '../../src/errors.ts'
import {optionLabel} from '../../src/cli/args.ts'
import type {Io} from '../../src/cli/io.ts'
import {reportError, run} from '../../src/cli/run.ts'
import {commands} from '../../src/cli/spec.ts'

function io(env: Record<string, string> = {}) {
  const out = {stdout: '', stderr: ''}
  const value: Io = {cwd: process.cwd(), env, stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t)}
  return {io: value, out}
}

describe('arguments and help', () => {
  it('generates --help for every command from its option table, with examples', async () => {
    for (const command of commands) {
      const {io: i, out} = io()
      expect(await run([command.name, '--help'], i)).toBe(0)
      for (const option of command.options) expect(out.stdout).toContain(optionLabel(option))
      expect(out.stdout).toContain('示例：')
      expect(out.stdout).toContain(command.examples[0]![0])
    }
  })

  it('lists the valid options of the command for an unknown one, exit 2', async () => {
    const {io: i, out} = io()
    expect(await run(['check', 'a.txt', '--formt', 'json'], i)).toBe(2)
    expect(out.stderr).toContain('错误：未知的选项 "--formt"。check 命令可用的选项有：--format、-c, --config、-h, --help')
    expect(out.stderr).toContain('怎么办：是不是想写 "--format"？')
  })

  it('rejects bad values, missing values and wrong argument counts', async () => {
    const cases: Array<[string[], string]> = [
      [['build', 'a.txt', '--formats', 'docx,wrod'], '选项 --formats 里有未知的值 "wrod"'],
      [['check', 'a.txt', '--format', 'xml'], '选项 --format 的值 "xml" 不对，可用的值有：human、json'],
      [['build', 'a.txt', '-o'], '选项 -o, --output 后面缺少文件夹'],
      [['build'], 'build 命令缺少源文件'],
      [['parse', 'a.txt', 'b.txt'], 'parse 命令只需要 1 个参数'],
      [['--quiet'], '未知的选项 "--quiet"'],
      [['biuld'], '未知的命令 "biuld"。可用的命令有：build、check、parse、import、init']
    ]
    for (const [argv, text] of cases) {
      const {io: i, out} = io()
      expect(await run(argv, i), argv.join(' ')).toBe(2)
      expect(out.stderr).toContain(text)
      expect(out.stdout).toBe('')
    }
  })

  it('prints one clear message for a UserError: message, place, what to do', () => {
    const {io: i, out} = io()
    const code = reportError(new UserError('配置有误', {file: 'a.yml', line: 3, hint: '改正它'}), i)
    expect(code).toBe(2)
    expect(out.stderr).toBe('错误：配置有误\n位置：a.yml 第3行\n怎么办：改正它\n')
  })

  it('reports our own bugs with an apology and exit 3, without a stack trace unless debugging', () => {
    const plain = io()
    expect(reportError(new TypeError('x is undefined'), plain.io)).toBe(3)
    expect(plain.out.stderr).toContain('程序内部出错，很抱歉：x is undefined')
    expect(plain.out.stderr).not.toMatch(/^\s+at /m)
    const debug = io({POLICY_PRESS_DEBUG: '1'})
    reportError(new TypeError('x is undefined'), debug.io)
    expect(debug.out.stderr).toMatch(/^\s+at /m)
  })
})
