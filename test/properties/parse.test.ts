/**
 * Reader and parser properties: any string or byte sequence gives a tree and messages, never a
 * throw; a policy-shaped text keeps every clause (count, numbers, and its text without loss).
 */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {readFileSync} from 'node:fs'
import {readSource, readText} from '../../src/read/index.ts'
import {parsePolicy} from '../../src/parse/index.ts'
import {loadRegistry} from '../../src/units/registry.ts'
import type {Policy} from '../../src/tree/types.ts'
import {clauseLines, policySpec, policyText} from './arbitraries.ts'

const registry = loadRegistry(new URL('../../source/xiuzhou-units.yml', import.meta.url).pathname)
const sample = readFileSync(new URL('../../source/xiuzhou-2024.txt', import.meta.url), 'utf8')

const paths = ['a.txt', 'a.md', 'a.docx', 'a.markdown', 'noext']

function expectPolicy(policy: Policy): void {
  expect(policy.type).toBe('policy')
  expect(Array.isArray(policy.children)).toBe(true)
  expect(typeof policy.title).toBe('string')
  for (const d of policy.children) for (const c of d.children) expect(typeof c.body).toBe('string')
}

/** Strings that look like pieces of a policy (lines of the sample, tabs, brackets) spliced with noise. */
const policyish = fc
  .array(
    fc.oneof(
      fc.constantFrom(...sample.split('\n').slice(0, 120)),
      fc.constantFrom('\t', '\n', '\r\n', '\r', '（', '）', '（责任单位：', '、', '附件：', '一、', '1.', '（一）', '第一条', '# ', '| a | b |\n|---|---|', '---\n', '[bookmark: _GoBack]', '\u3000', '\uFEFF', '\u0000'),
      fc.string({maxLength: 20}),
      fc.string({unit: 'binary', maxLength: 10})
    ),
    {maxLength: 40}
  )
  .map((parts) => parts.join(''))

describe('readers and parser never throw', () => {
  it('on arbitrary strings (every format by file name)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({maxLength: 400}), fc.string({unit: 'binary', maxLength: 200}), policyish), fc.constantFrom(...paths), async (text, path) => {
        const read = readText({path, text})
        expect(read.tree.type).toBe('root')
        const {policy, file} = await parsePolicy({path, text}, {registry})
        expectPolicy(policy)
        expect(Array.isArray(file.messages)).toBe(true)
      }),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 100)}
    )
  })

  it('on arbitrary bytes (every format by file name, zip-looking bytes included)', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({maxLength: 400}),
      fc.uint8Array({maxLength: 200}).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b])),
      fc.uint8Array({maxLength: 200}).map((b) => Uint8Array.from([0xef, 0xbb, 0xbf, ...b])),
      fc.uint8Array({maxLength: 200}).map((b) => Uint8Array.from([0xff, 0xfe, ...b])),
      policyish.map((s) => new TextEncoder().encode(s))
    )
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom(...paths), async (data, path) => {
        const read = await readSource({path, bytes: data})
        expect(read.tree.type).toBe('root')
        const {policy, file} = await parsePolicy({path, bytes: data}, {registry})
        expectPolicy(policy)
        expect(Array.isArray(file.messages)).toBe(true)
      }),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 100)}
    )
  })

  it('on full-Unicode strings (astral planes, lone surrogates)', async () => {
    const text = fc.oneof(fc.string({unit: 'grapheme', maxLength: 200}), fc.string({unit: 'binary', maxLength: 200}), fc.string({unit: fc.integer({min: 0, max: 0xffff}).map((c) => String.fromCharCode(c)), maxLength: 200}))
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom('a.txt', 'a.md'), async (t, path) => {
        expectPolicy((await parsePolicy({path, text: t}, {registry})).policy)
        expectPolicy((await parsePolicy({path, bytes: new TextEncoder().encode(t)}, {registry})).policy)
      }),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 100)}
    )
  })
})

describe('policy-shaped text parses without loss', () => {
  it('keeps every clause: count, numbers, and label + title + body + units = the source line', async () => {
    await fc.assert(
      fc.asyncProperty(policySpec, async (spec) => {
        const text = policyText(spec)
        const {policy} = await parsePolicy({path: 'policy.txt', text})
        const clauses = policy.children.flatMap((d) => d.children)
        const lines = clauseLines(spec)
        expect(policy.children.length).toBe(spec.domains.length)
        expect(clauses.map((c) => c.number)).toEqual(lines.map((_, i) => i + 1))
        expect(clauses.map((c) => c.label + c.labelPunctuation + c.title + c.body + c.unitsText)).toEqual(lines.map((l) => l.trim()))
        expect(policy.appendix?.children.length ?? 0).toBe(spec.appendix.length)
      }),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 60)}
    )
  })
})
