/**
 * The one link allow-list every writer that emits links uses: relative paths and `http:`,
 * `https:`, `mailto:` targets. Browsers and Word remove tabs and line breaks inside a URL and
 * ignore leading control characters and spaces (so `java<TAB>script:` and `\x01javascript:` are
 * `javascript:` to them); the target is normalised the same way first, and what is returned is
 * exactly what was checked. Anything else (javascript:, vbscript:, data:, file: …) gives
 * `undefined`: the writer keeps the link text without the link.
 */
const allowedSchemes = ['http', 'https', 'mailto']

export function safeLink(url: string): string | undefined {
  const normalised = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
  if (/[\u0000-\u001f\u007f]/.test(normalised)) return undefined
  const scheme = /^([^:/?#]*):/.exec(normalised)
  if (!scheme) return normalised
  return allowedSchemes.includes(scheme[1]!.toLowerCase()) ? normalised : undefined
}
