/**
 * Font loading: each font file is parsed once per process and only when a document draws with it,
 * and a broken font file is a clear Chinese error. (Each test file runs in a fresh module graph, so
 * the counts start at zero.)
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseDocument} from '../../src/doc/parse.ts'
import {isUserError} from '../../src/errors.ts'
import {createPdfWriter} from '../../src/write/pdf/index.ts'
import {loadedFontCount} from '../../src/write/pdf/fonts.ts'

const fixture = (path: string) => parseDocument(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8'))

describe('PDF fonts', () => {
  it('parses only the fonts a document uses, each once', async () => {
    const writer = createPdfWriter()
    expect(loadedFontCount()).toBe(0)
    // Official documents: 仿宋 → Noto Serif, 小标宋 and 楷体 → Noto Serif Bold, 黑体 → Noto Sans Bold.
    await writer.write(fixture('doc/notice.md'))
    expect(loadedFontCount()).toBe(3)
    await writer.write(fixture('write-pdf/long-table.md'))
    expect(loadedFontCount()).toBe(3)
    // The leaflet adds Noto Sans; a second writer reuses every parsed font.
    await createPdfWriter().write(fixture('write-pdf/leaflet.md'))
    expect(loadedFontCount()).toBe(4)
  })

  it('reports a font file that is not a font as a user error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-press-font-'))
    writeFileSync(join(dir, 'broken.ttf'), 'not a font')
    const error = await createPdfWriter({fontFiles: {body: 'broken.ttf'}, baseDir: dir})
      .write(fixture('doc/notice.md'))
      .catch((e: unknown) => e)
    expect(isUserError(error)).toBe(true)
    expect((error as Error).message).toBe(`无法读取字体文件：${join(dir, 'broken.ttf')}`)
  })
})
