/** The real command as a child process (no debug output): exit status, stdout, stderr. */
import {execFile} from 'node:child_process'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '../..')
export const bin = path.join(root, 'bin/policy-press.js')

export interface Result {
  code: number
  stdout: string
  stderr: string
}

export function cli(args: string[], cwd = root, env: Record<string, string> = {}): Promise<Result> {
  const full = {...process.env, ...env}
  delete full.POLICY_PRESS_DEBUG
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], {cwd, env: full, maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
      resolve({code: error ? ((error as {code?: number}).code ?? 1) : 0, stdout, stderr})
    })
  })
}
