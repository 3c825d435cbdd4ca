/**
 * Bytes → text. UTF-8 (with or without BOM) and GB18030/GBK are detected, never guessed:
 * a file that is valid in neither encoding, empty, or binary gets a fatal message.
 * Line endings are kept as they are, so positions in the text match the file.
 */
import type {VFile} from 'vfile'

export type Encoding = 'utf-8' | 'gb18030'

export interface Decoded {
  /** The decoded text (without a BOM); empty when decoding failed. */
  text: string
  encoding?: Encoding
  /** True when the bytes started with a UTF-8 BOM (removed from `text`). */
  bom: boolean
}

/** Add a fatal message (the input cannot be used) without throwing. */
export function fatal(file: VFile, reason: string, ruleId: string, place?: {line: number; column: number}) {
  const message = file.message(reason, {ruleId, source: 'policy-press', place})
  message.fatal = true
  return message
}

/** Decode `bytes`, adding a fatal message to `file` when they are not usable text. */
export function decode(bytes: Uint8Array, file: VFile): Decoded {
  if (bytes.length === 0 || isBlank(bytes)) {
    fatal(file, '文件为空：没有可读取的政策文本', 'source-empty')
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
