import {describe, expect, it} from 'vitest'
import {mkdtempSync, readFileSync, existsSync, readdirSync, writeFileSync, mkdirSync, chmodSync} from 'node:fs'
import {homedir} from 'node:os'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {createHash} from 'node:crypto'
import {UserError} from '../../src/errors.ts'
import {insideDir, manifestName, maxNameBytes, safeFileName, uniquePaths, writeOutputs} from '../../src/write/files.ts'

describe('output files', () => {
  it('makes safe file names', () => {
    expect(safeFileName('../../etc/区X局')).toBe('_.._etc_区X局')
    expect(safeFileName('区A/B局')).toBe('区A_B局')
    expect(safeFileName('a\\b:c*d?e"f<g>h|i')).toBe('a_b_c_d_e_f_g_h_i')
    expect(safeFileName('..')).toBe('_')
    expect(safeFileName('CON')).toBe('_CON')
    // Capped in UTF-8 bytes, cut between characters: 64 four-byte characters (256 bytes) would exceed the 255-byte limit.
    expect(Buffer.byteLength(safeFileName('局'.repeat(200)))).toBeLessThanOrEqual(maxNameBytes)
    const astral = safeFileName('𠀀'.repeat(64))
    expect(Buffer.byteLength(astral)).toBeLessThanOrEqual(maxNameBytes)
    expect(Buffer.byteLength(astral + '-99.docx')).toBeLessThan(255)
    expect(astral).toBe('𠀀'.repeat(maxNameBytes / 4))
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

describe('the output folder keeps track of what it made', () => {
  const folder = () => join(mkdtempSync(join(tmpdir(), 'policy-press-files-')), 'out')

  it('writes a manifest, removes files it made before and no longer makes, names them, touches nothing else', async () => {
    const out = folder()
    await writeOutputs(out, [{path: 'a.md', bytes: 'A'}, {path: '各单位任务清单/区甲局.md', bytes: '甲'}, {path: '各单位任务清单/区乙局.md', bytes: '乙'}])
    const manifest = JSON.parse(readFileSync(join(out, manifestName), 'utf8')) as {files: Record<string, string>}
    expect(Object.keys(manifest.files)).toEqual(['a.md', '各单位任务清单/区乙局.md', '各单位任务清单/区甲局.md'])
    writeFileSync(join(out, 'mine.txt'), 'mine')
    writeFileSync(join(out, '各单位任务清单/notes.txt'), 'notes')
    // 区乙局 drops out of the policy: its old list goes, and the build says so.
    const second = await writeOutputs(out, [{path: 'a.md', bytes: 'A2'}, {path: '各单位任务清单/区甲局.md', bytes: '甲2'}])
    expect(second.removed).toEqual(['各单位任务清单/区乙局.md'])
    expect(existsSync(join(out, '各单位任务清单/区乙局.md'))).toBe(false)
    expect(readFileSync(join(out, 'mine.txt'), 'utf8')).toBe('mine')
    expect(readFileSync(join(out, '各单位任务清单/notes.txt'), 'utf8')).toBe('notes')
    expect(readFileSync(join(out, 'a.md'), 'utf8')).toBe('A2')
    // A whole folder of stale files goes with its (now empty) folder.
    const third = await writeOutputs(out, [{path: 'a.md', bytes: 'A2'}])
    expect(third.removed).toEqual(['各单位任务清单/区甲局.md'])
    expect(readdirSync(join(out, '各单位任务清单'))).toEqual(['notes.txt'])
  })

  it('does not overwrite a file edited since the last build without force, and says which and why', async () => {
    const out = folder()
    await writeOutputs(out, [{path: 'a.md', bytes: 'A'}, {path: 'b.md', bytes: 'B'}])
    writeFileSync(join(out, 'a.md'), 'edited by hand')
    const error = await writeOutputs(out, [{path: 'a.md', bytes: 'A2'}, {path: 'b.md', bytes: 'B2'}]).catch((e: Error) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).message).toMatch(/a\.md（上次生成之后被修改过）/)
    expect((error as UserError).hint).toMatch(/--force/)
    expect(readFileSync(join(out, 'a.md'), 'utf8')).toBe('edited by hand')
    expect(readFileSync(join(out, 'b.md'), 'utf8')).toBe('B')
    await writeOutputs(out, [{path: 'a.md', bytes: 'A2'}, {path: 'b.md', bytes: 'B2'}], {force: true})
    expect(readFileSync(join(out, 'a.md'), 'utf8')).toBe('A2')
  })

  it('does not overwrite a file it did not make, and keeps an edited stale file', async () => {
    const out = folder()
    mkdirSync(out, {recursive: true})
    writeFileSync(join(out, 'a.md'), 'somebody else')
    await expect(writeOutputs(out, [{path: 'a.md', bytes: 'A'}])).rejects.toThrow(/a\.md（不是 policy-press 生成的/)
    expect(readFileSync(join(out, 'a.md'), 'utf8')).toBe('somebody else')
    const other = folder()
    await writeOutputs(other, [{path: 'a.md', bytes: 'A'}, {path: 'b.md', bytes: 'B'}])
    writeFileSync(join(other, 'b.md'), 'edited')
    const result = await writeOutputs(other, [{path: 'a.md', bytes: 'A'}])
    expect(result).toEqual({removed: [], kept: ['b.md']})
    expect(readFileSync(join(other, 'b.md'), 'utf8')).toBe('edited')
  })

  it('ignores manifest entries that point outside the folder', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'policy-press-files-'))
    const out = join(parent, 'out')
    writeFileSync(join(parent, 'victim.txt'), 'keep')
    mkdirSync(out)
    const hash = createHash('sha256').update('keep').digest('hex')
    writeFileSync(join(out, manifestName), JSON.stringify({files: {'../victim.txt': hash, '__proto__': hash}}))
    await writeOutputs(out, [{path: 'a.md', bytes: 'A'}])
    expect(readFileSync(join(parent, 'victim.txt'), 'utf8')).toBe('keep')
  })

  it('refuses to write over an input, into system folders, the home folder or the templates folder', async () => {
    const out = folder()
    mkdirSync(out, {recursive: true})
    writeFileSync(join(out, '政策原文.md'), 'the source')
    await expect(writeOutputs(out, [{path: '政策原文.md', bytes: 'X'}], {inputs: [join(out, '政策原文.md')], force: true})).rejects.toThrow(
      /就是这次读取的输入文件/
    )
    expect(readFileSync(join(out, '政策原文.md'), 'utf8')).toBe('the source')
    for (const system of ['/', '/etc', '/usr', '/usr/local/share', '/home', homedir()]) {
      await expect(writeOutputs(system, [{path: 'x.md', bytes: 'X'}]), system).rejects.toThrow(/系统文件夹或主文件夹/)
    }
    const templates = mkdtempSync(join(tmpdir(), 'policy-press-templates-'))
    await expect(writeOutputs(join(templates, 'out'), [{path: 'x.md', bytes: 'X'}], {inputFolders: [templates]})).rejects.toThrow(/模板文件夹/)
    expect(existsSync(join(templates, 'out'))).toBe(false)
    // Outputs into a folder that holds the templates folder: no output may land inside it.
    const parent = mkdtempSync(join(tmpdir(), 'policy-press-files-'))
    mkdirSync(join(parent, 'templates'))
    await expect(writeOutputs(parent, [{path: 'templates/notice.md.hbs', bytes: 'X'}], {inputFolders: [join(parent, 'templates')]})).rejects.toThrow(/会写进模板文件夹/)
  })

  it('stages inside the output folder: works when the parent is read-only', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'policy-press-files-'))
    const out = join(parent, 'out')
    mkdirSync(out)
    chmodSync(parent, 0o555)
    try {
      await writeOutputs(out, [{path: 'a.md', bytes: 'A'}])
      expect(readFileSync(join(out, 'a.md'), 'utf8')).toBe('A')
      expect(readdirSync(parent)).toEqual(['out'])
      expect(readdirSync(out).sort()).toEqual([manifestName, 'a.md'])
    } finally {
      chmodSync(parent, 0o755)
    }
  })

  it('puts the old files back when a move fails part-way', async () => {
    const out = folder()
    await writeOutputs(out, [{path: 'a.md', bytes: 'A'}, {path: 'z.md', bytes: 'Z'}])
    // A folder where the second file must go: its move fails after the first file was replaced.
    mkdirSync(join(out, 'sub.md'))
    writeFileSync(join(out, 'sub.md', 'x'), 'x')
    const files = [{path: 'a.md', bytes: 'A2'}, {path: 'sub.md', bytes: 'S'}]
    await expect(writeOutputs(out, files, {force: true})).rejects.toThrow(/已写入的文件已恢复原样/)
    expect(readFileSync(join(out, 'a.md'), 'utf8')).toBe('A')
    expect(readdirSync(out).filter((n) => n.includes('staging'))).toEqual([])
  })
})

function noStaging(dir: string): boolean {
  return readdirSync(dir).every((name) => !name.includes('staging'))
}
