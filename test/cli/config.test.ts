import {mkdtempSync, writeFileSync, mkdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadConfig, parseConfig} from '../../src/config/load.ts'
import {UserError} from '../../src/errors.ts'

const root = path.resolve(import.meta.dirname, '../..')

function configError(text: string, files: Record<string, string> = {}, ruleIds?: string[]): UserError {
  const dir = mkdtempSync(path.join(tmpdir(), 'pp-config-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), content)
  }
  try {
    parseConfig(text, path.join(dir, 'policy-press.config.yml'), dir, ruleIds)
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return error as UserError
  }
  throw new Error('expected a UserError')
}

describe('config', () => {
  it('loads the sample config next to the source, resolving the registry', () => {
    const {config, path: file} = loadConfig({sourcePath: path.join(root, 'source/xiuzhou-2024.txt'), cwd: root})
    expect(file).toBe(path.join(root, 'source/policy-press.config.yml'))
    expect(config.issuer).toBe('嘉兴市秀洲区人民政府办公室')
    expect(config.documentNumber).toBe('秀政办发〔2024〕5号')
    expect(config.date).toBe('2024-03-05')
    expect(config.deadline).toBe('2024-12-31')
    expect(config.copiesTo).toContain('区人大常委会办公室')
    expect(config.registry).toBe(path.join(root, 'source/xiuzhou-units.yml'))
  })

  it('returns an empty config when there is none', () => {
    expect(loadConfig({sourcePath: path.join(root, 'test/fixtures/cli/empty.txt'), cwd: root})).toEqual({config: {}})
  })

  it('accepts lists written on one line, Chinese dates and Chinese severities', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pp-config-'))
    const config = parseConfig(
      'copiesTo: 区委办公室、区人大常委会办公室\nformats: docx, PDF\ndate: 2024年3月5日\nrules:\n  unit-alias: 关闭\n  budget-sum: warning\n',
      path.join(dir, 'policy-press.config.yml'),
      dir
    )
    expect(config).toEqual({
      copiesTo: ['区委办公室', '区人大常委会办公室'],
      formats: ['docx', 'pdf'],
      date: '2024-03-05',
      rules: {'unit-alias': 'off', 'budget-sum': 'warning'}
    })
  })

  it('names an unknown key with its line, the valid keys and the likely one', () => {
    const error = configError('issuer: 某某区人民政府办公室\ndate: 2024-03-05\nfromats: [docx]\n')
    expect(error.message).toMatch(/^配置文件 .*policy-press\.config\.yml 第3行：未知的配置项 "fromats"，可用的配置项有：issuer、/)
    expect(error.line).toBe(3)
    expect(error.hint).toContain('"formats"')
  })

  it('rejects wrong types and values with the key named', () => {
    expect(configError('date: 2024-02-30\n').message).toContain('"date"')
    expect(configError('date: 明天\n').message).toMatch(/"date".*应是日期/)
    expect(configError('issuer: [a, b]\n').message).toMatch(/"issuer".*应是一段文字/)
    const format = configError('formats:\n  - docx\n  - wrod\n')
    expect(format.message).toMatch(/第3行：配置项 "formats" 里有未知的格式 "wrod"/)
    expect(configError('fonts:\n  bdy: 仿宋\n').hint).toContain('"body"')
    expect(configError('rules:\n  unit-alias: loud\n').message).toContain('"rules.unit-alias"')
    expect(configError('rules:\n  unit-alais: off\n', {}, ['unit-alias']).hint).toContain('"unit-alias"')
    expect(configError('registry: nowhere.yml\n').message).toMatch(/"registry".*nowhere\.yml 不存在/)
    expect(configError('templates: units.yml\n', {'units.yml': 'units: []\n'}).message).toContain('应指向一个文件夹')
  })

  it('checks font files exist and are embeddable', () => {
    const missing = configError('fontFiles:\n  body: fonts/仿宋.ttf\n')
    expect(missing.message).toMatch(/第2行：找不到字体文件 .*fonts\/仿宋\.ttf（配置项 "fontFiles\.body"）/)
    expect(configError('fontFiles:\n  body: f.woff2\n', {'f.woff2': 'x'}).message).toContain('不是可嵌入的字体格式')
  })

  it('explains YAML mistakes a clerk makes: full-width colon, tabs, duplicate keys', () => {
    expect(configError('issuer：某某区\n').hint).toContain('英文冒号')
    expect(configError('copiesTo:\n\t- 区委办公室\n').hint).toContain('Tab')
    expect(configError('issuer: a\nissuer: b\n').message).toMatch(/第2行.*同一个配置项写了两次/)
  })
})
