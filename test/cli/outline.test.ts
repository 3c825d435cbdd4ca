// The `parse` outline names tasks as the document numbers them and marks registry gaps only
// when a registry was loaded.
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {outline} from '../../src/cli/commands/parse.ts'
import {loadSource, parseSource} from '../../src/cli/source.ts'

const root = path.resolve(import.meta.dirname, '../..')

async function show(file: string): Promise<string> {
  const input = await loadSource(file, root, undefined)
  const {policy} = await parseSource(input)
  return outline(policy, file, {registry: input.registry !== undefined})
}

describe('parse outline', () => {
  it('shows a flat list with its own labels under one unnamed part, without registry marks', async () => {
    const text = await show('test/fixtures/corpus/guobanfa-2018-117-jili.txt')
    expect(text).toContain('（不分部分）（共 30 条）')
    expect(text).toMatch(/\n {2,}八、 对防范化解金融风险.* {2}人民银行（牵头）、银保监会、证监会\n/)
    expect(text).not.toContain('名录中没有')
  })

  it('shows （一） tasks, unnumbered tasks and table deadlines as written', async () => {
    expect(await show('test/fixtures/corpus/guofa-2018-39-jiuye.txt')).toMatch(/\n {3}（一） 加大稳岗支持力度 {2}人力资源社会保障部（牵头）、财政部\n/)
    expect(await show('test/fixtures/corpus/guobanfa-2018-128-wufei.txt')).toMatch(/\n {5}· 严格控制增量，逐步解决工业固体废物历史遗留问题 {2}生态环境部（牵头）、工业和信息化部\n/)
    expect(await show('test/fixtures/corpus/pingtan-2016-62-shengtai-yaodian.txt')).toMatch(/组织编制我区生态文明建设规划 {2}区环土局（牵头） {2}时限：12月\n/)
  })

  it('keeps the sample as the README shows it, with registry marks available', async () => {
    const text = await show('source/xiuzhou-2024.txt')
    expect(text).toContain('source/xiuzhou-2024.txt：8 个政策领域，68 条条款，附件 30 项\n\n1、 扩大有效投资政策  牵头：区发改局（条款 1–7，共 7 条）\n    1. 发挥重大建设项目带动支撑作用  区发改局（牵头）、区资规分局\n')
  })
})
