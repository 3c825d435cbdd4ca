/**
 * Signature modes (GB/T 9704 7.3.5) and the 主送 line on page 1, from the configuration to both
 * writers: the config keys are validated, the Word file places 署名 and 成文日期 in whole grid
 * characters, the PDF draws them where the standard says.
 */
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseConfig} from '../../src/config/load.ts'
import {parseDocument} from '../../src/doc/parse.ts'
import {gbt9704} from '../../src/layout/gbt9704.ts'
import {writeDocx} from '../../src/write/docx/index.ts'
import {createPdfWriter} from '../../src/write/pdf/index.ts'
import {extract, lines} from '../write-pdf/extract.ts'
import {attrs, paragraphs, unzipDocx} from './helpers.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'policy-press-modes-'))
const config = (text: string) => parseConfig(text, path.join(dir, 'policy-press.config.yml'), dir)
const notice = (extra: string) =>
  parseDocument(`---
title: 关于印发责任分工的通知
issuerMark: 嘉兴市秀洲区人民政府办公室文件
documentNumber: 秀政办发〔2024〕5号
recipients: [区发改局, 区财政局]
signature: 嘉兴市秀洲区人民政府办公室
date: 2024年3月5日
${extra}
---

现将责任分工印发给你们，请认真抓好落实。
`)
const pitch = 8845 / 28
const indentOf = async (extra: string, text: string) => {
  const ps = paragraphs(unzipDocx(await writeDocx(notice(extra)))['word/document.xml'])
  return Math.round(Number(attrs(ps.find((p) => p.text === text)!.xml, 'w:ind')['w:left']) / pitch)
}

describe('signature modes', () => {
  it('are read from the config, checked like the other keys', () => {
    expect(config('signature: signed\nsigner: 张三\nsignerTitle: 主任\n')).toEqual({signature: 'signed', signer: '张三', signerTitle: '主任'})
    expect(() => config('signature: stamped\n')).toThrow(/sealed、unsealed、signed/)
    expect(() => config('signature: signed\n')).toThrow(/没有写签发人/)
    expect(config('recipientsCollective: 各有关单位\n')).toEqual({recipientsCollective: '各有关单位'})
  })

  it('sealed: the date four characters in from the right, the issuer centred over it (Word)', async () => {
    // 2024年3月5日 is 6.5 characters wide: it starts 28 − 4 − 6.5 = 17.5 characters in.
    expect(await indentOf('signatureMode: sealed', '2024年3月5日')).toBe(18)
    // The 13-character issuer centred on the date: 17.5 + (6.5 − 13) / 2 = 14.25.
    expect(await indentOf('signatureMode: sealed', '嘉兴市秀洲区人民政府办公室')).toBe(14)
  })

  it('unsealed: the issuer two characters in from the right, the date two characters right of it (Word)', async () => {
    expect(await indentOf('signatureMode: unsealed', '嘉兴市秀洲区人民政府办公室')).toBe(13)
    expect(await indentOf('signatureMode: unsealed', '2024年3月5日')).toBe(15)
  })

  it('signed: 签发人 on the header, the title and the signer four characters in from the right, the date below (Word)', async () => {
    const extra = 'signatureMode: signed\nsigner: 张三\nsignerTitle: 主任'
    const ps = paragraphs(unzipDocx(await writeDocx(notice(extra)))['word/document.xml'])
    const header = ps.find((p) => p.text.startsWith('秀政办发〔2024〕5号'))!
    expect(header.text).toBe('秀政办发〔2024〕5号\t签发人：张三')
    expect(header.xml).toMatch(/<w:rFonts [^>]*w:eastAsia="楷体_GB2312"[^>]*\/><\/w:rPr><w:t[^>]*>张三/)
    expect(await indentOf(extra, '主任\u3000\u3000张三')).toBe(28 - 4 - 2 - 2 - 2)
    expect(await indentOf(extra, '2024年3月5日')).toBe(18)
  })

  it('sealed in the PDF: the date ends four characters from the right edge, the issuer centred over it', async () => {
    const pdf = await extract((await createPdfWriter().write(notice('signatureMode: sealed'))).bytes)
    const all = lines(pdf.items)
    const date = all.find((l) => l.text.replace(/\s/g, '') === '2024年3月5日')!
    const issuer = all.find((l) => l.text.replace(/\s/g, '') === '嘉兴市秀洲区人民政府办公室' && l.y < date.y + 40)!
    const right = gbt9704.margin.left + gbt9704.textBlock.width
    expect((right - date.right) / gbt9704.charPitch).toBeCloseTo(4, 0)
    expect((issuer.left + issuer.right) / 2).toBeCloseTo((date.left + date.right) / 2, 0)
    // Two lines between the body and the signature for the seal.
    const body = all.find((l) => l.text.startsWith('现将'))!
    expect(Math.round((body.y - issuer.y) / gbt9704.linePitch)).toBe(3)
  })
})
