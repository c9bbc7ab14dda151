import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = path.dirname(fileURLToPath(import.meta.url))

const alias = {
  '@payload-config': path.join(root, 'payload.config.ts'),
  // the path alias of tsconfig.json: `@/lib/...` from the repository's root
  '@': root,
  // `server-only` throws outside React Server Components; under tests lib/data runs in plain Node.
  'server-only': path.join(root, 'node_modules/server-only/empty.js'),
}

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          environment: 'node',
          // unit first (milliseconds), then the integration files with their own worker limit
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'int',
          include: ['tests/int/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/int/setup.ts'],
          pool: 'forks',
          // Each file builds its own Payload on its own fresh database; two at a time fits 2 cores.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
