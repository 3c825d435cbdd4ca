// `policy-press serve` as a child process: prints the address, answers on it, stops on SIGTERM;
// bad options and folders get the command line's Chinese message and exit 2.
import {spawn} from 'node:child_process'
import {copyFileSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {bin, cli, root} from '../helpers/cli.ts'

describe('policy-press serve', () => {
  it('prints a loopback address that serves the workspace, and stops on SIGTERM', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'pp-serve-cli-'))
    copyFileSync(path.join(root, 'source/xiuzhou-2024.txt'), path.join(workspace, 'policy.txt'))
    const child = spawn(process.execPath, [bin, 'serve', workspace, '--port', '0'], {cwd: root})
    let stdout = ''
    const address = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        const match = /在浏览器里打开：(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)
        if (match) resolve(match[1]!)
      })
      child.on('exit', () => reject(new Error(stdout)))
    })
    const data = (await (await fetch(`${address}api/policies`)).json()) as {policies: Array<{path: string}>}
    expect(data.policies.map((policy) => policy.path)).toEqual(['policy.txt'])
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })

  it('refuses a bad port or a missing folder with a Chinese message, exit 2', async () => {
    const port = await cli(['serve', '.', '--port', 'abc'])
    expect(port.code).toBe(2)
    expect(port.stderr).toContain('错误：选项 --port 的值 "abc" 不对')
    const folder = await cli(['serve', 'no-such-folder'])
    expect(folder.code).toBe(2)
    expect(folder.stderr).toContain('错误：找不到工作文件夹')
  })
})
