/**
 * Extraction bench: precision and recall of the measures extracted from the sample against the
 * hand-labelled set (test/fixtures/extract/sample-measures.json), with misses and false positives.
 *
 *   node --import tsx bench/extract.ts          # scores
 *   node --import tsx bench/extract.ts --dump   # also every extracted measure
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {enrichPolicy} from '../src/extract/index.ts'
import {scoreMeasures, type LabelledMeasure, type PredictedMeasure, type Score} from '../src/extract/score.ts'
import {parsePolicy} from '../src/parse/index.ts'
import type {Policy} from '../src/tree/types.ts'

const labelsPath = fileURLToPath(new URL('../test/fixtures/extract/sample-measures.json', import.meta.url))
export const samplePath = fileURLToPath(new URL('../source/xiuzhou-2024.txt', import.meta.url))

/** The sample parsed (src/parse) and enriched (src/extract). */
export async function enrichedSample(): Promise<Policy> {
  const {policy} = await parsePolicy({path: samplePath, bytes: readFileSync(samplePath)})
  enrichPolicy(policy)
  return policy
}

export function predictions(policy: Policy): PredictedMeasure[] {
  return policy.children.flatMap((d) => d.children.flatMap((c) => c.measures.map((m) => ({clause: c.number, ...m}))))
}

export function loadLabels(): LabelledMeasure[] {
  return (JSON.parse(readFileSync(labelsPath, 'utf8')) as {measures: LabelledMeasure[]}).measures
}

const show = (m: {clause: number; kind: string; value: number; unit: string; who: string}): string =>
  `  第${m.clause}条 ${m.kind} ${m.value}${m.unit}  ${m.who}`

export async function benchExtract(options: {dump?: boolean} = {}): Promise<Score> {
  const policy = (await parsePolicy({path: samplePath, bytes: readFileSync(samplePath)})).policy
  const t0 = performance.now()
  enrichPolicy(policy)
  const ms = performance.now() - t0
  const predicted = predictions(policy)
  const score = scoreMeasures(predicted, loadLabels())
  if (options.dump) {
    for (const m of predicted) {
      const extra = [m.conditions ? `条件: ${m.conditions.join(' / ')}` : '', m.alternative ? `或 ${m.alternative.value}（${m.alternative.who}）` : '']
      console.log(`${show(m)}  «${m.text}» ${extra.filter(Boolean).join(' ')}`)
    }
  }
  console.log(`extract: ${score.predicted} measures predicted, ${score.labelled} labelled, ${score.truePositives} matched (enrichPolicy ${ms.toFixed(1)} ms)`)
  console.log(`precision ${score.precision.toFixed(3)}  recall ${score.recall.toFixed(3)}`)
  if (score.misses.length) console.log(`misses:\n${score.misses.map(show).join('\n')}`)
  if (score.falsePositives.length) console.log(`false positives:\n${score.falsePositives.map(show).join('\n')}`)
  for (const {predicted: p, labelled: l} of score.alternativeMismatches)
    console.log(`alternative differs: 第${l.clause}条 ${l.value}${l.unit}: labelled ${l.alternative?.value ?? '-'}, predicted ${p.alternative?.value ?? '-'}`)
  return score
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchExtract({dump: process.argv.includes('--dump')})
}
