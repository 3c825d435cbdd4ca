import {describe, expect, it} from 'vitest'
import {parsePolicy} from '../../src/parse/index.ts'
import {dateLine, documentNumberLine, isRecipients, isoDate} from '../../src/parse/front.ts'
import {parseRegistry} from '../../src/units/registry.ts'

const parse = (lines: string[], registry?: ReturnType<typeof parseRegistry>) => parsePolicy({path: 'inline.txt', text: lines.join('\n') + '\n'}, {registry})

describe('front lines', () => {
  it('tells document numbers, dates and recipients', () => {
    for (const text of ['国发〔2019〕3号', '（皖开放办〔2022〕6号）', '京经信发[2022]87号', '岚综管综〔2016〕62号']) expect(documentNumberLine.test(text), text).toBe(true)
    for (const text of ['（征求意见稿）', '一、总体要求', '2019年3号文件']) expect(documentNumberLine.test(text), text).toBe(false)
    expect(dateLine.test('2024年5月22日')).toBe(true)
    expect(isoDate('2024年5月2日')).toBe('2024-05-02')
    expect(isRecipients('各省、自治区、直辖市人民政府，国务院各部委、各直属机构：')).toBe(true)
    expect(isRecipients('责任单位：区发改局')).toBe(false)
  })

  it('reads a bracketed document number as the number, not as the status', async () => {
    const {policy} = await parse(['关于印发某办法的通知', '（皖开放办〔2022〕6号）', '各市商务局：', '现将《某办法》印发给你们，请认真贯彻执行。', '某办公室', '2022年3月8日', '某办法', '（试行）', '一、服务措施', '（一）走访企业。每季度一次。（省商务厅负责）'])
    expect(policy.front?.documentNumber?.value).toBe('（皖开放办〔2022〕6号）')
    expect([policy.title, policy.status]).toEqual(['某办法', '试行'])
  })

  it('reads tasks listed as numbered paragraphs in an annex when the notice carries none', async () => {
    const {policy} = await parse([
      '关于做好某项工作的通知',
      '各县人民政府：',
      '为做好某项工作，现将重点任务通知如下，请认真抓好落实。',
      '附件：某项工作重点任务',
      '某市人民政府办公室',
      '2023年4月1日',
      '附件',
      '某项工作重点任务',
      '一、完善机制。建立联席会议制度。（市发改委负责）',
      '二、加强督查。每季度通报一次。（市督查室牵头，各县人民政府配合）'
    ])
    expect(policy.title).toBe('关于做好某项工作的通知')
    expect(policy.children.flatMap((d) => d.children.map((c) => [c.id, c.title, c.units.map((u) => `${u.role}:${u.written}`)]))).toEqual([
      ['1', '完善机制。', ['lead:市发改委']],
      ['2', '加强督查。', ['lead:市督查室', 'support:各县人民政府']]
    ])
    expect(policy.front?.notice?.map((t) => t.value)).toEqual(['为做好某项工作，现将重点任务通知如下，请认真抓好落实。', '附件：某项工作重点任务'])
  })

  it('resolves a name written without the prefix its list wrote once (区党群工作部、财金局)', async () => {
    const registry = parseRegistry('units:\n  - name: 区党群工作部\n  - name: 区财金局\n')
    const {policy} = await parse(['某措施', '一、支持', '（一）强化支持。内容。', '责任单位：区党群工作部、财金局'], registry)
    expect(policy.children[0]!.children[0]!.units.map((u) => [u.written, u.name, u.status])).toEqual([
      ['区党群工作部', '区党群工作部', 'canonical'],
      ['财金局', '区财金局', 'canonical']
    ])
  })
})
