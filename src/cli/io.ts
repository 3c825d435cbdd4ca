/** Where a command writes and which folder it runs in: the real process, or buffers in tests. */
import {readFileSync} from 'node:fs'
import {terminalText} from './terminal.ts'

export interface Io {
  cwd: string
  env: Record<string, string | undefined>
  stdout: (text: string) => void
  stderr: (text: string) => void
}

export const packageRoot = new URL('../../', import.meta.url)

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8')) as {version: string}
  return pkg.version
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    // Everything shown goes through terminalText: no raw control character from a source reaches the terminal.
    stdout: (text) => void process.stdout.write(terminalText(text)),
    stderr: (text) => void process.stderr.write(terminalText(text))
  }
}
