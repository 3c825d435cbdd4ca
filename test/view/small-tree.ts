/** A small hand-built policy tree for view, template and writer tests (no parser needed). */
import type {Clause, Domain, Policy, UnitRef} from '../../src/tree/types.ts'
import type {RegistryLike} from '../../src/view/types.ts'

export const smallRegistry: RegistryLike = {
  district: '测试区',
  units: [
    {name: '区发改局', fullName: '区发展和改革局', aliases: []},
    {name: '区财政局', aliases: []},
    {name: '区国资办', aliases: [], parent: '区财政局'},
    {name: '区科技局', aliases: []},
    {name: '区委组织部', aliases: []},
    {name: '区委人才办', aliases: [], parent: '区委组织部'}
  ]
}

const parents: Record<string, string> = {区国资办: '区财政局', 区委人才办: '区委组织部'}

export function ref(name: string, role: 'lead' | 'support', nested = false): UnitRef {
  const known = smallRegistry.units.some((u) => u.name === name)
  return {name, written: name, role, status: known ? 'canonical' : 'unknown', parent: parents[name], nested: nested || undefined}
}

function clause(number: number, title: string, body: string, units: UnitRef[]): Clause {
  return {
    type: 'clause', id: String(number), number, label: String(number), labelPunctuation: '.', title, body,
    unitsText: `（责任单位：${units.map((u) => u.name).join('、')}）`, units,
    duties: [{text: `（责任单位：${units.map((u) => u.name).join('、')}）`, units}], measures: [], targets: [], budgets: []
  }
}

function domain(ordinal: number, label: string, title: string, leads: UnitRef[], children: Clause[]): Domain {
  return {type: 'domain', ordinal, label, labelPunctuation: '、', title, leads, intro: [], targets: [], children}
}

export const specialText = '特殊字符 * _ | # < [ {{ }} <script>alert(1)</script> & `code` ~~del~~ \\ end'

export function smallPolicy(): Policy {
  return {
    type: 'policy',
    title: '测试区推动发展若干政策',
    meta: {},
    preamble: [{type: 'text', value: '为推动发展，制定本方案。'}],
    children: [
      domain(1, '一', '扩大投资政策', [ref('区发改局', 'lead')], [
        clause(1, '发挥项目带动作用。', '2024年推进重大项目，新增公共充电桩240根。', [ref('区发改局', 'lead'), ref('区财政局', 'support')]),
        clause(2, '加大财政支持。', specialText, [ref('区财政局', 'lead'), ref('区国资办', 'support', true), ref('区发改局', 'support')])
      ]),
      domain(2, '二', '科技创新政策', [ref('区科技局', 'lead')], [
        clause(3, '引进人才。', '1. 看起来像列表\n- 也像列表\n> 引用', [ref('区委人才办', 'lead'), ref('区科技局', 'support')]),
        clause(4, '特殊单位。', '由奇怪的单位办理。', [ref('../../etc/区X局', 'lead'), ref('区A/B局', 'support'), ref('区国资办', 'support')])
      ])
    ],
    closing: [],
    appendix: {
      type: 'appendix', label: '附件：', title: '测试区积极争取省市政策事项清单', columns: ['领域', '争取事项', '具体目标', '责任单位'],
      children: [
        {type: 'appendixItem', number: 1, domain: 1, domainName: '扩大投资政策', title: '争取专项债', target: '争取50亿元', unitsText: '区财政局、区发改局', units: [ref('区财政局', 'lead'), ref('区发改局', 'support')]},
        {type: 'appendixItem', number: 2, domain: 2, domainName: '科技创新政策', title: '争取人才项目', target: specialText, unitsText: '区委组织部（区委人才办）', units: [ref('区委组织部', 'lead'), ref('区委人才办', 'lead', true)]}
      ]
    }
  }
}
