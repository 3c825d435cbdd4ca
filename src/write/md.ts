/** Markdown output: the rendered template, as is (front matter included). */
export function writeMarkdown(markdown: string): string {
  return markdown.endsWith('\n') ? markdown : markdown + '\n'
}
