/**
 * The poster as a long PNG, 1080 px wide and as tall as it needs: the shapes of `layoutPoster`
 * written as SVG (each text unit placed where the PDF painter places it) and rasterised by
 * resvg with the bundled Noto Sans SC faces only (`loadSystemFonts: false`), so every machine
 * makes the same bytes. It shows what the PDF shows (the same fit).
 */
import {Resvg} from '@resvg/resvg-js'
import type {Painter} from '../pdf/painter.ts'
import type {PosterView} from '../../view/poster.ts'
import {a4Profile, fitPoster, layoutPoster, longProfile, measuringPainter, posterColors, posterFonts, unitOrigins, type PosterLayout} from './layout.ts'

const weights: Record<string, number> = {sans: 400, sansBold: 700, title: 900}

const esc = (text: string) => text.replace(/[&<>"]/g, (ch) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'})[ch]!)
const n = (value: number) => String(Math.round(value * 100) / 100)

/** The layout as an SVG document (text as `<text>` with the poster faces' family and weights). */
export function posterSvg(layout: PosterLayout, painter: Painter): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(layout.width)}" height="${n(layout.height)}" viewBox="0 0 ${n(layout.width)} ${n(layout.height)}">`,
    `<rect width="100%" height="100%" fill="${posterColors.page}"/>`
  ]
  for (const shape of layout.shapes) {
    if (shape.type === 'rect') {
      out.push(`<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.w)}" height="${n(shape.h)}" rx="${n(shape.r)}" fill="${shape.fill}"/>`)
    } else if (shape.type === 'rule') {
      out.push(`<rect x="${n(shape.x)}" y="${n(shape.y - shape.thickness / 2)}" width="${n(shape.w)}" height="${n(shape.thickness)}" fill="${shape.color}"/>`)
    } else {
      for (const unit of unitOrigins(shape.placed, shape.line)) {
        const style = painter.styles[unit.style]
        out.push(
          `<text x="${n(shape.left + unit.x)}" y="${n(shape.baseline)}" font-family="Noto Sans SC" font-weight="${weights[style.slot] ?? 400}" font-size="${n(style.size)}" fill="${style.color ?? '#000000'}" xml:space="preserve">${esc(unit.text)}</text>`
        )
      }
    }
  }
  out.push('</svg>')
  return out.join('\n')
}

export interface PosterPng {
  bytes: Uint8Array
  svg: string
  layout: PosterLayout
}

/** Render the long image. The fit (how many benefits, cards, contacts) is the A4 page's, so both show the same content. */
export function writePosterPng(view: PosterView): PosterPng {
  const painter = measuringPainter()
  const fit = fitPoster(view, painter, a4Profile)
  const layout = layoutPoster(view, longProfile, fit, painter)
  const svg = posterSvg(layout, painter)
  const resvg = new Resvg(svg, {
    font: {fontFiles: Object.values(posterFonts), loadSystemFonts: false, defaultFontFamily: 'Noto Sans SC'},
    fitTo: {mode: 'original'},
    background: posterColors.page,
    shapeRendering: 2,
    textRendering: 1
  })
  const bytes = new Uint8Array(resvg.render().asPng())
  return {bytes, svg, layout}
}
