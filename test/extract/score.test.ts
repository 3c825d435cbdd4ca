import {describe, expect, it} from 'vitest'
import {scoreMeasures, type LabelledMeasure, type PredictedMeasure} from '../../src/extract/score.ts'

const label = (clause: number, kind: LabelledMeasure['kind'], value: number, unit = '万元'): LabelledMeasure => ({clause, kind, value, unit, who: ''})
const pred = (clause: number, kind: PredictedMeasure['kind'], value: number, unit = '万元'): PredictedMeasure => ({clause, kind, value, unit, who: '', text: ''})

describe('scoreMeasures', () => {
  it('matches on clause, kind, value and unit, each label once', () => {
    const s = scoreMeasures(
      [pred(1, 'amount', 10), pred(1, 'amount', 10), pred(2, 'cap', 10), pred(3, 'rate', 8, '%')],
      [label(1, 'amount', 10), label(2, 'amount', 10), label(3, 'rate', 8, '%'), label(4, 'amount', 5, '元/亩')]
    )
    expect([s.truePositives, s.precision, s.recall]).toEqual([2, 0.5, 0.5])
    expect(s.misses.map((m) => m.clause)).toEqual([2, 4])
    expect(s.falsePositives.map((m) => [m.clause, m.kind])).toEqual([
      [1, 'amount'],
      [2, 'cap']
    ])
  })

  it('reports alternatives that differ and handles empty sets', () => {
    const s = scoreMeasures([{...pred(24, 'amount', 400)}], [{...label(24, 'amount', 400), alternative: {value: 300, who: ''}}])
    expect(s.alternativeMismatches).toHaveLength(1)
    expect(scoreMeasures([], [])).toMatchObject({precision: 1, recall: 1})
  })
})
