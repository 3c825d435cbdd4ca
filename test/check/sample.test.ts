/**
 * The sample draft is the acceptance test: every message it produces is pinned here, each one a
 * real problem of the draft (see the comments). A new message on the sample is either a newly
 * found problem (add it with its reason) or noise (fix the rule).
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {checkPolicy} from '../../src/check/index.ts'
import {formatHuman, formatJson, hasErrors} from '../../src/check/format.ts'
import {parsePolicy} from '../../src/parse/index.ts'
import {loadRegistry} from '../../src/units/registry.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))

async function checkSample() {
  const registry = loadRegistry(root + 'source/xiuzhou-units.yml')
  const bytes = readFileSync(root + 'source/xiuzhou-2024.txt')
  const {policy, file} = await parsePolicy({path: 'source/xiuzhou-2024.txt', bytes}, {registry})
  const messages = checkPolicy(policy, file, {registry})
  return {file, messages}
}

describe('the sample draft (source/xiuzhou-2024.txt)', () => {
  it('reports exactly its real problems', async () => {
    const {messages} = await checkSample()
    expect(messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual([
      '8:1 domain-numbering', // `1、 扩大有效投资政策`: the first domain is numbered 1, the others 二…八
      '8:3 stray-whitespace', // a space after `1、`
      '20:103 unit-inconsistent', // 区资规局 in clause 9; 14 other places write 区资规分局
      '27:325 unit-list-syntax', // `区税务局、）`: empty last entry in clause 16
      '32:1 number-punctuation', // 19． 20． 22． … 26． 29． use a full-width dot; the other 60 use `.`
      '33:1 number-punctuation',
      '35:1 number-punctuation',
      '36:1 number-punctuation',
      '37:1 number-punctuation',
      '38:1 number-punctuation',
      '39:1 number-punctuation',
      '42:1 number-punctuation',
      '52:1 conversion-leftover', // `[bookmark: _GoBack]` before clause 37
      '68:17 repeated-sentence', // clause 49: title sentence written twice
      '82:14 unit-inconsistent', // 由区人力社保局牵头实施; everywhere else 区人社局
      '88:191 unit-inconsistent', // 区卫生健康局 in clause 65; everywhere else 区卫健局
      '119:2 duplicate-appendix-item', // appendix item 4 repeats item 1 word for word
      '148:2 appendix-domain-mismatch', // 三、“135N”先进制造业集群培育政策 vs 先进制造业集群培育政策
      '188:2 appendix-domain-mismatch' // 五、交通强市建设政策 vs 交通强区建设政策
    ])
  })

  it('says what is wrong in Chinese, with the expected form', async () => {
    const {messages} = await checkSample()
    const byPlace = new Map(messages.map((message) => [`${message.line}:${message.column}`, message.reason]))
    expect(byPlace.get('8:1')).toBe('领域编号“1、”使用了阿拉伯数字，应写作“一、”')
    expect(byPlace.get('27:325')).toBe('责任单位列表有空项：“、”之后没有单位名称，应删去多余的“、”')
    expect(byPlace.get('32:1')).toBe('条款编号“19”后用了全角点“．”，全文多数（60 处）用半角点“.”，应统一为“19.”')
    expect(byPlace.get('68:17')).toBe('第 49 条中“大力吸引和利用高质量外资。”重复出现了两次，应删去重复的一句')
    expect(byPlace.get('188:2')).toBe(
      '附件中的领域名称“交通强市建设政策”与正文第五部分的标题“交通强区建设政策”（第 54 行）不一致，应统一'
    )
  })

  it('formats for people and for machines, and fails on errors', async () => {
    const result = await checkSample()
    const human = formatHuman([result])
    expect(human.split('\n')[0]).toBe('source/xiuzhou-2024.txt')
    expect(human).toMatch(/^ +8:1 {2}error {4}领域编号“1、”使用了阿拉伯数字，应写作“一、” +domain-numbering$/m)
    expect(human.trimEnd().split('\n').at(-1)).toBe('✖ 共 19 个问题（3 个错误，16 个警告）')
    const json = JSON.parse(formatJson([result]))
    expect(json[0]).toEqual({
      file: 'source/xiuzhou-2024.txt',
      line: 8,
      column: 1,
      ruleId: 'domain-numbering',
      severity: 'error',
      message: '领域编号“1、”使用了阿拉伯数字，应写作“一、”'
    })
    expect(hasErrors([result])).toBe(true)
  })
})
