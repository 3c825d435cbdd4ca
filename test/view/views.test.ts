import {describe, expect, it} from 'vitest'
import {views} from '../../src/view/index.ts'
import {noticeView} from '../../src/view/notice.ts'
import {tasklistViews} from '../../src/view/tasklist.ts'
import {chineseNumeral, formatDate} from '../../src/view/format.ts'
import {deadline} from '../../src/view/common.ts'
import {smallPolicy, smallRegistry} from './small-tree.ts'

const context = {policy: smallPolicy(), config: {date: '2024-03-05'}, registry: smallRegistry}

describe('views', () => {
  it('has a views table by document kind', () => {
    expect(Object.keys(views)).toEqual(['notice', 'tasklist', 'interpretation', 'policy'])
    expect(views.notice(context)[0].path).toEqual(['责任分工通知'])
    expect(views.tasklist(context).map((d) => d.path[1])).toEqual(['区发改局', '区财政局', '区科技局', '区委组织部', '../../etc/区X局', '区A/B局'])
  })

  it('builds notice rows per domain with lead and supporting units', () => {
    const view = noticeView(context)
    expect(view.groups.map((g) => g.numeral)).toEqual(['一', '二'])
    const rows = view.groups.flatMap((g) => g.rows)
    expect(rows.map((r) => [r.index, r.clause, r.lead, r.supports])).toEqual([
      [1, '1.发挥项目带动作用。', '区发改局', '区财政局'],
      [2, '2.加大财政支持。', '区财政局', '区国资办、区发改局'],
      [3, '3.引进人才。', '区委人才办', '区科技局'],
      [4, '4.特殊单位。', '../../etc/区X局', '区A/B局、区国资办']
    ])
    expect(view.deadline).toBe('2024年12月31日')
    expect(view.appendix?.rows.map((r) => r.lead)).toEqual(['区财政局', '区委组织部（区委人才办）'])
  })

  it('folds sub-units into their parent list, marked', () => {
    const lists = new Map(tasklistViews(context).map((v) => [v.unit, v]))
    const finance = lists.get('区财政局')!
    expect(finance.leads.map((c) => [c.number, c.note])).toEqual([[2, '含区国资办']])
    expect(finance.supports.map((c) => [c.number, c.note])).toEqual([[1, ''], [4, '由区国资办承担']])
    expect(finance.items.map((i) => i.role)).toEqual(['牵头'])
    const org = lists.get('区委组织部')!
    expect(org.leads.map((c) => [c.number, c.note])).toEqual([[3, '由区委人才办承担']])
    expect(org.items.map((i) => i.note)).toEqual(['含区委人才办'])
    expect(org.counts).toMatchObject({leads: 1, supports: 0, items: 1})
    expect(lists.has('区国资办')).toBe(false)
    expect(lists.get('区发改局')!.domains.map((d) => d.title)).toEqual(['扩大投资政策'])
  })

  it('formats numerals, dates and deadlines', () => {
    expect([1, 9, 10, 11, 20, 68].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '二十', '六十八'])
    expect(formatDate('2024-03-05')).toBe('2024年3月5日')
    expect(deadline(context.policy, {deadline: '2025-06-30'})).toBe('2025年6月30日')
    expect(deadline(context.policy, {})).toBe('2024年12月31日')
  })
})
