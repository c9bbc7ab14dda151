/**
 * When a membership ends: at the end of its last day in the association's time zone
 * (LODESTAR_TIME_ZONE, an IANA name such as Europe/Paris; UTC when unset). Pure, no I/O.
 */
export const DEFAULT_TIME_ZONE = 'UTC'

/** Whether the runtime knows this IANA time zone name. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    // RangeError: an unknown zone; the caller reports it
    return false
  }
}

/** The message for a LODESTAR_TIME_ZONE the runtime does not know. */
export const timeZoneMessage = (name: string) =>
  `LODESTAR_TIME_ZONE must be an IANA time zone such as Europe/Paris or America/Chicago (got "${name}").`

/**
 * The association's time zone from the environment (lib/env.ts refuses an unknown one at start-up
 * with a ConfigError; this throws too rather than guess).
 */
export function associationTimeZone(source: NodeJS.ProcessEnv = process.env): string {
  const name = source.LODESTAR_TIME_ZONE?.trim() || DEFAULT_TIME_ZONE
  if (!isTimeZone(name)) throw new Error(timeZoneMessage(name))
  return name
}

const formats = new Map<string, Intl.DateTimeFormat>()
const formatFor = (timeZone: string) => {
  let format = formats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formats.set(timeZone, format)
  }
  return format
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = formatFor(timeZone).formatToParts(new Date(instant))
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value)
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  )
  return wall - Math.floor(instant / 1000) * 1000
}

/**
 * The first instant after a membership's last day. The stored value names a calendar day (the
 * admin's day-only picker stores it at 12:00 UTC, imports may store midnight UTC): its UTC date is
 * the last day, and the membership runs until midnight after it on the association's clock.
 */
export function membershipEndsAt(expires: string, timeZone: string): Date {
  const day = new Date(expires)
  if (Number.isNaN(day.getTime())) return day
  const nextMidnightAsUtc = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1)
  // wall-clock midnight in the zone: shift by the zone's offset, then again at the result (DST)
  let end = nextMidnightAsUtc - offsetAt(nextMidnightAsUtc, timeZone)
  end = nextMidnightAsUtc - offsetAt(end, timeZone)
  return new Date(end)
}
