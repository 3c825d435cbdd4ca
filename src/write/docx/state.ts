/**
 * The state every block handler receives (mdast-util-to-hast style): the layout, the page geometry,
 * `one`/`all` to render nested blocks, a paragraph factory that applies a pending page break,
 * and `report` for problems found in the document model.
 */
import {Paragraph, Table, type IParagraphOptions} from 'docx'
import type {VFile} from 'vfile'
import type {Block} from '../../doc/types.ts'
import type {OfficialElements, OfficialLayout} from '../../layout/gbt9704.ts'
import type {Memo} from './memo.ts'
import type {PageGeometry} from './measure.ts'
import type {Variant} from './styles.ts'

export type BlockOutput = Paragraph | Table

export interface State {
  readonly layout: OfficialLayout
  readonly elements: OfficialElements
  readonly geometry: PageGeometry
  readonly variant: Variant
  /** What the writer keeps for all its documents. */
  readonly memo: Memo
  /** Render one block (dispatch on `type`). */
  one(block: Block): BlockOutput[]
  /** Render blocks in order. */
  all(blocks: readonly Block[]): BlockOutput[]
  /** Make a paragraph; the first one after `pageBreak()` starts a new page. */
  paragraph(options: IParagraphOptions): Paragraph
  /** The next paragraph (or table) starts a new page. */
  pageBreak(): void
  /** Whether a page break is pending (a table handler then emits a breaking empty paragraph first). */
  readonly pendingBreak: boolean
  /** Width of the current section's text block (twips): wider on landscape pages. */
  textWidth: number
  /** Column widths shared by the tables of the current annex, by `tableKey`. */
  readonly tableWidths: Map<string, number[]>
  /** Report a problem in the document model (a vfile message when a file was given, else a process warning). */
  report(reason: string, block: Block | undefined, ruleId: string): void
}

export type Handler<T extends Block = Block> = (node: T, state: State) => BlockOutput[]

export interface StateInit {
  layout: OfficialLayout
  elements: OfficialElements
  geometry: PageGeometry
  variant: Variant
  memo: Memo
  file?: VFile
  handlers: {[K in Block['type']]: Handler<Extract<Block, {type: K}>>}
  unknown: Handler<Block>
}

export function createState(init: StateInit): State {
  let pending = false
  const state: State = {
    layout: init.layout,
    elements: init.elements,
    geometry: init.geometry,
    variant: init.variant,
    memo: init.memo,
    one(block) {
      const handler = (init.handlers as Record<string, Handler | undefined>)[(block as {type: string}).type]
      return handler ? handler(block, state) : init.unknown(block, state)
    },
    all(blocks) {
      return blocks.flatMap((block) => state.one(block))
    },
    paragraph(options) {
      if (!pending) return new Paragraph(options)
      pending = false
      return new Paragraph({...options, pageBreakBefore: true})
    },
    pageBreak() {
      pending = true
    },
    get pendingBreak() {
      return pending
    },
    textWidth: init.geometry.textWidth,
    tableWidths: new Map(),
    report(reason, block, ruleId) {
      if (init.file) {
        init.file.message(reason, {place: block?.position, ruleId, source: 'policy-press'})
      } else {
        process.emitWarning(reason, {code: ruleId})
      }
    }
  }
  return state
}
