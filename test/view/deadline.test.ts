/**
 * 完成时限 without a deadline: a policy that states no year, with no `deadline` in the config, has
 * none. The notice then asks units to finish 按期 (not "于前完成") and its table, like the task lists,
 * has no 完成时限 column instead of an empty one.
 */
import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {inlineText, parseDocument} from '../../src/doc/parse.ts'
import type {Table} from '../../src/doc/types.ts'
import type {Config} from '../../src/config/types.ts'
import {parsePolicy} from '../../src/parse/index.ts'
import {loadTemplates, render} from '../../src/template/index.ts'
import type {Policy} from '../../src/tree/types.ts'
import {deadline, policyYear} from '../../src/view/common.ts'
import {noticeDocuments} from '../../src/view/notice.ts'
import {tasklistDocuments} from '../../src/view/tasklist.ts'

const fixture = fileURLToPath(new URL('../fixtures/view/no-year.txt', import.meta.url))
const templates = loadTemplates()

async function policy(): Promise<Policy> {
  return (await parsePolicy({path: fixture, bytes: readFileSync(fixture)})).policy
}

function notice(p: Policy, config: Config): string {
  const [document] = noticeDocuments({policy: p, config})
  return render(templates, document!.template, document!.data)
}

function tasklists(p: Policy, config: Config): string[] {
  return tasklistDocuments({policy: p, config}).map((d) => render(templates, d.template, d.data))
}

const tables = (markdown: string): Table[] => {
  const doc = parseDocument(markdown)
  return [...doc.main, ...doc.annexes.flat()].filter((b): b is Table => b.type === 'table')
}

describe('no deadline', () => {
  it('the fixture states no year and the config gives none', async () => {
    const p = await policy()
    expect(p.children.flatMap((d) => d.children)).toHaveLength(2)
    expect(policyYear(p, {})).toBeUndefined()
    expect(deadline(p, {})).toBe('')
  })

  it('the notice says 按期 and has no 完成时限 column', async () => {
    const markdown = notice(await policy(), {})
    expect(markdown).not.toContain('于前')
    expect(markdown).toContain('按期完成各项任务')
    const [table] = tables(markdown)
    expect(table!.header.map(inlineText)).toEqual(['序号', '政策条款', '主要内容', '牵头单位', '配合单位'])
    for (const row of table!.rows) expect(row).toHaveLength(5)
    // The clause title alone: 序号 carries the number.
    expect(table!.rows.map((row) => inlineText(row[1]!))).toEqual(['加大财政支持力度。', '推进项目建设。'])
  })

  it('the task lists have no empty 完成时限', async () => {
    for (const markdown of tasklists(await policy(), {})) {
      expect(markdown).not.toContain('完成时限')
      for (const table of tables(markdown)) {
        expect(table.header.map(inlineText)).not.toContain('完成时限')
        for (const row of table.rows) expect(row).toHaveLength(table.header.length)
      }
    }
  })

  it('with a configured deadline, the notice and task lists show it as before', async () => {
    const p = await policy()
    const markdown = notice(p, {deadline: '2025-06-30'})
    expect(markdown).toContain('于2025年6月30日前完成各项任务')
    const [table] = tables(markdown)
    expect(table!.header.map(inlineText)).toEqual(['序号', '政策条款', '主要内容', '牵头单位', '配合单位', '完成时限'])
    expect(table!.rows.map((row) => inlineText(row[5]!))).toEqual(['2025年6月30日', '2025年6月30日'])
    const lists = tasklists(p, {deadline: '2025-06-30'})
    expect(lists.every((md) => md.includes('完成时限：2025年6月30日。'))).toBe(true)
    const clauseTables = lists.flatMap(tables).filter((t) => inlineText(t.header[1]!) === '政策条款')
    expect(clauseTables.length).toBeGreaterThan(0)
    for (const table of clauseTables) {
      expect(inlineText(table.header.at(-1)!)).toBe('完成时限')
      for (const row of table.rows) expect(inlineText(row.at(-1)!)).toBe('2025年6月30日')
    }
  })
})
