/**
 * Round trips: `policyToMarkdown` then parse gives the same tree (positions aside), for the sample
 * and generated policies; the policy's Markdown written as .docx (parseDocument → writeDocx)
 * reads back (src/read docx via mammoth) to the same tree, apart from the front matter (status, meta);
 * and the policy document the build writes (view `policy` → template → .docx) reads back to the
 * whole tree, status line included (the sample: test/build/policy-docx.test.ts).
 */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parsePolicy} from '../../src/parse/index.ts'
import {policyToMarkdown} from '../../src/import/index.ts'
import {parseDocument} from '../../src/doc/parse.ts'
import {loadRegistry} from '../../src/units/registry.ts'
import type {Policy} from '../../src/tree/types.ts'
import {loadTemplates, render} from '../../src/template/index.ts'
import {policyDocuments} from '../../src/view/policy.ts'
import {policySpec, policyText} from './arbitraries.ts'
import {withoutPositions} from '../helpers/tree.ts'

const registry = loadRegistry(fileURLToPath(new URL('../../source/xiuzhou-units.yml', import.meta.url)))
const samplePath = fileURLToPath(new URL('../../source/xiuzhou-2024.txt', import.meta.url))


async function viaMarkdown(policy: Policy): Promise<Policy> {
  return (await parsePolicy({path: 'policy.md', text: policyToMarkdown(policy)}, {registry})).policy
}

describe('policyToMarkdown → parse', () => {
  it('gives the same tree for the sample', async () => {
    const {policy} = await parsePolicy({path: samplePath, bytes: readFileSync(samplePath)}, {registry})
    expect(withoutPositions(await viaMarkdown(policy))).toEqual(withoutPositions(policy))
  })

  it('keeps a bare URL followed by escaped text (regression: GFM autolink literal kept the backslash)', async () => {
    const text = '推动方案\n一、[链接](http://x.example)*政策\n1.标题http://x.example/a_b*。正文。（责任单位：区发改局）\n'
    const {policy} = await parsePolicy({path: 'policy.txt', text}, {registry})
    const back = await viaMarkdown(policy)
    expect(back.children[0]!.title).toBe('[链接](http://x.example)*政策')
    expect(withoutPositions(back)).toEqual(withoutPositions(policy))
  })

  it('gives the same tree for generated policies', async () => {
    await fc.assert(
      fc.asyncProperty(policySpec, async (spec) => {
        const {policy} = await parsePolicy({path: 'policy.txt', text: policyText(spec)}, {registry})
        expect(withoutPositions(await viaMarkdown(policy))).toEqual(withoutPositions(policy))
      }),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 50)}
    )
  })
})

const docxWriter = fileURLToPath(new URL('../../src/write/docx/index.ts', import.meta.url))

describe.runIf(existsSync(docxWriter))('policy Markdown → .docx → read back', () => {
  const toDocx = async (policy: Policy): Promise<Policy> => {
    const {writeDocx} = (await import('../../src/write/docx/index.ts')) as {writeDocx: (doc: ReturnType<typeof parseDocument>) => Promise<Uint8Array>}
    const bytes = await writeDocx(parseDocument(policyToMarkdown(policy)))
    return (await parsePolicy({path: 'policy.docx', bytes}, {registry})).policy
  }

  it('gives the same clauses, domains and appendix for the sample', async () => {
    const {policy} = await parsePolicy({path: samplePath, bytes: readFileSync(samplePath)}, {registry})
    const back = await toDocx(policy)
    // Compared part by part so a difference names the part.
    expect(back.title).toBe(policy.title)
    expect(withoutPositions(back.children)).toEqual(withoutPositions(policy.children))
    expect(withoutPositions(back.preamble)).toEqual(withoutPositions(policy.preamble))
    expect(withoutPositions(back.closing)).toEqual(withoutPositions(policy.closing))
    expect(withoutPositions(back.appendix)).toEqual(withoutPositions(policy.appendix))
    // Not carried: the status and meta live in the Markdown front matter, which parseDocument turns
    // into DocMeta; writeDocx prints only the official frame fields from it, so they are not in the
    // .docx body and cannot read back. The policy document (view `policy`) prints the status line.
    expect(back.status).toBeUndefined()
  })

  it('gives the same tree for generated policies', async () => {
    await fc.assert(
      fc.asyncProperty(policySpec, async (spec) => {
        const {policy} = await parsePolicy({path: 'policy.txt', text: policyText(spec)}, {registry})
        const back = await toDocx(policy)
        expect(withoutPositions({...back, meta: {}, status: undefined})).toEqual(withoutPositions({...policy, meta: {}, status: undefined}))
      }),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 10)}
    )
  })
})

describe.runIf(existsSync(docxWriter))('policy document (view `policy`) → .docx → read back', () => {
  const templates = loadTemplates()
  const toDocx = async (policy: Policy): Promise<Policy> => {
    const {writeDocx} = (await import('../../src/write/docx/index.ts')) as {writeDocx: (doc: ReturnType<typeof parseDocument>) => Promise<Uint8Array>}
    const [document] = policyDocuments({policy, config: {}, registry})
    const bytes = await writeDocx(parseDocument(render(templates, document!.template, document!.data)))
    return (await parsePolicy({path: 'policy.docx', bytes}, {registry})).policy
  }

  it('gives the same tree, status line included, for generated policies', async () => {
    await fc.assert(
      fc.asyncProperty(policySpec, async (spec) => {
        const {policy} = await parsePolicy({path: 'policy.txt', text: policyText(spec)}, {registry})
        expect(withoutPositions(await toDocx(policy))).toEqual(withoutPositions(policy))
      }),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 10)}
    )
  })
})
