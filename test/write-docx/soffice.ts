/**
 * LibreOffice conversions for tests: every .docx of a test in one soffice process, with a private
 * profile and a private fontconfig that offers the bundled Noto faces under the official font
 * names (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312, 宋体, Times New Roman), so the pages are
 * laid out with real CJK metrics on a machine that has no Chinese fonts installed.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, dirname, join} from 'node:path'
import {bundledFontFiles} from '../../src/write/pdf/fonts.ts'
import {gbt9704} from '../../src/layout/gbt9704.ts'

const has = (command: string) => spawnSync(command, ['--version'], {stdio: 'ignore'}).error === undefined
export const sofficeAvailable = has('soffice') && has('pdftotext')

/** A fontconfig file: the system fonts, the bundled Noto faces, and the official names as aliases. */
export function fontconfig(dir: string): string {
  const files = bundledFontFiles()
  const serif = 'Noto Serif SC'
  const sans = 'Noto Sans SC'
  const aliases: Array<[string, string]> = [
    [gbt9704.fonts.body, serif],
    ['仿宋', serif],
    [gbt9704.fonts.title, serif],
    [gbt9704.fonts.heading1, sans],
    [gbt9704.fonts.heading2, serif],
    [gbt9704.fonts.pageNumber, serif],
    // No Times New Roman here: Noto Serif SC's Latin letters and digits are as narrow as it
    // (DejaVu Serif, fontconfig's own substitute, is a fifth wider).
    [gbt9704.fonts.latin, serif]
  ]
  const dirs = [...new Set(Object.values(files).map((f) => dirname(f)))]
  const xml = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  ${dirs.map((d) => `<dir>${d}</dir>`).join('\n  ')}
  <cachedir>${join(dir, 'fc-cache')}</cachedir>
  ${aliases.map(([name, face]) => `<alias binding="same"><family>${name}</family><prefer><family>${face}</family></prefer></alias>`).join('\n  ')}
</fontconfig>
`
  const path = join(dir, 'fonts.conf')
  writeFileSync(path, xml)
  return path
}

/** Convert .docx files to PDF in one soffice process; returns the PDF path of each input. */
export function convertAll(docxPaths: readonly string[], outDir = mkdtempSync(join(tmpdir(), 'policy-press-lo-'))): Map<string, string> {
  const conf = fontconfig(outDir)
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${outDir}/profile`, '--convert-to', 'pdf', '--outdir', outDir, ...docxPaths], {
    stdio: 'ignore',
    timeout: 300_000,
    env: {...process.env, FONTCONFIG_FILE: conf}
  })
  return new Map(docxPaths.map((p) => [p, join(outDir, basename(p).replace(/\.docx$/, '.pdf'))]))
}
