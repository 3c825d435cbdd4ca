/**
 * A source the readers or the parser found unusable (empty, binary, an unknown encoding, a broken
 * .docx, no domains or clauses) carries a fatal message; every command stops there with a
 * UserError that says what to do, before anything is written.
 */
import type {VFile} from 'vfile'
import {UserError} from '../errors.ts'

/** Hints for fatal parse messages, by rule id. */
export const fatalHints: Record<string, string> = {
  'source-empty': '确认选对了文件；如果是刚新建的文件，请先把政策全文粘贴进去并保存。',
  'source-binary':
    '这不是文本文件（可能是图片、压缩包或旧版 .doc 文件）。请在 Word 或 WPS 中“另存为”Word 文档（.docx）或纯文本（.txt，编码选 UTF-8）后再试。',
  'source-encoding': '请用记事本或 WPS 打开它，“另存为”时把编码选为 UTF-8，然后再试。',
  'source-too-large':
    '请确认选对了文件：政策文件通常只有几十 KB 到几 MB。如果是从别处导出的，请在 Word 或 WPS 中打开后重新“另存为”.docx 或 .txt 再试。',
  'source-docx': '请用 Word 或 WPS 打开并重新“另存为”.docx 文件；如果打不开，说明文件已损坏。',
  'not-a-policy':
    '没有找到“一、……”这样的政策领域标题或“1.……”这样的编号条款。请确认选对了文件；源文件的写法见 docs/source-format.md。'
}

/** Throw a UserError for the first fatal message on `file`; `shown` names the source for the user. */
export function assertUsable(file: VFile, shown: string): void {
  const fatal = file.messages.find((message) => message.fatal === true)
  if (!fatal) return
  throw new UserError(`源文件 ${shown}：${fatal.reason}`, {
    file: shown,
    line: fatal.line ?? undefined,
    hint: fatalHints[fatal.ruleId ?? ''] ?? '请检查这个文件，或把它和这条信息发给维护人员。'
  })
}
