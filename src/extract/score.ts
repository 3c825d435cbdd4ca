/**
 * Precision and recall of extracted measures against a hand-labelled set. A prediction matches a
 * label when clause, kind, value and unit are equal; each label is matched at most once.
 */
import type {Measure} from '../tree/types.ts'

export interface LabelledMeasure {
  clause: number
  kind: Measure['kind']
  value: number
  unit: string
  who: string
  alternative?: {value: number; who: string}
}

export interface PredictedMeasure extends Measure {
  clause: number
}

export interface Score {
  precision: number
  recall: number
  truePositives: number
  predicted: number
  labelled: number
  /** labels no prediction matched */
  misses: LabelledMeasure[]
  /** predictions that matched no label */
  falsePositives: PredictedMeasure[]
  /** matched pairs whose alternative value differs (present on one side only, or other value) */
  alternativeMismatches: Array<{predicted: PredictedMeasure; labelled: LabelledMeasure}>
}

const key = (m: {clause: number; kind: string; value: number; unit: string}): string =>
  `${m.clause}|${m.kind}|${m.value}|${m.unit}`

export function scoreMeasures(predicted: PredictedMeasure[], labelled: LabelledMeasure[]): Score {
  const pool = new Map<string, LabelledMeasure[]>()
  for (const l of labelled) {
    const k = key(l)
    pool.set(k, [...(pool.get(k) ?? []), l])
  }
  const falsePositives: PredictedMeasure[] = []
  const alternativeMismatches: Score['alternativeMismatches'] = []
  let tp = 0
  for (const p of predicted) {
    const l = pool.get(key(p))?.shift()
    if (!l) {
      falsePositives.push(p)
      continue
    }
    tp++
    if ((l.alternative?.value ?? null) !== (p.alternative?.value ?? null)) alternativeMismatches.push({predicted: p, labelled: l})
  }
  const misses = [...pool.values()].flat()
  return {
    precision: predicted.length ? tp / predicted.length : 1,
    recall: labelled.length ? tp / labelled.length : 1,
    truePositives: tp,
    predicted: predicted.length,
    labelled: labelled.length,
    misses,
    falsePositives,
    alternativeMismatches
  }
}
