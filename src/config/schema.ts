/**
 * Every key of `policy-press.config.yml` as data: its kind, its Chinese description for
 * messages and docs. `load.ts` validates against this table; `docs/cli.md` lists the same keys.
 */
import {allFormats} from './types.ts'

export type KeyKind =
  | 'text' // a string
  | 'date' // YYYY-MM-DD (also 2024年3月5日)
  | 'units' // a list of names, or one string separated by 、，,
  | 'formats' // a list of formats, or one string separated by commas
  | 'path' // a file, relative to the config file
  | 'folder' // a folder, relative to the config file
  | 'fontNames' // a map of slot → font name
  | 'fontFiles' // a map of slot → font file
  | 'rules' // a map of rule id → severity
  | 'choice' // one of `choices`
  | 'deadlines' // default / parts / tasks → date or text

export interface KeySpec {
  kind: KeyKind
  /** What the key is for, in Chinese (used in messages and docs). */
  label: string
  /** Allowed values of a `choice` key, with what each means (Chinese). */
  choices?: Readonly<Record<string, string>>
}

export const configKeys: Readonly<Record<string, KeySpec>> = {
  issuer: {kind: 'text', label: '发文机关'},
  issuerMark: {kind: 'text', label: '发文机关标志（红头），默认“<发文机关>文件”'},
  documentNumber: {kind: 'text', label: '发文字号，如 秀政办发〔2024〕5号'},
  date: {kind: 'date', label: '成文日期，如 2024-03-05'},
  recipients: {kind: 'units', label: '主送机关'},
  recipientsCollective: {kind: 'text', label: '主送机关的统称，主送单位太多、首页放不下正文时使用，如 各镇人民政府、街道办事处，区级有关部门'},
  signature: {
    kind: 'choice',
    label: '署名方式',
    choices: {sealed: '加盖印章（默认）', unsealed: '不加盖印章', signed: '加盖签发人签名章'}
  },
  signer: {kind: 'text', label: '签发人姓名（署名方式为 signed 时必填）'},
  signerTitle: {kind: 'text', label: '签发人职务，如 主任'},
  copiesTo: {kind: 'units', label: '抄送机关'},
  printedBy: {kind: 'text', label: '印发机关，默认为发文机关'},
  deadline: {kind: 'date', label: '完成时限，如 2024-12-31'},
  deadlines: {kind: 'deadlines', label: '各部分、各项任务的完成时限（default 默认、parts 按部分、tasks 按任务编号）'},
  fonts: {kind: 'fontNames', label: 'Word 文件中使用的字体名称'},
  fontFiles: {kind: 'fontFiles', label: 'PDF 文件中嵌入的字体文件'},
  formats: {kind: 'formats', label: '要生成的格式'},
  templates: {kind: 'folder', label: '自定义模板文件夹'},
  registry: {kind: 'path', label: '单位名录文件（YAML）'},
  rules: {kind: 'rules', label: '校对规则设置'}
}

/** Slots of `fonts:` (FontNames in src/layout/gbt9704.ts). */
export const fontNameSlots: Readonly<Record<string, string>> = {
  body: '正文（仿宋）',
  title: '标题（小标宋）',
  heading1: '一级标题（黑体）',
  heading2: '二级标题（楷体）',
  latin: '西文和数字',
  pageNumber: '页码（宋体）'
}

/** Slots of `fontFiles:` (FontFiles in src/layout/gbt9704.ts). */
export const fontFileSlots: Readonly<Record<string, string>> = {
  serif: '衬线体（宋/仿宋类）常规',
  serifBold: '衬线体粗体',
  sans: '无衬线体（黑体类）常规',
  sansBold: '无衬线体粗体',
  body: '正文',
  title: '标题',
  heading1: '一级标题',
  heading2: '二级标题'
}

export const fontFileExtensions = ['.ttf', '.otf', '.ttc']

/** Sections of `deadlines:`. */
export const deadlineSections: Readonly<Record<string, string>> = {
  default: '默认完成时限',
  parts: '按部分（一、二……）的完成时限',
  tasks: '按任务编号（如 1.3、附1）的完成时限'
}

/** Rule severities as written in the config; Chinese words are accepted too. */
export const severityWords: Readonly<Record<string, 'error' | 'warning' | 'info' | 'off'>> = {
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  info: 'info',
  off: 'off',
  错误: 'error',
  警告: 'warning',
  提示: 'info',
  关闭: 'off'
}

export {allFormats}
