/**
 * The poster as a long PNG, 1080 px wide and as tall as it needs: the shapes of `layoutPoster`
 * written as SVG and rasterised by resvg. Text goes in as the glyph outlines of the bundled Noto
 * Sans SC faces, each glyph where the PDF painter puts it (same shaping, same kerning), defined
 * once and placed with `<use>`; resvg gets no font and may not look for any
 * (`loadSystemFonts: false`), so every machine makes the same bytes. (Handing resvg `<text>` and
 * the font files instead costs about 10 ms per positioned run for the 15 MB CJK faces: 20 s for
 * the sample's 2,000 runs, against well under a second for outlines.) It shows what the PDF shows
 * (the same fit).
 */
import {renderAsync} from '@resvg/resvg-js'
import {encodePng} from '../png.ts'
import type {Painter} from '../pdf/painter.ts'
import {shape} from '../pdf/shape.ts'
import type {PosterView} from '../../view/poster.ts'
import type {Measurer} from '../pdf/measure.ts'
import {layoutPoster, longProfile, measuringPainter, posterColors, posterFit, unitOrigins, type PosterFit, type PosterLayout} from './layout.ts'

/** The parts of a fontkit glyph used here. */
interface GlyphOutline {
  path: {toSVG(): string}
}

const n = (value: number) => String(Math.round(value * 100) / 100)

/** The layout as an SVG document; text as glyph outlines (`<use>` of one `<path>` per glyph and face). */
function posterSvg(layout: PosterLayout, painter: Painter): string {
  const defs = new Map<string, string>()
  const body: string[] = []
  for (const item of layout.shapes) {
    if (item.type === 'rect') {
      body.push(`<rect x="${n(item.x)}" y="${n(item.y)}" width="${n(item.w)}" height="${n(item.h)}" rx="${n(item.r)}" fill="${item.fill}"/>`)
    } else if (item.type === 'rule') {
      body.push(`<rect x="${n(item.x)}" y="${n(item.y - item.thickness / 2)}" width="${n(item.w)}" height="${n(item.thickness)}" fill="${item.color}"/>`)
    } else {
      for (const unit of unitOrigins(item.placed, item.line)) {
        const style = painter.styles[unit.style]
        const font = painter.font(style.slot)
        const shaped = shape(font, unit.text)
        const scale = style.size / font.unitsPerEm
        let x = item.left + unit.x
        const uses: string[] = []
        for (let g = 0; g < shaped.ids.length; g++) {
          const id = `${style.slot}-${shaped.ids[g]}`
          if (!defs.has(id)) {
            const glyph = (font as unknown as {getGlyph(id: number): GlyphOutline}).getGlyph(shaped.ids[g])
            defs.set(id, `<path id="${id}" d="${glyph.path.toSVG()}"/>`)
          }
          uses.push(`<use href="#${id}" x="${n(x / scale)}"/>`)
          x += (shaped.xAdvances[g] * style.size) / 1000
        }
        // Font units, y up: one transform per unit, glyphs placed along it.
        body.push(`<g fill="${style.color ?? '#000000'}" transform="translate(0 ${n(item.baseline)}) scale(${scale} ${-scale})">${uses.join('')}</g>`)
      }
    }
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(layout.width)}" height="${n(layout.height)}" viewBox="0 0 ${n(layout.width)} ${n(layout.height)}">`,
    `<defs>${[...defs.values()].join('')}</defs>`,
    `<rect width="100%" height="100%" fill="${posterColors.page}"/>`,
    ...body,
    '</svg>'
  ].join('\n')
}

export interface PosterPng {
  bytes: Uint8Array
  svg: string
  layout: PosterLayout
}

/**
 * Render the long image. The fit (how many benefits, cards, contacts) is the A4 page's, so both show
 * the same content; the build passes the one it worked out for the PDF. Rasterising and compressing
 * run on Node's thread pool, beside the rest of the build.
 */
export async function writePosterPng(view: PosterView, fit: PosterFit = posterFit(view), measurer?: Measurer): Promise<PosterPng> {
  const painter = measuringPainter(measurer)
  const layout = layoutPoster(view, longProfile, fit, painter)
  const svg = posterSvg(layout, painter)
  const image = await renderAsync(svg, {
    font: {loadSystemFonts: false},
    fitTo: {mode: 'original'},
    background: posterColors.page,
    shapeRendering: 2,
    textRendering: 1
  })
  return {bytes: await encodePng(image.pixels, image.width, image.height), svg, layout}
}
