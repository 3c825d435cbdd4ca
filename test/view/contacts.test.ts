/**
 * Contacts: the units registry accepts office, phone, address and web link per unit and rejects
 * bad values with the file and line; the task lists print the unit's own contact and the phones
 * of the lead units it supports.
 */
import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import {parseRegistry, loadRegistry} from '../../src/units/registry.ts'
import {UserError} from '../../src/errors.ts'
import {parsePolicy} from '../../src/parse/index.ts'
import {enrichPolicy} from '../../src/extract/index.ts'
import {tasklistViews} from '../../src/view/tasklist.ts'
import {loadTemplates, render} from '../../src/template/index.ts'
import {root, sampleSource} from '../build/sample.ts'

function failure(yaml: string): UserError {
  try {
    parseRegistry(yaml, 'units.yml')
  } catch (error) {
    return error as UserError
  }
  throw new Error('no error')
}

describe('registry contacts', () => {
  it('reads office, phone, address and web link', () => {
    const registry = parseRegistry('units:\n  - name: 区发改局\n    office: 投资科\n    phone: 0573-82000101\n    address: 某路1号\n    web: https://example.gov.cn/fgj/\n')
    expect(registry.units[0]).toMatchObject({office: '投资科', phone: '0573-82000101', address: '某路1号', web: 'https://example.gov.cn/fgj/'})
    expect(parseRegistry('units:\n  - name: 区A\n    phone: 12345\n').units[0].phone).toBe('12345')
    expect(parseRegistry('units:\n  - name: 区A\n    phone: 0573-8200 0101转123\n').units[0].phone).toBe('0573-8200 0101转123')
  })

  it('rejects a bad phone, web link or key with the file and line, in Chinese', () => {
    const phone = failure('district: 测试区\nunits:\n  - name: 区A\n  - name: 区B\n    office: 窗口\n    phone: 打电话给我\n')
    expect(phone).toBeInstanceOf(UserError)
    expect(phone.message).toBe('单位名录「区B」的电话「打电话给我」不是有效的电话号码：units.yml 第 6 行')
    expect(phone.line).toBe(6)
    expect(phone.hint).toMatch(/0573-82231234/)
    const web = failure('units:\n  - name: 区A\n    web: javascript:alert(1)\n')
    expect(web.message).toBe('单位名录「区A」的网址「javascript:alert(1)」无效：units.yml 第 3 行')
    const key = failure('units:\n  - name: 区A\n    tel: 123\n')
    expect(key.message).toMatch(/未知的键「tel」：units\.yml 第 3 行，应为 .*phone/)
    expect(failure('units:\n  - name: 区A\n    address: [1, 2]\n').message).toBe('单位名录「区A」的「address」应为文字：units.yml 第 3 行')
  })

  it('the sample registry marks its contacts as 示例', () => {
    const registry = loadRegistry(`${root}source/xiuzhou-units.yml`)
    const withContacts = registry.units.filter((u) => u.phone)
    expect(withContacts.length).toBeGreaterThan(8)
    for (const unit of withContacts) expect(unit.address).toMatch(/（示例）$/)
  })
})

describe('contacts in the task lists', async () => {
  const registry = loadRegistry(`${root}source/xiuzhou-units.yml`)
  const {policy} = await parsePolicy({path: sampleSource, bytes: new Uint8Array(readFileSync(sampleSource))}, {registry})
  enrichPolicy(policy)
  const views = tasklistViews({policy, config: {}, registry})
  const templates = loadTemplates()

  it('print the unit\'s own contact and the phones of the units it supports', () => {
    const finance = views.find((v) => v.unit === '区财政局')!
    expect(finance.contact).toBe('预算科；电话0573-82000102；地址：秀洲区政务服务中心3楼（示例）')
    expect(finance.leadContacts).toContain('区科技局 电话0573-82000104')
    const markdown = render(templates, 'tasklist', finance)
    expect(markdown).toContain('本单位对外咨询（政策解读中公布）：预算科；电话0573-82000102；')
    expect(markdown).toMatch(/牵头单位联系方式：.*区科技局 电话0573-82000104/)
  })

  it('print nothing for a unit without a contact', () => {
    const none = views.find((v) => v.contact === '')!
    expect(none).toBeDefined()
    expect(render(templates, 'tasklist', none)).not.toContain('本单位对外咨询')
  })
})
