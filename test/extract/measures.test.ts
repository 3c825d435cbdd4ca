import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {extractMeasures, locateMeasures} from '../../src/extract/measures.ts'
import type {Measure} from '../../src/tree/types.ts'

const fixture = JSON.parse(readFileSync(new URL('../fixtures/extract/sample-clauses.json', import.meta.url), 'utf8')) as {
  clauses: Record<string, string>
}
const clause = (n: number): string => fixture.clauses[String(n)]!
const brief = (ms: Measure[]) => ms.map((m) => [m.kind, m.value, m.unit, m.who])

describe('分别 lists pair values with recipients in order', () => {
  it('clause 13: 省科技大奖 + 一等奖、二等奖、三等奖 (prefix carried to bare prize levels)', () => {
    const ms = extractMeasures(clause(13)).slice(0, 4)
    expect(brief(ms)).toEqual([
      ['amount', 150, '万元', '以第一项目完成单位获得省科技大奖'],
      ['amount', 50, '万元', '省科学技术奖一等奖'],
      ['amount', 30, '万元', '省科学技术奖二等奖'],
      ['amount', 10, '万元', '省科学技术奖三等奖']
    ])
    expect(ms.map((m) => m.text)).toEqual(['150万元', '50万元', '30万元', '10万元'])
  })

  it('clause 23: 国家级、省级、市级… with the shared suffix, four lists in one clause', () => {
    const ms = extractMeasures(clause(23))
    expect(brief(ms)).toEqual([
      ['amount', 300, '万元', '国家级制造业创新中心'],
      ['amount', 150, '万元', '省级制造业创新中心'],
      ['amount', 150, '万元', '国家级制造业企业技术中心'],
      ['amount', 50, '万元', '省级制造业企业技术中心'],
      ['amount', 20, '万元', '市级制造业企业技术中心'],
      ['amount', 200, '万元', '国际首台（套）装备（首批次新材料、首版次软件）'],
      ['amount', 150, '万元', '国内首台（套）装备（首批次新材料、首版次软件）'],
      ['amount', 50, '万元', '省内首台（套）装备（首批次新材料、首版次软件）'],
      ['amount', 20, '万元', '市内首台（套）装备（首批次新材料、首版次软件）'],
      ['amount', 30, '万元', '省级产业链上下游企业共同体']
    ])
  })

  it('clause 24: bracket alternative 400万元（300万元） and a 分别 list joined by 和', () => {
    const [first, ...rest] = extractMeasures(clause(24))
    expect(first).toMatchObject({
      kind: 'amount',
      value: 400,
      unit: '万元',
      who: '新认定的国家级“单项冠军”示范企业',
      alternative: {value: 300, who: '新认定的国家级“单项冠军”产品'},
      text: '给予400万元（300万元）奖励'
    })
    expect(brief(rest)).toEqual([
      ['amount', 300, '万元', '新认定的国家级专精特新“小巨人”'],
      ['amount', 100, '万元', '新认定的省级“隐形冠军”'],
      ['amount', 20, '万元', '新认定的省级“专精特新”中小企业']
    ])
  })

  it('clause 15: recipients in an earlier phrase joined by 和 (国家和省级领军人才计划)', () => {
    const ms = extractMeasures(clause(15))
    expect(brief(ms)).toEqual([
      ['amount', 20, '万元', '新入选国家领军人才计划'],
      ['amount', 10, '万元', '新入选省级领军人才计划']
    ])
    expect(ms.every((m) => m.conditions === undefined)).toBe(true)
  })

  it('clause 28: quoted levels without separators (“三星级”“四星级”“五星级”)', () => {
    expect(brief(extractMeasures(clause(28)))).toEqual([
      ['amount', 100, '万元', '三星级小微企业园'],
      ['amount', 300, '万元', '四星级小微企业园'],
      ['amount', 500, '万元', '五星级小微企业园']
    ])
  })

  it('clause 53: per-unit sums 每亩分别增加15元、40元和50元', () => {
    expect(brief(extractMeasures(clause(53)))).toEqual([
      ['amount', 15, '元/亩', '全年稻麦油复种（油菜种植面积小于50亩）'],
      ['amount', 40, '元/亩', '一季旱粮（不含大小麦）种植'],
      ['amount', 50, '元/亩', '油菜连片种植面积在50亩以上的农业主体']
    ])
  })
})

describe('rates with thresholds and caps', () => {
  it('clause 20: 8% above 1000万元 with a 2000万元 cap; 10% / 20% with a 3000万元 cap', () => {
    const ms = extractMeasures(clause(20))
    expect(ms.map((m) => [m.kind, m.value, m.unit])).toEqual([
      ['rate', 8, '%'],
      ['cap', 2000, '万元'],
      ['rate', 10, '%'],
      ['rate', 20, '%'],
      ['cap', 3000, '万元']
    ])
    expect(ms[0]).toMatchObject({
      who: '符合智能化（数字化）改造的项目',
      conditions: ['设备（行业领先）投资总额（不含税）超过1000万元'],
      text: '按设备投资额8%给予补助'
    })
    expect(ms[2]!.conditions).toEqual(['认定为省级“专精特新”中小企业及以上', '设备投资总额（不含税）超过500万元'])
    expect(ms[3]!.who).toBe('“单项冠军”“专精特新”小巨人企业')
    // thresholds are never benefits
    expect(ms.some((m) => m.value === 1000 || m.value === 500)).toBe(false)
  })

  it('clause 21: 投入不低于100万元 gates a 20% rate capped at 300万元', () => {
    const [rate, cap] = extractMeasures(clause(21))
    expect(rate).toMatchObject({kind: 'rate', value: 20, unit: '%', who: '纯数字化改造项目', conditions: ['投入不低于100万元', '经验收合格']})
    expect(cap).toMatchObject({kind: 'cap', value: 300, unit: '万元', text: '最高限额300万元', who: '纯数字化改造项目'})
  })

  it('clause 22: a capped rate in % (最高给予设备投资额12%) and an amount cap', () => {
    const ms = extractMeasures(clause(22)).slice(0, 3)
    expect(ms.map((m) => [m.kind, m.value, m.unit])).toEqual([
      ['rate', 8, '%'],
      ['cap', 12, '%'],
      ['cap', 400, '万元']
    ])
    expect(ms[0]!.conditions?.[1]).toBe('经有资质的第三方检测机构认定且设备投资额不低于200万元')
  })
})

describe('tiers', () => {
  it('clause 11: 1%（含）~3%（不含） → 3%, 3%（含）以上 → 10%, for 规上企业 and 高新技术企业, capped per enterprise', () => {
    const ms = extractMeasures(clause(11))
    expect(ms.map((m) => [m.kind, m.value, m.unit, m.who, m.conditions])).toEqual([
      ['cap', 250, '万元/家', '符合加计扣除政策的企业', ['研发费用达到100万元以上且增幅达到15%以上']],
      ['rate', 3, '%', '规上企业', ['研发费用达到100万元以上且增幅达到15%以上', '研发费用占营业收入占比达到1%（含）~3%（不含）']],
      ['rate', 10, '%', '规上企业', ['研发费用达到100万元以上且增幅达到15%以上', '占比达到3%（含）以上']],
      ['rate', 3, '%', '高新技术企业', ['研发费用达到100万元以上且增幅达到15%以上', '研发费用占营业收入占比达到3%（含）~4%（不含）']],
      ['rate', 10, '%', '高新技术企业', ['研发费用达到100万元以上且增幅达到15%以上', '占比达到4%（含）以上']]
    ])
  })
})

describe('not benefits', () => {
  it('budgets, targets and policy figures give no measures', () => {
    for (const n of [2, 8, 19, 4, 36, 45, 67, 68]) expect(extractMeasures(clause(n)), `clause ${n}`).toEqual([])
  })

  it('clause 41: N元/标箱 keeps its per-unit qualifier', () => {
    expect(extractMeasures(clause(41))).toEqual([
      {kind: 'amount', value: 200, unit: '元/标箱', who: '海铁联运铁路集装箱班列', text: '200元/标箱的补助'}
    ])
  })
})

describe('phrasings not in the sample', () => {
  it('reads a plain award, a per-enterprise cap and a threshold', () => {
    const ms = extractMeasures('对新认定的省级企业研究院，给予每家最高80万元奖励。对年销售收入超过5000万元的企业，按技术改造投入的５％给予补助，单个企业最高不超过100万元。')
    expect(ms.map((m) => [m.kind, m.value, m.unit, m.who])).toEqual([
      ['cap', 80, '万元/家', '新认定的省级企业研究院'],
      ['rate', 5, '%', '企业'],
      ['cap', 100, '万元', '企业']
    ])
    expect(ms[1]!.conditions).toEqual(['年销售收入超过5000万元'])
  })

  it('pairs a 分别 list with 一等奖、二等奖、三等奖', () => {
    const ms = extractMeasures('对获得市科学技术奖一等奖、二等奖、三等奖的项目，分别给予20万元、10万元、5万元奖励。')
    expect(ms.map((m) => [m.value, m.who])).toEqual([
      [20, '获得市科学技术奖一等奖的项目'],
      [10, '获得市科学技术奖二等奖的项目'],
      [5, '获得市科学技术奖三等奖的项目']
    ])
  })
})

describe('every measure text is a verbatim span at its located index', () => {
  it('holds on all sample fixtures', () => {
    for (const text of Object.values(fixture.clauses))
      for (const {measure, start} of locateMeasures(text)) expect(text.slice(start, start + measure.text.length)).toBe(measure.text)
  })

  it('holds on arbitrary mixtures of sample phrases', () => {
    const pieces = Object.values(fixture.clauses).flatMap((t) => t.split(/(?<=[，。；])/))
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 12}), (parts) => {
        const text = parts.join('')
        for (const {measure, start} of locateMeasures(text)) {
          if (text.slice(start, start + measure.text.length) !== measure.text) return false
          if (!Number.isFinite(measure.value)) return false
        }
        return true
      }),
      {numRuns: 300}
    )
  })
})
