import { describe, expect, it } from 'vitest'

import { ConfigError, databaseKindOf, readEnv } from '@/lib/env'

describe('databaseKindOf', () => {
  it.each([
    [undefined, 'sqlite'],
    ['file:./data/lodestar.db', 'sqlite'],
    ['mongodb://127.0.0.1:27017/lodestar', 'mongodb'],
    ['mongodb+srv://u:p@cluster0.example.net/lodestar', 'mongodb'],
  ] as const)('%s → %s', (uri, kind) => {
    expect(databaseKindOf(uri)).toBe(kind)
  })

  it('refuses other schemes with a message', () => {
    expect(() => databaseKindOf('postgres://x')).toThrow(ConfigError)
    expect(() => databaseKindOf('postgres://x')).toThrow(/DATABASE_URI must be a mongodb/)
  })
})

describe('readEnv', () => {
  const prod = { NODE_ENV: 'production' } as NodeJS.ProcessEnv

  it('stops production start-up without secrets, naming them', () => {
    expect(() => readEnv(prod)).toThrow(
      'Lodestar cannot start in production without PAYLOAD_SECRET, NEXTAUTH_SECRET, NEXTAUTH_URL.',
    )
    expect(() => readEnv({ ...prod, PAYLOAD_SECRET: 'x', NEXTAUTH_SECRET: 'y' })).toThrow(
      /without NEXTAUTH_URL\./,
    )
  })

  it('accepts production with everything set', () => {
    const env = readEnv({
      ...prod,
      PAYLOAD_SECRET: 's',
      NEXTAUTH_SECRET: 'n',
      NEXTAUTH_URL: 'https://plan.example.org/',
    })
    expect(env).toMatchObject({
      isProduction: true,
      payloadSecret: 's',
      serverUrl: 'https://plan.example.org',
    })
  })

  it('lets `next build` run without secrets or a database', () => {
    expect(() => readEnv({ ...prod, NEXT_PHASE: 'phase-production-build' })).not.toThrow()
  })

  it('uses a fixed development secret and the embedded database in development', () => {
    const env = readEnv({ NODE_ENV: 'development', VITEST: 'true' } as NodeJS.ProcessEnv)
    expect(env.payloadSecret).toMatch(/development/)
    expect(env).toMatchObject({
      databaseKind: 'sqlite',
      databaseUri: 'file:./data/lodestar.db',
      demoPassword: 'lodestar-demo',
    })
  })

  it('selects MongoDB and the FerretDB settings only when asked', () => {
    const base = { NODE_ENV: 'test', DATABASE_URI: 'mongodb://127.0.0.1/x' } as NodeJS.ProcessEnv
    expect(readEnv(base)).toMatchObject({ databaseKind: 'mongodb', mongoCompat: false })
    expect(readEnv({ ...base, LODESTAR_MONGO_COMPAT: 'ferretdb' }).mongoCompat).toBe(true)
  })

  it('refuses a relative NEXTAUTH_URL', () => {
    expect(() =>
      readEnv({ NODE_ENV: 'test', NEXTAUTH_URL: 'plan.example.org' } as NodeJS.ProcessEnv),
    ).toThrow(/absolute URL/)
  })
})
