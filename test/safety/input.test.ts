// Hostile or unusual input: UTF-16 text, a .docx that unpacks to far more than it weighs,
// whitespace bombs, a file too large to be a policy.
import {closeSync, mkdtempSync, openSync, readFileSync, ftruncateSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {deflateRawSync} from 'node:zlib'
import {Document, Packer, Paragraph} from 'docx'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {decode, maxSourceBytes} from '../../src/read/decode.ts'
import {docxLimits, unpackDocx} from '../../src/read/docx.ts'
import {parsePolicy} from '../../src/parse/index.ts'
import {cli, root} from '../helpers/cli.ts'

const sampleText = readFileSync(path.join(root, 'source/xiuzhou-2024.txt'), 'utf8')

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const le = Buffer.from(text, 'utf16le')
  if (order === 'be') le.swap16()
  return new Uint8Array(Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), le]))
}

describe('UTF-16 with a byte order mark (what Notepad saves as "Unicode")', () => {
  for (const order of ['le', 'be'] as const) {
    it(`reads UTF-16${order.toUpperCase()} like the UTF-8 file`, async () => {
      const file = new VFile()
      const decoded = decode(utf16(sampleText, order), file)
      expect(file.messages).toEqual([])
      expect(decoded).toEqual({text: sampleText, encoding: `utf-16${order}`, bom: true})
      const a = await parsePolicy({path: 'x.txt', bytes: utf16(sampleText, order)})
      const b = await parsePolicy({path: 'x.txt', text: sampleText})
      expect(a.policy.children.flatMap((d) => d.children.map((c) => c.title))).toEqual(b.policy.children.flatMap((d) => d.children.map((c) => c.title)))
    })
  }
})

describe('a .docx that unpacks to much more than it weighs', () => {
  /** A .docx whose document part is `size` bytes of spaces inside a real paragraph. */
  function bomb(size: number): Uint8Array {
    const head = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    const body = Buffer.alloc(size, 0x20)
    body.write(head, 0)
    const name = 'word/document.xml'
    const data = deflateRawSync(body, {level: 9})
    // A zip with one deflated part, built by hand so the part is never held unpacked by the packer.
    const nameBytes = Buffer.from(name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    const centralStart = local.length + nameBytes.length + data.length
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(1, 8)
    end.writeUInt16LE(1, 10)
    end.writeUInt32LE(central.length + nameBytes.length, 12)
    end.writeUInt32LE(centralStart, 16)
    return new Uint8Array(Buffer.concat([local, nameBytes, data, central, nameBytes, end]))
  }

  it('stops unpacking at the size limit with a clear message', async () => {
    const bytes = bomb(docxLimits.totalBytes + 16 * 1024 * 1024)
    expect(bytes.length).toBeLessThan(200 * 1024) // 80 MB of spaces packs to well under 200 KB
    expect(() => unpackDocx(bytes)).toThrow(/解压后却超过 64\.0 MB（读到部件 word\/document\.xml 时停止），像是“压缩炸弹”/)
    const {file} = await parsePolicy({path: 'bomb.docx', bytes})
    const fatal = file.messages.find((m) => m.fatal)
    expect(fatal?.reason).toMatch(/^无法读取 Word（\.docx）文件：文件只有 0\.\d MB，解压后却超过 64\.0 MB/)
    expect(fatal?.ruleId).toBe('source-too-large')
  })

  it('refuses a part packed more than 100 times', () => {
    expect(() => unpackDocx(bomb(4 * 1024 * 1024))).toThrow(/部件 word\/document\.xml 压缩了 \d+ 倍（.*），超过 100 倍的上限/)
  })

  it('still reads a real .docx, and what mammoth reads is exactly what was checked', async () => {
    const doc = new Document({sections: [{children: [new Paragraph('示例方案'), new Paragraph('一、投资政策（由区发改局牵头实施）'), new Paragraph('1.加大支持。（责任单位：区发改局）')]}]})
    const bytes = new Uint8Array(await Packer.toBuffer(doc))
    expect(Object.keys(unpackDocx(bytes))).toContain('word/document.xml')
    const {policy, file} = await parsePolicy({path: 'x.docx', bytes})
    expect(file.messages.filter((m) => m.fatal)).toEqual([])
    expect(policy.children[0]!.children[0]!.title).toBe('加大支持。')
  })
})

describe('whitespace bombs and huge files', () => {
  it('refuses a file that is almost only blank, before parsing it', () => {
    const bytes = new Uint8Array(Buffer.concat([Buffer.from(sampleText.slice(0, 200)), Buffer.alloc(3 * 1024 * 1024, 0x20), Buffer.alloc(1024 * 1024, 0x0a)]))
    const file = new VFile()
    expect(decode(bytes, file).text).toBe('')
    expect(file.messages[0]?.reason).toMatch(/几乎全是空格、制表符和空行（可见字符不到 1%）/)
    expect(file.messages[0]?.ruleId).toBe('source-too-large')
  })

  it('refuses a file larger than the limit from its size, without reading it (exit 2, Chinese message)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pp-huge-'))
    const huge = path.join(dir, 'huge.txt')
    const fd = openSync(huge, 'w')
    ftruncateSync(fd, maxSourceBytes + 1) // sparse: nothing is written to disk
    closeSync(fd)
    const result = await cli(['build', huge, '-o', path.join(dir, 'out')])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^错误：源文件 .*huge\.txt：文件太大（64\.0 MB），超过了 64 MB 的上限/)
    expect(result.stderr).toContain('怎么办：')
  })
})
