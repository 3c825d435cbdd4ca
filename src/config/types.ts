import type {FontFiles, FontNames} from '../layout/gbt9704.ts'

export type Format = 'md' | 'html' | 'docx' | 'pdf' | 'png' | 'xlsx' | 'json'
export const allFormats: readonly Format[] = ['md', 'html', 'docx', 'pdf', 'png', 'xlsx', 'json']

export type Severity = 'error' | 'warning' | 'info'
export type RuleSetting = Severity | 'off'

/**
 * `policy-press.config.yml`, found next to the source or given with `--config`.
 * Every key is optional; documented in the README.
 */
export interface Config {
  /** 发文机关 (the general office), for example `嘉兴市秀洲区人民政府办公室`. */
  issuer?: string
  /** 发文机关标志 above the red rule; default `<issuer>文件`. */
  issuerMark?: string
  /** 发文字号 of the notice, for example `秀政办发〔2024〕5号`. */
  documentNumber?: string
  /** 成文日期 `YYYY-MM-DD`; also the fixed timestamp inside generated files. */
  date?: string
  /** 主送机关; default: every unit with a duty. */
  recipients?: string[]
  /** 主送机关 as one collective phrase, used when the list would push the body off page 1. */
  recipientsCollective?: string
  /** 署名方式 (GB/T 9704 7.3.5): `sealed` (default for the notice), `unsealed`, `signed`. */
  signature?: 'sealed' | 'unsealed' | 'signed'
  /** 签发人 (required for `signature: signed`). */
  signer?: string
  /** 签发人职务. */
  signerTitle?: string
  /** 抄送机关. */
  copiesTo?: string[]
  /** 印发机关; default the issuer. */
  printedBy?: string
  /** 完成时限 `YYYY-MM-DD`; default the end of the policy's year. */
  deadline?: string
  /** Deadlines per part and per task (the policy text's own deadline wins over these). */
  deadlines?: DeadlinesConfig
  /** Font names written into Word files. */
  fonts?: Partial<FontNames>
  /** Font files embedded in PDF files (paths relative to the config file). */
  fontFiles?: FontFiles
  /** Formats to build; default all. */
  formats?: Format[]
  /** Folder of template overrides (relative to the config file). */
  templates?: string
  /** Units registry YAML (relative to the config file). */
  registry?: string
  /** Check rule settings by rule id. */
  rules?: Record<string, RuleSetting>
}

/** A deadline as configured: a date (`2024-06-30`) or text shown as written (`持续推进`, `2024年6月底前`). */
export interface ConfiguredDeadline {
  /** As written in the config (dates normalised to `YYYY-MM-DD`). */
  text: string
  /** ISO `YYYY-MM-DD` when the value is (or ends at) a date. */
  date?: string
}

/**
 * `deadlines:` in the config. Precedence for one task: the policy text's own deadline, then
 * `tasks[id]`, then `parts[ordinal]`, then `default`, then the `deadline` key, then the end of the policy year.
 */
export interface DeadlinesConfig {
  default?: ConfiguredDeadline
  /** By part ordinal (1-based; written `1` or `一` in the config). */
  parts?: Record<number, ConfiguredDeadline>
  /** By task id (`1.3`, `附1` for appendix items). */
  tasks?: Record<string, ConfiguredDeadline>
}
