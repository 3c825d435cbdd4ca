/**
 * 一图读懂: the one-page PDF read back with pdfjs (one A4 page; the key figures, the largest
 * benefits and the contacts with their clause numbers) for the sample, for a policy twice its
 * size and for a policy without stated sums; the long PNG decoded (1080 px wide, pixels present)
 * and byte-identical on a second render; both registered in the build.
 */
import {readFileSync} from 'node:fs'
import {inflateSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {parsePolicy} from '../../src/parse/index.ts'
import {loadRegistry} from '../../src/units/registry.ts'
import {enrichPolicy} from '../../src/extract/index.ts'
import {buildInterpretationView} from '../../src/view/interpretation.ts'
import {loadGlossary} from '../../src/view/glossary.ts'
import {buildPosterView, type PosterView} from '../../src/view/poster.ts'
import type {Policy} from '../../src/tree/types.ts'
import type {RegistryLike} from '../../src/view/types.ts'
import {writePosterPdf} from '../../src/write/poster/pdf.ts'
import {writePosterPng} from '../../src/write/poster/png.ts'
import {unitOrigins} from '../../src/write/poster/layout.ts'
import {writePoster} from '../../src/write/poster/index.ts'
import {threadedWriter} from '../../src/write/thread.ts'
import type {DocumentWriter} from '../../src/write/index.ts'
import {extract} from '../write-pdf/extract.ts'
import {squash} from '../helpers/text.ts'
import {smallPolicy, smallRegistry} from '../view/small-tree.ts'
import {root, sampleBuild, sampleConfig, sampleSource} from '../build/sample.ts'

const registry = loadRegistry(`${root}source/xiuzhou-units.yml`)
const glossary = loadGlossary()

async function sample(): Promise<Policy> {
  const {policy} = await parsePolicy({path: sampleSource, bytes: new Uint8Array(readFileSync(sampleSource))}, {registry})
  enrichPolicy(policy)
  return policy
}

function poster(policy: Policy, units: RegistryLike = registry): PosterView {
  const view = buildInterpretationView(policy, {glossary, registry: units, config: sampleConfig})
  return buildPosterView(view, policy, {config: sampleConfig, registry: units})
}

/** The sample twice: the second copy's parts and clauses numbered on after the first. */
function doubled(policy: Policy): Policy {
  const copy = structuredClone(policy)
  const count = policy.children.flatMap((d) => d.children).length
  const extra = structuredClone(policy.children).map((domain, i) => ({
    ...domain,
    ordinal: policy.children.length + i + 1,
    title: `${domain.title}（续）`,
    children: domain.children.map((clause) => ({...clause, number: clause.number + count, id: String(clause.number + count)}))
  }))
  copy.children.push(...extra)
  return copy
}

async function readPdf(view: PosterView) {
  const pdf = await writePosterPdf(view, {title: '一图读懂', created: '2024-03-05T00:00:00Z'})
  const read = await extract(pdf.bytes)
  return {pdf, read, text: squash(read.items.map((i) => i.str).join(''))}
}

/** PNG header, chunks checked, pixels inflated: width, height and whether the data has the right length. */
function decodePng(bytes: Uint8Array): {width: number; height: number; complete: boolean} {
  const buf = Buffer.from(bytes)
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  let at = 8
  let width = 0
  let height = 0
  let channels = 0
  const idat: Buffer[] = []
  while (at < buf.length) {
    const length = buf.readUInt32BE(at)
    const type = buf.toString('latin1', at + 4, at + 8)
    const data = buf.subarray(at + 8, at + 8 + length)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      channels = ({2: 3, 6: 4, 0: 1, 4: 2} as Record<number, number>)[data[9]] ?? 0
      expect(data[8]).toBe(8)
    }
    if (type === 'IDAT') idat.push(data)
    at += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  return {width, height, complete: raw.length === height * (1 + width * channels)}
}

describe('一图读懂 of the sample', async () => {
  const policy = await sample()
  const view = poster(policy)
  const {pdf, read, text} = await readPdf(view)

  it('is one A4 portrait page', () => {
    expect(read.pages).toBe(1)
    expect(Math.round(read.pageHeight)).toBe(842)
  })

  it('shows the key figures with their sources', () => {
    for (const f of view.figures) {
      expect(text).toContain(squash(f.label))
      expect(text).toContain(squash(f.figure))
      expect(text).toContain(squash(f.cite))
    }
    expect(text).toContain('约26亿元')
    expect(text).toContain('结语第1段')
    expect(text).toContain(`${policy.children.flatMap((d) => d.children).reduce((n, c) => n + c.measures.length, 0)}项`)
  })

  it('shows the largest benefits, who gets them and their clause', () => {
    expect(view.top.map((l) => l.cite)).toEqual(['第20条', '第20条', '第28条'])
    for (const l of view.top) expect(text).toContain(squash(`${l.amount}`))
    expect(text).toContain(squash('五星级小微企业园（第28条）'))
    // Every benefit printed carries its clause: each amount on the page is followed by its 第N条.
    const amounts = read.items.filter((i) => i.font.includes('Bold') && /万元|%|元$/.test(i.str))
    expect(amounts.length).toBeGreaterThan(10)
    expect(text.match(/（第\d+条）/g)!.length).toBeGreaterThanOrEqual(amounts.length)
  })

  it('shows the audiences and the contacts with phone numbers', () => {
    for (const card of view.audiences.slice(0, pdf.layout.fit.cards)) expect(text).toContain(squash(card.label))
    expect(pdf.layout.fit.cards).toBe(view.audiences.length)
    const phones = view.contacts.slice(0, pdf.layout.fit.contacts).filter((c) => c.phone)
    expect(phones.length).toBeGreaterThanOrEqual(4)
    for (const c of phones) expect(text).toContain(c.phone)
  })

  it('says how many more benefits the full interpretation has', () => {
    expect(pdf.layout.more).toBe(view.lineCount - pdf.layout.shown)
    expect(pdf.layout.more).toBeGreaterThan(0)
    expect(text).toContain(`另有${pdf.layout.more}项支持措施`)
  })

  it('makes the same bytes twice', async () => {
    expect(Buffer.from((await readPdf(view)).pdf.bytes).equals(Buffer.from(pdf.bytes))).toBe(true)
  })

  it('renders a long PNG 1080 px wide, the same bytes on a second render', async () => {
    const first = await writePosterPng(view)
    const png = decodePng(first.bytes)
    expect(png.width).toBe(1080)
    expect(png.height).toBeGreaterThan(2000)
    expect(png.complete).toBe(true)
    // the same content as the page: the same fit
    expect(first.layout.fit).toEqual(pdf.layout.fit)
    // The image's text: every glyph drawn as an outline (`<use>`), from the layout's text lines.
    const drawn = first.layout.shapes.flatMap((s) => (s.type === 'text' ? unitOrigins(s.placed, s.line).map((u) => u.text) : [])).join('')
    expect(first.svg).not.toContain('<text')
    expect(first.svg.match(/<use /g)!.length).toBeGreaterThan(drawn.length * 0.8)
    for (const f of view.figures) expect(drawn).toContain(`${f.figure}${f.cite}`)
    expect(drawn).toContain(`另有${pdf.layout.more}项支持措施`)
    expect(Buffer.from((await writePosterPng(view)).bytes).equals(Buffer.from(first.bytes))).toBe(true)
  })
})

describe('一图读懂 drawn by the PDF writer', async () => {
  const view = poster(await sample())
  const job = {view, title: '一图读懂', created: '2024-03-05T00:00:00Z', pdf: true, png: true}

  it('gives the page and the image of the separate writers, from one fit', async () => {
    const both = await writePoster(job)
    const page = await writePosterPdf(view, {title: job.title, created: job.created})
    expect(Buffer.from(both.pdf!).equals(Buffer.from(page.bytes))).toBe(true)
    expect(Buffer.from(both.png!).equals(Buffer.from((await writePosterPng(view)).bytes))).toBe(true)
    expect(await writePoster({...job, pdf: false})).toEqual({pdf: undefined, png: both.png})
  })

  it('gives the same bytes in the worker thread of the PDF writer', async () => {
    const workerUrl = new URL('../../dist/cli/write-worker.js', import.meta.url)
    const threaded = (await threadedWriter(workerUrl, 'pdf', {config: {}, baseDir: process.cwd()})) as DocumentWriter
    try {
      const [there, here] = await Promise.all([threaded.poster!(job), writePoster(job)])
      expect(Buffer.from(there.pdf!).equals(Buffer.from(here.pdf!))).toBe(true)
      expect(Buffer.from(there.png!).equals(Buffer.from(here.png!))).toBe(true)
    } finally {
      await threaded.close?.()
    }
  })
})

describe('一图读懂 of a policy twice as large', async () => {
  const base = await sample()
  const big = doubled(base)
  const view = poster(big)
  const {pdf, read, text} = await readPdf(view)

  it('has twice the benefits and still fits one page, choosing the largest', () => {
    expect(view.lineCount).toBe(2 * poster(base).lineCount)
    expect(read.pages).toBe(1)
    expect(text).toContain(`另有${pdf.layout.more}项支持措施`)
    expect(pdf.layout.more).toBe(view.lineCount - pdf.layout.shown)
    // Largest first: every card shows its heaviest benefits (the first of its list).
    for (const card of view.audiences.slice(0, pdf.layout.fit.cards)) {
      if (card.lines.length > 0) expect(text).toContain(squash(card.lines[0].amount))
    }
    // nothing is drawn below the page
    expect(read.items.every((i) => i.y > 0)).toBe(true)
  })
})

describe('一图读懂 of a policy without stated sums', async () => {
  const policy = smallPolicy()
  const view = poster(policy, smallRegistry)
  const {read, text} = await readPdf(view)

  it('shows its parts and their measures instead of empty boxes', async () => {
    expect(read.pages).toBe(1)
    expect(view.top).toEqual([])
    expect(text).toContain('政策要点')
    expect(text).not.toContain('谁能享受')
    expect(text).toContain(squash('发挥项目带动作用（第1条）'))
    expect(text).not.toMatch(/（）|另有0/)
    expect(decodePng((await writePosterPng(view)).bytes).width).toBe(1080)
  })
})

describe('the build writes 一图读懂.png (and .pdf with the pdf format)', async () => {
  const built = await sampleBuild()
  it('registers the image and links it from index.html', () => {
    expect(built.report.documents.map((d) => d.name)).toContain('一图读懂.png')
    expect(decodePng(new Uint8Array(built.bytes('一图读懂.png'))).width).toBe(1080)
    expect(built.text('index.html')).toContain('一图读懂.png')
  })
})
