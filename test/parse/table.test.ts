import {describe, expect, it} from 'vitest'
import {columnRoleOf, columnRoles} from '../../src/parse/table.ts'

describe('task table columns', () => {
  for (const entry of columnRoles) {
    it(`reads every example header of ${entry.role}`, () => {
      for (const example of entry.examples) expect(columnRoleOf(example), example).toBe(entry.role)
    })
  }

  it('leaves other columns alone', () => {
    for (const header of ['任务来源', '推广范围', '备注', '具体目标']) expect(columnRoleOf(header), header).toBeUndefined()
  })
})
