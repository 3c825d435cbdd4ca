import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {checkPolicy, rules} from '../../src/check/index.ts'
import {formatHuman, formatJson, hasErrors} from '../../src/check/format.ts'
import {isUserError} from '../../src/errors.ts'
import {parsePolicy} from '../../src/parse/index.ts'
import {check, readFixture, registry} from './helpers.ts'

const invalid = readFixture('conversion-leftover/invalid.txt')

describe('settings', () => {
  it('switches a rule off', async () => {
    expect(await check(invalid, {settings: {'conversion-leftover': 'off'}})).toEqual([])
  })

  it('changes severity (error → true, warning → false, info → undefined)', async () => {
    const [asInfo] = await check(invalid, {settings: {'conversion-leftover': 'info'}})
    expect(asInfo.fatal).toBeUndefined()
    const [asWarning] = await check(invalid, {settings: {'conversion-leftover': 'warning'}})
    expect(asWarning.fatal).toBe(false)
    const [asError] = await check(invalid)
    expect(asError.fatal).toBe(true)
  })

  it('reads front matter rules, and options win over them', async () => {
    const {policy, file} = await parsePolicy({path: 'x.txt', text: invalid}, {registry})
    policy.meta.rules = {'conversion-leftover': 'off'}
    expect(checkPolicy(policy, new VFile({path: 'x.txt', value: file.value}), {registry})).toEqual([])
    const messages = checkPolicy(policy, new VFile({path: 'x.txt', value: file.value}), {
      registry,
      settings: {'conversion-leftover': 'warning'}
    })
    expect(messages.map((message) => [message.ruleId, message.fatal])).toEqual([['conversion-leftover', false]])
  })

  it('rejects unknown rule ids and values with a UserError listing the valid ones', async () => {
    const error = await check(invalid, {settings: {'no-such-rule': 'off'}}).catch((caught: unknown) => caught)
    expect(isUserError(error)).toBe(true)
    expect((error as {hint: string}).hint).toContain(rules[0].id)
    const value = await check(invalid, {settings: {'conversion-leftover': 'fatal' as 'error'}}).catch((caught: unknown) => caught)
    expect(isUserError(value)).toBe(true)
  })

  it('adds the messages to file.messages', async () => {
    const {policy, file} = await parsePolicy({path: 'x.txt', text: invalid}, {registry})
    const before = file.messages.length
    const messages = checkPolicy(policy, file, {registry})
    expect(file.messages.length).toBe(before + messages.length)
  })
})

describe('format', () => {
  it('prints a clean file and a zero summary', () => {
    const file = new VFile({path: 'clean.txt', value: ''})
    expect(formatHuman([{file, messages: []}])).toBe('clean.txt：没有发现问题\n\n没有发现问题\n')
    expect(formatJson([{file, messages: []}])).toBe('[]\n')
    expect(hasErrors([{file, messages: []}])).toBe(false)
  })

  it('groups by file and counts warnings and infos', async () => {
    const warned = await check(readFixture('stray-whitespace/invalid.txt'), {path: 'a.txt'})
    const info = await check(invalid, {path: 'b.txt', settings: {'conversion-leftover': 'info'}})
    const a = new VFile({path: 'a.txt'})
    const b = new VFile({path: 'b.txt'})
    const text = formatHuman([{file: a, messages: warned}, {file: b, messages: info}])
    expect(text).toContain('a.txt\n   4:7  warning  表格以外的制表符')
    expect(text).toContain('\n\nb.txt\n  8:1  info')
    expect(text.trimEnd().split('\n').at(-1)).toBe('✖ 共 3 个问题（0 个错误，2 个警告，1 个提示）')
    expect(hasErrors([{file: a, messages: warned}, {file: b, messages: info}])).toBe(false)
  })
})
