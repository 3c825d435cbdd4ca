/**
 * Unbreakable spans of the document model: names (units from the registry and from the text, as
 * the view lists them in `meta.keep`), dates, numbers with their units and bracketed document
 * numbers. `parseDocument` cuts the text of table cells, annex titles and the document title into
 * text nodes with `keep: true` for these spans, so no writer has to look for them.
 *
 * The other Chinese words break at word boundaries where a writer sets text by words (table cells,
 * titles): `words` gives them (`Intl.Segmenter`, a dictionary segmenter: good for break
 * candidates, not for names, hence the spans above).
 */
import type {Inline} from './types.ts'

/** Dates (2024年12月31日, 2024年3月, 3月5日, 2024-03-05). */
const date = String.raw`\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}`
/** Bracketed document numbers, with the issuer code before them (秀政办发〔2024〕5号). */
const documentNumber = String.raw`[\u4e00-\u9fff]{0,4}[〔\[［(（]\d{4}[〕\]］)）]\d+号`
/** A number with its unit (7.22亿元, 4000亩, 70%, 8万吨标准煤, 30项). */
const quantity = String.raw`\d+(?:[.,]\d+)*(?:%|‰|[万亿千百]?(?:吨标准煤|平方公里|平方米|千瓦时|千瓦|公里|元|亩|吨|个|项|家|人|户|次|所|倍|辆|套|台|座|条|件|米|天|周|小时)|[万亿]|年度|年)?`

const fixed = new RegExp(`${documentNumber}|${date}|${quantity}`, 'gu')
/** Names by their first character, longest first; cached per name list. */
const indexes = new Map<readonly string[], Map<string, string[]>>()

function nameIndex(names: readonly string[]): Map<string, string[]> {
  let index = indexes.get(names)
  if (!index) {
    index = new Map()
    for (const name of [...new Set(names)].filter((n) => [...n].length >= 2).sort((a, b) => b.length - a.length)) {
      const list = index.get(name[0]!) ?? []
      list.push(name)
      index.set(name[0]!, list)
    }
    if (indexes.size > 64) indexes.clear()
    indexes.set(names, index)
  }
  return index
}

/** `text` cut into pieces, the unbreakable ones marked `keep`. Joined, the pieces are `text`. */
function keepSpans(text: string, names: readonly string[] = []): Array<{text: string; keep: boolean}> {
  // Matches of the fixed patterns by start; names are looked up where no such match starts.
  const starts = new Map<number, number>()
  for (const match of text.matchAll(fixed)) {
    if ([...match[0]].length >= 2 && !/^\d+$/.test(match[0])) starts.set(match.index, match[0].length)
  }
  const index = nameIndex(names)
  const out: Array<{text: string; keep: boolean}> = []
  let at = 0
  let i = 0
  while (i < text.length) {
    let length = starts.get(i) ?? 0
    for (const name of index.get(text[i]!) ?? []) {
      if (name.length > length && text.startsWith(name, i)) {
        length = name.length
        break
      }
    }
    if (length === 0) {
      i++
      continue
    }
    if (i > at) out.push({text: text.slice(at, i), keep: false})
    out.push({text: text.slice(i, i + length), keep: true})
    i += length
    at = i
  }
  if (at < text.length) out.push({text: text.slice(at), keep: false})
  return out
}

/** Inline nodes with their text nodes cut by `keepSpans` (strong, emphasis and links recursively). */
export function markKeeps(nodes: readonly Inline[], names: readonly string[]): Inline[] {
  return nodes.flatMap((node): Inline[] => {
    if (node.type === 'text') {
      if (node.keep) return [node]
      return keepSpans(node.value, names).map((piece) => (piece.keep ? {type: 'text', value: piece.text, keep: true} : {type: 'text', value: piece.text}))
    }
    if (node.type === 'break') return [node]
    return [{...node, children: markKeeps(node.children, names)}]
  })
}

const segmenter = new Intl.Segmenter('zh', {granularity: 'word'})
const han = /^\p{Script=Han}$/u
/** Particles that end the word before them (分工的). */
const particles = new Set([...'的地得了着过们等'])
/** Conjunctions and prepositions that stand alone (a line may break on either side). */
const standalone = new Set([...'和与及或并在对为把被由向从将以于'])
/** Administrative suffixes that end the name before them (嘉兴|市 → 嘉兴市). */
const suffixes = new Set([...'省市区县镇乡村'])

/**
 * Words of `text`; joined, they are `text`. The segmenter's words, mended where it falls back to
 * single characters: a run of single Han characters is one word (印|发 → 印发; a long run is cut into pairs), a single character
 * joins the word after it (高|质量 → 高质量) unless it is a conjunction or preposition, and a
 * particle, an administrative suffix or a last single character joins the word before it
 * (分工|的 → 分工的, 嘉兴|市 → 嘉兴市, 分工|表 → 分工表).
 */
export function words(text: string): string[] {
  let cached = wordCache.get(text)
  if (!cached) {
    if (wordCache.size >= 20_000) wordCache.clear()
    wordCache.set(text, (cached = segmentWords(text)))
  }
  return cached
}

/** Words by text: cells and titles are segmented again for measuring, breaking and aligning. */
const wordCache = new Map<string, string[]>()

function segmentWords(text: string): string[] {
  const raw = Array.from(segmenter.segment(text), (s) => s.segment)
  const single = (w: string | undefined) => w !== undefined && han.test(w) && !standalone.has(w) && !particles.has(w)
  const isHan = (w: string | undefined) => w !== undefined && /^\p{Script=Han}+$/u.test(w)
  const out: string[] = []
  for (let i = 0; i < raw.length; i++) {
    let word = raw[i]!
    const before = out[out.length - 1]
    const joinsBefore = particles.has(word) || (suffixes.has(word) && [...(before ?? '')].length >= 2) || (single(word) && !isHan(raw[i + 1]))
    if (joinsBefore && isHan(before)) {
      out[out.length - 1] += word
      continue
    }
    if (single(word)) {
      // Runs of more than four are text the dictionary does not know: cut them into pairs.
      while (single(raw[i + 1]) && [...word].length < (single(raw[i + 2]) && !single(raw[i + 3]) ? 3 : 2)) word += raw[++i]!
      if ([...word].length === 1 && isHan(raw[i + 1]) && !standalone.has(raw[i + 1]!) && !particles.has(raw[i + 1]!)) word += raw[++i]!
    }
    out.push(word)
  }
  return out
}
