/**
 * 一图读懂, both outputs in one go: the fit (how much of the view the A4 page holds) is worked out
 * once and shared (with the text measured for it), and the long image renders on the thread pool while the page is drawn. The PDF
 * writer runs this (`DocumentWriter.poster`) in whichever thread it writes in, because the poster
 * needs what that thread has loaded already: pdfkit, fontkit and the parsed fonts.
 */
import type {PosterView} from '../../view/poster.ts'
import {posterFit, posterMeasurer} from './layout.ts'
import {writePosterPdf} from './pdf.ts'
import {writePosterPng} from './png.ts'

export interface PosterJob {
  view: PosterView
  /** PDF title (document properties). */
  title: string
  /** Creation date of the PDF (from the policy, never the clock). */
  created?: string
  pdf: boolean
  png: boolean
}

export interface PosterFiles {
  pdf?: Uint8Array
  png?: Uint8Array
}

export async function writePoster(job: PosterJob): Promise<PosterFiles> {
  const measurer = posterMeasurer()
  const fit = posterFit(job.view, measurer)
  const png = job.png ? writePosterPng(job.view, fit, measurer) : undefined
  png?.catch(() => undefined) // awaited below, after the page
  const pdf = job.pdf ? await writePosterPdf(job.view, {title: job.title, created: job.created, fit, measurer}) : undefined
  return {pdf: pdf?.bytes, png: (await png)?.bytes}
}
