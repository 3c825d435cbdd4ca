// The real command as a child process: exit status, Chinese message on stderr, no stack trace,
// and existing outputs untouched. Tests run concurrently: each spawn costs about half a second.
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {cli, root, type Result} from '../helpers/cli.ts'

const sample = path.join(root, 'source/xiuzhou-2024.txt')

/** An output folder holding one existing file, to prove a failed run leaves it alone. */
function outputWithSentinel(): {dir: string; untouched: () => void} {
  const dir = mkdtempSync(path.join(tmpdir(), 'pp-out-'))
  writeFileSync(path.join(dir, '责任分工通知.md'), 'old')
  return {
    dir,
    untouched: () => {
      expect(readdirSync(dir)).toEqual(['责任分工通知.md'])
      expect(readFileSync(path.join(dir, '责任分工通知.md'), 'utf8')).toBe('old')
    }
  }
}

function expectCleanError(result: Result, ...texts: Array<string | RegExp>) {
  expect(result.code, result.stderr).toBe(2)
  expect(result.stderr).toMatch(/^错误：/)
  expect(result.stderr).toContain('怎么办：')
  expect(result.stderr).not.toMatch(/^\s+at /m)
  expect(result.stderr).not.toMatch(/Error:|ERR_/)
  for (const text of texts) expect(result.stderr).toMatch(text)
}

describe.concurrent('policy-press command', () => {
  it('prints the version and generated help', async () => {
    const [version, help] = await Promise.all([cli(['--version']), cli(['build', '--help'])])
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}
    expect(version).toEqual({code: 0, stdout: `policy-press ${pkg.version}\n`, stderr: ''})
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('用法：policy-press build <源文件…> [选项]')
    expect(help.stdout).toContain('-f, --formats <格式>')
    expect(help.stdout).toContain('示例：')
  })

  it('rejects an unknown option listing the valid ones', async () => {
    expectCleanError(await cli(['build', sample, '--fromats', 'pdf']), /未知的选项 "--fromats"。build 命令可用的选项有：-f, --formats/)
  })

  const badSources: Array<[string, string, RegExp]> = [
    ['a missing file', 'test/fixtures/cli/nowhere.txt', /找不到源文件 test\/fixtures\/cli\/nowhere\.txt/],
    ['a folder', 'test/fixtures/cli/small', /test\/fixtures\/cli\/small 是一个文件夹，不是文件[\s\S]*small\/policy\.txt/],
    ['an empty file', 'test/fixtures/cli/empty.txt', /源文件 test\/fixtures\/cli\/empty\.txt 是空的/],
    ['a binary file', 'test/fixtures/cli/binary.txt', /源文件 test\/fixtures\/cli\/binary\.txt：.*二进制/],
    ['an unknown encoding', 'test/fixtures/cli/latin1.txt', /源文件 test\/fixtures\/cli\/latin1\.txt：.*编码[\s\S]*UTF-8/],
    ['a text that is not a policy', 'test/fixtures/cli/not-a-policy.txt', /源文件 test\/fixtures\/cli\/not-a-policy\.txt：.*政策/]
  ]
  for (const [what, file, message] of badSources) {
    it(`build of ${what}: exit 2, clear message, outputs untouched`, async () => {
      const out = outputWithSentinel()
      expectCleanError(await cli(['build', file, '-o', out.dir]), message)
      out.untouched()
    })
  }

  const badSetups: Array<[string, string, RegExp]> = [
    ['a broken config', 'broken-config', /配置文件 .*policy-press\.config\.yml 第3行：未知的配置项 "fromats"[\s\S]*"formats"/],
    ['a template syntax error', 'bad-template', /模板.*notice\.md\.hbs.*第\d+行[\s\S]*{{\/each}}/],
    ['an unknown font file', 'bad-font', /找不到字体文件 .*fonts\/仿宋_GB2312\.ttf（配置项 "fontFiles\.body"）/]
  ]
  for (const [what, folder, message] of badSetups) {
    it(`build with ${what}: exit 2, names the file, outputs untouched`, async () => {
      const out = outputWithSentinel()
      expectCleanError(await cli(['build', `test/fixtures/cli/${folder}/policy.txt`, '-o', out.dir]), message)
      out.untouched()
    })
  }

  it('build into a file or an unwritable folder: exit 2, nothing changed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pp-out-'))
    const file = path.join(dir, 'output')
    writeFileSync(file, 'keep')
    let locked = path.join(dir, 'locked')
    mkdirSync(locked)
    chmodSync(locked, 0o555)
    // root ignores folder permissions: use a place even root cannot write
    if (process.getuid?.() === 0) locked = '/sys/policy-press-test'
    const [intoFile, intoLocked] = await Promise.all([
      cli(['build', 'test/fixtures/cli/small/policy.txt', '-o', file]),
      cli(['build', 'test/fixtures/cli/small/policy.txt', '-o', path.join(locked, 'out')])
    ])
    expectCleanError(intoFile, /输出位置 .*output 是一个文件，不是文件夹/)
    expect(readFileSync(file, 'utf8')).toBe('keep')
    expectCleanError(intoLocked, /输出文件夹 .*out 无法写入/)
    expect(existsSync(path.join(locked, 'out'))).toBe(false)
  })

  it('build writes each document with a progress line and a summary; --json for scripts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pp-out-'))
    const [human, json] = await Promise.all([
      cli(['build', 'test/fixtures/cli/small/policy.txt', '-o', path.join(dir, 'a')]),
      cli(['build', 'test/fixtures/cli/small/policy.txt', '-o', path.join(dir, 'b'), '--formats', 'json', '--json'])
    ])
    expect(human.code, human.stderr).toBe(0)
    expect(human.stdout).toMatch(/已生成 .*责任分工通知\.md/)
    // One progress line per file, then the summary.
    const lines = human.stdout.trimEnd().split('\n')
    const progress = lines.filter((line) => line.startsWith('  已生成 '))
    expect(progress.length).toBe(Number(/共生成 (\d+) 个文件/.exec(human.stdout)![1]))
    expect(lines.at(-1)).toMatch(/^完成：/)
    expect(human.stdout).toMatch(/完成：共生成 \d+ 个文件，用时 [\d.]+ 秒/)
    expect(existsSync(path.join(dir, 'a', 'policy.json'))).toBe(true)
    expect(existsSync(path.join(dir, 'a', '责任分工通知.docx'))).toBe(false) // config: formats [md, json]
    expect(json.code, json.stderr).toBe(0)
    const report = JSON.parse(json.stdout) as {ok: boolean; sources: Array<{documents: Array<{format: string}>}>}
    expect(report.ok).toBe(true)
    expect(report.sources[0]!.documents.map((d) => d.format)).toContain('json')
  })

  it('parse prints the outline of the sample', async () => {
    const result = await cli(['parse', 'source/xiuzhou-2024.txt'])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('8 个政策领域，68 条条款，附件 30 项')
    expect(result.stdout).toMatch(/ 1\. 发挥重大建设项目带动支撑作用 {2}区发改局（牵头）、区资规分局/)
  })

  it('check --format json prints an array and exits 1 on errors', async () => {
    const result = await cli(['check', 'source/xiuzhou-2024.txt', '--format', 'json'])
    const messages = JSON.parse(result.stdout) as Array<{file: string; line: number; ruleId: string; severity: string}>
    expect(messages.length).toBeGreaterThan(0)
    expect(Object.keys(messages[0]!).sort()).toEqual(['column', 'file', 'line', 'message', 'ruleId', 'severity'])
    expect(result.code).toBe(messages.some((m) => m.severity === 'error') ? 1 : 0)
  })

  it('import writes Markdown that parses to the same tree (registry via --config)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pp-import-'))
    const markdown = path.join(dir, 'xiuzhou-2024.md')
    const imported = await cli(['import', 'source/xiuzhou-2024.txt', '-o', markdown])
    expect(imported.code, imported.stderr).toBe(0)
    const [fromText, fromMarkdown] = await Promise.all([cli(['parse', sample, '--json']), cli(['parse', markdown, '--json', '--config', 'source/policy-press.config.yml'])])
    const strip = (json: string) => JSON.parse(json, (key, value) => (key === 'position' ? undefined : value)) as unknown
    expect(strip(fromMarkdown.stdout)).toEqual(strip(fromText.stdout))
  })

  it('init makes a starter folder that builds, and refuses to overwrite it', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'pp-init-')), '南湖区')
    const first = await cli(['init', dir])
    expect(first.code, first.stderr).toBe(0)
    for (const name of ['policy-press.config.yml', 'units.yml', 'templates/notice.md.hbs']) {
      expect(existsSync(path.join(dir, name)), name).toBe(true)
    }
    const example = readdirSync(dir).find((name) => name.startsWith('policy.'))!
    writeFileSync(path.join(dir, 'units.yml'), readFileSync(path.join(dir, 'units.yml'), 'utf8') + '# edited\n')
    const [again, parsed] = await Promise.all([cli(['init', dir]), cli(['parse', path.join(dir, example)])])
    expectCleanError(again, /已经有这些文件.*policy-press\.config\.yml/)
    expect(readFileSync(path.join(dir, 'units.yml'), 'utf8')).toMatch(/# edited\n$/)
    expect(parsed.code, parsed.stderr).toBe(0)
    expect(parsed.stdout).toContain('68 条条款')
  })
})
