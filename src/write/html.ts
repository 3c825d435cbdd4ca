/**
 * Document model → one self-contained HTML page: inline CSS, no outside resources, readable on a
 * phone (tables turn into labelled cards on narrow screens), and printable (A4, GB/T 9704 margins,
 * each annex on a new page). All text is escaped for HTML; links pass the allow-list of
 * `safeLink` (relative, http(s), mailto), otherwise only their text is kept.
 */
import type {Block, Doc, Inline, Table} from '../doc/types.ts'
import {inlineText} from '../doc/parse.ts'
import {writeInterpretationHtml} from './html-interpretation.ts'
import {safeLink} from './links.ts'

export interface HtmlOptions {
  /** Language of the page. Default `zh-CN`. */
  lang?: string
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]!)
}


/** Inline nodes as HTML (text escaped, unsafe links reduced to their text). */
export function inlineHtml(nodes: readonly Inline[]): string {
  return inline(nodes)
}

function inline(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return escapeHtml(node.value)
        case 'strong':
          return `<strong>${inline(node.children)}</strong>`
        case 'emphasis':
          return `<em>${inline(node.children)}</em>`
        case 'break':
          return '<br>'
        case 'link': {
          const url = safeLink(node.url)
          return url === undefined ? inline(node.children) : `<a href="${escapeHtml(url)}">${inline(node.children)}</a>`
        }
      }
    })
    .join('')
}

function table(node: Table): string {
  const labels = node.header.map((cell) => escapeHtml(inlineText(cell)))
  const align = (i: number) => (node.align[i] ? ` style="text-align:${node.align[i]}"` : '')
  const head = node.header.map((cell, i) => `<th${align(i)}>${inline(cell)}</th>`).join('')
  const rows = node.rows
    .map((row) => `<tr>${row.map((cell, i) => `<td data-label="${labels[i] ?? ''}"${align(i)}>${inline(cell)}</td>`).join('')}</tr>`)
    .join('\n')
  return `<div class="table"><table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table></div>`
}

function blocks(nodes: readonly Block[], annex = false): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'heading': {
          const level = Math.min(6, node.level + 1)
          const cls = annex && node.level === 1 ? ' class="annex-title"' : ''
          return `<h${level}${cls}>${inline(node.children)}</h${level}>`
        }
        case 'paragraph':
          return `<p>${inline(node.children)}</p>`
        case 'list': {
          const tag = node.ordered ? 'ol' : 'ul'
          const start = node.ordered && node.start !== 1 ? ` start="${node.start}"` : ''
          return `<${tag}${start}>${node.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${tag}>`
        }
        case 'table':
          return table(node)
        case 'callout':
          return `<aside class="callout">${blocks(node.children, annex)}</aside>`
      }
    })
    .join('\n')
}

const css = `
:root{--red:#E60000;--ink:#1a1a1a;--rule:#999}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#f4f4f2;font:17px/1.8 "FangSong_GB2312","仿宋_GB2312","FangSong","仿宋","STFangsong","Songti SC","Noto Serif SC","Noto Serif CJK SC",serif}
main{max-width:52em;margin:0 auto;padding:2.5em 3em;background:#fff}
h1,.annex-title{font-family:"方正小标宋简体","FZXiaoBiaoSong-B05S","STZhongsong","Songti SC","Noto Serif SC",serif;font-weight:normal;font-size:1.45em;line-height:1.5;text-align:center;margin:1em 0}
h2{font-family:"黑体","SimHei","Heiti SC","Noto Sans SC","Noto Sans CJK SC",sans-serif;font-weight:normal;font-size:1em;margin:1em 0 .3em}
h3{font-family:"楷体_GB2312","楷体","KaiTi","STKaiti",serif;font-weight:normal;font-size:1em;margin:.8em 0 .3em}
h4,h5,h6{font-size:1em;font-weight:normal;margin:.6em 0 .2em}
p{margin:.2em 0;text-indent:2em}
.subtitle{text-align:center;text-indent:0}
.issuer{color:var(--red);text-align:center;border-bottom:2px solid var(--red);padding-bottom:.8em;margin-bottom:1.5em}
.issuer .mark{font-size:1.8em;letter-spacing:.05em;line-height:1.4;font-family:"方正小标宋简体","STZhongsong","Songti SC",serif}
.issuer .number{color:var(--ink);margin-top:1em}
.recipients{text-indent:0}
.attachments{margin-top:1em}
.attachments ol{margin:0;padding-left:5em}
.signature{text-align:right;margin:2.5em 2em 0 0}
.signature p{text-indent:0}
.annex{margin-top:3em;border-top:1px dashed var(--rule);padding-top:1.5em}
.annex>p:first-child{text-indent:0;font-family:"黑体","SimHei","Noto Sans SC",sans-serif}
.table{overflow-x:auto;margin:.6em 0 1.2em}
table{border-collapse:collapse;width:100%;font-size:.85em;line-height:1.55}
th,td{border:1px solid #555;padding:.35em .5em;vertical-align:top;text-align:left}
th{background:#f0f0ee;font-family:"黑体","SimHei","Noto Sans SC",sans-serif;font-weight:normal;white-space:nowrap}
.imprint{margin-top:3em;border-top:2px solid var(--ink);border-bottom:2px solid var(--ink);font-size:.9em}
.imprint p{text-indent:0;padding:.2em 1em;border-bottom:1px solid var(--ink);display:flex;justify-content:space-between;gap:1em}
.imprint p:last-child{border-bottom:0}
.callout{border:1px solid var(--rule);padding:.6em 1em;margin:1em 0}
a{color:#0645ad}
@media (max-width:640px){
 body{font-size:16px;background:#fff}
 main{padding:1em}
 .issuer .mark{font-size:1.4em}
 .table{overflow:visible}
 table,thead,tbody,tr,td{display:block;width:100%}
 thead{position:absolute;left:-9999px}
 tr{border:1px solid #555;margin:0 0 .8em;padding:.3em .5em}
 td{border:0;border-bottom:1px dotted #bbb;padding:.25em 0}
 td:last-child{border-bottom:0}
 td::before{content:attr(data-label);display:block;font-family:"黑体","SimHei","Noto Sans SC",sans-serif;font-size:.85em;color:#555}
 td[data-label=""]::before{display:none}
}
@media print{
 @page{size:A4;margin:37mm 26mm 35mm 28mm}
 body{background:#fff;font-size:16pt;line-height:28.95pt}
 main{max-width:none;margin:0;padding:0}
 .annex{break-before:page;border-top:0;margin-top:0;padding-top:0}
 .imprint{break-inside:avoid;font-size:14pt}
 table{font-size:12pt;line-height:1.5}
 thead{display:table-header-group}
 tr{break-inside:avoid}
 a{color:inherit;text-decoration:none}
}
`.trim()

/** Render a document as a complete HTML page (UTF-8, ends with a newline). */
export function writeHtml(doc: Doc, options: HtmlOptions = {}): string {
  // The public interpretation has its own designed page (cards, key figures, filter).
  if (doc.meta.kind === 'interpretation') return writeInterpretationHtml(doc, options.lang)
  const meta = doc.meta
  const parts: string[] = []
  if (meta.issuerMark || meta.documentNumber) {
    parts.push(
      `<header class="issuer">${meta.issuerMark ? `<div class="mark">${escapeHtml(meta.issuerMark)}</div>` : ''}${
        meta.documentNumber ? `<div class="number">${escapeHtml(meta.documentNumber)}</div>` : ''
      }</header>`
    )
  }
  if (meta.title) parts.push(`<h1>${escapeHtml(meta.title)}</h1>`)
  if (meta.subtitle) parts.push(`<p class="subtitle">${escapeHtml(meta.subtitle)}</p>`)
  if (meta.recipients && meta.recipients.length > 0) parts.push(`<p class="recipients">${escapeHtml(meta.recipients.join('、'))}：</p>`)
  parts.push(blocks(doc.main))
  if (meta.attachments && meta.attachments.length > 0) {
    parts.push(
      meta.attachments.length === 1
        ? `<p class="attachments">附件：${escapeHtml(meta.attachments[0])}</p>`
        : `<div class="attachments"><p>附件：</p><ol>${meta.attachments.map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ol></div>`
    )
  }
  if (meta.signature || meta.date) {
    parts.push(
      `<div class="signature">${meta.signature ? `<p>${escapeHtml(meta.signature)}</p>` : ''}${meta.date ? `<p>${escapeHtml(meta.date)}</p>` : ''}</div>`
    )
  }
  for (const annex of doc.annexes) parts.push(`<section class="annex">\n${blocks(annex, true)}\n</section>`)
  const imprint: string[] = []
  if (meta.copiesTo && meta.copiesTo.length > 0) imprint.push(`<p><span>抄送：${escapeHtml(meta.copiesTo.join('，'))}。</span></p>`)
  if (meta.printedBy || meta.printedDate) {
    imprint.push(`<p><span>${escapeHtml(meta.printedBy ?? '')}</span><span>${meta.printedDate ? `${escapeHtml(meta.printedDate)}印发` : ''}</span></p>`)
  }
  if (imprint.length > 0) parts.push(`<footer class="imprint">${imprint.join('')}</footer>`)
  return htmlPage({
    lang: options.lang ?? 'zh-CN',
    title: meta.subtitle && meta.kind === 'tasklist' ? `${meta.subtitle} — ${meta.title}` : meta.title,
    css,
    kind: meta.kind ?? 'document',
    main: parts.filter((p) => p !== '').join('\n')
  })
}

/** A self-contained page: head (charset, viewport, title, inline style), `<main class="doc doc-{kind}">`, an optional inline script. */
export function htmlPage(page: {lang: string; title: string; css: string; kind: string; main: string; script?: string}): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(page.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="policy-press">
<title>${escapeHtml(page.title)}</title>
<style>
${page.css}
</style>
</head>
<body>
<main class="doc doc-${escapeHtml(page.kind)}">
${page.main}
</main>
${page.script === undefined ? '' : `<script>\n${page.script}\n</script>\n`}</body>
</html>
`
}
