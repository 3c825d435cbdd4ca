import {existsSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../../src/build/index.ts'
import {UserError} from '../../src/errors.ts'
import {root} from './sample.ts'

describe('build on an unusable source', () => {
  for (const [name, reason] of [
    ['not-a-policy.txt', /没有找到|政策/],
    ['empty.txt', /空/],
    ['binary.txt', /文本|二进制/]
  ] as const) {
    it(`${name}: stops with a UserError before writing anything`, async () => {
      const outDir = join(mkdtempSync(join(tmpdir(), 'policy-press-unusable-')), 'out')
      const error = await build({source: join(root, 'test/fixtures/cli', name), outDir, formats: ['md']}).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(UserError)
      expect((error as UserError).message).toMatch(reason)
      expect((error as UserError).hint).toBeTruthy()
      expect(existsSync(outDir)).toBe(false)
    })
  }
})
