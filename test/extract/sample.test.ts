import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {enrichedSample, loadLabels, predictions, samplePath} from '../../bench/extract.ts'
import {extractMeasures} from '../../src/extract/measures.ts'
import {scoreMeasures} from '../../src/extract/score.ts'
import type {Position} from '../../src/tree/types.ts'

const source = readFileSync(samplePath, 'utf8')
const policy = await enrichedSample()
const clauses = policy.children.flatMap((d) => d.children)
const at = (p: Position | undefined, length: number): string => {
  expect(p).toBeDefined()
  expect(p!.end.offset! - p!.start.offset!).toBe(length)
  return source.slice(p!.start.offset, p!.end.offset)
}

/** Levels reached on the sample (node --import tsx bench/extract.ts); regressions fail here. */
const FLOOR = {precision: 1, recall: 1}

describe('the sample against the hand-labelled set', () => {
  it(`precision ≥ ${FLOOR.precision} and recall ≥ ${FLOOR.recall}`, () => {
    const score = scoreMeasures(predictions(policy), loadLabels())
    expect(score.misses).toEqual([])
    expect(score.falsePositives).toEqual([])
    expect(score.precision).toBeGreaterThanOrEqual(FLOOR.precision)
    expect(score.recall).toBeGreaterThanOrEqual(FLOOR.recall)
    expect(score.alternativeMismatches).toEqual([])
  })
})

describe('enrichPolicy on the parsed sample', () => {
  it('fills every clause and domain and matches extractMeasures on the clause text', () => {
    expect(clauses).toHaveLength(68)
    for (const c of clauses) {
      expect(c.measures.map(({position: _p, ...m}) => m)).toEqual(extractMeasures(c.title + c.body))
    }
    expect(clauses.flatMap((c) => c.budgets).map((b) => b.total.value)).toEqual([7.22, 11.98, 1.89, 0.69, 5.56, 0.21, 0.89, 14.88])
    expect(policy.children.map((d) => d.targets.length)).toEqual([2, 2, 3, 1, 2, 3, 2, 0])
  })

  it('positions point at the verbatim source span of every measure, target and budget', () => {
    let n = 0
    for (const c of clauses) {
      for (const m of c.measures) expect(at(m.position, m.text.length)).toBe(m.text), n++
      for (const t of c.targets) expect(at(t.position, t.text.length)).toBe(t.text), n++
      for (const b of c.budgets) expect(at(b.position, b.text.length)).toBe(b.text), n++
    }
    for (const d of policy.children) for (const t of d.targets) expect(at(t.position, t.text.length)).toBe(t.text), n++
    expect(n).toBeGreaterThan(140)
  })

  it('line and column agree with the offset (clause 37 follows a [bookmark] artefact)', () => {
    const lines = source.split('\n')
    const c37 = clauses.find((c) => c.number === 37)!
    for (const c of [...clauses.filter((c) => c.measures.length), c37])
      for (const item of [...c.measures, ...c.targets]) {
        const {line, column} = item.position!.start
        expect(lines[line - 1]!.slice(column - 1, column - 1 + item.text.length)).toBe(item.text)
      }
  })
})

describe('the stated total support funds', () => {
  it('is read from the closing paragraph, with its place', () => {
    const total = policy.fundsTotal
    expect(total).toMatchObject({value: 26, unit: '亿元', qualifier: '约', place: 'closing', paragraph: 1})
    expect(at(total!.position, total!.text.length)).toBe(total!.text)
    expect(total!.text).toContain('支持总额约26亿元')
  })
})
