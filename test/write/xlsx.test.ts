import {describe, expect, it} from 'vitest'
import {unzipSync, strFromU8} from 'fflate'
import {sampleBuild} from '../build/sample.ts'
import {sheetNames} from '../../src/write/xlsx.ts'

describe('任务台账.xlsx', async () => {
  const {bytes, report} = await sampleBuild()
  const zip = unzipSync(new Uint8Array(bytes('任务台账.xlsx')))
  const workbook = strFromU8(zip['xl/workbook.xml'])
  const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])
  const shared = [...strFromU8(zip['xl/sharedStrings.xml'] ?? new Uint8Array()).matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1])
  const units = report.documents.filter((d) => d.format === 'md' && d.name.startsWith('各单位任务清单/')).map((d) => d.name.slice(8, -3))

  it('has a summary sheet and one sheet per unit', () => {
    expect(sheets[0]).toBe('汇总')
    expect(sheets.slice(1)).toEqual(units)
  })

  it('has a real header row, column widths, wrapped text and a frozen header on every sheet', () => {
    for (let i = 1; i <= sheets.length; i++) {
      const xml = strFromU8(zip[`xl/worksheets/sheet${i}.xml`])
      expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/)
      expect(xml).toMatch(/<col [^>]*width="/)
      expect(xml).toMatch(/<row r="1"/)
    }
    expect(strFromU8(zip['xl/styles.xml'])).toContain('wrapText="1"')
    for (const header of ['序号', '单位', '牵头条款', '配合条款', '类别', '政策条款/事项', '主要内容/具体目标', '完成时限']) {
      expect(shared).toContain(header)
    }
  })

  it('writes fixed dates', () => {
    expect(strFromU8(zip['docProps/core.xml'])).toContain('2024-03-05T00:00:00Z')
  })
})

describe('sheetNames', () => {
  it('removes forbidden characters, truncates to 31 and keeps names unique', () => {
    expect(sheetNames(['区A/B局', '区A:B局', 'x'.repeat(40), '汇总'], ['汇总'])).toEqual(['区A_B局', '区A_B局-2', 'x'.repeat(31), '汇总-2'])
  })
})
