import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      // other build folders (NEXT_DIST_DIR)
      '.next-*/**',
      'node_modules/**',
      'payload-types.ts',
      'app/(payload)/**',
      'migrations/**',
      'test-results/**',
      'bench/out/**',
      'next-env.d.ts',
    ],
  },
]

export default config
