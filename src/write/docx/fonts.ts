/**
 * word/fontTable.xml: every font the document names, each with its first fallback as `w:altName`
 * and the PANOSE, character set, family and pitch Word matches a substitute by; each fallback gets
 * an entry of its own naming the next one, so 仿宋_GB2312 → 仿宋 → FangSong. Without these, Word
 * on a PC lacking 仿宋_GB2312 substitutes silently.
 */
import {fontFallbacks} from '../../layout/fonts.ts'

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')

/** Font names in `styles.xml` and `document.xml` (w:rFonts attributes). */
function namedFonts(xml: string): string[] {
  return [...new Set([...xml.matchAll(/w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"/g)].map((m) => m[1]!))]
}

/** Replace the (empty) font table docx writes with entries for `fonts`, their fallbacks included. */
function fontTableXml(xml: string, fonts: readonly string[]): string {
  const names: string[] = []
  const add = (name: string) => {
    if (names.includes(name)) return
    names.push(name)
    for (const alternate of fontFallbacks[name]?.alternates ?? []) if (fontFallbacks[alternate]) add(alternate)
  }
  for (const name of fonts) add(name)
  const entries = names.map((name) => {
    const f = fontFallbacks[name]
    if (!f) return `<w:font w:name="${escape(name)}"/>`
    return (
      `<w:font w:name="${escape(name)}"><w:altName w:val="${escape(f.alternates[0] ?? name)}"/>` +
      `<w:panose1 w:val="${f.panose}"/><w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`
    )
  })
  return xml.replace(/<w:fonts([^>]*?)\/>/, '<w:fonts$1></w:fonts>').replace(/<\/w:fonts>/, `${entries.join('')}</w:fonts>`)
}

/** The font-table patch: needs the other parts, so it is applied by `packParts` with them. */
export function fontTable(xml: string, parts?: Readonly<Record<string, string | Uint8Array>>): string {
  const text = (name: string) => {
    const data = parts?.[name]
    return typeof data === 'string' ? data : data ? new TextDecoder().decode(data) : ''
  }
  return fontTableXml(xml, namedFonts(text('word/styles.xml') + text('word/document.xml')))
}
