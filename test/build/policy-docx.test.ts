/**
 * The policy itself as a document (政策原文, view `policy`): the Word file the build writes for it
 * reads back (readSource via mammoth → parsePolicy) to the tree of the source text, positions aside.
 */
import {describe, expect, it} from 'vitest'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Policy} from '../../src/tree/types.ts'
import {parsePolicy} from '../../src/parse/index.ts'
import {readSource} from '../../src/read/index.ts'
import {loadRegistry} from '../../src/units/registry.ts'
import {root, sampleBuild, sampleSource} from './sample.ts'
import {withoutPositions} from '../helpers/tree.ts'

const registry = loadRegistry(join(root, 'source/xiuzhou-units.yml'))


const sampleDocx = sampleBuild

async function sourceTree(): Promise<Policy> {
  return (await parsePolicy({path: sampleSource, bytes: readFileSync(sampleSource)}, {registry})).policy
}

async function readBack(path: string): Promise<Policy> {
  const bytes = new Uint8Array(readFileSync(path))
  // The reader keeps the status line and the appendix table (as a GFM table).
  const {tree, format, file} = await readSource({path, bytes})
  expect(format).toBe('docx')
  // No reader messages at all: not even one per Word style the reader does not map.
  expect(file.messages.map((m) => m.reason)).toEqual([])
  expect(tree.children.some((node) => node.type === 'table')).toBe(true)
  return (await parsePolicy({path, bytes}, {registry})).policy
}

describe('政策原文.docx', () => {
  it('is written for the sample and listed on the index page', async () => {
    const {report, text} = await sampleDocx()
    const names = report.documents.map((d) => d.name)
    expect(names).toContain('政策原文.docx')
    expect(text('index.html')).toContain(`href="${encodeURIComponent('政策原文.docx')}"`)
    expect(text('index.html')).toContain('政策原文.docx</a>')
  })

  it('reads back to the tree of the source text, apart from positions', async () => {
    const {outDir} = await sampleDocx()
    const path = join(outDir, '政策原文.docx')
    expect(existsSync(path)).toBe(true)
    const [source, back] = await Promise.all([sourceTree(), readBack(path)])

    // Part by part, so that a difference names the part.
    expect(back.title).toBe(source.title)
    expect(back.status).toBe('征求意见稿')
    expect(back.meta).toEqual(source.meta)
    expect(withoutPositions(back.preamble)).toEqual(withoutPositions(source.preamble))

    expect(back.children.length).toBe(8)
    expect(back.children.map((d) => [d.label, d.labelPunctuation, d.title, d.leads.map((u) => [u.written, u.name, u.role])])).toEqual(
      source.children.map((d) => [d.label, d.labelPunctuation, d.title, d.leads.map((u) => [u.written, u.name, u.role])])
    )
    expect(back.children.map((d) => withoutPositions(d.intro))).toEqual(source.children.map((d) => withoutPositions(d.intro)))

    const clauses = (policy: Policy) => policy.children.flatMap((d) => d.children)
    const backClauses = clauses(back)
    const sourceClauses = clauses(source)
    expect(backClauses.length).toBe(68)
    for (const [i, clause] of sourceClauses.entries()) {
      const other = backClauses[i]!
      const fields = (c: typeof clause) => ({
        number: c.number,
        label: c.label,
        labelPunctuation: c.labelPunctuation,
        title: c.title,
        body: c.body,
        unitsText: c.unitsText,
        group: c.group,
        units: withoutPositions(c.units)
      })
      expect(fields(other), `clause ${clause.number}`).toEqual(fields(clause))
    }

    expect(withoutPositions(back.closing)).toEqual(withoutPositions(source.closing))
    expect(back.appendix?.children.length).toBe(30)
    expect(withoutPositions(back.appendix)).toEqual(withoutPositions(source.appendix))

    // And the whole tree at once (extraction fields included: they are computed from the same text).
    expect(withoutPositions(back)).toEqual(withoutPositions(source))
  })
})
