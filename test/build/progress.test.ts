/**
 * Progress: the build reports each file as soon as it is produced (a line per document in the CLI),
 * and still saves them all together at the end (nothing is in the output folder while reporting).
 */
import {describe, expect, it} from 'vitest'
import {existsSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {build, type BuildDocument} from '../../src/build/index.ts'
import {sampleConfig, sampleSource} from './sample.ts'

describe('build progress', () => {
  it('reports every file as it is produced, before the atomic save puts them in place', async () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'policy-press-progress-')), 'out')
    const events: Array<BuildDocument & {inPlace: boolean; folder: boolean}> = []
    const planned: number[] = []
    const report = await build({
      source: sampleSource,
      outDir,
      formats: ['md', 'json'],
      config: sampleConfig,
      onPlan: (files) => planned.push(files),
      onDocument: (document) => events.push({...document, inPlace: existsSync(document.path), folder: existsSync(outDir)})
    })
    // The plan is announced once, before any file, and counts every file made.
    expect(planned).toEqual([report.documents.length])
    // One event per file, in the order they were made, with what the report says about each.
    expect(events.map(({inPlace, folder, ...document}) => document)).toEqual(report.documents)
    expect(events.map((e) => e.name)).toContain('政策原文.md')
    expect(events.at(-1)!.name).toBe('index.html')
    // Reported while the build was still going: the output folder did not exist yet.
    expect(events.every((e) => !e.inPlace && !e.folder)).toBe(true)
    // Saved at the end, every one.
    for (const document of report.documents) expect(existsSync(document.path), document.name).toBe(true)
  })
})
