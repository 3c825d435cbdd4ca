// The output folder through the real command: a build killed while it moves files into place,
// a unit that drops out, a source next to its outputs, same-named sources, hand-edited outputs.
import {spawn} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {bin, cli, root} from '../helpers/cli.ts'

const small = path.join(root, 'test/fixtures/cli/small')

/** A copy of the small fixture in a fresh folder. */
function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pp-safety-'))
  cpSync(small, dir, {recursive: true})
  return dir
}

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (d: string, prefix: string) => {
    for (const entry of readdirSync(d, {withFileTypes: true})) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(path.join(d, entry.name), rel)
      else out.set(rel, readFileSync(path.join(d, entry.name), 'utf8'))
    }
  }
  walk(dir, '')
  return out
}

describe.concurrent('output folder safety (command line)', () => {
  it('a build killed while moving files leaves whole files, and the next build cleans up and finishes', async () => {
    const dir = workspace()
    const out = path.join(dir, 'out')
    expect((await cli(['build', 'policy.txt', '-o', 'out'], dir)).code).toBe(0)
    const before = tree(out)
    // The second build makes different bytes (another title) and is killed before its third move.
    const source = readFileSync(path.join(dir, 'policy.txt'), 'utf8')
    writeFileSync(path.join(dir, 'policy.txt'), source.replace('某某区推动经济发展若干政策', '某某区推动经济高质量发展若干政策'))
    const child = spawn(process.execPath, [bin, 'build', 'policy.txt', '-o', 'out', '--quiet'], {
      cwd: dir,
      env: {...process.env, POLICY_PRESS_TEST_PAUSE_BEFORE_MOVE: '3'}
    })
    let stderr = ''
    const paused = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString()
        const match = /POLICY_PRESS_TEST_PAUSE_BEFORE_MOVE: (.+)\n/.exec(stderr)
        if (match) resolve(match[1]!)
      })
      child.on('exit', () => reject(new Error(`build ended before the move step: ${stderr}`)))
    })
    // Staging is inside the output folder itself, never beside it.
    expect(path.dirname(paused)).toBe(out)
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    expect(readdirSync(dir).filter((name) => name.includes('staging'))).toEqual([])
    const mixed = tree(out)
    const staged = [...mixed.keys()].filter((name) => name.startsWith('.policy-press-staging-'))
    expect(staged.length).toBeGreaterThan(0)
    const moved = [...mixed].filter(([name, text]) => before.has(name) && !name.startsWith('.') && text !== before.get(name))
    expect(moved.length).toBe(2) // two files were moved in before the kill: a mix of old and new

    // The next build removes the staging folder, does not mistake the moved files for hand edits, and ends like a fresh build.
    const next = await cli(['build', 'policy.txt', '-o', 'out'], dir)
    expect(next.code, next.stderr).toBe(0)
    expect(readdirSync(out).filter((name) => name.includes('staging'))).toEqual([])
    const fresh = await cli(['build', 'policy.txt', '-o', 'fresh'], dir)
    expect(fresh.code).toBe(0)
    expect(tree(out)).toEqual(tree(path.join(dir, 'fresh')))
  })

  it('removes the task list of a unit that dropped out, names it, and keeps files it did not make', async () => {
    const dir = workspace()
    expect((await cli(['build', 'policy.txt', '-o', 'out'], dir)).code).toBe(0)
    expect(existsSync(path.join(dir, 'out/各单位任务清单/区科技局.md'))).toBe(true)
    writeFileSync(path.join(dir, 'out/我的备注.txt'), 'mine')
    const source = readFileSync(path.join(dir, 'policy.txt'), 'utf8')
    // Clause 3 and its domain go: 区科技局 has no task any more.
    writeFileSync(path.join(dir, 'policy.txt'), source.slice(0, source.indexOf('二、')))
    const again = await cli(['build', 'policy.txt', '-o', 'out'], dir)
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toContain(`已删除 ${path.join('out', '各单位任务清单', '区科技局.md')}（上次生成的文件，这次不再生成）`)
    expect(existsSync(path.join(dir, 'out/各单位任务清单/区科技局.md'))).toBe(false)
    expect(readFileSync(path.join(dir, 'out/我的备注.txt'), 'utf8')).toBe('mine')
  })

  it('refuses to write over its own source when -o is the source folder', async () => {
    const dir = workspace()
    const markdown = readFileSync(path.join(dir, 'policy.txt'), 'utf8').replace(/^/, '# ').replace(/^(.、)/gm, '## $1')
    writeFileSync(path.join(dir, '政策原文.md'), markdown)
    const original = readFileSync(path.join(dir, '政策原文.md'), 'utf8')
    const result = await cli(['build', '政策原文.md', '-o', '.', '--force'], dir)
    expect(result.code, result.stdout).toBe(2)
    expect(result.stderr).toMatch(/^错误：输出文件 .*政策原文\.md 就是这次读取的输入文件/)
    expect(result.stderr).toContain('怎么办：')
    expect(readFileSync(path.join(dir, '政策原文.md'), 'utf8')).toBe(original)
  })

  it('refuses two same-named sources that would share one folder, before writing anything', async () => {
    const dir = workspace()
    mkdirSync(path.join(dir, 'a'))
    mkdirSync(path.join(dir, 'b'))
    cpSync(path.join(dir, 'policy.txt'), path.join(dir, 'a/x.txt'))
    cpSync(path.join(dir, 'policy.txt'), path.join(dir, 'b/x.txt'))
    for (const args of [['a/x.txt', 'b/x.txt'], ['a/x.txt', 'b/x.txt', '-o', 'all']]) {
      const result = await cli(['build', ...args], dir)
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/^错误：源文件 a\/x\.txt 和 b\/x\.txt 会写进同一个输出文件夹/)
      expect(result.stderr).toContain('怎么办：')
    }
    expect(existsSync(path.join(dir, 'output'))).toBe(false)
    expect(existsSync(path.join(dir, 'all'))).toBe(false)
  })

  it('refuses -o / and does not overwrite a hand-edited output without --force', async () => {
    const dir = workspace()
    const slash = await cli(['build', 'policy.txt', '-o', '/'], dir)
    expect(slash.code).toBe(2)
    expect(slash.stderr).toMatch(/^错误：不能把生成的文件写进系统文件夹或主文件夹本身：\//)
    expect((await cli(['build', 'policy.txt', '-o', 'out'], dir)).code).toBe(0)
    writeFileSync(path.join(dir, 'out/责任分工通知.md'), '改过的通知')
    const refused = await cli(['build', 'policy.txt', '-o', 'out'], dir)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/责任分工通知\.md（上次生成之后被修改过）/)
    expect(refused.stderr).toMatch(/怎么办：.*--force/)
    expect(readFileSync(path.join(dir, 'out/责任分工通知.md'), 'utf8')).toBe('改过的通知')
    const forced = await cli(['build', 'policy.txt', '-o', 'out', '--force'], dir)
    expect(forced.code).toBe(0)
    expect(readFileSync(path.join(dir, 'out/责任分工通知.md'), 'utf8')).toMatch(/^---\n/)
  })
})
