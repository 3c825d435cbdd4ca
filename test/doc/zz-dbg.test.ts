import {it} from 'vitest'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import {plainBlocks} from '../../src/doc/plain.ts'
const strip = (n: any): any => Array.isArray(n) ? n.map(strip) : n && typeof n === 'object' ? Object.fromEntries(Object.entries(n).map(([k, v]) => [k, k === 'position' ? `${(v as any).start.line}:${(v as any).start.column}(${(v as any).start.offset})-${(v as any).end.line}:${(v as any).end.column}(${(v as any).end.offset})` : strip(v)])) : n
it('dbg', () => {
  for (const t of (process.env.T ?? '').split('|||')) {
    console.log(JSON.stringify(strip((unified().use(remarkParse).parse(t) as any).children), null, 1))
    console.log(JSON.stringify(strip(plainBlocks(t)), null, 1))
  }
})
