/**
 * Every variable a built-in template may use, with a one-line Chinese description: the list
 * `policy-press templates` prints and the names a strict-mode error suggests.
 *
 * The table is typed by the view types themselves (`Describe<NoticeView>` …): a field added to,
 * renamed in or removed from a view fails the type check here until its line is written, and
 * test/template/variables.test.ts checks the views actually produced for the sample against it.
 * So the list cannot drift from what the templates receive.
 */
import type {FrontMatter} from '../view/types.ts'
import type {NoticeView} from '../view/notice.ts'
import type {TaskClause, TaskListView} from '../view/tasklist.ts'
import type {ContactLine, InterpretationView, RelatedClause, SupportLine} from '../view/interpretation.ts'
import type {PolicyView} from '../view/policy.ts'
import type {IndexLink, IndexView} from '../view/index-page.ts'
import type {ProgressGroup, ProgressView, StatusCounts} from '../view/progress.ts'

/** A described field: a leaf is its description; an object or a list of objects also describes its fields. */
export type Described = string | {text: string; fields: DescribeTable} | {text: string; each: DescribeTable}
export type DescribeTable = Readonly<Record<string, Described>>

type Field<V> = [V] extends [ReadonlyArray<infer U>]
  ? [U] extends [object]
    ? {text: string; each: Describe<U>}
    : string
  : [V] extends [object]
    ? {text: string; fields: Describe<V>}
    : string

/** Every key of `T`, optional ones included, and no other key. */
export type Describe<T> = {readonly [K in keyof T]-?: Field<NonNullable<T[K]>>}

const meta: Describe<FrontMatter> = {
  kind: '文件种类（notice 通知、tasklist 任务清单、interpretation 政策解读、policy 政策原文、index 索引页、progress 督办通报）',
  layout: '版式：official 公文（GB/T 9704）或 leaflet 宣传单页',
  title: '文件标题',
  subtitle: '标题下的一行（任务清单的单位名称、政策解读的副标题）；可能没有',
  issuerMark: '发文机关标志（红头），如“某某区人民政府办公室文件”；可能没有',
  documentNumber: '发文字号，如“秀政办发〔2024〕5号”；可能没有',
  recipients: '主送机关（列表）',
  attachments: '附件名称（列表）',
  signature: '署名，即发文机关（配置项 issuer）；可能没有',
  date: '成文日期，如“2024年3月5日”（配置项 date 或源文件前言）；可能没有',
  copiesTo: '抄送机关（列表）；可能没有',
  printedBy: '印发机关；可能没有',
  printedDate: '印发日期，如“2024年3月5日”；可能没有',
  created: '文件内部的固定时间（ISO 格式），由成文日期而来；可能没有',
  keep: '排版时不许拆开回行的名称（单位名称等，列表）；写进前言供写出器使用',
  recipientsCollective: '主送机关的统称（配置项 recipientsCollective，默认“各有关单位”），主送单位多到首页放不下正文时使用；可能没有',
  signatureMode: '署名方式（配置项 signature）：sealed 加盖印章、unsealed 不加盖印章、signed 加盖签发人签名章；可能没有',
  signer: '签发人姓名（配置项 signer）；可能没有',
  signerTitle: '签发人职务（配置项 signerTitle）；可能没有'
}
const metaField = {text: '文件前言（标题、发文字号、署名、日期等），由 {{> frontmatter meta}} 写出', fields: meta}

const notice: Describe<NoticeView> = {
  meta: metaField,
  policyTitle: '政策标题（不带书名号）',
  deadline: '全部任务共同的完成时限，如“2024年12月31日”；各任务时限不同或都没有时为空',
  deadlineColumn: '有任何任务写了完成时限时为“是”（表格这时有“完成时限”一列）',
  tableTitle: '责任分工表的标题',
  groups: {
    text: '按政策领域分组的责任分工表',
    each: {
      implicit: '没有分部分的政策（任务直接按一、二、三……排列）为“是”，这时不写领域标题',
      numeral: '领域序号（中文数字，如“一”）',
      ordinal: '领域序号（阿拉伯数字）',
      title: '领域标题',
      leads: '领域牵头单位，用顿号连接；没有时为空',
      rows: {
        text: '本领域的条款（表格的行）',
        each: {
          index: '全表连续的序号',
          number: '条款在政策中的编号',
          clause: '条款编号和标题，如“1.发挥重大建设项目带动支撑作用。”',
          clauseTitle: '条款标题（不带编号，序号列已有编号），如“发挥重大建设项目带动支撑作用。”',
          content: '条款正文',
          lead: '牵头单位，用顿号连接',
          supports: '配合单位，用顿号连接；没有时为空',
          leadUnits: '牵头单位（列表）',
          supportUnits: '配合单位（列表）',
          deadline: '本任务的完成时限，如“2024年6月底前”“2024年12月31日”；没有时为空'
        }
      }
    }
  },
  clauseCount: '条款总数',
  unitCount: '有任务的单位数',
  appendix: {
    text: '附件事项的责任分工；政策没有附件时没有',
    fields: {
      title: '附件表的标题',
      label: '附件标签，如“附件2”',
      rows: {
        text: '附件事项（表格的行）',
        each: {
          index: '序号',
          domain: '领域名称',
          title: '争取事项',
          target: '具体目标',
          lead: '牵头单位',
          supports: '配合单位，用顿号连接；没有时为空',
          units: '全部责任单位，用顿号连接'
        }
      }
    }
  }
}

const taskClause: Describe<TaskClause> = {
  index: '序号',
  number: '条款在政策中的编号',
  clause: '条款编号和标题，如“1.发挥重大建设项目带动支撑作用。”',
  content: '条款正文',
  domain: '所属领域，如“一、扩大有效投资政策”',
  lead: '牵头单位，用顿号连接',
  supports: '配合单位，用顿号连接',
  partners: '本条款中除本单位以外的单位，用顿号连接',
  deadline: '本任务的完成时限；没有时为空',
  note: '下属单位说明，如“由区委人才办承担”；本单位自己承担时为空'
}

const tasklist: Describe<TaskListView> = {
  meta: metaField,
  unit: '单位简称，如“区发改局”',
  fullName: '单位全称（单位名录中有时）；可能没有',
  known: '单位是否在单位名录中（是/否）',
  policyTitle: '政策标题（不带书名号）',
  deadline: '本单位全部任务共同的完成时限（开头一句用）；各任务时限不同、不是日期或都没有时为空',
  deadlineColumn: '有任何条款或事项写了完成时限时为“是”（表格这时有“完成时限”一列）',
  contact: '本单位对外咨询方式（单位名录中的科室、电话、地址），如“投资科；电话0573-…”；没有时为空',
  leadContacts: '本单位配合的条款中牵头单位的联系方式（列表），如“区科技局 电话0573-…”；名录没有时为空',
  counts: {
    text: '各类任务的数目',
    fields: {
      domains: '涉及的领域数',
      leads: '牵头的条款数',
      supports: '配合的条款数',
      items: '负责的附件事项数',
      targets: '承担的目标数',
      total: '任务总数'
    }
  },
  domains: {
    text: '涉及的政策领域',
    each: {
      numeral: '领域序号（中文数字）',
      ordinal: '领域序号（阿拉伯数字）',
      title: '领域标题',
      clauseCount: '本单位在该领域的条款数',
      note: '说明；没有时为空'
    }
  },
  leads: {text: '牵头的条款', each: taskClause},
  supports: {text: '配合的条款', each: taskClause},
  items: {
    text: '负责的附件事项（向上争取）',
    each: {
      index: '序号',
      number: '附件事项编号',
      domain: '领域名称',
      title: '争取事项',
      target: '具体目标',
      role: '“牵头”或“配合”',
      units: '全部责任单位，用顿号连接',
      deadline: '本事项的完成时限；没有时为空',
      note: '下属单位说明；没有时为空'
    }
  },
  targets: {
    text: '承担的可量化目标',
    each: {
      index: '序号',
      source: '出处：条款（如“1.发挥…。”）或领域（如“一、扩大有效投资政策”）',
      text: '目标原文',
      role: '“牵头”或“配合”'
    }
  }
}

const supportLine: Describe<SupportLine> = {
  who: '对象或条件（条款原话）',
  what: '支持内容（条款原话）；可能为空',
  amount: '金额或比例，如“8%，最高2000万元”',
  conditions: '前提条件，用分号连接；没有时为空',
  alternative: '是否为另一行的括号内替代情形（是/否）',
  kind: '支持的种类：奖励、补贴、贷款贴息、税费减免或其他支持',
  clause: '条款在政策中的顺序号（从1起；示例政策即条款编号）',
  cite: '出处，按原文的编号写法，如“第8条”“（十二）”“第二部分（三）”“第十二项”',
  contact: '咨询单位（条款牵头单位）；没有时为空',
  domain: '所属领域，如“一、扩大有效投资政策”',
  yuan: '最大金额（元），用于排序；比例没有上限时没有'
}

const contactLine: Describe<ContactLine> = {
  unit: '单位简称',
  fullName: '单位全称（与简称不同时）；否则为空',
  office: '科室（单位名录）；没有时为空',
  phone: '电话（单位名录）；没有时为空',
  address: '地址（单位名录）；没有时为空',
  web: '网址（单位名录）；没有时为空',
  details: '科室、电话、地址、网址连在一起，如“投资科；电话0573-…”；名录没有时为空',
  cite: '负责的条款，按原文的编号写法，如“第1、5条”“（一）、（五）”'
}

const relatedClause: Describe<RelatedClause> = {title: '条款标题（不带句号）', cite: '出处，按原文的编号写法，如“第3条”“（三）”', domain: '所属领域'}

const interpretation: Describe<InterpretationView> = {
  meta: metaField,
  policyTitle: '政策标题（不带书名号）',
  status: '文件状态，如“征求意见稿”；没有时为空',
  benefitsHeading: '“谁能享受”一节的标题',
  figures: {
    text: '关键数字框',
    each: {
      label: '数字的名称',
      figure: '数字，如“8个”“约26亿元”',
      source: '出处，如“第1—68条”“（一）至（十五）”“结语第1段”',
      note: '补充说明；没有时为空'
    }
  },
  total: {
    text: '政策资金总额；政策没有写明也无法合计时没有',
    fields: {
      basis: 'stated（政策写明）或 budgets（各条预算之和）',
      value: '数值',
      unit: '单位，如“亿元”',
      figure: '显示的数字，如“约26亿元”',
      text: '原文或合计说明',
      source: '出处'
    }
  },
  counts: {
    text: '计数',
    fields: {
      domains: '领域数',
      clauses: '条款数',
      measures: '支持措施数',
      measureClauses: '含支持措施的条款数',
      items: '附件事项数',
      lines: '支持清单的行数',
      aims: '政府工作目标数'
    }
  },
  range: '全部条款的范围，如“第1—68条”“（一）至（十五）”（编号不连续时逐一列出）',
  citeNote: '说明括号里的出处是什么，如“每项后括号里的“第N条”是政策原文的条款序号”',
  audiences: {
    text: '谁能享受：按对象分组的支持（只列有内容的对象）',
    each: {
      key: '对象代号：enterprise、resident、farmer、research',
      label: '对象名称，如“企业”',
      groups: {text: '对象下的分组（企业按类型）', each: {label: '分组名称，如“科技型企业”；不分组时为空', lines: {text: '该组的支持清单', each: supportLine}}},
      lines: {text: '该对象的全部支持清单', each: supportLine},
      related: {text: '与该对象有关、没有写明金额的条款', each: relatedClause},
      contacts: {text: '找谁办：相关牵头单位及其联系方式', each: contactLine}
    }
  },
  kinds: '出现的支持种类（列表），网页筛选按钮用',
  domains: {
    text: '按政策部分的解读',
    each: {
      ordinal: '领域序号（阿拉伯数字）',
      numeral: '领域序号（中文数字）',
      title: '领域标题',
      heading: '带序号的标题，如“一、扩大有效投资政策”',
      range: '本领域的条款范围，如“第1—7条”“第二部分（一）至（三）”',
      budgets: {text: '预算安排', each: {text: '预算原文', cite: '出处'}},
      supports: {text: '支持清单（谁、什么、多少）', each: supportLine},
      keyClauses: {text: '本部分没有写明金额时列出的主要条款', each: relatedClause},
      moreClauses: '未列出的其余条款数；全部列出时为 0',
      contacts: {text: '咨询单位', each: contactLine},
      glossary: {text: '本节出现的名词解释', each: {term: '名词', plain: '通俗解释'}},
      counts: {text: '本领域的计数', fields: {supports: '支持清单行数', measures: '支持措施数'}}
    }
  },
  aims: {
    text: '政府工作目标（放在最后，每部分只列前几项）',
    each: {
      heading: '部分标题',
      aims: {text: '目标', each: {text: '目标原文', cite: '出处，如“领域引言”“第3条”“（三）”'}},
      more: '未列出的目标数；全部列出时为 0',
      range: '其余目标所在的条款范围'
    }
  }
}

const policy: Describe<PolicyView> = {
  meta: metaField,
  status: '文件状态（原文写法），如“征求意见稿”；可能没有',
  preamble: '开头的段落（列表）',
  domains: {
    text: '政策领域',
    each: {
      heading: '领域标题（原文写法，含牵头单位）',
      intro: '领域引言段落（列表）',
      clauses: {text: '条款', each: {group: '从本条开始的（一）分组标题；可能没有', text: '条款全文（原文写法）'}}
    }
  },
  closing: '结尾段落（列表）',
  appendix: {
    text: '附件表；政策没有附件时没有',
    fields: {
      label: '附件标签（原文写法，如“附件：”）',
      title: '附件标题',
      columns: '表头（列表）',
      rows: {
        text: '附件表的行',
        each: {domain: '领域（每组第一行有，其余为空）', matter: '编号和事项', target: '具体目标', units: '责任单位（原文写法）'}
      }
    }
  }
}

const link: Describe<IndexLink> = {label: '链接文字', href: '文件路径（相对于输出文件夹）'}

const index: Describe<IndexView> = {
  meta: metaField,
  status: '文件状态；可能没有',
  domainCount: '领域数',
  clauseCount: '条款数',
  itemCount: '附件事项数',
  unitCount: '有任务的单位数',
  notice: {text: '通知、政策解读、政策原文各格式的链接', each: link},
  units: {
    text: '各单位的任务清单',
    each: {
      label: '单位名称',
      leads: '牵头条款数',
      supports: '配合条款数',
      items: '附件事项数',
      files: {text: '该单位各格式文件的链接', each: link}
    }
  },
  data: {text: '台账和结构树的链接', each: link},
  messages: {
    text: '校对提示',
    each: {place: '位置“行:列”；可能为空', severity: '级别：错误、警告或提示', rule: '规则名', reason: '说明'}
  },
  counts: {text: '校对提示的数目', fields: {error: '错误数', warning: '警告数', info: '提示数'}},
  truncated: '提示太多、只列出一部分时为“是”',
  shown: '列出的提示数'
}

const statusCounts: Describe<StatusCounts> = {
  total: '任务 × 单位的行数',
  done: '已完成',
  inProgress: '推进中',
  notStarted: '未开始',
  behind: '滞后',
  blocked: '无法推进',
  unreported: '未报告',
  late: '逾期（完成时限已过且未完成，与上面各项重叠）',
  doneRate: '完成率，如“45.0%”'
}

const progressGroup: Describe<ProgressGroup> = {
  numeral: '本节里的分组序号，如“（一）”',
  title: '领域名称（不带序号），如“扩大有效投资政策”',
  tasks: {
    text: '本组的任务',
    each: {
      id: '任务编号，如“1.3”',
      task: '任务（编号和标题），如“3.向上争取资金支持。”',
      units: '处于这一状态的单位，用顿号连接',
      deadline: '完成时限；没有时为空'
    }
  }
}

const progress: Describe<ProgressView> = {
  meta: metaField,
  policyTitle: '政策标题（不带书名号）',
  date: '统计截止日期，如“2024年6月30日”',
  isoDate: '统计截止日期（ISO 格式）',
  dateFromReports: '截止日期取自台账中最晚的填报日期（没有写 --date）时为“是”',
  totals: {text: '全部任务的状态计数', fields: statusCounts},
  taskCount: '任务数',
  unitCount: '单位数',
  reportedUnitCount: '已报告的单位数',
  unreportedUnitCount: '未报告的单位数',
  fileCount: '读入的台账文件数',
  problemCount: '填报问题数',
  units: {text: '各单位的落实情况', each: {index: '序号', unit: '单位', counts: {text: '该单位的状态计数', fields: statusCounts}, reported: '该单位有可用的填报时为“是”'}},
  parts: {text: '各领域的落实情况', each: {index: '序号', label: '领域，如“一、扩大有效投资政策”或“附件”', counts: {text: '该领域的状态计数', fields: statusCounts}}},
  done: {text: '已完成的任务，按领域分组', each: progressGroup},
  inProgress: {text: '推进中的任务，按领域分组', each: progressGroup},
  late: {text: '逾期的任务，按领域分组', each: progressGroup},
  unreported: {text: '没有可用填报的单位', each: {unit: '单位', tasks: '任务数', late: '其中逾期的任务数'}},
  details: {
    text: '每个任务 × 单位及其填报（汇总表用）',
    each: {
      id: '任务编号',
      part: '领域',
      task: '任务',
      unit: '单位',
      role: '“牵头”或“配合”',
      deadline: '完成时限（原文写法）',
      deadlineDate: '完成时限（ISO 日期）；不是日期时没有',
      status: '状态',
      late: '是否逾期（是/否）',
      progress: '进展情况',
      completed: '完成日期',
      contact: '联系人',
      phone: '联系电话',
      reported: '填报日期',
      source: '所用填报的位置“文件 工作表 第N行”；没有时为空'
    }
  },
  problems: {
    text: '填报问题',
    each: {file: '台账文件', sheet: '工作表；可能没有', row: '行号；可能没有', rule: '问题代号，如 unknown-task', message: '说明', data: '原样照录的内容；可能没有'}
  },
  tableTitle: '附件表（各单位落实情况）的标题'
}

/** Template name → its view's variables. */
export const templateTables: Readonly<Record<string, {view: string; fields: DescribeTable}>> = {
  notice: {view: 'NoticeView（src/view/notice.ts）', fields: notice},
  tasklist: {view: 'TaskListView（src/view/tasklist.ts）', fields: tasklist},
  interpretation: {view: 'InterpretationView（src/view/interpretation.ts）', fields: interpretation},
  policy: {view: 'PolicyView（src/view/policy.ts）', fields: policy},
  index: {view: 'IndexView（src/view/index-page.ts）', fields: index},
  progress: {view: 'ProgressView（src/view/progress.ts；policy-press collect 用）', fields: progress}
}

export interface VariableLine {
  /** `groups[].rows[].lead`: `[]` marks a list, whose items' fields are written bare inside `{{#each}}`. */
  path: string
  description: string
  /** True for a list or an object (its fields follow). */
  group: boolean
}

/** The variables of one template, depth first, in table order. */
export function variableLines(template: string): VariableLine[] {
  const table = templateTables[template]
  if (!table) return []
  const out: VariableLine[] = []
  const walk = (fields: DescribeTable, prefix: string) => {
    for (const [key, described] of Object.entries(fields)) {
      const path = prefix + key
      if (typeof described === 'string') {
        out.push({path, description: described, group: false})
      } else if ('each' in described) {
        out.push({path, description: described.text, group: true})
        walk(described.each, path + '[].')
      } else {
        out.push({path, description: described.text, group: true})
        walk(described.fields, path + '.')
      }
    }
  }
  walk(table.fields, '')
  return out
}

/** Every variable path of a template (`counts.total`, `groups[].rows[].lead`). */
export function templateVariables(template: string): string[] {
  return variableLines(template).map((line) => line.path)
}
