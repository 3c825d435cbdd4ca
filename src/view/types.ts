/**
 * Shared types of the views: the context every view builder reads and the document it returns.
 * A view is plain data ready to print (strings, lists, booleans, counts); templates never compute.
 */
import type {Policy} from '../tree/types.ts'
import type {Config} from '../config/types.ts'
import type {DocFields} from '../doc/types.ts'

/**
 * The units registry as the views need it (structurally the `Registry` of `src/units/registry.ts`).
 * Only order, full names, parents and contacts are read.
 */
export interface RegistryLike {
  district?: string
  units: ReadonlyArray<{
    name: string
    fullName?: string
    aliases?: readonly string[]
    parent?: string
    /** Public contact (`src/units/registry.ts`): office, phone, address, web link. */
    office?: string
    phone?: string
    address?: string
    web?: string
  }>
}

export interface ViewContext {
  policy: Policy
  /** Configuration (issuer, date, deadline, recipients…); `{}` when none. */
  config: Config
  /** The units registry used to parse the policy; gives unit order, full names and parents. */
  registry?: RegistryLike
  /** Glossary of the interpretation (`glossary.yml` of the user's templates folder). Default: the built-in one. */
  glossary?: ReadonlyArray<{term: string; plain: string}>
}

/** Front matter a view asks its template to write: the document model's fields, `kind` required. */
export type FrontMatter = DocFields & {kind: string}

/** One document a view builder produces. */
export interface ViewDocument<V = unknown> {
  /** Template name: `notice` renders `templates/notice.md.hbs`. */
  template: string
  /**
   * Output path without extension, relative to the output folder, as name segments. Segments are
   * display names (unit names included) and may be unsafe: the build turns them into safe file names.
   */
  path: string[]
  /** Link text on index.html. */
  label: string
  data: V
}

export type ViewBuilder<V = unknown> = (context: ViewContext) => Array<ViewDocument<V>>
