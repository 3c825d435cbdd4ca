/**
 * Outline inference on documents in styles beyond the corpus (test/fixtures/corpus/extra, written
 * for these tests): 第N章/第N条 regulations with duties, a task table with 牵头单位/配合单位
 * columns, （1） items under （一） groups with ① enumerations, a flat list without duties.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parsePolicy} from '../../src/parse/index.ts'
import {inferOutline} from '../../src/parse/outline.ts'
import {Src} from '../../src/parse/source.ts'
import type {Policy} from '../../src/tree/types.ts'

const extra = new URL('../fixtures/corpus/extra/', import.meta.url)
async function parseExtra(name: string) {
  return parsePolicy({path: name, text: readFileSync(new URL(name, extra), 'utf8')})
}
async function parse(text: string) {
  return parsePolicy({path: 'inline.txt', text})
}
/** `id label title | L:lead S:support | deadline` per task. */
function tasks(policy: Policy): string[] {
  return policy.children.flatMap((d) =>
    d.children.map(
      (c) =>
        `${c.id} ${c.label}${c.title.replace(/。$/, '')} | ${c.units.map((u) => `${u.role === 'lead' ? 'L' : 'S'}:${u.written}`).join(' ')}` +
        (c.deadline ? ` | ${c.deadline.text}${c.deadline.date ? '=' + c.deadline.date : ''}` : '')
    )
  )
}

describe('outline inference', () => {
  it('nests levels in the order the document first uses them', () => {
    const srcs = ['第一章　总则', '第一条　甲。', '（一）子项；', '（二）子项。', '第二章　附则', '第二条　乙。'].map((v) => Src.fromString(v))
    const outline = inferOutline(srcs)
    expect(outline.nodes.map((n) => [n.num?.label, n.children.map((c) => [c.num?.label, c.children.length])])).toEqual([
      ['第一章', [['第一条', 2]]],
      ['第二章', [['第二条', 0]]]
    ])
    const other = inferOutline(['一、总则', '第一条　甲。'].map((v) => Src.fromString(v)))
    expect(other.nodes[0]!.children[0]!.num?.label).toBe('第一条')
  })

  it('reads a regulation with duties, its issuer line, two-line title, notice and signature', async () => {
    const {policy} = await parseExtra('regulation-duties.txt')
    expect(policy.title).toBe('安徽省外贸企业服务办法')
    expect(policy.front).toMatchObject({
      issuer: [{value: '安徽省对外开放工作领导小组办公室文件'}],
      documentNumber: {value: '皖开放办〔2022〕6号'},
      recipients: {value: '各市人民政府，省直有关单位：'},
      noticeTitle: '安徽省对外开放工作领导小组办公室关于印发《安徽省外贸企业服务办法》的通知',
      date: '2022-03-08'
    })
    expect(policy.status).toBeUndefined()
    expect(policy.children.map((d) => `${d.label}${d.title}`)).toEqual(['第一章总则', '第二章服务措施'])
    expect(tasks(policy)).toEqual([
      '1.1 第一条为做好外贸企业服务工作，制定本办法 | L:省商务厅',
      '1.2 第二条本办法适用于全省外贸企业服务工作 | L:各市人民政府',
      '2.1 第三条建立重点外贸企业联系制度，每季度走访一次 | L:省商务厅 S:合肥海关 S:省税务局',
      '2.2 第四条落实出口退税政策，2022年6月底前将平均办理时间压缩至5个工作日 | L:省税务局 | 2022年6月底前=2022-06-30',
      '2.3 第五条加大出口信用保险支持力度 | L:省财政厅 S:省商务厅',
      '2.4 第 6 条本办法自印发之日起施行 | L:省商务厅'
    ])
    expect(policy.duties).toBe('units')
  })

  it('reads a task table with 牵头单位/配合单位/完成时限 columns, group rows and merged task cells', async () => {
    const {policy} = await parseExtra('table-lead-support.txt')
    expect(policy.title).toBe('某县2024年优化营商环境重点任务分工方案')
    expect(policy.children.map((d) => `${d.label}${d.labelPunctuation}${d.title}`)).toEqual(['一、政务服务', '二、要素保障'])
    expect(tasks(policy)).toEqual([
      '1.1 1企业开办全程网办 | L:县市场监管局 S:县政务服务中心 S:县税务局 | 3月=2024-03-31',
      '1.2 2推行告知承诺制 | L:县政务服务中心 | 全年=2024-12-31',
      '1.3 3实现登记一小时办结 | L:县自然资源局 S:县税务局 | 2024年6月底前=2024-06-30',
      '2.1 4推行标准地出让 | L:县自然资源局 S:县发改局 S:县经信局 | 持续推进'
    ])
    expect(policy.children[0]!.children.map((c) => c.group)).toEqual(['推进一网通办', '推进一网通办', '优化不动产登记'])
    expect(policy.children[0]!.children[0]!.deadline!.source).toBe('column')
  })

  it('reads （1） tasks under （一） groups, ① enumerations closed by one duty, duty lines and context parts', async () => {
    const {policy} = await parseExtra('items-paren-arabic.txt')
    expect(tasks(policy)).toEqual([
      '1.1.1 （1）加快5G网络建设 | L:市工信局 S:市通信管理办 S:各县（市、区）人民政府 | 2024年底前=2024-12-31',
      '1.1.2 （2）建设算力中心 | L:市发改委 S:市工信局 S:市财政局',
      '1.2.1 （1）壮大软件产业 | L:市工信局 | 6月底完成',
      '1.2.2 （2）发展数字文旅 | L:市文旅局'
    ])
    expect(policy.children[0]!.children[0]!.group).toBe('（一）夯实数字基础设施')
    const context = policy.children[1]!
    expect([context.title, context.children.length, context.intro.map((t) => t.value)]).toEqual(['保障措施', 0, ['加强组织领导，建立工作推进机制。']])
  })

  it('reads a flat list without duties (one implicit part) and says the policy has no duties', async () => {
    const {policy} = await parseExtra('flat-no-duties.txt')
    expect(policy.children).toHaveLength(1)
    expect(policy.children[0]!.implicit).toBe(true)
    expect(tasks(policy)).toEqual([
      '1 一对招用就业困难人员的企业，按每人每月500元给予补贴 | ',
      '2 二对新招用高校毕业生的企业，给予一次性扩岗补助1500元 | ',
      '3 三本措施自2024年1月1日起施行 | '
    ])
    expect(policy.duties).toBe('none')
  })

  it('splits unnumbered paragraphs that each end in a duty into tasks, and keeps 专栏 boxes out of the tasks', async () => {
    const {policy} = await parse(
      [
        '某市行动方案',
        '一、总体要求',
        '坚持稳中求进。',
        '二、重点任务',
        '推进园区建设。完善配套。（市发改委负责）',
        '专栏1 重点园区',
        '高新区、经开区。',
        '强化要素保障。落实用地。（市自然资源局牵头，市财政局配合）',
        '三、保障措施',
        '（一）加强领导。建立机制。'
      ].join('\n')
    )
    expect(tasks(policy)).toEqual(['2.1 推进园区建设 | L:市发改委', '2.2 强化要素保障 | L:市自然资源局 S:市财政局'])
    expect(policy.children[1]!.boxes?.map((t) => t.value)).toEqual(['专栏1 重点园区', '高新区、经开区。'])
    expect(policy.children.map((d) => d.children.length)).toEqual([0, 2, 0])
  })

  it('keeps the text: label, title, body and duty list join to the source lines', async () => {
    const {policy} = await parseExtra('items-paren-arabic.txt')
    const lines = readFileSync(new URL('items-paren-arabic.txt', extra), 'utf8').split('\n')
    for (const clause of policy.children.flatMap((d) => d.children)) {
      const source = lines.slice(clause.position!.start.line - 1, clause.position!.end.line).join('\n')
      expect(clause.label + clause.labelPunctuation + clause.title + clause.body + clause.unitsText).toBe(source)
    }
  })
})

describe('the sample through the outline inference', () => {
  it('gives the sample walker’s tasks, units, groups and appendix when the sample sits behind a notice front', async () => {
    const sample = readFileSync(new URL('../../source/xiuzhou-2024.txt', import.meta.url), 'utf8')
    const front = ['秀政办发〔2024〕5号', '各镇人民政府、街道办事处，区级有关部门：', '现将《方案》印发给你们，请认真贯彻执行。', '嘉兴市秀洲区人民政府办公室', '2024年3月5日', ''].join('\n')
    const plain = await parse(sample)
    const wrapped = await parse(front + sample)
    expect(wrapped.policy.front?.documentNumber?.value).toBe('秀政办发〔2024〕5号')
    expect(wrapped.policy.front?.notice).toHaveLength(1)
    expect(plain.policy.front).toBeUndefined()
    const shape = (policy: Policy) => ({
      title: policy.title,
      status: policy.status,
      domains: policy.children.map((d) => [d.label, d.title, d.leads.map((u) => u.written)]),
      tasks: policy.children.flatMap((d) => d.children.map((c) => [c.id, c.label, c.labelPunctuation, c.title, c.body, c.unitsText, c.group, c.units.map((u) => `${u.role}:${u.written}:${u.nested ?? false}`)])),
      appendix: policy.appendix?.children.map((item) => [item.number, item.domain, item.title, item.units.map((u) => u.written)])
    })
    expect(shape(wrapped.policy)).toEqual(shape(plain.policy))
  })
})

describe('front without a signature, bare 牵头：/配合： lines', () => {
  it('takes the policy title after a notice sentence and reads 牵头：/配合： lines', async () => {
    const {policy} = await parse(
      ['关于印发某区稳就业措施的通知', '各镇人民政府：', '现将《某区稳就业措施》印发给你们，请认真贯彻执行。', '某区稳就业措施', '一、支持企业', '（一）稳岗返还。返还失业保险费。（区人社局负责）', '（二）扩岗补助。给予补助。', '牵头：区人社局', '配合：区财政局'].join('\n')
    )
    expect([policy.title, policy.front?.noticeTitle, policy.front?.notice?.length]).toEqual(['某区稳就业措施', '关于印发某区稳就业措施的通知', 1])
    expect(tasks(policy)).toEqual(['1.1 （一）稳岗返还 | L:区人社局', '1.2 （二）扩岗补助 | L:区人社局 S:区财政局'])
  })
})

describe('a notice with its own numbered paragraphs, then the policy', () => {
  it('keeps the notice (一、二、 requirements) in front and reads the policy after the signature', async () => {
    const {policy} = await parseExtra('notice-numbered.txt')
    expect(policy.title).toBe('某市稳外贸若干措施')
    expect(policy.front?.notice?.map((t) => t.value.slice(0, 6))).toEqual(['现将《某市稳', '一、加强组织', '二、抓好政策'])
    expect(policy.front?.date).toBe('2023-05-06')
    expect(tasks(policy)).toEqual(['1.1 （一）支持参展 | L:市商务局', '1.2 （二）支持认证 | L:市商务局 S:市财政局', '2.1 （三）扩大信保覆盖 | L:市商务局 S:市财政局'])
  })
})
