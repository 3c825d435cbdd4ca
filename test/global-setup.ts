/**
 * Once per `vitest run`, before any test: compile dist/ when a source is newer than it (tests that
 * spawn bin/policy-press.js run the compiled command), so `npm test` works from a clean checkout
 * and while editing src/ without a separate build step.
 */
import {execFileSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

export default function setup(): void {
  const script = fileURLToPath(new URL('../scripts/build.js', import.meta.url))
  execFileSync(process.execPath, [script, '--if-stale'], {stdio: 'inherit'})
}
