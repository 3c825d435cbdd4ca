/**
 * The PDF writer in a worker thread (compiled dist/cli/write-worker.js, built by the global setup):
 * same bytes as in this thread, documents handed over all at once, and errors come back as the
 * same clear user errors.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseDocument} from '../../src/doc/parse.ts'
import {isUserError} from '../../src/errors.ts'
import {writers, type DocumentWriter, type RenderedDocument} from '../../src/write/index.ts'
import {threadedWriter} from '../../src/write/thread.ts'

const workerUrl = new URL('../../dist/cli/write-worker.js', import.meta.url)
const input = (path: string): RenderedDocument => {
  const markdown = readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')
  return {markdown, doc: parseDocument(markdown)}
}
const options = {config: {}, baseDir: process.cwd()}

describe('writer in a worker thread', () => {
  it('writes the same PDF bytes as the writer in this thread', async () => {
    const inputs = [input('doc/notice.md'), input('write-pdf/leaflet.md')]
    const threaded = (await threadedWriter(workerUrl, 'pdf', options)) as DocumentWriter
    const local = (await writers.pdf(options)) as DocumentWriter
    try {
      expect(threaded.extension).toBe('pdf')
      threaded.begin?.(inputs)
      for (const item of inputs) {
        const [a, b] = await Promise.all([threaded.write(item), local.write(item)])
        expect(Buffer.from(a.bytes).subarray(0, 5).toString()).toBe('%PDF-')
        expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true)
        expect(a.warnings).toEqual(b.warnings)
      }
    } finally {
      await threaded.close?.()
    }
  })

  it('passes a user error back unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-press-thread-'))
    writeFileSync(join(dir, 'broken.ttf'), 'not a font')
    const threaded = (await threadedWriter(workerUrl, 'pdf', {config: {fontFiles: {body: 'broken.ttf'}}, baseDir: dir})) as DocumentWriter
    try {
      const error = await threaded.write(input('doc/notice.md')).catch((e: unknown) => e)
      expect(isUserError(error)).toBe(true)
      expect((error as Error).message).toBe(`无法读取字体文件：${join(dir, 'broken.ttf')}`)
      expect((error as {hint?: string}).hint).toBe('字体文件须为单个 TTF 或 OTF 文件。')
    } finally {
      await threaded.close?.()
    }
    // A missing font file stops the writer before any document, as in this thread.
    const missing = await threadedWriter(workerUrl, 'pdf', {config: {fontFiles: {title: 'nowhere.ttf'}}, baseDir: dir}).catch((e: unknown) => e)
    expect(isUserError(missing)).toBe(true)
    expect((missing as Error).message).toContain('找不到字体文件')
  })
})
