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
  // pdfkit writes the file piece by piece (`_write`) into its readable stream, which turns each
  // small piece into a Buffer view of its own; the pieces are taken here directly instead: the
  // same bytes (strings as Latin-1, as pdfkit encodes them), without the stream's work per piece.
  const chunks: Uint8Array[] = []
  // The header the constructor already wrote, waiting in the stream.
  const header = pdf.read() as Buffer | null
  if (header) chunks.push(header)
  const writer = pdf as unknown as {_offset: number; _write(data: string | Uint8Array): void; push(chunk: null): boolean}
  writer._write = (data) => {
    const bytes = data instanceof Uint8Array ? data : Buffer.from(`${data}\n`, 'latin1')
    chunks.push(bytes)
    writer._offset += bytes.length
  }
  const done = new Promise<void>((resolve, reject) => {
    // pdfkit pushes the end of the stream once the file is complete.
    writer.push = () => {
      resolve()
      return false
    }
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
