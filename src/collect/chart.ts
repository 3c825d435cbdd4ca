/**
 * The bar chart of 落实情况.html: one horizontal stacked bar per unit, a segment per status, as inline
 * SVG (no script, no outside resources). All text is escaped; sizes are whole numbers so the
 * output is the same everywhere.
 */
import {escapeHtml} from '../write/html.ts'
import {statusKeys, type UnitProgress} from '../view/progress.ts'

/** Segment colours by status, in `statusKeys` order. */
export const statusColours: Record<(typeof statusKeys)[number][1], string> = {
  done: '#2e7d32',
  inProgress: '#1565c0',
  notStarted: '#9e9e9e',
  behind: '#ef6c00',
  blocked: '#c62828',
  unreported: '#e0e0e0'
}

export function statusChart(units: readonly UnitProgress[]): string {
  const labelWidth = 150
  const barWidth = 520
  const rowHeight = 24
  const top = 34
  const max = Math.max(1, ...units.map((u) => u.counts.total))
  const scale = barWidth / max
  const legend = statusKeys
    .map(([label, key], i) => {
      const x = labelWidth + i * 86
      return `<rect x="${x}" y="6" width="12" height="12" fill="${statusColours[key]}"/><text x="${x + 16}" y="17">${label}</text>`
    })
    .join('')
  const bars = units
    .map((unit, row) => {
      const y = top + row * rowHeight
      let x = labelWidth
      const segments = statusKeys
        .map(([label, key]) => {
          const n = unit.counts[key]
          if (n === 0) return ''
          const width = Math.max(1, Math.round(n * scale))
          const rect = `<rect x="${x}" y="${y}" width="${width}" height="${rowHeight - 6}" fill="${statusColours[key]}" data-status="${label}" data-count="${n}"><title>${escapeHtml(unit.unit)} ${label} ${n}</title></rect>`
          x += width
          return rect
        })
        .join('')
      return (
        `<g class="bar" data-unit="${escapeHtml(unit.unit)}">` +
        `<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${escapeHtml(unit.unit)}</text>${segments}` +
        `<text x="${x + 6}" y="${y + 13}">${unit.counts.done}/${unit.counts.total}</text></g>`
      )
    })
    .join('\n')
  const height = top + units.length * rowHeight + 8
  const width = labelWidth + barWidth + 60
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="status-chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="各单位落实状态" font-size="12" font-family="sans-serif">\n` +
    `<g class="legend">${legend}</g>\n${bars}\n</svg>`
  )
}

/** Put the chart into a page written by the HTML writer, after the first section's text (before the second heading). */
export function withChart(html: string, svg: string): string {
  const figure = `<figure class="chart">\n<figcaption>各单位落实状态（已完成/任务数）</figcaption>\n${svg}\n</figure>\n<style>.chart{margin:1em 0;overflow-x:auto}.chart figcaption{font-family:"黑体","SimHei","Noto Sans SC",sans-serif;text-align:center}</style>\n`
  const headings = [...html.matchAll(/<h3>/g)]
  const at = headings[1]?.index ?? html.indexOf('</main>')
  return html.slice(0, at) + figure + html.slice(at)
}
