/**
 * Readers: a source file (.txt, .md, .docx) → text on a vfile + mdast. Problems in the
 * input are messages on the file (fatal ones mean "nothing usable"); nothing here throws
 * for bad content.
 */
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {decode, fatal} from './decode.ts'
import {DocxLimitError, docxToMarkdown} from './docx.ts'
import {markdownToMdast} from './markdown.ts'
import {textToMdast} from './text.ts'

export type SourceFormat = 'text' | 'markdown' | 'docx'

export interface ReadResult {
  file: VFile
  tree: Root
  format: SourceFormat
}

/** Format from the file name; anything that is not .md/.markdown/.docx is read as plain text. */
export function formatOf(path: string): SourceFormat {
  const lower = path.toLowerCase()
  if (lower.endsWith('.docx')) return 'docx'
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown'
  return 'text'
}

const emptyRoot = (): Root => ({type: 'root', children: []})

export async function readSource(input: {path: string; bytes: Uint8Array}): Promise<ReadResult> {
  const format = formatOf(input.path)
  const file = new VFile({path: input.path})
  if (format === 'docx') {
    const zip = input.bytes.length >= 4 && input.bytes[0] === 0x50 && input.bytes[1] === 0x4b
    if (!zip) {
      fatal(file, '不是有效的 Word（.docx）文件：文件内容不是 zip 格式', 'source-docx')
      file.value = ''
      return {file, tree: emptyRoot(), format}
    }
    try {
      const {markdown, warnings} = await docxToMarkdown(input.bytes)
      file.value = markdown
      for (const warning of warnings) {
        file.message(`Word 转换提示：${warning}`, {ruleId: 'source-docx', source: 'policy-press'})
      }
      return {file, tree: markdownToMdast(markdown), format}
    } catch (error) {
      const tooLarge = error instanceof DocxLimitError && error.tooLarge
      fatal(file, `无法读取 Word（.docx）文件：${(error as Error).message}`, tooLarge ? 'source-too-large' : 'source-docx')
      file.value = ''
      return {file, tree: emptyRoot(), format}
    }
  }
  const {text} = decode(input.bytes, file)
  file.value = text
  if (file.messages.some((m) => m.fatal)) return {file, tree: emptyRoot(), format}
  return readText({path: input.path, text, format}, file)
}

/** Read already-decoded text (format from the path unless given). */
export function readText(input: {path: string; text: string; format?: SourceFormat}, file?: VFile): ReadResult {
  const format = input.format ?? formatOf(input.path)
  const target = file ?? new VFile({path: input.path})
  target.value = input.text
  if (format === 'markdown' || format === 'docx') return {file: target, tree: markdownToMdast(input.text), format}
  return {file: target, tree: textToMdast(input.text), format: 'text'}
}
