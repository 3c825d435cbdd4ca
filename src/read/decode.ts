/**
 * Bytes → text. UTF-8 (with or without BOM), UTF-16 with a BOM (Windows Notepad's "Unicode") and
 * GB18030/GBK are detected, never guessed: a file that is valid in none of them, empty, binary,
 * larger than `maxSourceBytes` or almost only blank gets a fatal message.
 * Line endings are kept as they are, so positions in the text match the file.
 */
import type {VFile} from 'vfile'

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

export interface Decoded {
  /** The decoded text (without a BOM); empty when decoding failed. */
  text: string
  encoding?: Encoding
  /** True when the bytes started with a byte order mark (removed from `text`). */
  bom: boolean
}

/** Add a fatal message (the input cannot be used) without throwing. */
export function fatal(file: VFile, reason: string, ruleId: string, place?: {line: number; column: number}) {
  const message = file.message(reason, {ruleId, source: 'policy-press', place})
  message.fatal = true
  return message
}

/**
 * Largest source file read, in bytes (64 MB; a 6,800-clause policy is about 5 MB). Checked on the
 * file size before it is read, so a huge file is refused at once instead of filling memory.
 */
export const maxSourceBytes = 64 * 1024 * 1024

/** The message for a source larger than `maxSourceBytes` (the readers and the CLI use it before reading). */
export function tooLargeReason(size: number): string {
  return `文件太大（${(size / 1024 / 1024).toFixed(1)} MB），超过了 ${maxSourceBytes / 1024 / 1024} MB 的上限，不像一份政策文件`
}

/** Text larger than this that is almost only blank (less than 1% visible characters) is refused. */
const blankBombBytes = 1024 * 1024

/** Decode `bytes`, adding a fatal message to `file` when they are not usable text. */
export function decode(bytes: Uint8Array, file: VFile): Decoded {
  if (bytes.length > maxSourceBytes) {
    fatal(file, tooLargeReason(bytes.length), 'source-too-large')
    return {text: '', bom: false}
  }
  const utf16 = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined
  if (utf16) {
    let text: string
    try {
      text = new TextDecoder(utf16, {fatal: true}).decode(bytes.subarray(2))
    } catch {
      fatal(file, '文件以 UTF-16 的字节顺序标记开头，但内容不是有效的 UTF-16 文本', 'source-encoding')
      return {text: '', bom: true}
    }
    if (!text.trim()) {
      fatal(file, '文件为空：没有可读取的政策文本', 'source-empty')
      return {text: '', bom: true}
    }
    if (text.includes('\u0000')) {
      fatal(file, '文件含有 NUL 字符，像是二进制文件而不是文本（Word 文件请用 .docx 扩展名）', 'source-binary')
      return {text: '', bom: true}
    }
    return {text, encoding: utf16, bom: true}
  }
  if (bytes.length === 0 || isBlank(bytes)) {
    fatal(file, '文件为空：没有可读取的政策文本', 'source-empty')
    return {text: '', bom: false}
  }
  if (bytes.length > blankBombBytes && visibleBytes(bytes) * 100 < bytes.length) {
    fatal(file, `文件有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，但几乎全是空格、制表符和空行（可见字符不到 1%），不像一份政策文件`, 'source-too-large')
    return {text: '', bom: false}
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  if (bytes.includes(0)) {
    fatal(file, '文件含有 NUL 字节，像是二进制文件而不是文本（Word 文件请用 .docx 扩展名）', 'source-binary')
    return {text: '', bom}
  }
  try {
    const text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
    return {text, encoding: 'utf-8', bom}
  } catch {}
  if (!bom) {
    try {
      const text = new TextDecoder('gb18030', {fatal: true}).decode(bytes)
      if (looksLikeGb(bytes)) return {text, encoding: 'gb18030', bom}
    } catch {}
  }
  fatal(file, '无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK，请另存为 UTF-8 后再试', 'source-encoding')
  return {text: '', bom}
}

function visibleBytes(bytes: Uint8Array): number {
  let count = 0
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) count++
  return count
}

function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false
  }
  return true
}

/**
 * GB18030 accepts almost any byte pair, so a Latin-1 file would decode "successfully" into
 * nonsense. Require every non-ASCII byte to take part in a double-byte character whose lead
 * byte is in the GBK range and whose trail byte is not a lone Latin-1 letter pattern; more
 * decisively, require most lead bytes to be in the GB2312 Hanzi rows (0xB0–0xF7), where
 * real Chinese text lives.
 */
function looksLikeGb(bytes: Uint8Array): boolean {
  let chars = 0
  let hanzi = 0
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!
    if (lead < 0x80) continue
    const trail = bytes[i + 1]
    if (trail === undefined) return false
    if (trail >= 0x30 && trail <= 0x39) {
      // four-byte sequence
      i += 3
      chars++
      continue
    }
    chars++
    if ((lead >= 0xb0 && lead <= 0xf7 && trail >= 0xa1) || (lead >= 0xa1 && lead <= 0xa9 && trail >= 0xa1)) hanzi++
    i++
  }
  return chars > 0 && hanzi / chars >= 0.5
}
