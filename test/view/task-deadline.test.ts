/**
 * Each task's own 完成时限: the tree's deadline (from the policy text) first, then the config's
 * `deadlines:` per task id, per part and default, then `deadline`. Text deadlines are shown as written.
 */
import {describe, expect, it} from 'vitest'
import {inlineText, parseDocument} from '../../src/doc/parse.ts'
import type {Table} from '../../src/doc/types.ts'
import type {Config} from '../../src/config/types.ts'
import {loadTemplates, render} from '../../src/template/index.ts'
import {taskDeadline, unusedDeadlines} from '../../src/view/common.ts'
import {noticeDocuments} from '../../src/view/notice.ts'
import {tasklistDocuments} from '../../src/view/tasklist.ts'
import {smallPolicy, smallRegistry} from './small-tree.ts'

const templates = loadTemplates()
const config: Config = {
  deadline: '2024-12-31',
  deadlines: {parts: {2: {text: '2024年9月底前', date: '2024-09-30'}}, tasks: {'4': {text: '2025-03-31', date: '2025-03-31'}}}
}

function policy() {
  const p = smallPolicy()
  p.children[0]!.children[0]!.deadline = {text: '持续推进', source: 'text'}
  return p
}

const tables = (markdown: string): Table[] => {
  const doc = parseDocument(markdown)
  return [...doc.main, ...doc.annexes.flat()].filter((b): b is Table => b.type === 'table')
}

describe('per-task deadlines', () => {
  it('resolves in order: the text, the task id, the part, the default', () => {
    const p = policy()
    const [c1, c2] = p.children[0]!.children
    const [c3, c4] = p.children[1]!.children
    expect(taskDeadline({id: c1!.id, part: 1, deadline: c1!.deadline}, p, config)).toEqual({text: '持续推进', source: 'text'})
    expect(taskDeadline({id: c2!.id, part: 1}, p, config)).toEqual({text: '2024年12月31日', date: '2024-12-31', source: 'config'})
    expect(taskDeadline({id: c3!.id, part: 2}, p, config)).toEqual({text: '2024年9月底前', date: '2024-09-30', source: 'config'})
    expect(taskDeadline({id: c4!.id, part: 2}, p, config)).toEqual({text: '2025年3月31日', date: '2025-03-31', source: 'config'})
  })

  it('the notice shows each task its own deadline and asks for the table’s deadlines', () => {
    const [document] = noticeDocuments({policy: policy(), config, registry: smallRegistry})
    const markdown = render(templates, document!.template, document!.data)
    expect(markdown).toContain('按分工表所列完成时限完成各项任务')
    const rows = tables(markdown).slice(0, 2).flatMap((t) => t.rows.map((row) => [inlineText(row[1]!), inlineText(row.at(-1)!)]))
    // 政策条款 gives the title alone: 序号 carries the number.
    expect(rows).toEqual([
      ['发挥项目带动作用。', '持续推进'],
      ['加大财政支持。', '2024年12月31日'],
      ['引进人才。', '2024年9月底前'],
      ['特殊单位。', '2025年3月31日']
    ])
  })

  it('a task list shows its tasks’ deadlines in the tables, and a shared date in the opening sentence', () => {
    const lists = tasklistDocuments({policy: policy(), config, registry: smallRegistry})
    const finance = lists.find((d) => d.label === '区财政局')!
    const markdown = render(templates, finance.template, finance.data)
    expect(markdown).toContain('各项任务的完成时限见下表')
    const leads = tables(markdown).find((t) => inlineText(t.header[1]!) === '政策条款')!
    expect(leads.rows.map((row) => inlineText(row.at(-1)!))).toEqual(['2024年12月31日'])
    const science = lists.find((d) => d.label === '区科技局')!
    const supports = tables(render(templates, science.template, science.data)).find((t) => inlineText(t.header[1]!) === '政策条款')!
    expect(supports.rows.map((row) => inlineText(row.at(-1)!))).toEqual(['2024年9月底前'])
    const shared = tasklistDocuments({policy: smallPolicy(), config: {deadlines: {default: {text: '2025-06-30', date: '2025-06-30'}}}, registry: smallRegistry})
    for (const list of shared) expect(render(templates, list.template, list.data)).toContain('完成时限：2025年6月30日。')
  })

  it('warns about configured deadlines that name no task or part of the policy', () => {
    const warnings = unusedDeadlines(policy(), {deadlines: {tasks: {'4': {text: '持续推进'}, '9.9': {text: '持续推进'}}, parts: {2: {text: '持续推进'}, 7: {text: '持续推进'}}}})
    expect(warnings).toEqual([
      '配置项 deadlines.tasks 里的任务编号“9.9”在政策中没有，这个完成时限没有用上；任务编号见任务台账的“任务编号”列',
      '配置项 deadlines.parts 里的第7部分在政策中没有（政策共2个部分），这个完成时限没有用上'
    ])
  })
})
