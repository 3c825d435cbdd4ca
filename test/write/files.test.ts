import {describe, expect, it} from 'vitest'
import {mkdtempSync, readFileSync, existsSync, readdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {insideDir, safeFileName, uniquePaths, writeOutputs} from '../../src/write/files.ts'

describe('output files', () => {
  it('makes safe file names', () => {
    expect(safeFileName('../../etc/区X局')).toBe('_.._etc_区X局')
    expect(safeFileName('区A/B局')).toBe('区A_B局')
    expect(safeFileName('a\\b:c*d?e"f<g>h|i')).toBe('a_b_c_d_e_f_g_h_i')
    expect(safeFileName('..')).toBe('_')
    expect(safeFileName('CON')).toBe('_CON')
    expect(Array.from(safeFileName('局'.repeat(200)))).toHaveLength(80)
  })

  it('keeps colliding names apart', () => {
    expect(uniquePaths([['d', '区A/B局'], ['d', '区A:B局'], ['d', '区C局']])).toEqual(['d/区A_B局', 'd/区A_B局-2', 'd/区C局'])
  })

  it('refuses paths outside the folder', () => {
    expect(() => insideDir('/tmp/x', '../y')).toThrow()
    expect(() => insideDir('/tmp/x', '/etc/passwd')).toThrow()
    expect(insideDir('/tmp/x', 'a/b.md')).toBe('/tmp/x/a/b.md')
  })

  it('writes every file, creating folders, and leaves no staging folder', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'policy-press-files-'))
    await writeOutputs(join(parent, 'out'), [{path: 'a.md', bytes: 'A'}, {path: 'sub/b.md', bytes: new Uint8Array([66])}])
    expect(readFileSync(join(parent, 'out/a.md'), 'utf8')).toBe('A')
    expect(readFileSync(join(parent, 'out/sub/b.md'), 'utf8')).toBe('B')
    expect(noStaging(parent)).toBe(true)
  })

  it('leaves the folder untouched when a path is bad', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'policy-press-files-'))
    await expect(writeOutputs(join(parent, 'out'), [{path: 'a.md', bytes: 'A'}, {path: '../evil.md', bytes: 'E'}])).rejects.toThrow()
    expect(existsSync(join(parent, 'out/a.md'))).toBe(false)
    expect(existsSync(join(parent, 'evil.md'))).toBe(false)
  })
})

function noStaging(dir: string): boolean {
  return readdirSync(dir).every((name) => !name.includes('staging'))
}
