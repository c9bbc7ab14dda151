import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = path.dirname(fileURLToPath(import.meta.url))

// Browser tests: run by scripts/e2e.mjs against a started production server (E2E_BASE_URL).
export default defineConfig({
  resolve: {
    alias: {
      '@payload-config': path.join(root, 'payload.config.ts'),
      // the path alias of tsconfig.json: `@/lib/...` from the repository's root
      '@': root,
      'server-only': path.join(root, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    // One browser-driven file at a time: the server and Chromium share 2 cores.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
})
