/**
 * Output of `policy-press check`, in the manner of other linters: human-readable (grouped by
 * file, `line:column  severity  message  rule-id`, a summary in Chinese) or JSON.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Severity} from '../config/types.ts'
import {compareMessages, severityOf} from './index.ts'

export interface CheckResult {
  file: VFile
  messages: readonly VFileMessage[]
}

export interface JsonMessage {
  file: string
  line: number
  column: number
  ruleId: string
  severity: Severity
  message: string
}

/** Display width: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code === 0x201c ||
      code === 0x201d
        ? 2
        : 1
  }
  return width
}

function pad(text: string, width: number, left = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)))
  return left ? fill + text : text + fill
}

function fileName(file: VFile): string {
  return file.path || '<stdin>'
}

function count(results: readonly CheckResult[]): Record<Severity, number> {
  const counts: Record<Severity, number> = {error: 0, warning: 0, info: 0}
  for (const result of results) for (const message of result.messages) counts[severityOf(message)]++
  return counts
}

/** Summary line in Chinese, for example `共 3 个问题（1 个错误，2 个警告）`. */
export function summary(results: readonly CheckResult[]): string {
  const counts = count(results)
  const total = counts.error + counts.warning + counts.info
  if (total === 0) return '没有发现问题'
  const parts = [`${counts.error} 个错误`, `${counts.warning} 个警告`]
  if (counts.info > 0) parts.push(`${counts.info} 个提示`)
  return `共 ${total} 个问题（${parts.join('，')}）`
}

export function formatHuman(results: readonly CheckResult[]): string {
  const blocks: string[] = []
  for (const result of results) {
    const messages = [...result.messages].sort(compareMessages)
    if (messages.length === 0) {
      blocks.push(`${fileName(result.file)}：没有发现问题`)
      continue
    }
    const rows = messages.map((message) => [
      `${message.line ?? 1}:${message.column ?? 1}`,
      severityOf(message),
      message.reason,
      message.ruleId ?? ''
    ])
    const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => displayWidth(row[column]))))
    const lines = rows.map(
      (row) => `  ${pad(row[0], widths[0], true)}  ${pad(row[1], widths[1])}  ${pad(row[2], widths[2])}  ${row[3]}`.trimEnd()
    )
    blocks.push([fileName(result.file), ...lines].join('\n'))
  }
  const total = results.reduce((sum, result) => sum + result.messages.length, 0)
  return `${blocks.join('\n\n')}\n\n${total > 0 ? '✖ ' : ''}${summary(results)}\n`
}

export function toJson(results: readonly CheckResult[]): JsonMessage[] {
  return results.flatMap((result) =>
    [...result.messages].sort(compareMessages).map((message) => ({
      file: fileName(result.file),
      line: message.line ?? 1,
      column: message.column ?? 1,
      ruleId: message.ruleId ?? '',
      severity: severityOf(message),
      message: message.reason
    }))
  )
}

/** The JSON output: an array of `{file, line, column, ruleId, severity, message}`. */
export function formatJson(results: readonly CheckResult[]): string {
  return JSON.stringify(toJson(results), null, 2) + '\n'
}

/** True when any message is an error (the CLI then exits with status 1). */
export function hasErrors(results: readonly CheckResult[]): boolean {
  return results.some((result) => result.messages.some((message) => message.fatal === true))
}
