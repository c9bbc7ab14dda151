import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets several checkouts' servers (or a test build beside a dev server) keep separate outputs.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The database and the PDF renderer stay out of the bundles; they run on the server as-is.
  serverExternalPackages: ['@react-pdf/renderer'],
  // The build checks the app's own code; tests, scripts and benchmarks are checked by `npm run typecheck`.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
