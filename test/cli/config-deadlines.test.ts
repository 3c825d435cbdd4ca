import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseConfig} from '../../src/config/load.ts'
import {UserError} from '../../src/errors.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'pp-deadlines-'))
const file = path.join(dir, 'policy-press.config.yml')
const parse = (text: string) => parseConfig(text, file, dir)
function error(text: string): UserError {
  try {
    parse(text)
  } catch (e) {
    expect(e).toBeInstanceOf(UserError)
    return e as UserError
  }
  throw new Error('expected a UserError')
}

describe('deadlines: in the config', () => {
  it('reads a default, parts by number or numeral and tasks by id as written', () => {
    const config = parse(
      'deadlines:\n  default: 2024-12-31\n  parts:\n    一: 2024年6月底前\n    3: 持续推进\n  tasks:\n    1.10: 2024年9月30日\n    "2.4": 2025年底前\n    附3: 2024-08-31\n'
    )
    expect(config.deadlines).toEqual({
      default: {text: '2024-12-31', date: '2024-12-31'},
      parts: {1: {text: '2024年6月底前', date: '2024-06-30'}, 3: {text: '持续推进'}},
      tasks: {'1.10': {text: '2024-09-30', date: '2024-09-30'}, '2.4': {text: '2025年底前', date: '2025-12-31'}, 附3: {text: '2024-08-31', date: '2024-08-31'}}
    })
  })

  it('names the file, line and key of a mistake', () => {
    const section = error('deadlines:\n  defualt: 2024-12-31\n')
    expect(section.message).toMatch(/policy-press\.config\.yml 第2行：配置项 "deadlines" 里有未知的名称 "defualt"/)
    expect(section.hint).toContain('"default"')
    const part = error('deadlines:\n  parts:\n    第一部分: 2024-06-30\n')
    expect(part.message).toMatch(/第3行：配置项 "deadlines\.parts" 里的 "第一部分" 不是部分的序号/)
    const task = error('deadlines:\n  tasks:\n    "1.3": 2024-06-30\n    一.三: 2024-06-30\n')
    expect(task.message).toMatch(/第4行：配置项 "deadlines\.tasks" 里的 "一\.三" 不是任务编号/)
    const date = error('deadlines:\n  tasks:\n    "1.3": 2024-02-30\n')
    expect(date.message).toMatch(/第3行：配置项 "deadlines\.tasks\.1\.3"（完成时限）的日期 2024-02-30 不存在/)
    const shape = error('deadlines:\n  parts: 2024-06-30\n')
    expect(shape.message).toMatch(/第2行：配置项 "deadlines\.parts"（按部分（一、二……）的完成时限）应是“名称: 时限”的分组/)
  })
})
