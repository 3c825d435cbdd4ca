/**
 * A synthetic plain-text policy `times` × the sample: 8×times domains (Chinese-numeral
 * headings), 68×times clauses numbered continuously, the sample's appendix once at the end.
 * Each copy after the first adds three units of its own (about 300 distinct units at 100×).
 */
import {readFileSync} from 'node:fs'

const sample = readFileSync(new URL('../source/xiuzhou-2024.txt', import.meta.url), 'utf8')

function chinese(n: number): string {
  const d = '零一二三四五六七八九'
  if (n < 10) return d[n]!
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`
  if (n < 100) return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`
  const rest = n % 100
  return `${d[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${d[rest]}` : rest < 20 ? `一${chinese(rest)}` : chinese(rest)}`
}

export function syntheticPolicy(times: number): string {
  const lines = sample.split('\n')
  const appendixAt = lines.findIndex((l) => l.startsWith('附件'))
  const head = lines.slice(0, 7)
  const body = lines.slice(7, 91)
  const closing = lines.slice(91, appendixAt)
  const appendix = lines.slice(appendixAt)
  const out = [...head]
  let domain = 0
  let clause = 0
  for (let copy = 0; copy < times; copy++) {
    const extra = copy === 0 ? [] : [`区专班${copy}甲办`, `区专班${copy}乙办`, `区专班${copy}丙中心`]
    for (const line of body) {
      const heading = /^(?:[一二三四五六七八九十]+|1)、\s*(.*)$/.exec(line)
      if (heading) {
        out.push(`${chinese(++domain)}、${heading[1]}`)
        continue
      }
      const numbered = /^(?:\[bookmark: _GoBack\])?\d+[.．](.*)$/.exec(line)
      if (numbered) {
        const text = extra.length > 0 ? numbered[1]!.replace(/）$/, `、${extra[clause % 3]}）`) : numbered[1]!
        out.push(`${++clause}.${text}`)
        continue
      }
      out.push(line)
    }
  }
  out.push(...closing, ...appendix)
  return out.join('\n')
}
