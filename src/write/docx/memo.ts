/**
 * What a Word writer keeps from one document to the next of a build, and drops with itself: a
 * build's documents repeat the same clauses, cells and runs (each unit's task list repeats rows of
 * the notice), so each is measured, and its docx component built and written, once.
 */
import type {IContext, IXmlableObject, XmlComponent} from 'docx'
import {createMeasures, type Measures} from './breaks.ts'

export interface Memo {
  /** Measured texts (`breaks.ts`). */
  readonly measures: Measures
  /** Components whose XML is the same in every document, by key (`shared`). */
  readonly components: Map<string, XmlComponent>
  /** XML of the package parts that are the same in every document, by key (`compileParts`). */
  readonly parts: Map<string, string>
}

export const createMemo = (): Memo => ({measures: createMeasures(), components: new Map(), parts: new Map()})

/**
 * Shared components kept at most (about 2 KB each with their XML; the sample's 29 documents share
 * about 6,000, 13 MB with the measured texts): a far larger build starts again rather than holding
 * all its cells.
 */
const componentLimit = 20_000

/**
 * The component `make` builds, built once per memo for `key` and written once: later documents
 * reuse its XML. Only for components whose XML depends on nothing but `key`, not on the document
 * they are in: no links (docx adds their relationships while writing), and no paragraph directly
 * in the body (docx may write a section's properties into it).
 */
export function shared<T extends XmlComponent>(memo: Memo, key: string, make: () => T): T {
  const known = memo.components.get(key)
  if (known) return known as T
  const component = make()
  if (memo.components.size >= componentLimit) memo.components.clear()
  const write = component.prepForXml.bind(component)
  let xml: IXmlableObject | undefined
  component.prepForXml = (context: IContext) => (xml ??= write(context))
  memo.components.set(key, component)
  return component
}
