/**
 * A pdfkit document set up the way every PDF we write is (no first page, no margins, PDF 1.7,
 * `zh-CN`, the title shown, no default font), collected into bytes when it ends. `info` carries
 * the dates: the caller passes fixed ones, so the same input gives the same bytes.
 */
import PDFDocument from 'pdfkit'

export interface OpenPdf {
  pdf: PDFKit.PDFDocument
  /** End the document and resolve with its bytes. */
  finish(): Promise<Uint8Array>
}

export function openPdf(size: [number, number], info: PDFKit.DocumentInfo): OpenPdf {
  const pdf = new PDFDocument({
    autoFirstPage: false,
    size,
    margin: 0,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    font: null as unknown as string,
    info
  })
  const chunks: Buffer[] = []
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', () => resolve())
    pdf.on('error', reject)
  })
  return {
    pdf,
    finish() {
      pdf.end()
      return done.then(() => new Uint8Array(Buffer.concat(chunks)))
    }
  }
}
