/**
 * Word writer: the document model (`Doc`) → .docx in the GB/T 9704-2012 layout (or the friendlier
 * leaflet layout for the public interpretation). Builds the docx object model with one handler per
 * block type, then packs at the edge with fixed dates and zip entry times so output is reproducible.
 */
import {
  Document,
  DocumentGridType,
  Packer,
  PageOrientation,
  SectionType,
  VerticalAlignSection,
  type BaseXmlComponent,
  type ISectionOptions
} from 'docx'
import {unzipSync} from 'fflate'
import type {VFile} from 'vfile'
import type {Block, Doc, Table as TableNode} from '../../doc/types.ts'
import {inlineText, isAnnexLabel} from '../../doc/parse.ts'
import {gbt9704, landscapeBlock, mm, type OfficialLayout} from '../../layout/gbt9704.ts'
import {isLandscapeAnnex} from '../../layout/annex.ts'
import {attachmentNote, annexLabel, blankFooters, blankHeaders, footers, headerBlock, imprint, landscapeFrame, signatureBlock, titleBlock} from './frame.ts'
import {callout} from './handlers/callout.ts'
import {heading} from './handlers/heading.ts'
import {list} from './handlers/list.ts'
import {paragraph} from './handlers/paragraph.ts'
import {planWidths, table, tableKey} from './handlers/table.ts'
import {unknown} from './handlers/unknown.ts'
import {pageGeometry, twips, type PageGeometry} from './measure.ts'
import {fontTable} from './fonts.ts'
import {fallbackCreated, packParts, type PartPatches, type Parts} from './pack.ts'
import {createMemo, type Memo} from './memo.ts'
import {createState, type BlockOutput, type State} from './state.ts'
import {buildStyles, type Variant} from './styles.ts'

export interface DocxOptions {
  /**
   * Page, grid, fonts and sizes. Default `gbt9704`; pass `officialLayout({fonts})` to use the
   * office's own font names.
   */
  layout?: OfficialLayout
  /**
   * File that receives messages about the document model (for example a block type the writer does
   * not know, rule `docx-unknown-block`). Without it such problems become process warnings.
   */
  file?: VFile
  /** Receives the layout decisions the build reports (主送 moved to the 版记), in Chinese. */
  notes?: string[]
}

/** The block handlers, by block type (mdast-util-to-hast style). */
export const handlers = {heading, paragraph, list, table, callout}

/** Writes `doc` as a .docx file in the writer's layout. The same `doc` always gives the same bytes. */
export type DocxWriter = (doc: Doc, options?: Omit<DocxOptions, 'layout'>) => Promise<Uint8Array>

/**
 * A writer for the documents of one build, in one layout: they share what it keeps (`Memo`),
 * which dies with it.
 */
export function createDocxWriter(layout?: OfficialLayout): DocxWriter {
  const memo = createMemo()
  return async (doc, options = {}) => {
    const {document, stylesKey} = assemble(doc, {...options, layout}, memo)
    const parts = await compileParts(document, stylesKey, memo.parts)
    return packParts(parts, doc.meta.created ?? fallbackCreated, patches)
  }
}

/** Write one `doc` as a .docx file (a writer of its own). */
export function writeDocx(doc: Doc, options: DocxOptions = {}): Promise<Uint8Array> {
  return createDocxWriter(options.layout)(doc, options)
}

/** The part of `Packer` that turns a document into its parts, before zipping (not in docx's types). */
interface Compiler {
  compile(file: Document): Map<string, string | Uint8Array>
}
const compiler = (Packer as unknown as {compiler?: Partial<Compiler>}).compiler

/**
 * The package parts of `document`, as `Packer.toBuffer` would zip them. `known` holds the XML of
 * parts that are the same in every document of a writer (`sameParts`), by key: a part known is not
 * written again, a part written now is added. Without `known`, or without docx's compiler (an
 * internal of docx 9), the package is zipped by `Packer` and unzipped (tests compare both ways).
 */
export async function compileParts(document: Document, stylesKey: string, known?: Map<string, string>): Promise<Parts> {
  if (typeof compiler?.compile !== 'function' || !known) return unzipSync(new Uint8Array(await Packer.toBuffer(document)))
  const same = sameParts(document, stylesKey)
  for (const part of same) {
    // Known part: docx writes an empty element in its place, replaced below.
    if (known.has(part.key)) part.component.prepForXml = () => ({placeholder: {}})
  }
  const parts: Parts = Object.fromEntries(compiler.compile(document))
  for (const part of same) {
    const xml = known.get(part.key)
    if (xml !== undefined) parts[part.path] = xml
    else if (typeof parts[part.path] === 'string') known.set(part.key, parts[part.path] as string)
  }
  return parts
}

/**
 * Parts whose XML depends on nothing but their key: styles.xml on `stylesKey` (the writer's layout
 * and the document's variant), the others on nothing the writer varies (it uses no numbering,
 * notes, font embedding or custom properties).
 */
function sameParts(document: Document, stylesKey: string): Array<{path: string; key: string; component: BaseXmlComponent}> {
  return [
    {path: 'word/styles.xml', key: stylesKey, component: document.Styles},
    {path: 'word/theme/theme1.xml', key: 'theme', component: document.Theme},
    {path: 'word/numbering.xml', key: 'numbering', component: document.Numbering},
    {path: 'word/settings.xml', key: 'settings', component: document.Settings},
    {path: 'word/footnotes.xml', key: 'footnotes', component: document.FootNotes.View},
    {path: 'word/endnotes.xml', key: 'endnotes', component: document.Endnotes.View},
    {path: 'word/fontTable.xml', key: 'fontTable', component: document.FontTable.View},
    {path: 'docProps/app.xml', key: 'app', component: document.AppProperties},
    {path: 'docProps/custom.xml', key: 'custom', component: document.CustomProperties},
    {path: '_rels/.rels', key: 'rels', component: document.FileRelationships}
  ]
}


/**
 * XML the docx package has no option for. Paragraphs do not snap to the character grid
 * (`w:snapToGrid w:val="0"` in the paragraph defaults): the section grid still says 28 × 22 in Word's
 * and WPS's page setup, and the text, condensed by `elements.condense`, sets 28 characters a line in
 * Word, WPS and LibreOffice alike (LibreOffice 7 mis-sets text on a grid pitch smaller than the type).
 * Widow and orphan control is on for every paragraph (docDefaults), so Word, WPS and LibreOffice
 * paginate alike; no automatic space between Chinese and Latin text or digits (`2024年`, as the
 * standard writes it, and as wide as the writer measured it when it set the lines of a cell). The font table names each official font with its fallbacks (`fontTable.ts`).
 */
export const patches: PartPatches = {
  'word/styles.xml': (xml) =>
    xml.replace('<w:pPrDefault><w:pPr>', '<w:pPrDefault><w:pPr><w:widowControl/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/>'),
  'word/fontTable.xml': fontTable
}

/** Build the docx object model (no packing): exported for tests and for other writers that embed it. */
export function buildDocument(doc: Doc, options: DocxOptions = {}): Document {
  return assemble(doc, options, createMemo()).document
}

/** The docx object model and the key of its styles.xml. */
function assemble(doc: Doc, options: DocxOptions, memo: Memo): {document: Document; stylesKey: string} {
  const layout = options.layout ?? gbt9704
  const elements = layout.elements ?? gbt9704.elements!
  const geometry = pageGeometry(layout)
  const variant: Variant = doc.meta.layout === 'leaflet' ? 'leaflet' : 'official'
  const state = createState({layout, elements, geometry, variant, memo, file: options.file, handlers, unknown})
  const official = variant === 'official'

  const head = titleBlock(doc, state)
  if (head.note) options.notes?.push(head.note)
  const body: BlockOutput[] = [
    ...headerBlock(doc.meta, state),
    ...head.paragraphs,
    ...state.all(doc.main),
    ...attachmentNote(doc.meta, state),
    ...signatureBlock(doc.meta, state)
  ]
  const sections: ISectionOptions[] = [{properties: sectionProperties(geometry, {first: true}), footers: footers(state), children: body}]
  for (const annex of doc.annexes) {
    const landscape = official && isLandscapeAnnex(annex)
    state.textWidth = landscape ? twips(landscapeBlock(layout).width) : geometry.textWidth
    const children = renderAnnex(annex, state)
    const turned = landscape ? landscapeFrame(state) : undefined
    sections.push({
      properties: sectionProperties(geometry, {first: false, landscape, layout}),
      headers: turned?.headers ?? blankHeaders(),
      footers: turned?.footers ?? footers(state),
      children
    })
  }
  state.textWidth = geometry.textWidth
  const imprintBlock = official ? imprint(doc.meta, state, head.moved) : []
  if (imprintBlock.length > 0) {
    // 版记 at the foot of the last page, an even page: its own section that starts on the next even
    // page (Word and LibreOffice put a blank page before it when needed), aligned to the bottom of
    // the text block, without page numbers (GB/T 9704 §9).
    sections.push({
      properties: sectionProperties(geometry, {first: false, bottom: true, evenPage: true}),
      headers: blankHeaders(),
      footers: blankFooters(),
      children: imprintBlock
    })
  }

  // The writer's layout is fixed: its styles.xml depends on the variant only.
  const stylesKey = `styles\u0000${variant}`
  const document = new Document({
    title: doc.meta.title,
    subject: doc.meta.kind,
    creator: typeof doc.meta.issuer === 'string' ? doc.meta.issuer : 'policy-press',
    lastModifiedBy: 'policy-press',
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    // Once the writer knows styles.xml, docx need not build the styles again (`compileParts`).
    styles: memo.parts.has(stylesKey) ? undefined : buildStyles(layout, geometry, variant),
    sections
  })
  return {document, stylesKey}
}

/**
 * An annex (its own section): a first paragraph `附件` / `附件2` / `附件：` is the annex label (黑体,
 * flush left); tables with the same header share one set of column widths.
 */
function renderAnnex(blocks: readonly Block[], state: State): BlockOutput[] {
  state.tableWidths.clear()
  const tables = blocks.filter((b): b is TableNode => b.type === 'table')
  for (const key of new Set(tables.map(tableKey))) {
    state.tableWidths.set(key, planWidths(tables.filter((t) => tableKey(t) === key), state, state.textWidth))
  }
  const [first, ...rest] = blocks
  const out = first?.type === 'paragraph' && isAnnexLabel(first) ? [...annexLabel(inlineText(first.children).trim(), state), ...state.all(rest)] : state.all(blocks)
  state.tableWidths.clear()
  return out
}

/**
 * A section's page. A landscape section (GB/T 9704 §8 横排表格) turns the sheet a quarter turn: its
 * top margin is the sheet's left one, its left margin the sheet's bottom one, so the text block is
 * the same 156 × 225 mm turned.
 */
function sectionProperties(
  geometry: PageGeometry,
  options: {first: boolean; bottom?: boolean; landscape?: boolean; evenPage?: boolean; layout?: OfficialLayout}
): ISectionOptions['properties'] {
  const turned = options.landscape && options.layout
  const margin = turned
    ? {top: geometry.left, bottom: geometry.right, left: geometry.bottom, right: geometry.top, header: twips(mm(10)), footer: twips(mm(10)), gutter: 0}
    : {top: geometry.top, bottom: geometry.bottom, left: geometry.left, right: geometry.right, header: geometry.header, footer: geometry.footer, gutter: 0}
  return {
    type: options.first ? undefined : options.evenPage ? SectionType.EVEN_PAGE : SectionType.NEXT_PAGE,
    verticalAlign: options.bottom ? VerticalAlignSection.BOTTOM : undefined,
    page: {
      // docx swaps width and height itself for a landscape page (w:w 16838, w:h 11906).
      size: {width: geometry.width, height: geometry.height, orientation: turned ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT},
      margin,
      pageNumbers: options.first ? {start: 1} : undefined
    },
    grid: {type: DocumentGridType.LINES_AND_CHARS, linePitch: geometry.linePitch, charSpace: geometry.charSpace}
  }
}
