/** Read a produced .docx back: unzip with fflate, pull paragraphs, styles and attributes out of the XML. */
import {strFromU8, unzipSync} from 'fflate'

export type Parts = Record<string, string>

export function unzipDocx(bytes: Uint8Array): Parts {
  const entries = unzipSync(bytes)
  const parts: Parts = {}
  for (const [name, data] of Object.entries(entries)) parts[name] = strFromU8(data)
  return parts
}

export function entryNames(bytes: Uint8Array): string[] {
  return Object.keys(unzipSync(bytes))
}

const decode = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/** Every w:p of a part, in order, with its XML and its text (w:t joined, w:tab as a tab). */
export function paragraphs(xml: string): Array<{xml: string; text: string; style?: string}> {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) => ({
    xml: m[0],
    text: decode(
      [...m[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => (t[1] === undefined ? '\t' : t[1])).join('')
    ),
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1]
  }))
}

/** The XML of one style in styles.xml. */
export function style(stylesXml: string, id: string): string {
  const match = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(stylesXml)
  if (!match) throw new Error(`style ${id} not found`)
  return match[0]
}

/** Attributes of the first element `name` in `xml`, as a record. */
export function attrs(xml: string, name: string): Record<string, string> {
  const match = new RegExp(`<${name}(\\s[^>]*?)?/?>`).exec(xml)
  if (!match) throw new Error(`${name} not found`)
  return Object.fromEntries([...(match[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]))
}

/** Rows of every table: cell texts. */
export function tableRows(xml: string): Array<{xml: string; cells: string[]}> {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => ({
    xml: m[0],
    cells: [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).map((p) => p.text).join('\n'))
  }))
}
