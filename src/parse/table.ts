/**
 * Task tables (分工表): a table whose header names a task column and a unit column. Columns are
 * found by their header (a data table, one entry per role); merged cells arrive empty and are
 * continued downwards; single-cell rows are group headings. Rows become tasks with units and
 * deadlines; groups (or the merged task cells) become parts.
 */
import type {Clause, Domain, Duty, UnitRef} from '../tree/types.ts'
import type {Registry} from '../units/registry.ts'
import type {Block} from './blocks.ts'
import {titleEnd, unitRef} from './build.ts'
import {deadlineFromCell} from './deadline.ts'
import {readDuty} from './duties.ts'
import {numberingOf} from './schemes.ts'
import type {Src} from './source.ts'

type TableBlock = Extract<Block, {kind: 'table'}>

export type ColumnRole = 'number' | 'task' | 'content' | 'lead' | 'support' | 'units' | 'deadline'

/** Header patterns by column role, first match wins (headers are compared without spaces). */
export const columnRoles: ReadonlyArray<{role: ColumnRole; pattern: RegExp; examples: string[]}> = [
  {role: 'number', pattern: /^(序号|编号|序)$/, examples: ['序号']},
  {role: 'lead', pattern: /牵头(单位|部门)/, examples: ['牵头单位', '牵头部门']},
  {role: 'support', pattern: /(配合|协办|参与|协同)(单位|部门)/, examples: ['配合单位']},
  {role: 'units', pattern: /责任(单位|部门|主体)|指导部门|实施(单位|主体)|主体单位/, examples: ['责任单位', '主要责任单位', '指导部门']},
  {role: 'deadline', pattern: /时限|完成时间|时间节点|完成期限/, examples: ['完成时限', '完成 时限']},
  {role: 'content', pattern: /具体(工作)?措施|主要内容|工作措施|工作内容|具体内容|^内容$|^措施$/, examples: ['具体措施', '主要内容', '主 要 内 容']},
  {role: 'task', pattern: /任务(?!来源)|举措|事项|工作要点|重点工作/, examples: ['重点任务', '主要工作任务', '改革举措']}
]

interface Columns {
  number?: number
  task?: number
  content?: number
  lead?: number
  support?: number
  units?: number
  deadline?: number
}

/** The role of a column from its header cell (spaces ignored: `主 要 内 容`). */
export function columnRoleOf(header: string): ColumnRole | undefined {
  const name = header.replace(/[\s\u3000]/g, '')
  return columnRoles.find((r) => r.pattern.test(name))?.role
}

function columnsOf(header: readonly string[]): Columns {
  const columns: Columns = {}
  header.forEach((cell, index) => {
    const role = columnRoleOf(cell)
    if (role && columns[role] === undefined) columns[role] = index
  })
  return columns
}

/**
 * A table that lists tasks with their units. A list of matters to win from higher levels
 * (`争取事项`, the sample's appendix) is an appendix, not the document's tasks.
 */
export function isTaskTable(table: TableBlock): boolean {
  const header = table.rows[0]?.map((c) => c.value) ?? []
  if (header.some((cell) => /争取/.test(cell))) return false
  const columns = columnsOf(header)
  return (columns.lead !== undefined || columns.units !== undefined) && (columns.task !== undefined || columns.content !== undefined) && table.rows.length > 1
}

/** Space-separated names in a cell (one per source line) read as a list: `区经发局 区环土局`. */
function listOfCell(value: string): string {
  return value.replace(/(?<![、，,；;\s\u3000])[ \u3000]+(?![、，,；;\s\u3000]|$)/g, (m) => '、' + ' '.repeat(m.length - 1))
}

function unitsOfCell(cell: Src | undefined, role: 'ordered' | 'lead' | 'support', registry: Registry | undefined): UnitRef[] {
  if (!cell || !cell.value.trim()) return []
  const inner = listOfCell(cell.value)
  const read = readDuty(role === 'lead' ? `牵头单位：${inner}` : role === 'support' ? `配合单位：${inner}` : `责任单位：${inner}`)
  if (!read) return []
  const shift = 5
  // No host: a nested unit in a cell takes its parent from the registry only.
  return read.units.map((unit) => unitRef(registry, unit.written, unit.role, unit.nested, undefined, cell.range(unit.offset - shift, unit.offset - shift + unit.written.length)))
}

/** A row that is a group heading: one filled cell that is not a task number. */
function groupRow(row: readonly Src[]): string | undefined {
  const filled = row.filter((c) => c.value.trim() !== '')
  if (filled.length !== 1 || row[0]!.value.trim() === '') return undefined
  const text = row[0]!.value.trim()
  if (/^[0-9０-９]+$/.test(text)) return undefined
  return text
}

export function tableTasks(table: TableBlock, context: {registry?: Registry; year?: number}): {domains: Domain[]} {
  const [header, ...rows] = table.rows
  const columns = columnsOf(header!.map((c) => c.value))
  const domains: Domain[] = []
  const newDomain = (title: string, position: Src['position'], label = ''): Domain => {
    const num = numberingOf(title)
    const domain: Domain = {
      type: 'domain',
      ordinal: domains.length + 1,
      label: num ? num.label.replace(/^[（(]|[）)]$/g, '') : label,
      labelPunctuation: num ? num.punctuation : '',
      title: num ? title.slice(num.contentStart) : title,
      leads: [],
      intro: [],
      targets: [],
      children: []
    }
    if (position) domain.position = position
    domains.push(domain)
    return domain
  }
  // Parts: group rows; otherwise the merged task cells when each holds several measures.
  const groups = rows.some((row) => groupRow(row) !== undefined)
  const merged = columns.task !== undefined && columns.content !== undefined && rows.some((row) => !groupRow(row) && row[columns.task!]!.value.trim() === '')
  // Merged task cells over several measures: parts when the table has no group rows, else groups.
  const carried = merged && !groups
  let domain: Domain | undefined
  let lastTask = ''
  let lastNumber = ''
  const carry: string[] = []
  for (const row of rows) {
    if (row.every((c) => c.value.trim() === '')) continue
    const group = groupRow(row)
    if (group !== undefined) {
      domain = newDomain(group, row[0]!.position)
      continue
    }
    // Merged cells: an empty cell continues the one above.
    const cells = row.map((cell, index) => {
      const value = cell.value.trim()
      if (value) carry[index] = value
      return value || (index === columns.number || index === columns.task || index === columns.lead || index === columns.units ? carry[index] ?? '' : '')
    })
    const task = columns.task !== undefined ? cells[columns.task]! : ''
    const number = columns.number !== undefined ? cells[columns.number]! : ''
    if (carried && (task !== lastTask || number !== lastNumber)) {
      domain = newDomain(task, row[columns.task!]!.position, number)
      lastTask = task
      lastNumber = number
    }
    if (!domain) {
      domain = newDomain('', undefined)
      domain.implicit = true
    }
    const textCell = columns.content !== undefined && (merged || row[columns.content]!.value.trim()) ? columns.content : (columns.task ?? columns.content!)
    const src = row[textCell]!
    const text = src.value.trim()
    const num = numberingOf(text)
    const rest = num ? text.slice(num.contentStart) : text
    const useTaskTitle = !merged && columns.task !== undefined && textCell !== columns.task
    const stop = titleEnd(rest)
    const title = useTaskTitle ? cells[columns.task!]! : stop === -1 ? rest : rest.slice(0, stop)
    const body = useTaskTitle ? text : stop === -1 ? '' : rest.slice(stop)
    const seq = num ? num.number : Number.parseInt(number, 10)
    const clause: Clause = {
      type: 'clause',
      id: '',
      number: Number.isFinite(seq) ? seq : domain.children.length + 1,
      label: num ? num.label : number,
      labelPunctuation: num ? num.punctuation : '',
      title,
      body,
      unitsText: '',
      units: [],
      duties: [],
      measures: [],
      targets: [],
      budgets: []
    }
    const unitCells: Array<[number | undefined, 'ordered' | 'lead' | 'support']> = [
      [columns.lead, 'lead'],
      [columns.support, 'support'],
      [columns.units, columns.lead !== undefined ? 'support' : 'ordered']
    ]
    for (const [index, role] of unitCells) {
      if (index === undefined) continue
      const cell = row[index]!
      const units = unitsOfCell(cell.value.trim() ? cell : undefined, role, context.registry)
      if (units.length === 0) continue
      const duty: Duty = {text: cell.value, units}
      if (cell.position) duty.position = cell.position
      clause.duties.push(duty)
      for (const unit of units) if (!clause.units.some((u) => u.written === unit.written)) clause.units.push(unit)
    }
    clause.unitsText = clause.duties.map((d) => d.text).join('；')
    if (columns.deadline !== undefined) {
      const deadline = deadlineFromCell(cells[columns.deadline]!, context.year)
      if (deadline) {
        if (row[columns.deadline]!.position) deadline.position = row[columns.deadline]!.position
        clause.deadline = deadline
      }
    }
    const placed = row.filter((c) => c.position && c.value.trim())
    if (placed.length > 0) clause.position = {start: placed[0]!.position!.start, end: placed[placed.length - 1]!.position!.end}
    if (merged && groups && task) clause.group = task
    clause.id = domain.implicit ? String(domain.children.length + 1) : `${domain.ordinal}.${domain.children.length + 1}`
    domain.children.push(clause)
  }
  return {domains}
}
