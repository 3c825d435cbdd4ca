/**
 * Deterministic packing at the edge: docx writes the current time into docProps/core.xml, stamps zip
 * entries with the current time and names some relationships with random ids. Pack the parts with
 * fixed dates, fixed entry times, a fixed entry order and relationship ids renumbered in document order.
 */
import {strFromU8, unzipSync} from 'fflate'
import {zipEntries} from '../zip.ts'

/** Used when the document has no `created` date. */
export const fallbackCreated = '2000-01-01T00:00:00Z'

/** Edits of one part's XML that the docx object model cannot express (see `patches` in index.ts). */
export type PartPatches = Readonly<Record<string, (xml: string, parts: Parts) => string>>

/** Package parts by path: XML as text (as the docx compiler gives it) or bytes (as unzipped). */
export type Parts = Record<string, string | Uint8Array>

/** Parts that differ from document to document: never kept in the zip writer's cache. */
const ownParts = new Set(['word/document.xml', 'docProps/core.xml'])

/** Re-pack a .docx file (as `Packer` writes it) deterministically. */
export function normalisePackage(bytes: Uint8Array, created: string, patches: PartPatches = {}): Uint8Array {
  return packParts(unzipSync(bytes), created, patches)
}

/** Pack the parts of a .docx deterministically. `parts` is changed in place. */
export function packParts(parts: Parts, created: string, patches: PartPatches = {}): Uint8Array {
  for (const [name, patch] of Object.entries(patches)) {
    if (parts[name] !== undefined) parts[name] = patch(text(parts[name]), parts)
  }
  const instant = parseInstant(created)
  const iso = instant.toISOString().replace(/\.\d{3}Z$/, 'Z')

  const core = parts['docProps/core.xml']
  if (core !== undefined) {
    parts['docProps/core.xml'] = text(core)
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso}$2`)
  }
  renumberRelationships(parts)

  const names = Object.keys(parts).sort(entryOrder)
  return zipEntries(
    names.map((name) => ({name, data: parts[name], shared: !ownParts.has(name)})),
    instant
  )
}

function text(data: string | Uint8Array): string {
  return typeof data === 'string' ? data : strFromU8(data)
}

function parseInstant(value: string): Date {
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? new Date(fallbackCreated) : date
}

/** [Content_Types].xml first (some readers require it), then package relationships, then by name. */
function entryOrder(a: string, b: string): number {
  const rank = (name: string) => (name === '[Content_Types].xml' ? 0 : name === '_rels/.rels' ? 1 : 2)
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)
}

/**
 * Relationship ids that are not `rIdN` (hyperlinks get random ones) become `rIdLinkN`, numbered in
 * the order they appear in the .rels file, and are replaced in the part the .rels file belongs to.
 */
function renumberRelationships(parts: Parts): void {
  for (const name of Object.keys(parts).sort()) {
    const match = /^(.*)_rels\/([^/]+)\.rels$/.exec(name)
    if (!match) continue
    const partName = `${match[1]}${match[2]}`
    let rels = text(parts[name])
    const ids = [...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]).filter((id) => !/^rId\d+$/.test(id))
    if (ids.length === 0) continue
    let part = parts[partName] !== undefined ? text(parts[partName]) : undefined
    ids.forEach((id, i) => {
      const fixed = `rIdLink${i + 1}`
      rels = rels.split(`Id="${id}"`).join(`Id="${fixed}"`)
      if (part !== undefined) part = part.split(`"${id}"`).join(`"${fixed}"`)
    })
    parts[name] = rels
    if (part !== undefined) parts[partName] = part
  }
}
