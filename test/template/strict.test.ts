// Strict templates: a variable the view does not have stops rendering with file, line, the
// variable and the nearest valid names; the variable table matches what the views really give.
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {loadTemplates, render} from '../../src/template/index.ts'
import {templateTables, templateVariables} from '../../src/template/variables.ts'
import {UserError} from '../../src/errors.ts'
import {noticeView} from '../../src/view/notice.ts'
import {tasklistViews} from '../../src/view/tasklist.ts'
import {sampleViews} from '../../src/cli/commands/templates.ts'
import {smallPolicy, smallRegistry} from '../view/small-tree.ts'

const fixtures = fileURLToPath(new URL('../fixtures/template/', import.meta.url))
const context = {policy: smallPolicy(), config: {date: '2024-03-05', issuer: '测试区人民政府办公室'}, registry: smallRegistry}

function renderError(folder: string, name: string, view: unknown): UserError {
  try {
    render(loadTemplates({overrideDir: fixtures + folder}), name, view)
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return error as UserError
  }
  throw new Error('rendered without an error')
}

describe('strict templates', () => {
  it('stops on a misspelt variable with the file, line, variable and nearest name', () => {
    const error = renderError('strict', 'tasklist', tasklistViews(context)[0])
    expect(error.message).toMatch(/^模板 .*strict\/tasklist\.md\.hbs 第3行：没有变量 \{\{counts\.totl\}\}$/)
    expect(error.file).toMatch(/strict\/tasklist\.md\.hbs$/)
    expect(error.line).toBe(3)
    expect(error.hint).toContain('是不是想写 {{counts.total}}？')
    expect(error.hint).toContain('policy-press templates')
  })

  it('stops on a misspelt field inside {{#each}} and suggests the list field', () => {
    const error = renderError('strict', 'notice', noticeView(context))
    expect(error.message).toMatch(/notice\.md\.hbs 第5行：没有变量 \{\{clase\}\}/)
    expect(error.hint).toContain('{{groups[].rows[].clause}}')
  })

  it('names the partial file when the misspelt variable is in a partial', () => {
    const error = renderError('partial', 'notice', noticeView(context))
    expect(error.message).toMatch(/partial\/partials\/frontmatter\.hbs 第4行：没有变量 \{\{titel\}\}/)
    expect(error.hint).toContain('{{meta.title}}')
  })

  it('says how to guard a variable that exists but has no value in this document', () => {
    const error = renderError('optional', 'notice', noticeView(context))
    expect(error.message).toMatch(/notice\.md\.hbs 第3行：变量 \{\{meta\.subtitle\}\} 在这份文件里没有值/)
    expect(error.hint).toContain('{{#if meta.subtitle}}')
  })

  it('renders every built-in template in strict mode for the sample', async () => {
    const templates = loadTemplates()
    const views = await sampleViews()
    for (const [name, view] of views) expect(render(templates, name, view).length, name).toBeGreaterThan(100)
  })
})

describe('the variable table', () => {
  it('names exactly the fields the views give for the sample (no field undocumented, none invented)', async () => {
    const views = await sampleViews()
    expect([...views.keys()].sort()).toEqual(Object.keys(templateTables).sort())
    for (const [name, view] of views) {
      const described = new Set(templateVariables(name))
      const given = new Set<string>()
      const walk = (value: unknown, prefix: string) => {
        if (!value || typeof value !== 'object') return
        for (const [key, child] of Object.entries(value)) {
          if (child === undefined) continue
          const path = prefix + key
          given.add(path)
          if (Array.isArray(child)) for (const item of child) walk(item, path + '[].')
          else walk(child, path + '.')
        }
      }
      walk(view, '')
      const undocumented = [...given].filter((path) => !described.has(path) && !/\[\]\.\d/.test(path))
      expect(undocumented, name).toEqual([])
      // Every described variable is given by the sample, except the optional ones it does not use.
      // The sample has one deadline for every task: on its report date a task in progress is late, so `inProgress` stays empty.
      const optional = ['meta.subtitle', 'appendix', 'total', 'yuan', 'status', 'fullName', 'group', 'inProgress']
      const missing = [...described].filter(
        (path) => !given.has(path) && !path.startsWith('meta.') && !optional.some((o) => path === o || path.startsWith(o + '[]') || path.endsWith('.' + o) || path.endsWith('[].' + o))
      )
      expect(missing, name).toEqual([])
    }
  })
})
