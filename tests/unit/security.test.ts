import { describe, expect, it } from 'vitest'

import { signInErrorMessage, timedCode } from '@/lib/auth/messages'
import { passwordProblem } from '@/lib/auth/passwords'
import { addressKey, clientAddress } from '@/lib/security/clientAddress'
import { AUTH_LIMIT_POLICIES, authLimits, whenAgain } from '@/lib/security/rateLimit'

const xff = (value?: string) => new Headers(value === undefined ? {} : { 'x-forwarded-for': value })

describe('clientAddress', () => {
  it('takes the entry the trusted proxy appended, never the client’s own', () => {
    expect(clientAddress(xff('203.0.113.9'))).toBe('203.0.113.9')
    // a client writing its own X-Forwarded-For: the proxy appends the real peer after it
    expect(clientAddress(xff('1.1.1.1, 2.2.2.2, 203.0.113.9'))).toBe('203.0.113.9')
    expect(clientAddress(xff('1.1.1.1, 198.51.100.7, 10.0.0.2'), 2)).toBe('198.51.100.7')
    expect(clientAddress(xff('10.0.0.2'), 3)).toBe('10.0.0.2')
  })

  it('puts requests without an address in one shared bucket', () => {
    expect(clientAddress(xff())).toBe('unknown')
    expect(clientAddress(xff(''))).toBe('unknown')
    expect(clientAddress(xff(' , '))).toBe('unknown')
  })

  it('counts IPv6 clients by their /64, IPv4 (also mapped) as they are', () => {
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('[2001:DB8:0001:0002::9]:443')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1')
    expect(addressKey('192.0.2.1:5000')).toBe('192.0.2.1')
  })
})

describe('rate limits', () => {
  it('refuse past the limit, with the wait, and forget a key on reset', async () => {
    const limit = authLimits().signInByAccountAndClient
    const key = `unit-${Math.random()}`
    for (let i = 0; i < AUTH_LIMIT_POLICIES.signInByAccountAndClient.points; i += 1) {
      expect(await limit.consume(key)).toEqual({ ok: true })
    }
    const refused = await limit.consume(key)
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.retryAfterSeconds).toBe(15 * 60)
    expect((await limit.peek(key)).ok).toBe(false)
    await limit.reset(key)
    expect(await limit.peek(key)).toEqual({ ok: true })
  })

  it('is one set of limits per process, however often the module is loaded', () => {
    expect(authLimits()).toBe(authLimits())
  })

  it('says exactly when to try again', () => {
    const now = new Date('2026-11-29T14:25:10Z')
    expect(whenAgain(7 * 60, now)).toBe('at 14:32 UTC (in 7 minutes)')
    expect(whenAgain(30, now)).toBe('at 14:25 UTC (in 1 minute)')
  })

  it('carries the time in the sign-in error code, and the form says it', () => {
    const code = timedCode('throttled', 600, Date.parse('2026-11-29T14:00:00Z'))
    expect(code).toBe(`throttled@${Date.parse('2026-11-29T14:10:00Z') / 1000}`)
    expect(signInErrorMessage(code)).toMatch(/Please try again at 14:10 UTC \(in \d+ minutes?\)\./)
    expect(signInErrorMessage('locked@1764424800')).toMatch(/locked .* at \d\d:\d\d UTC/)
    expect(signInErrorMessage('throttled@abc')).toBe(signInErrorMessage('unavailable'))
  })
})

describe('the password rule', () => {
  it.each([
    ['', false],
    ['123456789', false],
    ['1234567890', true],
    ['x'.repeat(1024), true],
    ['x'.repeat(1025), false],
  ])('%j → %s', (password, ok) => {
    expect(passwordProblem(password) === null).toBe(ok)
  })
})
