import type { CollectionConfig } from 'payload'
import { describe, expect, it } from 'vitest'

import { LAPSED_MESSAGE } from '@/collections/Members/hooks/refuseLapsedLogin'
import { DEFAULT_CALLBACK, loginPath, safeCallbackUrl } from '@/lib/auth/callback'
import { carriesCredentials, withHardenedAuthCookies } from '@/lib/auth/cookies'
import { readCredentials } from '@/lib/auth/credentials'
import { SIGN_IN_ERRORS, signInErrorMessage } from '@/lib/auth/messages'
import { emailFromClaims, oidcProvider } from '@/lib/auth/oidc'
import { ConfigError, readEnv } from '@/lib/env'

describe('carriesCredentials: what GET /api/viewer checks before answering nobody', () => {
  it.each([
    [{}, false],
    [{ cookie: '' }, false],
    [{ cookie: 'theme=dark; next-auth.csrf-token=abc; next-auth.callback-url=%2F' }, false],
    [{ cookie: 'payload-token-x=1; xpayload-token=1; next-auth.session-tokens=1' }, false],
    [{ cookie: 'payload-token=abc' }, true],
    [{ cookie: 'theme=dark;payload-token=abc' }, true],
    [{ cookie: 'next-auth.session-token=abc' }, true],
    [{ cookie: 'a=1; __Secure-next-auth.session-token=abc' }, true],
    [
      { cookie: '__Secure-next-auth.session-token.0=abc; __Secure-next-auth.session-token.1=def' },
      true,
    ],
    [{ authorization: 'JWT abc' }, true],
    [{ authorization: 'users API-Key abc' }, true],
  ])('%j → %s', (headers, expected) => {
    expect(carriesCredentials(new Headers(headers))).toBe(expected)
  })
})

describe('safeCallbackUrl: only paths on this site', () => {
  it.each([
    ['/dashboard', '/dashboard'],
    ['/dashboard/alcts-strategic-plan-2006-2011', '/dashboard/alcts-strategic-plan-2006-2011'],
    ['/reports/x/progress.pdf?y=1#z', '/reports/x/progress.pdf?y=1#z'],
    [undefined, DEFAULT_CALLBACK],
    ['', DEFAULT_CALLBACK],
    ['dashboard', DEFAULT_CALLBACK],
    ['https://evil.example/', DEFAULT_CALLBACK],
    ['//evil.example/', DEFAULT_CALLBACK],
    ['/\\evil.example/', DEFAULT_CALLBACK],
    ['/\tevil', DEFAULT_CALLBACK],
    ['javascript:alert(1)', DEFAULT_CALLBACK],
    ['/login?callbackUrl=/login', DEFAULT_CALLBACK],
    ['/api/auth/signout', DEFAULT_CALLBACK],
    [`/${'a'.repeat(3000)}`, DEFAULT_CALLBACK],
    [['/dashboard'], DEFAULT_CALLBACK],
  ])('%j → %s', (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected)
  })

  it('builds the login path with the callback encoded', () => {
    expect(loginPath('/dashboard/a?b=c')).toBe('/login?callbackUrl=%2Fdashboard%2Fa%3Fb%3Dc')
    expect(loginPath('https://evil.example')).toBe('/login?callbackUrl=%2Fdashboard')
  })
})

describe('sign-in messages', () => {
  it('one message for wrong password, unknown member and locked account', () => {
    expect(signInErrorMessage('invalid')).toBe(SIGN_IN_ERRORS.invalid)
    expect(SIGN_IN_ERRORS.invalid).not.toMatch(/exist|unknown|not found/i)
  })

  it('the lapsed message is the one the Members hook uses, and says whom to contact', () => {
    expect(signInErrorMessage('lapsed')).toBe(LAPSED_MESSAGE)
    expect(LAPSED_MESSAGE).toMatch(/contact/i)
  })

  it.each([
    [null, null],
    [undefined, null],
    ['', null],
    ['CredentialsSignin', SIGN_IN_ERRORS.unavailable],
    ['<script>', SIGN_IN_ERRORS.unavailable],
    ['SessionRequired', 'Please sign in to see that page.'],
  ])('%j → %j', (code, message) => {
    expect(signInErrorMessage(code)).toBe(message)
  })
})

describe('readCredentials', () => {
  it.each([
    [
      { memberNumber: '100001', password: 'pw' },
      { memberNumber: '100001', password: 'pw' },
    ],
    [
      { memberNumber: ' 100001\n', password: ' pw ' },
      { memberNumber: '100001', password: ' pw ' },
    ],
    [{ memberNumber: '100001', password: '' }, null],
    [{ memberNumber: '', password: 'pw' }, null],
    [{ memberNumber: 100001, password: 'pw' }, null],
    [{ memberNumber: ['100001'], password: 'pw' }, null],
    [{ username: '100001', password: 'pw' }, null],
    [{ memberNumber: '1'.repeat(65), password: 'pw' }, null],
    [{ memberNumber: '1', password: 'p'.repeat(1025) }, null],
    [null, null],
    ['100001', null],
  ])('%j → %j', (body, expected) => {
    expect(readCredentials(body)).toEqual(expected)
  })
})

describe('OpenID Connect', () => {
  const v = { email_verified: true }
  it.each([
    [{ ...v, email: 'Person@Example.org' }, 'email', 'person@example.org'],
    [{ ...v, mail: ' a@b.org ' }, 'mail', 'a@b.org'],
    [{ ...v, emails: ['first@b.org', 'second@b.org'] }, 'emails', 'first@b.org'],
    [{ ...v, email: 'not an email' }, 'email', null],
    [{ ...v, email: 42 }, 'email', null],
    [{ ...v }, 'email', null],
    // an address the identity provider does not say it verified is not proof of anything
    [{ email: 'person@example.org', email_verified: false }, 'email', null],
    [{ email: 'person@example.org', email_verified: 'false' }, 'email', null],
    [{ email: 'person@example.org' }, 'email', null],
    [{ email: 'person@example.org', email_verified: 'yes' }, 'email', null],
    [{ email: 'person@example.org', email_verified: true }, 'email', 'person@example.org'],
    [{ email: 'person@example.org', email_verified: 'true' }, 'email', 'person@example.org'],
  ])('%j claim %s → %s', (profile, claim, expected) => {
    expect(emailFromClaims(profile, claim)).toBe(expected)
  })

  it('takes an unverified address only from a provider the operator trusts (OIDC_TRUST_EMAIL)', () => {
    expect(emailFromClaims({ email: 'p@example.org' }, 'email', true)).toBe('p@example.org')
    expect(emailFromClaims({ email: 'p@example.org', email_verified: false }, 'email', true)).toBe(
      'p@example.org',
    )
    expect(emailFromClaims({ email: 'not an email' }, 'email', true)).toBeNull()
  })

  it('maps a profile through the configured claim', () => {
    const provider = oidcProvider({
      issuer: 'https://id.example.org',
      clientId: 'lodestar',
      clientSecret: 'secret',
      emailClaim: 'preferred_email',
      name: 'Association SSO',
      trustUnverifiedEmail: false,
    })
    expect(provider.id).toBe('oidc')
    expect(provider.wellKnown).toBe('https://id.example.org/.well-known/openid-configuration')
    expect(provider.checks).toEqual(['pkce', 'state'])
    const user = provider.profile(
      { sub: 'abc', name: 'Pat', preferred_email: 'Pat@Example.org', email_verified: true },
      {},
    )
    expect(user).toEqual({ id: 'abc', name: 'Pat', email: 'pat@example.org' })
  })
})

describe('lib/env: NEXTAUTH_* and OIDC_* validation', () => {
  const production = {
    NODE_ENV: 'production',
    PAYLOAD_SECRET: 'p'.repeat(32),
    NEXTAUTH_SECRET: 'n'.repeat(32),
    NEXTAUTH_URL: 'https://plan.example.org',
  } as NodeJS.ProcessEnv

  it('requires NEXTAUTH_SECRET and NEXTAUTH_URL in production', () => {
    expect(() => readEnv({ ...production, NEXTAUTH_SECRET: '' })).toThrow(/NEXTAUTH_SECRET/)
    expect(() => readEnv({ ...production, NEXTAUTH_URL: '' })).toThrow(/NEXTAUTH_URL/)
    expect(readEnv(production).serverUrl).toBe('https://plan.example.org')
  })

  it('refuses a plain-http NEXTAUTH_URL in production, except on this machine', () => {
    expect(() => readEnv({ ...production, NEXTAUTH_URL: 'http://plan.example.org' })).toThrow(
      ConfigError,
    )
    expect(readEnv({ ...production, NEXTAUTH_URL: 'http://localhost:3100' }).serverUrl).toBe(
      'http://localhost:3100',
    )
  })

  it('does not need secrets while building', () => {
    expect(() =>
      readEnv({
        NODE_ENV: 'production',
        NEXT_PHASE: 'phase-production-build',
      } as NodeJS.ProcessEnv),
    ).not.toThrow()
  })

  it('turns OIDC on only with issuer, client id and secret together', () => {
    expect(readEnv({ ...production }).oidc).toBeNull()
    const oidc = readEnv({
      ...production,
      OIDC_ISSUER: 'https://id.example.org/',
      OIDC_CLIENT_ID: 'id',
      OIDC_CLIENT_SECRET: 'secret',
    }).oidc
    expect(oidc).toEqual({
      issuer: 'https://id.example.org',
      clientId: 'id',
      clientSecret: 'secret',
      emailClaim: 'email',
      name: 'Single sign-on',
      trustUnverifiedEmail: false,
    })
    expect(() => readEnv({ ...production, OIDC_ISSUER: 'https://id.example.org' })).toThrow(
      /OIDC_CLIENT_ID, OIDC_CLIENT_SECRET missing/,
    )
    expect(() =>
      readEnv({
        ...production,
        OIDC_ISSUER: 'not a url',
        OIDC_CLIENT_ID: 'a',
        OIDC_CLIENT_SECRET: 'b',
      }),
    ).toThrow(/OIDC_ISSUER/)
    expect(
      readEnv({
        ...production,
        OIDC_ISSUER: 'https://x.org',
        OIDC_CLIENT_ID: 'a',
        OIDC_CLIENT_SECRET: 'b',
        OIDC_EMAIL_CLAIM: 'mail',
      }).oidc?.emailClaim,
    ).toBe('mail')
  })

  it('trusts unverified provider addresses only when OIDC_TRUST_EMAIL=true', () => {
    const oidc = {
      ...production,
      OIDC_ISSUER: 'https://x.org',
      OIDC_CLIENT_ID: 'a',
      OIDC_CLIENT_SECRET: 'b',
    }
    expect(readEnv(oidc).oidc?.trustUnverifiedEmail).toBe(false)
    expect(readEnv({ ...oidc, OIDC_TRUST_EMAIL: 'true' }).oidc?.trustUnverifiedEmail).toBe(true)
    expect(() => readEnv({ ...oidc, OIDC_TRUST_EMAIL: 'yes' })).toThrow(/OIDC_TRUST_EMAIL/)
  })
})

describe('withHardenedAuthCookies', () => {
  const collections: CollectionConfig[] = [
    { slug: 'plans', fields: [] },
    { slug: 'users', auth: true, fields: [] },
    { slug: 'members', auth: { maxLoginAttempts: 5 }, fields: [] },
  ]

  it('sets SameSite=Lax and Secure on auth collections only, keeping their other settings', () => {
    const [plans, users, members] = withHardenedAuthCookies(collections, true)
    expect(plans).toBe(collections[0])
    expect(users!.auth).toEqual({ cookies: { sameSite: 'Lax', secure: true } })
    expect(members!.auth).toEqual({
      maxLoginAttempts: 5,
      cookies: { sameSite: 'Lax', secure: true },
    })
  })

  it('leaves Secure off for plain-http development', () => {
    const [, users] = withHardenedAuthCookies(collections, false)
    expect(users!.auth).toMatchObject({ cookies: { secure: false } })
  })
})
