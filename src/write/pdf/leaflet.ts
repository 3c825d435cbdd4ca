/**
 * The leaflet (政策解读): A4 with a title band, sans headings with an accent bar, key-figure
 * boxes, bulleted lists and roomy lines — readable printed and on a phone. Same line engine as
 * the official layout, without the grid and with punctuation squeezing.
 */
import type {Doc} from '../../doc/types.ts'
import {gbt9704, mm, type OfficialLayout} from '../../layout/gbt9704.ts'
import {Composer, type Look} from './compose.ts'
import type {TextStyle} from './painter.ts'

/** Leaflet look as data; colours are `#RRGGBB`. */
export const leafletStyle = {
  margin: {top: mm(18), left: mm(20), right: mm(20), bottom: mm(22)},
  accent: '#1F4E8C',
  figure: '#C0392B',
  text: '#222222',
  muted: '#666666',
  bodySize: 12,
  lineHeight: 1.75
} as const

export function leafletLook(layout: OfficialLayout): Look {
  const s = leafletStyle
  const page = layout.page
  const body: TextStyle = {slot: 'serif', size: s.bodySize, color: s.text}
  const pitch = s.bodySize * s.lineHeight
  const fill = '#' + (layout.elements?.calloutFill ?? gbt9704.elements?.calloutFill ?? 'EEF3FA')
  return {
    page,
    block: {left: s.margin.left, top: s.margin.top, width: page.width - s.margin.left - s.margin.right, height: page.height - s.margin.top - s.margin.bottom},
    body: {style: body, pitch, indent: 2 * s.bodySize, after: 6},
    headings: {
      1: {style: {slot: 'sansBold', size: 20, color: s.accent}, pitch: 30, align: 'center', indent: 0, before: 6, after: 10},
      2: {style: {slot: 'sansBold', size: 16, color: s.accent}, pitch: 26, align: 'left', indent: 0, before: 12, after: 4, bar: s.accent},
      3: {style: {slot: 'sansBold', size: 13.5, color: s.text}, pitch: 22, align: 'left', indent: 0, before: 8, after: 2},
      4: {style: {slot: 'sansBold', size: 12, color: s.text}, pitch: 21, align: 'left', indent: 0, before: 4, after: 0}
    },
    strong: (st) => ({...st, slot: st.slot === 'serif' || st.slot === 'body' || st.slot === 'sans' ? 'sansBold' : st.slot}),
    link: (st) => ({...st, color: s.accent}),
    list: {bullet: '●', bulletStyle: {slot: 'sans', size: 7, color: s.accent}, indent: 4},
    callout: {
      fill,
      bar: s.accent,
      pad: 10,
      style: {slot: 'sans', size: 12, color: s.text},
      strong: {slot: 'sansBold', size: 15, color: s.figure},
      pitch: 24,
      after: 10
    },
    table: {
      style: {slot: 'sans', size: 10.5, color: s.text},
      header: {slot: 'sansBold', size: 10.5, color: '#FFFFFF'},
      pitch: 16,
      padX: 5,
      padY: 4,
      rule: 0.5,
      ruleColor: '#9AA9BF',
      headerFill: s.accent,
      keepWhole: 8,
      after: 10
    },
    pageNumber: {style: {slot: 'sans', size: 9, color: s.muted}, offset: mm(8), place: 'center', inset: 0},
    squeeze: true
  }
}

export function composeLeaflet(c: Composer, doc: Doc): void {
  const s = leafletStyle
  const {meta} = doc
  const {left, width, top} = c.look.block
  c.newPage()
  // Title band: accent fill, white title, subtitle below it.
  const title = c.balanced([{text: meta.title, style: {slot: 'sansBold', size: 22, color: '#FFFFFF'}}], {
    pitch: 32,
    align: 'center',
    left: left + 16,
    width: width - 32
  })
  const subtitle = meta.subtitle
    ? c.prepare([{text: meta.subtitle, style: {slot: 'sans', size: 12, color: '#FFFFFF'}}], {pitch: 20, align: 'center', left: left + 16, width: width - 32})
    : undefined
  const height = title.lines.length * 32 + (subtitle ? subtitle.lines.length * 20 + 4 : 0) + 28
  c.doc.save().roundedRect(left, top, width, height, 6).fill(s.accent).restore()
  c.y = top + 14
  c.draw(title)
  if (subtitle) {
    c.y += 4
    c.draw(subtitle)
  }
  c.y = top + height + 14
  const source = [meta.signature, meta.date].filter(Boolean).join('　')
  c.blocks(doc.main)
  for (const annex of doc.annexes) {
    c.y += 12
    c.blocks(annex)
  }
  if (source) {
    c.y += 8
    c.text([{text: source, style: {slot: 'sans', size: 10.5, color: s.muted}}], {pitch: 18, align: 'right'})
  }
}
