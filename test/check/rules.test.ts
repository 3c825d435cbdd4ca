import {readdirSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {rules} from '../../src/check/index.ts'
import {check, fixtures, readFixture, summaryOf} from './helpers.ts'

/** Where each invalid fixture must be reported: `line ruleId` for every message. */
const expected: Record<string, string[]> = {
  'domain-numbering': ['9 domain-numbering'],
  'clause-numbering': ['12 clause-numbering'],
  'number-punctuation': ['12 number-punctuation'],
  'appendix-numbering': ['33 appendix-numbering'],
  'unit-unknown': ['12 unit-unknown'],
  'unit-alias': ['12 unit-alias'],
  'unit-inconsistent': ['11 unit-inconsistent'],
  'unit-list-syntax': ['7 unit-list-syntax', '12 unit-list-syntax'],
  'clause-units-missing': ['12 clause-units-missing'],
  'domain-lead-missing': ['9 domain-lead-missing'],
  'repeated-sentence': ['7 repeated-sentence'],
  'duplicate-clause': ['12 duplicate-clause'],
  'duplicate-appendix-item': ['28 duplicate-appendix-item'],
  'appendix-domain-mismatch': ['32 appendix-domain-mismatch'],
  'budget-sum': ['8 budget-sum'],
  'respectively-count': ['11 respectively-count'],
  'mixed-width-digits': ['6 mixed-width-digits'],
  'conversion-leftover': ['8 conversion-leftover'],
  'stray-whitespace': ['4 stray-whitespace', '4 stray-whitespace'],
  'xml-invalid-character': ['7 xml-invalid-character', '8 xml-invalid-character']
}

describe('rule fixtures', () => {
  it('has a fixture pair and an expectation for every rule, and nothing else', () => {
    const ids = rules.map((rule) => rule.id).sort()
    const folders = readdirSync(fixtures, {withFileTypes: true})
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
    expect(folders).toEqual(ids)
    expect(Object.keys(expected).sort()).toEqual(ids)
  })

  it('the shared base document is clean', async () => {
    expect(summaryOf(await check(readFixture('base.txt')))).toEqual([])
  })

  for (const rule of rules) {
    describe(rule.id, () => {
      it('reports the invalid fixture, and only with this rule', async () => {
        const messages = await check(readFixture(`${rule.id}/invalid.txt`))
        expect(summaryOf(messages)).toEqual(expected[rule.id])
        for (const message of messages) {
          expect(message.source).toBe('policy-press')
          expect(message.reason).toMatch(/[\u4e00-\u9fff]/)
          expect(message.fatal).toBe(rule.severity === 'error' ? true : rule.severity === 'warning' ? false : undefined)
        }
      })

      it('stays silent on the valid fixture', async () => {
        expect(summaryOf(await check(readFixture(`${rule.id}/valid.txt`)))).toEqual([])
      })

      it('has a kebab-case id and a Chinese doc line', () => {
        expect(rule.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/)
        expect(rule.doc).toMatch(/[\u4e00-\u9fff]/)
        expect(rule.doc).not.toContain('\n')
      })
    })
  }
})
