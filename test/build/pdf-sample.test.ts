/**
 * The PDFs of the real sample, read back with pdfjs: the notice holds every clause in reading
 * order, each task list the clauses its unit leads, and no line of any document starts with
 * closing punctuation or ends with opening punctuation; fonts are embedded as subsets.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {closing, opening} from '../../src/write/pdf/lines.ts'
import {extract, lines} from '../write-pdf/extract.ts'
import {findInOrder, readsInOrder, squash} from '../helpers/text.ts'
import {listFiles, sampleBuild} from './sample.ts'

describe('the PDFs of the sample', async () => {
  const built = await sampleBuild()
  const pdfs = listFiles(built.outDir).filter((name) => name.endsWith('.pdf'))
  const read = new Map(await Promise.all(pdfs.map(async (name) => [name, await extract(new Uint8Array(readFileSync(`${built.outDir}/${name}`)))] as const)))
  const text = (name: string) => squash(read.get(name)!.items.map((item) => item.str).join(''))
  const clauses = built.policy.children.flatMap((domain) => domain.children)

  it('writes the notice, the interpretation, the policy and a task list per unit', () => {
    expect(pdfs).toEqual(expect.arrayContaining(['责任分工通知.pdf', '政策解读.pdf', '政策原文.pdf', '各单位任务清单/区发改局.pdf']))
    expect(pdfs.filter((name) => name.startsWith('各单位任务清单/')).length).toBeGreaterThan(20)
  })

  it('the notice holds every clause, title and body, in order', () => {
    const notice = text('责任分工通知.pdf')
    // Each clause is looked for after the one before it, so all 68 found means all 68 in order.
    let at = 0
    const missing: number[] = []
    for (const clause of clauses) {
      const title = findInOrder(notice, squash(clause.title), at)
      const body = title === -1 ? -1 : findInOrder(notice, squash(clause.body), title)
      if (body === -1) missing.push(clause.number)
      else at = body
    }
    expect(missing).toEqual([])
  })

  it('each task list holds the clauses its unit leads', () => {
    for (const name of pdfs.filter((n) => n.startsWith('各单位任务清单/'))) {
      const unit = name.slice('各单位任务清单/'.length, -'.pdf'.length)
      const list = text(name)
      for (const clause of clauses.filter((c) => c.units[0]?.name === unit)) {
        expect(readsInOrder(list, squash(clause.title)), `${unit} 第${clause.number}条`).toBe(true)
      }
    }
  })

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    const bad: string[] = []
    for (const [name, {items}] of read) {
      for (const line of lines(items)) {
        const chars = [...line.text.trim()]
        if (chars.length > 0 && (closing.has(chars[0]!) || opening.has(chars[chars.length - 1]!))) bad.push(`${name} p${line.page}: ${line.text}`)
      }
    }
    expect(bad).toEqual([])
  })

  it('embeds its fonts as subsets', () => {
    for (const [name, {fonts}] of read) expect(fonts.every((font) => /^[A-Z]{6}\+/.test(font)), name).toBe(true)
  })
})
