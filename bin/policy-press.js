#!/usr/bin/env node
// Runs the compiled command in dist/ (built by `npm run build`; `npm ci` and `npm install` build it
// through the `prepare` script). From the sources, without building: `npm run dev -- <args>`.
import {existsSync} from 'node:fs'

const main = new URL('../dist/cli/main.js', import.meta.url)
if (!existsSync(main)) {
  process.stderr.write('错误：程序还没有编译（缺少 dist/ 文件夹）。\n怎么办：在项目文件夹里运行 npm run build（npm ci 会自动编译）。\n')
  process.exit(2)
}
// Stack traces name the TypeScript sources (src/…/*.ts) when debugging.
if (process.env.POLICY_PRESS_DEBUG === '1') process.setSourceMapsEnabled(true)
await import(main.href)
