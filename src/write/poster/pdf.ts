/**
 * The poster as a one-page A4 PDF: pdfkit draws the shapes of `layoutPoster`, text through the
 * PDF painter (subset fonts, ToUnicode map, so the text can be copied and searched). Same view,
 * same bytes: the creation date comes from the view's date, never the clock.
 */
import {openPdf} from '../pdf/document.ts'
import {Painter} from '../pdf/painter.ts'
import type {Measurer} from '../pdf/measure.ts'
import type {PosterView} from '../../view/poster.ts'
import {a4Profile, layoutPoster, posterFit, posterFontFiles, type PosterFit, type PosterLayout} from './layout.ts'

export interface PosterPdf {
  bytes: Uint8Array
  layout: PosterLayout
}

/** Fixed timestamp when the view has no date. */
const epoch = new Date('2000-01-01T00:00:00Z')

/**
 * The one-page PDF; `fit` (default: worked out here) is what the build shares with the long image,
 * and `measurer` the text measured for that fit.
 */
export async function writePosterPdf(view: PosterView, options: {title: string; created?: string; fit?: PosterFit; measurer?: Measurer}): Promise<PosterPdf> {
  const profile = a4Profile
  const created = options.created ? new Date(options.created) : epoch
  const {pdf, finish} = openPdf([profile.width, profile.height!], {
    Title: options.title,
    Creator: 'policy-press',
    Producer: 'policy-press (pdfkit)',
    CreationDate: created,
    ModDate: created
  })
  const painter = new Painter(pdf as never, posterFontFiles(), options.measurer)
  const layout = layoutPoster(view, profile, options.fit ?? posterFit(view, options.measurer), painter)
  pdf.addPage({size: [profile.width, profile.height!], margin: 0})
  for (const shape of layout.shapes) {
    if (shape.type === 'rect') {
      const path = shape.r > 0 ? pdf.roundedRect(shape.x, shape.y, shape.w, shape.h, shape.r) : pdf.rect(shape.x, shape.y, shape.w, shape.h)
      path.fill(shape.fill)
    } else if (shape.type === 'rule') {
      pdf.save().lineWidth(shape.thickness).strokeColor(shape.color).moveTo(shape.x, shape.y).lineTo(shape.x + shape.w, shape.y).stroke().restore()
    } else {
      painter.drawLine(shape.placed, shape.line, shape.left, shape.baseline)
    }
  }
  return {bytes: await finish(), layout}
}
