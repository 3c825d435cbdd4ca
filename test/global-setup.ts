/**
 * Once per `vitest run`, before any test:
 * - compile dist/ when a source is newer than it (tests that spawn bin/policy-press.js run the
 *   compiled command), so `npm test` works from a clean checkout and while editing src/;
 * - make the run's shared folder, where the first test file that needs the sample build makes it
 *   for all the others (test/build/sample.ts `sampleBuild`); removed when the run ends.
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {TestProject} from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder shared by the test files of this run (builds made once, read by many). */
    sharedDir: string
  }
}

export default function setup(project: TestProject): () => void {
  const script = fileURLToPath(new URL('../scripts/build.js', import.meta.url))
  execFileSync(process.execPath, [script, '--if-stale'], {stdio: 'inherit'})
  const shared = mkdtempSync(join(tmpdir(), 'policy-press-tests-'))
  project.provide('sharedDir', shared)
  return () => rmSync(shared, {recursive: true, force: true})
}
