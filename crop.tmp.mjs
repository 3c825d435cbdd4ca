import {Resvg} from '@resvg/resvg-js'
import {readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
const require = createRequire('/work/wt/interp/package.json')
const fonts = ['400Regular','700Bold','900Black'].map(w=>require.resolve(`@expo-google-fonts/noto-sans-sc/${w}/NotoSansSC_${w}.ttf`))
const [file, y, h, out, scale='0.5'] = process.argv.slice(2)
let svg = readFileSync(file, 'utf8')
const W = Number(/width="([\d.]+)"/.exec(svg)[1])
svg = svg.replace(/<svg [^>]*>/, `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${h}" viewBox="0 ${y} ${W} ${h}">`)
const r = new Resvg(svg, {font:{fontFiles:fonts, loadSystemFonts:false}, fitTo:{mode:'width', value: Math.round(W*Number(scale))}})
writeFileSync(out, r.render().asPng())
