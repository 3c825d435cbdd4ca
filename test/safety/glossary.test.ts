// A templates/glossary.yml override (next to the source, or in the configured templates folder)
// replaces the built-in glossary of the interpretation.
import {cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../../src/build/index.ts'
import {loadConfig} from '../../src/config/load.ts'

const root = path.resolve(import.meta.dirname, '../..')
const glossary = '- term: 用能\n  plain: 自定义的通俗解释：企业用电、用气等能源。\n'

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pp-glossary-'))
  cpSync(path.join(root, 'test/fixtures/cli/small'), dir, {recursive: true})
  return dir
}

async function interpretation(dir: string, config = {}): Promise<string> {
  const outDir = path.join(dir, 'out')
  await build({source: path.join(dir, 'policy.txt'), outDir, formats: ['md'], config})
  return readFileSync(path.join(outDir, '政策解读.md'), 'utf8')
}

describe('glossary override', () => {
  it('uses templates/glossary.yml next to the source', async () => {
    const dir = workspace()
    expect(await interpretation(dir)).not.toContain('自定义的通俗解释')
    mkdirSync(path.join(dir, 'templates'))
    writeFileSync(path.join(dir, 'templates/glossary.yml'), glossary)
    expect(await interpretation(dir)).toContain('自定义的通俗解释：企业用电、用气等能源。')
  })

  it('uses glossary.yml in the templates folder named by the config', async () => {
    const dir = workspace()
    mkdirSync(path.join(dir, '本区模板'))
    writeFileSync(path.join(dir, '本区模板/glossary.yml'), glossary)
    writeFileSync(path.join(dir, 'policy-press.config.yml'), 'templates: 本区模板\n', {flag: 'a'})
    const {config} = loadConfig({sourcePath: path.join(dir, 'policy.txt')})
    expect(await interpretation(dir, config)).toContain('自定义的通俗解释：企业用电、用气等能源。')
  })
})
