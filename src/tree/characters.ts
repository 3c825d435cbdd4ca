/**
 * Characters an XML file cannot hold (so no .docx, .xlsx or .html may contain them): C0 control
 * characters other than tab, line feed and carriage return, lone surrogates, and the Unicode
 * non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every plane). The check rule
 * `xml-invalid-character` reports them in the source; the build removes them before any file is made.
 */
export const xmlInvalidPattern = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\p{Noncharacter_Code_Point}\p{Cs}]/gu

/** `U+FFFE` for a character. */
export function codePointLabel(char: string): string {
  return 'U+' + char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
}

/**
 * Remove XML-invalid characters from every string in a plain-data value (a policy tree, a view),
 * in place. Returns the characters removed, in order of appearance.
 */
export function stripXmlInvalid<T>(value: T, removed: string[] = []): string[] {
  const clean = (text: string) =>
    text.replace(xmlInvalidPattern, (char) => {
      removed.push(char)
      return ''
    })
  const seen = new Set<object>()
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return
    seen.add(node)
    const record = node as Record<string, unknown>
    for (const key of Object.keys(record)) {
      const child = record[key]
      if (typeof child === 'string') {
        if (xmlInvalidPattern.test(child)) record[key] = clean(child)
        xmlInvalidPattern.lastIndex = 0
      } else walk(child)
    }
  }
  walk(value)
  return removed
}

/** Remove XML-invalid characters from one string. */
export function withoutXmlInvalid(text: string): string {
  return text.replace(xmlInvalidPattern, '')
}
