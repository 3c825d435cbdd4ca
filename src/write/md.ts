/**
 * Markdown output: the rendered template, as is (front matter included), less the front-matter
 * keys that only steer the other writers' layout (`keep`: the unbreakable names), which a reader
 * of the .md has no use for.
 */
const layoutOnly = /^keep: .*\n/m

export function writeMarkdown(markdown: string): string {
  const text = markdown.endsWith('\n') ? markdown : markdown + '\n'
  if (!text.startsWith('---\n')) return text
  const end = text.indexOf('\n---\n', 3)
  if (end === -1) return text
  return text.slice(0, end + 1).replace(layoutOnly, '') + text.slice(end + 1)
}
