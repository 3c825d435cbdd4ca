import {Resvg, renderAsync} from '@resvg/resvg-js'
import {readFileSync} from 'node:fs'
const {buildPosterView} = await import('../src/view/poster.ts')
const {writePosterPng} = await import('../src/write/poster/png.ts')
const {parsePolicy} = await import('../src/parse/index.ts')
const {loadRegistry} = await import('../src/units/registry.ts')
const {views} = await import('../src/view/index.ts')
const {enrichPolicy} = await import('../src/extract/index.ts')
const registry = loadRegistry('source/xiuzhou-units.yml')
const p = await parsePolicy({path: 'source/xiuzhou-2024.txt', bytes: readFileSync('source/xiuzhou-2024.txt')}, {registry})
enrichPolicy(p.policy)
const ctx = {policy: p.policy, config: {}, registry}
const interp = views.interpretation(ctx)[0]
const view = buildPosterView(interp.data, p.policy, {config: {}, registry})
let t = performance.now()
const r = writePosterPng(view)
console.log('writePosterPng', (performance.now() - t).toFixed(0))
t = performance.now(); const r2 = writePosterPng(view); console.log('writePosterPng 2', (performance.now() - t).toFixed(0))
const opts = {font: {loadSystemFonts: false}, fitTo: {mode: 'original'}, background: '#FFFFFF', shapeRendering: 2, textRendering: 1} as const
t = performance.now(); const rv = new Resvg(r.svg, opts); console.log('parse', (performance.now() - t).toFixed(0))
t = performance.now(); const img = rv.render(); console.log('render', (performance.now() - t).toFixed(0))
t = performance.now(); const png = img.asPng(); console.log('asPng', (performance.now() - t).toFixed(0), png.length)
t = performance.now(); const img2 = await renderAsync(r.svg, opts); console.log('renderAsync', (performance.now() - t).toFixed(0))
t = performance.now(); const png2 = img2.asPng(); console.log('asPng2', (performance.now() - t).toFixed(0), Buffer.compare(png, png2))
console.log('svg length', r.svg.length)
const zlib = await import('node:zlib')
const px = img.pixels; const w = img.width, h = img.height
t = performance.now()
const raw = Buffer.alloc((w * 4 + 1) * h)
for (let y = 0; y < h; y++) { raw[y * (w * 4 + 1)] = 0; px.copy(raw, y * (w * 4 + 1) + 1, y * w * 4, (y + 1) * w * 4) }
console.log('filter none', (performance.now() - t).toFixed(0))
for (const level of [1, 6, 9]) { t = performance.now(); const z = zlib.deflateSync(raw, {level}); console.log('deflate', level, (performance.now() - t).toFixed(0), z.length) }
// Up filter
t = performance.now()
const up = Buffer.alloc((w * 4 + 1) * h); const stride = w * 4
for (let y = 0; y < h; y++) { const o = y * (stride + 1); up[o] = 2; for (let x = 0; x < stride; x++) up[o + 1 + x] = (px[y * stride + x] - (y ? px[(y - 1) * stride + x] : 0)) & 255 }
console.log('filter up', (performance.now() - t).toFixed(0))
for (const level of [1, 6]) { t = performance.now(); const z = zlib.deflateSync(up, {level}); console.log('deflate up', level, (performance.now() - t).toFixed(0), z.length) }
