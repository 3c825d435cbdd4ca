/**
 * The interpretation (政策解读) as a designed, self-contained web page: a title banner, the key
 * figures as tiles, benefit cards, and a filter by audience and by kind of benefit that runs in
 * the page (a small inline script; no server, no outside resources). Readable at 390 px without
 * zooming; prints every card on white (the filter bar is not printed).
 *
 * It reads the document model only. A benefit is a list item that starts with its kind in
 * `【】` (`【奖励】…`, written by `templates/partials/interpretation-line.hbs`); in the section the
 * front matter names in `cards` (`谁能享受`), each level-3 heading is an audience and each
 * benefit becomes a card the filter acts on. Without `cards`, or where nothing matches, the
 * blocks are rendered as ordinary content.
 */
import type {Block, Doc, Inline} from '../doc/types.ts'
import {inlineText} from '../doc/parse.ts'
import {escapeHtml, htmlPage, inlineHtml} from './html.ts'

const kindPrefix = /^【([^】]{1,8})】/
/** The closing citation of a benefit line: `（第11条；找区科技局，电话…）`. */
const citation = /（(第\d+条[^（）]*)）$/

interface Card {
  kind: string
  amount: Inline[]
  before: Inline[]
  after: Inline[]
  cite: string
}

/** A benefit line split for its card, or undefined when the item is not a benefit. */
function benefit(item: Inline[]): Card | undefined {
  const first = item[0]
  if (!first || first.type !== 'text') return undefined
  const match = kindPrefix.exec(first.value)
  if (!match) return undefined
  const rest: Inline[] = [{type: 'text', value: first.value.slice(match[0].length)}, ...item.slice(1)]
  const at = rest.findIndex((n) => n.type === 'strong')
  const before = at < 0 ? rest : rest.slice(0, at)
  let after = at < 0 ? [] : rest.slice(at + 1)
  let cite = ''
  const last = after.at(-1)
  if (last?.type === 'text') {
    const m = citation.exec(last.value)
    if (m) {
      cite = m[1]
      after = [...after.slice(0, -1), {type: 'text', value: last.value.slice(0, m.index)}]
    }
  }
  // `who：what，` reads as the card's text; the `，` (or `：`) before the amount is dropped.
  const tail = before.at(-1)
  const trimmed: Inline[] = tail?.type === 'text' ? [...before.slice(0, -1), {type: 'text', value: tail.value.replace(/[，,：:]$/, '')}] : before
  return {kind: match[1], amount: at < 0 ? [] : (rest[at] as {children: Inline[]}).children, before: trimmed, after, cite}
}

function cardHtml(card: Card, audience: string): string {
  const text = inlineHtml(card.before).trim()
  const after = inlineHtml(card.after).trim()
  return (
    `<article class="card" data-audience="${escapeHtml(audience)}" data-kind="${escapeHtml(card.kind)}">` +
    `<div class="card-top"><span class="kind">${escapeHtml(card.kind)}</span>${card.amount.length > 0 ? `<strong class="amount">${inlineHtml(card.amount)}</strong>` : ''}</div>` +
    (text ? `<p class="what">${text}</p>` : '') +
    (after ? `<p class="cond">${after}</p>` : '') +
    (card.cite ? `<p class="cite">${escapeHtml(card.cite)}</p>` : '') +
    `</article>`
  )
}

/** The key-figure box: `label：**figure** note（source）` items as tiles. */
function figures(block: Block): string | undefined {
  if (block.type !== 'callout') return undefined
  const list = block.children.find((b) => b.type === 'list')
  if (!list || list.type !== 'list') return undefined
  const title = block.children.find((b) => b.type === 'paragraph')
  const tiles = list.items.map((item) => {
    const at = item.findIndex((n) => n.type === 'strong')
    if (at < 0) return `<li>${inlineHtml(item)}</li>`
    const label = inlineText(item.slice(0, at)).replace(/[：:]\s*$/, '')
    const note = inlineText(item.slice(at + 1)).trim()
    return `<li><span class="label">${escapeHtml(label)}</span><strong>${inlineHtml((item[at] as {children: Inline[]}).children)}</strong>${note ? `<span class="fig-note">${escapeHtml(note)}</span>` : ''}</li>`
  })
  const heading = title && title.type === 'paragraph' ? `<h2 class="figures-title">${escapeHtml(inlineText(title.children))}</h2>` : ''
  return `<section class="figures">${heading}<ul>${tiles.join('')}</ul></section>`
}

function plain(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `<h${block.level + 1}>${inlineHtml(block.children)}</h${block.level + 1}>`
    case 'paragraph':
      return `<p>${inlineHtml(block.children)}</p>`
    case 'list':
      return `<ul>${block.items
        .map((item) => {
          const card = benefit(item)
          if (!card) return `<li>${inlineHtml(item)}</li>`
          const rest = [...card.before, ...(card.amount.length > 0 ? [{type: 'text', value: '，'} as Inline, {type: 'strong', children: card.amount} as Inline] : []), ...card.after]
          return `<li class="benefit"><span class="kind">${escapeHtml(card.kind)}</span>${inlineHtml(rest)}${card.cite ? `<span class="cite">${escapeHtml(card.cite)}</span>` : ''}</li>`
        })
        .join('')}</ul>`
    case 'callout':
      return `<aside class="note">${block.children.map(plain).join('\n')}</aside>`
    case 'table':
      return ''
  }
}

/** The cards section: audiences (level 3) with groups (level 4), cards, related clauses and contacts. */
function cardsSection(title: string, blocks: Block[]): string {
  const audiences: string[] = []
  const kinds: string[] = []
  const out: string[] = []
  let audience = ''
  let inGroup = false
  let inAudience = false
  let total = 0
  const closeGroup = () => {
    if (inGroup) out.push('</div>')
    inGroup = false
  }
  const closeAudience = () => {
    closeGroup()
    if (inAudience) out.push('</section>')
    inAudience = false
  }
  for (const block of blocks) {
    if (block.type === 'heading' && block.level === 3) {
      closeAudience()
      audience = inlineText(block.children)
      audiences.push(audience)
      out.push(`<section class="audience" data-audience="${escapeHtml(audience)}"><h3>${inlineHtml(block.children)}</h3>`)
      inAudience = true
    } else if (block.type === 'heading' && block.level === 4) {
      closeGroup()
      out.push(`<div class="group"><h4>${inlineHtml(block.children)}</h4>`)
      inGroup = true
    } else if (block.type === 'list' && audience && block.items.every((item) => benefit(item))) {
      const cards = block.items.map((item) => benefit(item)!)
      for (const card of cards) if (!kinds.includes(card.kind)) kinds.push(card.kind)
      total += cards.length
      out.push(`<div class="cards">${cards.map((card) => cardHtml(card, audience)).join('')}</div>`)
    } else {
      // A group holds its heading and its cards; what follows (related clauses, contacts) belongs to the audience.
      closeGroup()
      out.push(plain(block))
    }
  }
  closeAudience()
  const buttons = (name: string, values: string[]) =>
    `<div class="filter-row" role="group" aria-label="${name}"><span class="filter-label">${name}</span>` +
    ['全部', ...values].map((v, i) => `<button type="button" data-filter="${name === '对象' ? 'audience' : 'kind'}" data-value="${i === 0 ? '' : escapeHtml(v)}" aria-pressed="${i === 0}">${escapeHtml(v)}</button>`).join('') +
    `</div>`
  const filter =
    total > 0
      ? `<div class="filter" hidden>${buttons('对象', audiences)}${buttons('类型', kinds)}<p class="count" aria-live="polite">共 <b>${total}</b> 项</p></div>`
      : ''
  return `<section class="benefits" id="benefits"><h2>${escapeHtml(title)}</h2>${filter}\n${out.join('\n')}\n</section>`
}

/** Split the main text into level-2 sections (the part before the first heading is `intro`). */
function sections(blocks: Block[]): {intro: Block[]; parts: Array<{title: string; heading: Inline[]; blocks: Block[]}>} {
  const intro: Block[] = []
  const parts: Array<{title: string; heading: Inline[]; blocks: Block[]}> = []
  for (const block of blocks) {
    if (block.type === 'heading' && block.level <= 2) parts.push({title: inlineText(block.children), heading: block.children, blocks: []})
    else (parts.at(-1)?.blocks ?? intro).push(block)
  }
  return {intro, parts}
}

const script = `
(function(){
var root=document.getElementById('benefits');if(!root)return;
var bar=root.querySelector('.filter');if(!bar)return;bar.hidden=false;
var state={audience:'',kind:''};
function apply(){
 var cards=root.querySelectorAll('.card'),shown=0;
 for(var i=0;i<cards.length;i++){var c=cards[i];
  var ok=(!state.audience||c.getAttribute('data-audience')===state.audience)&&(!state.kind||c.getAttribute('data-kind')===state.kind);
  c.hidden=!ok;if(ok)shown++;}
 var groups=root.querySelectorAll('.group,.cards');
 for(var g=0;g<groups.length;g++){groups[g].hidden=groups[g].querySelectorAll('.card:not([hidden])').length===0&&groups[g].querySelectorAll('.card').length>0;}
 var secs=root.querySelectorAll('.audience');
 for(var s=0;s<secs.length;s++){var a=secs[s].getAttribute('data-audience');
  secs[s].hidden=(state.audience&&a!==state.audience)||(state.kind&&secs[s].querySelectorAll('.card:not([hidden])').length===0);}
 bar.querySelector('.count b').textContent=shown;
}
bar.addEventListener('click',function(e){var b=e.target.closest('button');if(!b)return;
 var f=b.getAttribute('data-filter');state[f]=b.getAttribute('data-value');
 var same=bar.querySelectorAll('button[data-filter="'+f+'"]');
 for(var i=0;i<same.length;i++)same[i].setAttribute('aria-pressed',same[i]===b?'true':'false');
 apply();});
})();
`.trim()

const css = `
:root{--accent:#1F4E8C;--accent-dark:#163A69;--tint:#EEF3FA;--line:#C9D6E8;--figure:#C0392B;--ink:#222;--muted:#5F6B7A}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#F3F5F8;color:var(--ink);font:16px/1.75 "PingFang SC","Hiragino Sans GB","Noto Sans SC","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif}
main{max-width:60em;margin:0 auto;background:#fff;min-height:100vh}
.banner{background:var(--accent);color:#fff;padding:1.6em 1.5em 1.4em}
.banner .chip{display:inline-block;background:#fff;color:var(--accent);font-weight:700;font-size:.85em;padding:.1em .9em;border-radius:1em}
.banner h1{font-size:1.55em;line-height:1.45;margin:.5em 0 .3em}
.banner p{margin:0;color:#DCE6F5;font-size:.95em}
.content{padding:1.2em 1.5em 2em}
h2{color:var(--accent);font-size:1.3em;line-height:1.4;margin:1.6em 0 .7em;padding-left:.6em;border-left:.25em solid var(--accent)}
h3{font-size:1.15em;margin:1.3em 0 .5em}
h4{font-size:1em;color:var(--accent-dark);margin:1em 0 .4em}
p{margin:.4em 0}
ul{padding-left:1.2em;margin:.4em 0}
li{margin:.3em 0}
.figures{background:var(--tint);border-radius:.6em;padding:1em;margin:0 0 1em}
.figures-title{margin:0 0 .6em;border:0;padding:0;font-size:1.05em}
.figures ul{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(13em,1fr));gap:.6em}
.figures li{background:#fff;border-radius:.5em;padding:.6em .8em;margin:0;display:flex;flex-direction:column}
.figures .label{color:var(--muted);font-size:.85em}
.figures strong{color:var(--figure);font-size:1.5em;line-height:1.3}
.figures .fig-note{color:var(--muted);font-size:.8em}
.filter{background:#fff;border-bottom:1px solid var(--line);padding:.5em 0;margin-bottom:.6em}
.filter-row{display:flex;flex-wrap:wrap;gap:.35em;align-items:center;margin:.25em 0}
.filter-label{color:var(--muted);font-size:.85em;margin-right:.2em}
.filter button{font:inherit;font-size:.9em;line-height:1.4;border:1px solid var(--line);background:#fff;color:var(--accent);border-radius:1em;padding:.25em .8em;cursor:pointer;min-height:2.2em}
.filter button[aria-pressed=true]{background:var(--accent);border-color:var(--accent);color:#fff}
.count{margin:.2em 0 0;color:var(--muted);font-size:.85em}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(17em,1fr));gap:.7em;margin:.5em 0 1em}
.card{background:#fff;border:1px solid var(--line);border-top:.25em solid var(--accent);border-radius:.5em;padding:.7em .9em;min-width:0}
.card[hidden],.audience[hidden],.group[hidden],.cards[hidden]{display:none}
.card-top{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.3em .6em}
.kind{display:inline-block;background:var(--tint);color:var(--accent);font-size:.78em;border-radius:.3em;padding:0 .5em;white-space:nowrap}
.amount{color:var(--figure);font-size:1.2em;line-height:1.4}
.card p{margin:.35em 0 0;overflow-wrap:anywhere}
.card .cond{color:var(--muted);font-size:.88em}
.card .cite,.benefit .cite{color:var(--muted);font-size:.85em}
.benefit .kind{margin-right:.4em}
.benefit .cite{margin-left:.3em}
.benefit strong{color:var(--figure)}
.note{background:var(--tint);border-radius:.5em;padding:.5em .9em;margin:.6em 0}
.content li,.content p{overflow-wrap:anywhere}
.source{color:var(--muted);font-size:.9em;text-align:right;margin-top:2em}
@media (min-width:641px){.filter{position:sticky;top:0;z-index:1}}
@media (max-width:640px){
 body{font-size:16px;background:#fff}
 .banner{padding:1.2em 1em 1em}
 .banner h1{font-size:1.3em}
 .content{padding:1em}
 .cards{grid-template-columns:1fr}
 .figures ul{grid-template-columns:1fr 1fr}
}
@media print{
 @page{size:A4;margin:15mm 16mm}
 body{background:#fff;font-size:10.5pt}
 main{max-width:none}
 .banner,.figures,.note,.kind{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 .filter{display:none}
 .card[hidden],.audience[hidden],.group[hidden],.cards[hidden]{display:block}
 .cards[hidden]{display:grid}
 .card,.figures li,.note{break-inside:avoid}
 h2,h3,h4{break-after:avoid}
}
`.trim()

/** The interpretation page. */
export function writeInterpretationHtml(doc: Doc, lang = 'zh-CN'): string {
  const meta = doc.meta
  const cardsTitle = typeof meta.cards === 'string' ? meta.cards : ''
  const {intro, parts} = sections(doc.main)
  const body: string[] = []
  for (const block of intro) body.push(figures(block) ?? plain(block))
  for (const part of parts) {
    if (part.title === cardsTitle) body.push(cardsSection(part.title, part.blocks))
    else body.push(`<section><h2>${inlineHtml(part.heading)}</h2>\n${part.blocks.map(plain).join('\n')}\n</section>`)
  }
  for (const annex of doc.annexes) body.push(`<section>${annex.map(plain).join('\n')}</section>`)
  if (meta.signature || meta.date) body.push(`<p class="source">${escapeHtml([meta.signature, meta.date].filter(Boolean).join('　'))}</p>`)
  return htmlPage({
    lang,
    title: meta.title,
    css,
    kind: 'interpretation',
    main: `<header class="banner"><span class="chip">政策解读</span><h1>${escapeHtml(meta.title)}</h1>${meta.subtitle ? `<p>${escapeHtml(meta.subtitle)}</p>` : ''}</header>
<div class="content">
${body.join('\n')}
</div>`,
    script
  })
}
