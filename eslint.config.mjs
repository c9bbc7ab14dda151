import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

// The layers (docs/architecture.md, "Layers"): lower floors never import higher ones.
const higherFloors = {
  group: ['@/app/*', '@/components/*', '@/collections/*', '@/scripts/*', '@/payload.config'],
  message: 'lib/ is the lowest floor: it never imports app, components, collections or scripts.',
}
const payloadOutsideLibData = {
  paths: [
    { name: 'payload', message: 'Pages and components read Payload only through lib/data.' },
    {
      name: '@payload-config',
      message: 'Pages and components read Payload only through lib/data.',
    },
  ],
  patterns: [
    {
      group: ['@/collections/*', '@/payload.config'],
      message: 'Pages and components read Payload only through lib/data (pure checks: lib/auth).',
    },
  ],
}

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
      '.pdf-worker/**',
      'bench/out/**',
      'next-env.d.ts',
    ],
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    ignores: ['lib/plan/**', 'lib/format/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [higherFloors] }] },
  },
  {
    // pure domain logic: nothing but itself and lib/format (no packages, no other layer, no I/O)
    files: ['lib/plan/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./|@/lib/plan/|@/lib/format/)',
              message: 'lib/plan is pure: it imports nothing but lib/plan and lib/format.',
            },
          ],
        },
      ],
    },
  },
  {
    // the small shared helpers (ids, slugs, dates, labels): the floor below every other layer
    files: ['lib/format/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./|@/lib/format/|@/lib/plan/types$|@sindresorhus/slugify$)',
              message:
                'lib/format is the lowest floor: itself, the types of lib/plan/types and its slug library.',
            },
          ],
        },
      ],
    },
  },
  {
    // the public site's pages, route handlers and components (the admin's own components excepted)
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    ignores: ['components/admin/**'],
    rules: { 'no-restricted-imports': ['error', payloadOutsideLibData] },
  },
  {
    // What the running site and the job runner load is a dependency, not a dev dependency that
    // happens to be installed (zod once was only eslint's): `npm ci --omit=dev` must keep it.
    files: [
      'app/**/*.{ts,tsx}',
      'components/**/*.{ts,tsx}',
      'collections/**/*.{ts,tsx}',
      'lib/**/*.{ts,tsx,mjs}',
      'payload.config.ts',
      'proxy.ts',
      'instrumentation.ts',
    ],
    rules: {
      'import/no-extraneous-dependencies': [
        'error',
        { devDependencies: false, optionalDependencies: false, includeTypes: false },
      ],
    },
  },
]

export default config
