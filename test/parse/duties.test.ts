import {describe, expect, it} from 'vitest'
import {dutyForms, findDuties, leadConvention, readDuty} from '../../src/parse/duties.ts'

/** `lead:A support:B …` for compact assertions. */
function roles(text: string): string[] {
  return findDuties(text).map((duty) => duty.units.map((unit) => `${unit.role === 'lead' ? 'L' : 'S'}:${unit.written}`).join(' '))
}

describe('duty forms table', () => {
  for (const form of dutyForms) {
    it(`matches every example of ${form.id}`, () => {
      for (const example of form.examples) expect(form.pattern.test(example), example).toBe(true)
    })
  }
})

describe('duties as policies write them', () => {
  const cases: Array<[string, string[]]> = [
    ['加大力度。（责任单位：A局、B局）', ['L:A局 S:B局']],
    ['加大力度。（市场监管总局负责）', ['L:市场监管总局']],
    ['加大力度。（交通运输部、财政部负责）', ['L:交通运输部 S:财政部']],
    ['加大力度。（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）', ['L:人力资源社会保障部 S:财政部']],
    ['加大力度。（财政部、民政部按职责分工负责）', ['L:财政部 S:民政部']],
    ['加大力度。（生态环境部牵头，国家发展改革委、国家统计局参与）', ['L:生态环境部 S:国家发展改革委 S:国家统计局']],
    ['加大力度。（A局牵头，B局、C局按职责分工配合）', ['L:A局 S:B局 S:C局']],
    ['加大力度。（A局牵头，B局、C局按职责分工负责）', ['L:A局 S:B局 S:C局']],
    ['加大力度。（国家发展改革委会同有关部门负责）', ['L:国家发展改革委 S:有关部门']],
    ['加大力度。（国家发展改革委、财政部会同有关部门负责）', ['L:国家发展改革委 S:财政部 S:有关部门']],
    ['加大力度。（人力资源社会保障部等有关部门和单位负责）', ['L:人力资源社会保障部 S:有关部门和单位']],
    ['加大力度。（科技部、财政部，各省级人民政府按职责分工负责）', ['L:科技部 S:财政部 S:各省级人民政府']],
    ['加大力度。（各市人民政府负责）', ['L:各市人民政府']],
    ['加大力度。（各县（市、区）人民政府负责）', ['L:各县（市、区）人民政府']],
    ['责任单位：区旅发委，区旅游集团、智慧岛公司）', ['L:区旅发委 S:区旅游集团 S:智慧岛公司']],
    ['责任单位:区交通建设局、市场监管局', ['L:区交通建设局 S:市场监管局']],
    ['责任单位：人行平潭支行牵头，区财政金融局，国家金融监督管理总局平潭监管支局', ['L:人行平潭支行 S:区财政金融局 S:国家金融监督管理总局平潭监管支局']],
    ['牵头单位：区发改局；配合单位：区财政局、区人社局', ['L:区发改局 S:区财政局 S:区人社局']],
    ['开展检查。（6月底完成，牵头考核单位：市商务局）', ['L:市商务局']],
    ['建立机制。（A部牵头）推进试点。（B部、C部指导）', ['L:A部', 'L:B部 S:C部']],
    ['推进。(生态环境部指导)', ['L:生态环境部']],
    ['责任单位：区经发局、行政审批局（智慧岛中心），区金控集团', ['L:区经发局 S:行政审批局 S:智慧岛中心 S:区金控集团']]
  ]
  for (const [text, expected] of cases) {
    it(text, () => expect(roles(text)).toEqual(expected))
  }

  it('never keeps 按职责分工 or a stray bracket inside a name', () => {
    const names = findDuties('（财政部、人力资源社会保障部、民政部等有关部门和单位按职责分工负责）')[0]!.units.map((u) => u.written)
    expect(names).toEqual(['财政部', '人力资源社会保障部', '民政部', '有关部门和单位'])
    expect(findDuties('责任单位：区旅发委，智慧岛公司）')[0]!.stray).toBe(true)
  })

  it('keeps a deadline, a score and a remark written inside the bracket', () => {
    const [duty] = findDuties('（6月底完成，牵头考核单位：市商务局）')
    expect(duty!.deadline).toMatchObject({text: '6月底完成'})
    expect(readDuty('0.5分，责任单位：市商务局')!.note).toBe('0.5分')
    expect(findDuties('（生态环境部指导，试点城市政府负责落实。以下均需试点城市政府落实，不再列出）')[0]!.remark).toBe('以下均需试点城市政府落实，不再列出')
  })

  it('reads prose brackets as prose', () => {
    for (const text of ['（垃圾焚烧企业依法依规安装自动监测设备并联网）', '（PPP）', '（以下统称专区监管部门）', '（含技工院校）', '（0.5分）', '区领导牵头，定期调度。']) {
      expect(findDuties(text), text).toEqual([])
    }
  })

  it('recognises a stated lead convention', () => {
    for (const text of ['列第一位者为牵头单位，下同', '排在第一位的部门为牵头部门，下同', '注：主要责任单位第一个为牵头单位，其余为主要配合单位。']) {
      expect(leadConvention.test(text), text).toBe(true)
    }
  })
})
