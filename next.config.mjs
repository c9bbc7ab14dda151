import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js'

import { buildPdfWorker, PDF_WORKER_FILE } from './scripts/build-pdf-worker.mjs'

const isDev = process.env.NODE_ENV !== 'production'

/**
 * Content-Security-Policy the site and the Payload admin both work under. Next.js streams inline
 * scripts (the RSC payload) and the admin sets inline styles, so those stay allowed; everything
 * else is this origin only. Development adds eval (React's dev tools) and the HMR websocket.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? ' ws: wss:' : ''}`,
  "worker-src 'self' blob:",
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ')

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  ...(isDev
    ? []
    : [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }]),
]

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Next hashes every page it sends (FNV-1a over the whole HTML, per request) to make an ETag: a
  // CPU profile of `next start` serving a cached plan page put 28 % of the server's time there,
  // more than anything else (bench/public-pages/README.md). A page that is not re-sent as a
  // 304 costs a browser ~9 KiB of gzip; the hash cost every request. Route handlers that want an
  // ETag set their own (the plan PDF does).
  generateEtags: false,
  // Lets several checkouts' servers (or a test build beside a dev server) keep separate outputs.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `BUILD_STANDALONE=1 npm run build` also writes .next/standalone (server.js and the files it
  // needs), which the Dockerfile ships; a plain build stays as it was for `npm start`.
  output: process.env.BUILD_STANDALONE === '1' ? 'standalone' : undefined,
  // Pages and data in Redis when REDIS_URL is set at run time, Next's own store otherwise
  // (lib/cache/handler.mjs). A custom handler has no Next memory cache in front of it, so no
  // instance keeps serving a page that another one expired. `next dev` keeps Next's default.
  cacheHandler: isDev
    ? undefined
    : fileURLToPath(new URL('./lib/cache/handler.mjs', import.meta.url)),
  // The database and the PDF renderer stay out of the bundles; they run on the server as-is.
  // loaded by Node as they are: pdfjs-dist imports its worker module at run time; the Redis client
  // is shared with the cache handler, which Node loads outside the bundles
  // piscina starts its workers from its own files (bundled, it would look for them in a chunk)
  serverExternalPackages: [
    '@react-pdf/renderer',
    'pdfjs-dist',
    'mammoth',
    '@redis/client',
    'piscina',
  ],
  // the PDF worker bundle (lib/pdf/pool.ts) is loaded by path at run time: ship it with the
  // standalone server, and the fonts its PDFs embed
  outputFileTracingIncludes: {
    '/**': [`./${PDF_WORKER_FILE}`, './lib/pdf/fonts/*.ttf'],
  },
  async headers() {
    // `/(.*)` and not `/:path*`: a rule with a named parameter makes Next treat every header value
    // holding a colon (the CSP's `data:` and `blob:`) as a pattern and compile it with
    // path-to-regexp on every request, pages and static files alike; a CPU profile of `next start`
    // put that at ~15 % of the server's time (bench/public-pages/README.md). An unnamed group
    // matches the same paths (`/` included) and leaves no parameter to fill in.
    return [{ source: '/(.*)', headers: securityHeaders }]
  },
  experimental: {
    // Server actions (the admin's form state, the password forms): Next's 1 MB, stated here.
    serverActions: { bodySizeLimit: '1mb' },
    // the proxy buffers request bodies up to this size; proxy.ts answers 413 above 1 MB, or
    // above 2 MB for a plan import (the plan file is the body): the buffer must hold more
    proxyClientMaxBodySize: '3mb',
    // Keep the data cache (unstable_cache, tagged by lib/data/tags.ts) in memory only: the tags
    // the Payload hooks expire are remembered in memory, so entries written to disk would come
    // back stale after a restart (e.g. after `npm run seed` or an import while the server was down).
    isrFlushToDisk: false,
  },
  // The build checks the app's own code; tests, scripts and benchmarks are checked by `npm run typecheck`.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
}

/**
 * `next build`, however it is started (npm run build, the e2e and bench scripts, the Dockerfile),
 * first bundles the PDF worker (scripts/build-pdf-worker.mjs); the build's own worker processes
 * load this file again and find it done.
 */
export default async function config(phase) {
  if (phase === PHASE_PRODUCTION_BUILD && !process.env.LODESTAR_PDF_WORKER_BUILT) {
    await buildPdfWorker()
    process.env.LODESTAR_PDF_WORKER_BUILT = '1'
  }
  return adminOnlyClientHints(withPayload(nextConfig, { devBundleServerPackages: false }))
}

/**
 * withPayload adds `Accept-CH`, `Vary` and `Critical-CH: Sec-CH-Prefers-Color-Scheme` to every
 * address (`/:path*`) so that the admin renders in the visitor's colour scheme on the server. Only
 * the admin reads that hint. On a public page, `Critical-CH` makes a Chromium browser's first visit
 * throw the page away and ask for it again with the hint (two page requests for one view), and the
 * `Vary` splits shared caches of static files by colour scheme. This keeps the rule and moves it
 * to the admin (Payload's issue #17906 asks for the same).
 * @param {import('next').NextConfig} config
 * @returns {import('next').NextConfig}
 */
function adminOnlyClientHints(config) {
  const headers = config.headers
  if (!headers) return config
  return {
    ...config,
    async headers() {
      return (await headers()).map((rule) =>
        rule.source === '/:path*' && rule.headers.some((h) => h.key === 'Critical-CH')
          ? { ...rule, source: '/admin/:path*' }
          : rule,
      )
    },
  }
}
