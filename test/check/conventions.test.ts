/**
 * Rules that judge consistency learn the document's own convention first: a document that names
 * no part leads, writes no duties, numbers per group or by chapter, or aligns titles with spaces
 * is not wrong for it; real slips in such documents are still found.
 */
import {describe, expect, it} from 'vitest'
import {check, summaryOf} from './helpers.ts'

const run = (lines: string[]) => check(lines.join('\n') + '\n', {registry: null})

describe('checks follow the document’s convention', () => {
  it('asks for part leads and duty lists only where the document writes them', async () => {
    const messages = await run(['某市意见', '一、总体要求', '（一）指导思想。坚持稳中求进。', '二、主要任务', '（二）推进改革。深化改革。', '（三）扩大开放。稳外贸。'])
    expect(summaryOf(messages)).toEqual([])
  })

  it('asks for a duty list on a task only when the other tasks carry one, not on context parts', async () => {
    const messages = await run([
      '某市方案',
      '一、总体要求',
      '（一）指导思想。坚持稳中求进。',
      '二、主要任务',
      '（一）推进改革。深化改革。（市发改委负责）',
      '（二）扩大开放。稳外贸。',
      '（三）本方案自印发之日起施行。'
    ])
    expect(summaryOf(messages)).toEqual(['6 clause-units-missing'])
    expect(messages[0]!.reason).toBe('第 （二） 条没有责任单位，应在条末写明“（责任单位：……）”')
  })

  it('checks numbering per group when every group restarts, and finds a real gap', async () => {
    const base = ['某市方案', '一、主要任务', '（一）基础设施', '（1）建设基站。（市工信局负责）', '（2）建设算力。（市发改委负责）', '（二）数字产业', '（1）培育软件。（市工信局负责）']
    expect(summaryOf(await run(base))).toEqual([])
    const gap = await run([...base, '（3）发展文旅。（市文旅局负责）'])
    expect(summaryOf(gap)).toEqual(['8 clause-numbering'])
  })

  it('accepts chapters as part numbers and spaces that align an article label, but not spaces inside a number', async () => {
    const messages = await run(['某办法', '第一章　总则', '第一条 　为规范管理，制定本办法。', '第二章　附则', '第二条 　本办法自20 24年1月1日起施行。'])
    expect(summaryOf(messages)).toEqual(['5 stray-whitespace'])
    expect(messages[0]!.reason).toMatch(/数字/)
  })

  it('reports a chapter out of order once', async () => {
    const messages = await run(['某办法', '第一章　总则', '第一条　甲。', '第三章　附则', '第二条　乙。'])
    expect(summaryOf(messages)).toEqual(['4 domain-numbering'])
  })
})
