/**
 * Compile the command to JavaScript: `npm run build` (and `npm ci` / `npm install`, through the
 * `prepare` script). esbuild bundles src/cli/main.ts with code splitting into dist/cli/: every
 * command, writer and stage that src loads with `import()` becomes a chunk of its own, loaded only
 * when it runs, so a new command registered in src/cli/spec.ts is picked up without listing it here.
 *
 * Measured on the 2-core dev machine (median of 9 interleaved runs, load average about 6): `parse`
 * of the sample 0.22 s bundled vs 0.35 s with tsc's file-per-module output, `--version` 0.09 s vs
 * 0.15 s: loading a few large files beats resolving hundreds of small ones (unified, micromark, mdast utilities).
 *
 * Layout rule: every output file is two folders below the package root (dist/cli/*.js), as every
 * source file is (src/<stage>/*.ts), so `new URL('../../templates/', import.meta.url)` and friends
 * find the package's templates, fonts and package.json from either. The build checks it.
 *
 *   node scripts/build.js              # build dist/
 *   node scripts/build.js --if-stale   # build only when a source file is newer than dist/ (the tests' global setup)
 */
import {existsSync, readdirSync, rmSync, statSync} from 'node:fs'
import {dirname, join, relative, sep} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
const outDir = join(root, 'dist')
const entry = join(outDir, 'cli', 'main.js')

/**
 * Packages bundled into dist when src imports them: the pure-JavaScript text pipeline and exceljs,
 * whose many small modules are what costs startup time (exceljs's workbook: about 150 ms from
 * node_modules, 85 ms bundled). Everything else (pdfkit and fontkit read data files next to their
 * code, docx is one file already, native and browser packages, any package added later) stays an
 * ordinary `import` resolved by Node from node_modules, exactly as when running the sources.
 * A bundled package's own imports are bundled with it, so nested versions never mix.
 */
const bundled = [
  /^unified$/,
  /^remark-/,
  /^micromark/,
  /^mdast-util-/,
  /^unist-util-/,
  /^vfile/,
  /^handlebars$/,
  /^yaml$/,
  /^fflate$/,
  /^exceljs$/
]

/** Newest modification time (ms) of the files the build reads. */
function newestInput() {
  let newest = 0
  const walk = (path) => {
    const stat = statSync(path)
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name))
    else if (stat.mtimeMs > newest) newest = stat.mtimeMs
  }
  for (const input of ['src', 'scripts/build.js', 'package.json', 'package-lock.json']) {
    if (existsSync(join(root, input))) walk(join(root, input))
  }
  return newest
}

/** True when dist/ exists and is newer than every source file. */
function upToDate() {
  return existsSync(entry) && statSync(entry).mtimeMs >= newestInput()
}

/** Build dist/ (a clean build: stale chunks never linger). */
async function buildDist() {
  const esbuild = await import('esbuild')
  rmSync(outDir, {recursive: true, force: true})
  const result = await esbuild.build({
    absWorkingDir: root,
    // The command, and the worker threads that write PDF and Word files alongside it (src/write/thread.ts).
    entryPoints: {'cli/main': 'src/cli/main.ts', 'cli/write-worker': 'src/write/worker.ts'},
    outdir: 'dist',
    entryNames: '[dir]/[name]',
    chunkNames: 'cli/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Linked maps without the sources: bin/policy-press.js turns them on under POLICY_PRESS_DEBUG=1,
    // so stack traces name src/…/*.ts lines; the sources themselves are in the package.
    sourcemap: 'linked',
    sourcesContent: false,
    // CommonJS packages bundled into ES modules (handlebars) call require() for Node built-ins.
    banner: {js: "import {createRequire as __ppCreateRequire} from 'node:module'; const require = __ppCreateRequire(import.meta.url);"},
    plugins: [
      {
        name: 'external-packages',
        setup(build) {
          build.onResolve({filter: /^[^./]/}, (args) => {
            if (args.path.startsWith('node:')) return {external: true}
            // Inside a bundled package: bundle its dependencies too.
            if (args.importer.includes(`${sep}node_modules${sep}`)) return undefined
            const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0]
            return bundled.some((pattern) => pattern.test(name)) ? undefined : {external: true}
          })
        }
      }
    ],
    metafile: true,
    logLevel: 'warning'
  })
  for (const file of Object.keys(result.metafile.outputs)) {
    const depth = relative(root, dirname(join(root, file))).split(sep).length
    if (depth !== 2) throw new Error(`${file}: every output must sit two folders below the package root, as src/<stage>/ files do`)
  }
  return result
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--if-stale') && upToDate()) process.exit(0)
  const started = performance.now()
  const result = await buildDist()
  const files = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'))
  const bytes = files.reduce((n, file) => n + result.metafile.outputs[file].bytes, 0)
  console.log(`dist/: ${files.length} files, ${(bytes / 1024).toFixed(0)} KB of JavaScript, in ${(performance.now() - started).toFixed(0)} ms`)
}
