import { describe, expect, it } from 'vitest'

import { associationTimeZone, membershipEndsAt } from '@/lib/auth/membershipEnd'
import { isLapsed } from '@/lib/auth/roles'
import { ConfigError, readEnv } from '@/lib/env'

const zone = (name: string) => ({ LODESTAR_TIME_ZONE: name }) as unknown as NodeJS.ProcessEnv
const member = (membershipExpires: string) => ({ active: true, membershipExpires })

describe('membershipEndsAt: midnight after the last day, on the association’s clock', () => {
  it.each([
    // the admin's day-only picker stores noon UTC; imports may store midnight UTC or a bare date
    ['2026-05-31T12:00:00.000Z', 'UTC', '2026-06-01T00:00:00.000Z'],
    ['2026-05-31T00:00:00.000Z', 'UTC', '2026-06-01T00:00:00.000Z'],
    ['2026-05-31', 'UTC', '2026-06-01T00:00:00.000Z'],
    // summer time: Chicago is UTC-5, Paris UTC+2, Auckland UTC+12 in its winter
    ['2026-05-31T12:00:00.000Z', 'America/Chicago', '2026-06-01T05:00:00.000Z'],
    ['2026-05-31T12:00:00.000Z', 'Europe/Paris', '2026-05-31T22:00:00.000Z'],
    ['2026-05-31T12:00:00.000Z', 'Pacific/Auckland', '2026-05-31T12:00:00.000Z'],
    // the last day is the eve of a clock change: the next midnight is on the other side of it
    ['2026-03-28T12:00:00.000Z', 'Europe/Paris', '2026-03-28T23:00:00.000Z'],
    ['2026-03-29T12:00:00.000Z', 'Europe/Paris', '2026-03-29T22:00:00.000Z'],
    ['2026-10-24T12:00:00.000Z', 'Europe/Paris', '2026-10-24T22:00:00.000Z'],
    ['2026-10-25T12:00:00.000Z', 'Europe/Paris', '2026-10-25T23:00:00.000Z'],
    ['2026-12-31T12:00:00.000Z', 'UTC', '2027-01-01T00:00:00.000Z'],
  ])('%s in %s ends at %s', (expires, zone, end) => {
    expect(membershipEndsAt(expires, zone).toISOString()).toBe(end)
  })
})

describe('isLapsed', () => {
  it('a membership expiring on 31 May runs through the whole of 31 May (not to noon UTC)', () => {
    const stored = '2026-05-31T12:00:00.000Z'
    expect(isLapsed(member(stored), new Date('2026-05-31T18:00:00Z'), 'UTC')).toBe(false)
    expect(isLapsed(member(stored), new Date('2026-05-31T23:59:59Z'), 'UTC')).toBe(false)
    expect(isLapsed(member(stored), new Date('2026-06-01T00:00:00Z'), 'UTC')).toBe(true)
    // in Chicago 31 May lasts until 05:00 UTC
    expect(isLapsed(member(stored), new Date('2026-06-01T04:59:59Z'), 'America/Chicago')).toBe(
      false,
    )
    expect(isLapsed(member(stored), new Date('2026-06-01T05:00:00Z'), 'America/Chicago')).toBe(true)
  })
})

describe('LODESTAR_TIME_ZONE', () => {
  it('defaults to UTC and takes an IANA name', () => {
    expect(associationTimeZone({} as NodeJS.ProcessEnv)).toBe('UTC')
    expect(readEnv({} as NodeJS.ProcessEnv).timeZone).toBe('UTC')
    expect(readEnv(zone('Europe/Paris')).timeZone).toBe('Europe/Paris')
  })

  it('refuses a name the runtime does not know, at start-up', () => {
    expect(() => readEnv(zone('Mars/Olympus'))).toThrow(ConfigError)
    expect(() => readEnv(zone('Mars/Olympus'))).toThrow(
      'LODESTAR_TIME_ZONE must be an IANA time zone such as Europe/Paris or America/Chicago (got "Mars/Olympus").',
    )
  })
})
