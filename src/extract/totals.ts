/**
 * The total support funds a policy states outside its clauses (`…支持总额约26亿元`), from the
 * closing paragraphs first, then the preamble.
 */
import type {FundsTotal, Policy, Text} from '../tree/types.ts'
import {NUM, toNumber} from './text.ts'

const total = new RegExp(`总额(约|近|超过?)?(${NUM})(亿元|万元|元)`)

export function locateFundsTotal(policy: Policy): {total: FundsTotal; node: Text; start: number} | undefined {
  const places: Array<['closing' | 'preamble', Text[]]> = [
    ['closing', policy.closing],
    ['preamble', policy.preamble]
  ]
  for (const [place, paragraphs] of places) {
    for (const [i, node] of paragraphs.entries()) {
      let start = 0
      for (const sentence of node.value.split(/(?<=[。！？])/)) {
        const match = total.exec(sentence)
        if (match) {
          const text = sentence.trim()
          const value = toNumber(match[2]!)
          const found: FundsTotal = {value, unit: match[3]!, qualifier: match[1] ?? '', text, place, paragraph: i + 1}
          return {total: found, node, start: start + sentence.indexOf(text)}
        }
        start += sentence.length
      }
    }
  }
  return undefined
}
