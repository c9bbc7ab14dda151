/**
 * Bundles the PDF worker (lib/pdf/worker/render.ts, the react-pdf documents of lib/pdf and
 * @react-pdf/renderer itself) into one ES module, .pdf-worker/render.mjs, that a worker thread
 * loads with plain Node. Next's bundler never sees a worker's code (it would split it into chunks
 * a worker cannot load), and the file needs nothing from node_modules at run time, so the
 * standalone server ships it as it is. `next build` runs this first (next.config.mjs), however
 * the build is started; outside production the pool runs it when the pool starts
 * (lib/pdf/pool.ts), so a worker never runs stale code.
 *   node scripts/build-pdf-worker.mjs [--out <file>]
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Where the bundle goes: the pool loads it from here (relative to the working directory). */
export const PDF_WORKER_FILE = path.join('.pdf-worker', 'render.mjs')

/**
 * pdfkit loads the 14 standard PDF fonts' metrics lazily through `createRequire(import.meta.url)`
 * and its package's `#standard-fonts/*` imports, which a bundle cannot resolve at run time. Seen
 * as plain `require()` calls they are bundled like any other module (still loaded lazily).
 */
const standardFonts = {
  name: 'pdfkit-standard-fonts',
  setup(b) {
    b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8')
      const patched = source.replaceAll("require$1('#standard-fonts/", "require('#standard-fonts/")
      if (patched === source) {
        throw new Error(`${args.path}: pdfkit no longer loads its standard fonts as expected`)
      }
      return { contents: patched, loader: 'js' }
    })
  },
}

/** Builds the worker bundle into `out` (default: PDF_WORKER_FILE under the repository). */
export async function buildPdfWorker(out = path.join(root, PDF_WORKER_FILE)) {
  fs.mkdirSync(path.dirname(out), { recursive: true })
  // written beside the target and renamed over it: a worker starting meanwhile (another test
  // process, a second server) loads the old file or the new one, never half of one
  const temp = `${out}.${process.pid}.tmp`
  await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'lib/pdf/worker/render.ts')],
    outfile: temp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    tsconfig: path.join(root, 'tsconfig.json'),
    // `server-only` throws outside React Server Components: a worker is server code by definition
    alias: { 'server-only': path.join(root, 'node_modules/server-only/empty.js') },
    define: { 'process.env.NODE_ENV': '"production"' },
    // CommonJS dependencies inside an ES module bundle still call require() for Node's own modules
    banner: {
      js: "import { createRequire as __lodestarRequire } from 'node:module'; const require = __lodestarRequire(import.meta.url);",
    },
    plugins: [standardFonts],
    logLevel: 'warning',
    legalComments: 'none',
  })
  fs.renameSync(temp, out)
  return out
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outArg = process.argv.indexOf('--out')
  await buildPdfWorker(outArg > 0 ? path.resolve(process.argv[outArg + 1]) : undefined)
}
