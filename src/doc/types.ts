/**
 * The document model every writer (html, docx, pdf) consumes: rendered Markdown + front matter,
 * parsed once (`parseDocument`). Writers never see policy text structure, only these blocks.
 */
import type {Position} from 'unist'

/** Official-document fields from the front matter (GB/T 9704 elements). All optional except title. */
export interface DocFields {
  /** Which document this is (`notice`, `tasklist`, `interpretation`); informational. */
  kind?: string
  /** `official` (GB/T 9704 grid) or `leaflet` (the public interpretation). Default `official`. */
  layout: 'official' | 'leaflet'
  /** 标题. */
  title: string
  /** A line under the title (the leaflet's strapline, the task list's unit name). */
  subtitle?: string
  /** 发文机关标志, for example `嘉兴市秀洲区人民政府办公室文件`: when present, the red header block is drawn. */
  issuerMark?: string
  /** 发文字号, for example `秀政办发〔2024〕5号`. */
  documentNumber?: string
  /** 主送机关, joined with `、` and ended with `：` by the writer. */
  recipients?: string[]
  /** 附件说明: attachment names, in order. */
  attachments?: string[]
  /** 署名 (发文机关署名). */
  signature?: string
  /** 成文日期, already formatted (`2024年3月5日`). */
  date?: string
  /** 版记 抄送 list. */
  copiesTo?: string[]
  /** 版记 印发机关. */
  printedBy?: string
  /** 版记 印发日期, formatted (`2024年3月5日`). */
  printedDate?: string
  /** Fixed creation timestamp (ISO) written into file metadata, so bytes are reproducible. */
  created?: string
  /**
   * Names that must never be broken across lines (units from the registry and from the text).
   * `parseDocument` marks them, with dates, quantities and document numbers, in table cells and titles.
   */
  keep?: string[]
  /**
   * 主送机关 as one collective phrase (`各镇人民政府、街道办事处，区级有关部门`), used instead of
   * `recipients` when the list would leave no body text on page 1; the full list then goes to the 版记.
   */
  recipientsCollective?: string
  /** 署名方式 (GB/T 9704 7.3.5): `sealed` 加盖印章 (default), `unsealed` 不加盖印章, `signed` 加盖签发人签名章. */
  signatureMode?: 'sealed' | 'unsealed' | 'signed'
  /** 签发人 name (header and signed signature). */
  signer?: string
  /** 签发人职务, written left of the signature stamp in the signed mode. */
  signerTitle?: string
}

/** The front matter as read: the known fields plus whatever else a template wrote. */
export interface DocMeta extends DocFields {
  [key: string]: unknown
}

export type Inline =
  /** `keep`: an unbreakable span (a unit name, a date, a number with its unit, a document number). */
  | {type: 'text'; value: string; keep?: boolean}
  | {type: 'strong'; children: Inline[]}
  | {type: 'emphasis'; children: Inline[]}
  | {type: 'link'; url: string; children: Inline[]}
  | {type: 'break'}

export interface Heading {
  type: 'heading'
  /** 1 title of an annex (小标宋), 2 `一、` (黑体), 3 `（一）` (楷体), 4 `1.` and below (body face). */
  level: 1 | 2 | 3 | 4
  children: Inline[]
  position?: Position
}

export interface Paragraph {
  type: 'paragraph'
  children: Inline[]
  position?: Position
}

export interface List {
  type: 'list'
  ordered: boolean
  /** Number of the first item for ordered lists. */
  start: number
  items: Inline[][]
  position?: Position
}

export type Cell = Inline[]

export interface Table {
  type: 'table'
  header: Cell[]
  rows: Cell[][]
  align: Array<'left' | 'right' | 'center' | null>
  position?: Position
}

/** A box (from a Markdown blockquote): key figures in the leaflet, notes elsewhere. */
export interface Callout {
  type: 'callout'
  children: Block[]
  position?: Position
}

export type Block = Heading | Paragraph | List | Table | Callout

export interface Doc {
  meta: DocMeta
  /** The title (`meta.title`) as inline nodes, its unbreakable spans marked. */
  title?: Inline[]
  /** The main text (正文), before the first thematic break. */
  main: Block[]
  /** Attachments (附件): each starts on a new page; separated by thematic breaks in the Markdown. */
  annexes: Block[][]
}
