/**
 * What the page shows for one policy: its source text, the outline of the tree (parts › groups ›
 * tasks with their units and deadlines) and every proofreading message. Read, config, registry,
 * parse and check are the command line's own functions (`loadSource`, `parseSource`,
 * `checkPolicy`, `toJson`), so the page and `policy-press check` always agree.
 */
import {toJson, type JsonMessage} from '../check/format.ts'
import {checkPolicy} from '../check/index.ts'
import {loadSource, parseSource} from '../cli/source.ts'
import type {Clause, Policy, Position, UnitRef} from '../tree/types.ts'

/** One node of the outline, generic so any depth of the tree renders the same way. */
export interface OutlineNode {
  kind: 'part' | 'group' | 'task'
  /** Stable id (`1`, `1.3`, `appendix.2`) for keys and links. */
  id: string
  /** Label as written (`一、`, `3.`, `（一）`), may be empty. */
  label: string
  title: string
  /** 1-based source line, when known. */
  line?: number
  units: Array<Pick<UnitRef, 'name' | 'written' | 'role' | 'status' | 'parent'>>
  deadline?: string
  /** A part with no tasks (指导思想, 基本原则…): context only. */
  context?: boolean
  children: OutlineNode[]
}

export interface Analysis {
  path: string
  title: string
  status?: string
  /** The source text the line numbers refer to (for a .docx, the reader's Markdown). */
  text: string
  outline: OutlineNode[]
  /** Every unit named, canonical names, in order of first appearance. */
  units: string[]
  messages: JsonMessage[]
  counts: {parts: number; tasks: number}
}

/** Read, parse and check `relative` (a policy inside the workspace `root`). Bad input throws UserError. */
export async function analyze(root: string, relative: string): Promise<Analysis> {
  const input = await loadSource(relative, root)
  const {policy, file} = await parseSource(input)
  const parseMessages = [...file.messages]
  const messages = checkPolicy(policy, file, {registry: input.registry, settings: input.loaded.config.rules})
  file.path = relative
  const outline = outlineOf(policy)
  const tasks = outline.reduce((sum, part) => sum + countTasks(part), 0)
  return {
    path: relative,
    title: policy.title,
    status: policy.status,
    text: String(file.value ?? ''),
    outline,
    units: unitsOf(outline),
    messages: toJson([{file, messages: [...parseMessages, ...messages]}]),
    counts: {parts: outline.length, tasks}
  }
}

function outlineOf(policy: Policy): OutlineNode[] {
  const parts: OutlineNode[] = policy.children.map((domain) => {
    const children: OutlineNode[] = []
    let group: OutlineNode | undefined
    for (const clause of domain.children) {
      const task = taskNode(clause)
      if (clause.group) {
        if (!group || group.title !== clause.group) {
          group = {kind: 'group', id: `${domain.ordinal}.g${children.length + 1}`, label: '', title: clause.group, line: lineOf(clause.position), units: [], children: []}
          children.push(group)
        }
        group.children.push(task)
      } else {
        group = undefined
        children.push(task)
      }
    }
    return {
      kind: 'part',
      id: String(domain.ordinal),
      label: domain.label + domain.labelPunctuation.trim(),
      title: domain.title,
      line: lineOf(domain.position),
      units: domain.leads.map(unit),
      context: domain.children.length === 0 || undefined,
      children
    }
  })
  if (policy.appendix) {
    const appendix = policy.appendix
    parts.push({
      kind: 'part',
      id: 'appendix',
      label: appendix.label,
      title: appendix.title,
      line: lineOf(appendix.position),
      units: [],
      children: appendix.children.map((item) => ({
        kind: 'task',
        id: `appendix.${item.number}`,
        label: `${item.number}.`,
        title: item.title,
        line: lineOf(item.position),
        units: item.units.map(unit),
        children: []
      }))
    })
  }
  return parts
}

function taskNode(clause: Clause): OutlineNode {
  return {
    kind: 'task',
    id: clause.id,
    label: clause.label + clause.labelPunctuation,
    title: clause.title,
    line: lineOf(clause.position),
    units: clause.units.map(unit),
    deadline: clause.deadline?.text,
    children: []
  }
}

function unit(ref: UnitRef): OutlineNode['units'][number] {
  return {name: ref.name, written: ref.written, role: ref.role, status: ref.status, ...(ref.parent ? {parent: ref.parent} : {})}
}

function lineOf(position: Position | undefined): number | undefined {
  return position?.start.line
}

function countTasks(node: OutlineNode): number {
  return (node.kind === 'task' ? 1 : 0) + node.children.reduce((sum, child) => sum + countTasks(child), 0)
}

function unitsOf(nodes: readonly OutlineNode[]): string[] {
  const seen = new Set<string>()
  const visit = (node: OutlineNode) => {
    for (const ref of node.units) seen.add(ref.name)
    node.children.forEach(visit)
  }
  nodes.forEach(visit)
  return [...seen]
}
