/**
 * Email settings from the environment (pure: lib/env.ts calls it while validating). SMTP_URL
 * selects real delivery; without it messages go to the log outside production, and in production
 * Lodestar says at start, in the admin and on the reset forms that it cannot send email.
 */

export interface EmailAddress {
  name: string
  address: string
}

export interface EmailConfig {
  /** smtp://user:pass@host:port or smtps://…; null when unset */
  smtpUrl: string | null
  /** the sender, from EMAIL_FROM (`Name <address>` or a bare address) */
  from: EmailAddress
  /**
   * smtp: sent through SMTP_URL · log: written to the server log (development and tests)
   * · unavailable: production without SMTP_URL, nothing can be sent
   */
  delivery: 'smtp' | 'log' | 'unavailable'
  /** REMINDER_DAYS_BEFORE_DUE: the cycle reminder goes this many days before the due date (default 7) */
  reminderDaysBeforeDue: number
}

/** Thrown for a malformed SMTP_URL or EMAIL_FROM (lib/env.ts turns it into a ConfigError). */
export class EmailConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EmailConfigError'
  }
}

// deliberately plain: one @, no spaces, a dot in the domain (what a person types in EMAIL_FROM)
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/

/** Whether a string looks like a deliverable email address (one @, a dotted domain, no spaces). */
export function isEmailAddress(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 254 && ADDRESS.test(value.trim())
}

/** Parses `Name <address>`, `"Name" <address>` or a bare address. */
export function parseFrom(value: string): EmailAddress | null {
  const trimmed = value.trim()
  const named = /^(?:"([^"]*)"|([^<]*?))\s*<([^>]+)>$/.exec(trimmed)
  if (named) {
    const address = named[3]!.trim()
    if (!isEmailAddress(address)) return null
    return { name: (named[1] ?? named[2] ?? '').trim() || 'Lodestar', address }
  }
  return isEmailAddress(trimmed) ? { name: 'Lodestar', address: trimmed } : null
}

/** Reads SMTP_URL and EMAIL_FROM; `serverUrl` gives the default sender's domain. */
export function readEmailConfig(
  source: Partial<Record<string, string>>,
  options: { isProduction: boolean; serverUrl: string },
): EmailConfig {
  const smtpUrl = source.SMTP_URL?.trim() || null
  if (smtpUrl) {
    let url: URL
    try {
      url = new URL(smtpUrl)
    } catch {
      throw new EmailConfigError(
        'SMTP_URL must look like smtp://user:password@mail.example.org:587 or smtps://…:465.',
      )
    }
    if (!['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) {
      throw new EmailConfigError(
        `SMTP_URL must start with smtp:// or smtps:// and name a host (got "${url.protocol}//…").`,
      )
    }
  }
  const rawFrom = source.EMAIL_FROM?.trim()
  let from: EmailAddress
  if (rawFrom) {
    const parsed = parseFrom(rawFrom)
    if (!parsed) {
      throw new EmailConfigError(
        `EMAIL_FROM must be an address or "Name <address>" (got "${rawFrom}").`,
      )
    }
    from = parsed
  } else {
    const host = new URL(options.serverUrl).hostname
    const domain = host.includes('.') ? host : `${host}.localdomain`
    from = { name: 'Lodestar', address: `no-reply@${domain}` }
  }
  const delivery = smtpUrl ? 'smtp' : options.isProduction ? 'unavailable' : 'log'
  const rawDays = source.REMINDER_DAYS_BEFORE_DUE?.trim()
  const reminderDaysBeforeDue = rawDays ? Number(rawDays) : 7
  if (
    !Number.isInteger(reminderDaysBeforeDue) ||
    reminderDaysBeforeDue < 1 ||
    reminderDaysBeforeDue > 60
  ) {
    throw new EmailConfigError(
      `REMINDER_DAYS_BEFORE_DUE must be a whole number of days from 1 to 60 (got "${rawDays}").`,
    )
  }
  return { smtpUrl, from, delivery, reminderDaysBeforeDue }
}
