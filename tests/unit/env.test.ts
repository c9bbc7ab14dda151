import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

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
      PAYLOAD_SECRET: 's'.repeat(32),
      NEXTAUTH_SECRET: 'n'.repeat(32),
      NEXTAUTH_URL: 'https://plan.example.org/',
    })
    expect(env).toMatchObject({
      isProduction: true,
      payloadSecret: 's'.repeat(32),
      serverUrl: 'https://plan.example.org',
    })
  })

  it('lets `next build` run without secrets or a database', () => {
    expect(() => readEnv({ ...prod, NEXT_PHASE: 'phase-production-build' })).not.toThrow()
  })

  it('uses random secrets of this installation, kept in data/, and the embedded database in development', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-secrets-'))
    const source = {
      NODE_ENV: 'development',
      VITEST: 'true',
      LODESTAR_SECRETS_FILE: path.join(dir, 'data', 'secrets.json'),
    } as NodeJS.ProcessEnv
    const env = readEnv(source)
    expect(env.payloadSecret).toMatch(/^[0-9a-f]{64}$/)
    expect(env.nextAuthSecret).toMatch(/^[0-9a-f]{64}$/)
    expect(env.nextAuthSecret).not.toBe(env.payloadSecret)
    // the same installation keeps its secrets; another one gets its own
    expect(readEnv(source)).toMatchObject({
      payloadSecret: env.payloadSecret,
      nextAuthSecret: env.nextAuthSecret,
    })
    const other = readEnv({ ...source, LODESTAR_SECRETS_FILE: path.join(dir, 'other.json') })
    expect(other.payloadSecret).not.toBe(env.payloadSecret)
    expect(fs.statSync(source.LODESTAR_SECRETS_FILE!).mode & 0o077).toBe(0)
    expect(env).toMatchObject({
      databaseKind: 'sqlite',
      databaseUri: 'file:./data/lodestar.db',
      demoPassword: 'lodestar-demo',
    })
  })

  it("falls back to this server's own port for its address outside production", () => {
    const dev = {
      NODE_ENV: 'development',
      VITEST: 'true',
      PAYLOAD_SECRET: 'p',
      NEXTAUTH_SECRET: 'n',
    }
    expect(readEnv(dev as NodeJS.ProcessEnv).serverUrl).toBe('http://localhost:3000')
    // what Next sets when 3000 is taken and `next dev` moves on
    expect(readEnv({ ...dev, PORT: '3001' } as NodeJS.ProcessEnv).serverUrl).toBe(
      'http://localhost:3001',
    )
    expect(readEnv({ ...dev, PORT: 'http' } as NodeJS.ProcessEnv).serverUrl).toBe(
      'http://localhost:3000',
    )
    expect(
      readEnv({ ...dev, PORT: '3001', NEXTAUTH_URL: 'http://plan.test:8080' } as NodeJS.ProcessEnv)
        .serverUrl,
    ).toBe('http://plan.test:8080')
  })

  it('never falls back to a fixed secret', () => {
    const source = (file: string) =>
      ({
        NODE_ENV: 'development',
        VITEST: 'true',
        LODESTAR_SECRETS_FILE: file,
      }) as NodeJS.ProcessEnv
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-secrets-'))
    const a = readEnv(source(path.join(dir, 'a.json')))
    const b = readEnv(source(path.join(dir, 'b.json')))
    expect(a.payloadSecret).not.toBe(b.payloadSecret)
    expect(a.nextAuthSecret).not.toBe(b.nextAuthSecret)
  })

  it('refuses production secrets shorter than 32 characters, or equal to each other', () => {
    const ok = {
      ...prod,
      PAYLOAD_SECRET: 'p'.repeat(32),
      NEXTAUTH_SECRET: 'n'.repeat(32),
      NEXTAUTH_URL: 'https://plan.example.org',
    }
    expect(() => readEnv(ok)).not.toThrow()
    expect(() => readEnv({ ...ok, PAYLOAD_SECRET: 'p'.repeat(31) })).toThrow(
      /PAYLOAD_SECRET must be at least 32 characters/,
    )
    expect(() => readEnv({ ...ok, NEXTAUTH_SECRET: 'short' })).toThrow(/NEXTAUTH_SECRET/)
    expect(() => readEnv({ ...ok, NEXTAUTH_SECRET: 'p'.repeat(32) })).toThrow(
      /PAYLOAD_SECRET and NEXTAUTH_SECRET must be different/,
    )
    expect(() => readEnv({ ...ok, ADMIN_SETUP_TOKEN: 'n'.repeat(32) })).toThrow(
      /NEXTAUTH_SECRET and ADMIN_SETUP_TOKEN must be different/,
    )
    expect(() => readEnv({ ...ok, ADMIN_SETUP_TOKEN: 'abc' })).toThrow(/ADMIN_SETUP_TOKEN/)
    expect(readEnv({ ...ok, ADMIN_SETUP_TOKEN: 't'.repeat(40) }).adminSetupToken).toBe(
      't'.repeat(40),
    )
  })

  it('reads the number of trusted proxies in front of the app', () => {
    const dev = { NODE_ENV: 'test', PAYLOAD_SECRET: 'x', NEXTAUTH_SECRET: 'y' } as NodeJS.ProcessEnv
    expect(readEnv(dev).trustedProxyHops).toBe(1)
    expect(readEnv({ ...dev, TRUSTED_PROXY_HOPS: '2' }).trustedProxyHops).toBe(2)
    expect(() => readEnv({ ...dev, TRUSTED_PROXY_HOPS: '0' })).toThrow(/TRUSTED_PROXY_HOPS/)
  })

  it('reads STALE_AFTER_DAYS (default 120) and refuses a value that is not a number of days', () => {
    const dev = { NODE_ENV: 'test', PAYLOAD_SECRET: 'x', NEXTAUTH_SECRET: 'y' } as NodeJS.ProcessEnv
    expect(readEnv(dev).staleAfterDays).toBe(120)
    expect(readEnv({ ...dev, STALE_AFTER_DAYS: '90' }).staleAfterDays).toBe(90)
    for (const bad of ['0', '-5', '1.5', 'soon']) {
      expect(() => readEnv({ ...dev, STALE_AFTER_DAYS: bad })).toThrow(/STALE_AFTER_DAYS/)
    }
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
