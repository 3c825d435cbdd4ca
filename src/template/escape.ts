/**
 * Escaping for the Markdown the templates produce. Handlebars escapes for HTML by default; our
 * output is Markdown, so every interpolated value goes through `escapeMarkdown` instead, and front
 * matter values through `yamlValue`. Any text in a clause then reads back (via `parseDocument`)
 * exactly as written, in every output format.
 */

/**
 * Backslash-escape characters that start Markdown/GFM inline constructs, and constructs that a
 * value could open at the start of a line. Line breaks become spaces (a value is one line: a table
 * cell or part of a paragraph).
 *
 * Escaped anywhere: `\` `` ` `` `*` `_` `[` `]` `<` `>` `|` `#` `~` `&` `!` `{` `}` `$`.
 * Escaped at the start of the value: `-` `+` `=` and `1.` / `1)` (list items, setext underlines).
 */
export function escapeMarkdown(value: string): string {
  let text = value.replace(/\r\n?|\n/g, ' ')
  text = text.replace(/[\\`*_[\]<>|#~&!{}$]/g, (c) => '\\' + c)
  text = text.replace(/^(\s*)([-+=])/, '$1\\$2')
  text = text.replace(/^(\s*\d{1,9})([.)])/, '$1\\$2')
  // Four leading spaces would make an indented code block; a leading space is dropped anyway.
  text = text.replace(/^[ \t]+/, '')
  return text
}

/**
 * A value for YAML front matter: strings and string lists as JSON (a subset of YAML 1.2), so
 * quotes, colons, `#` and leading `-` stay literal; null/undefined/empty as `null`.
 */
export function yamlValue(value: unknown): string {
  if (value == null || value === '') return 'null'
  if (Array.isArray(value)) return JSON.stringify(value.map((v) => String(v)))
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value)
  return JSON.stringify(String(value))
}

/** A relative link target for Markdown: each path segment percent-encoded, brackets included. */
export function linkTarget(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()'!*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()))
    .join('/')
}
