import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { associationTimeZone } from '@/lib/auth/membershipEnd'
import { EmailConfigError, readEmailConfig, type EmailConfig } from '@/lib/email/config'
import { DEFAULT_STALE_AFTER_DAYS } from '@/lib/plan/cycles'

/**
 * Configuration, validated once. Every variable is documented in .env.example and the README.
 * In production a missing, short or repeated secret stops start-up with a clear message; outside
 * production an unset secret is a random one made for this installation on first start and kept in
 * the gitignored data/ folder (data/secrets.json), and one warning line says so.
 */

import { redisUrl } from '@/lib/redis/url.mjs'

/** Shortest secret production accepts (PAYLOAD_SECRET, NEXTAUTH_SECRET, ADMIN_SETUP_TOKEN). */
export const MIN_SECRET_LENGTH = 32

export type DatabaseKind = 'sqlite' | 'mongodb'

export interface Env {
  isProduction: boolean
  databaseKind: DatabaseKind
  /** `file:` URL for SQLite, `mongodb://` / `mongodb+srv://` for MongoDB */
  databaseUri: string
  /** apply the MongoDB adapter's settings for Mongo-wire servers without $lookup (FerretDB in CI) */
  mongoCompat: boolean
  payloadSecret: string
  nextAuthSecret: string
  /** public origin of the site, e.g. https://plan.example.org */
  serverUrl: string
  demoPassword: string
  /** the association's IANA time zone: memberships end at midnight after their last day there */
  timeZone: string
  /** OpenID Connect sign-in for members, only when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all set */
  oidc: OidcConfig | null
  /**
   * One-time token that creating the first staff account through the admin (or
   * `/api/users/first-register`) requires; in production that route is refused without it
   * (`npm run create-admin` works from the server's shell instead).
   */
  adminSetupToken: string | null
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For (default 1: the
   * TLS-terminating proxy production needs). The client's address is that many entries from the
   * right; entries further left were written by the client and are never trusted.
   */
  trustedProxyHops: number
  /**
   * STALE_AFTER_DAYS: with no closed reporting cycle yet, active work with no update for this many
   * days is stale (default 120; docs/architecture.md, "Progress cycles")
   */
  staleAfterDays: number
  /** SMTP_URL / EMAIL_FROM / REMINDER_DAYS_BEFORE_DUE (lib/email/config.ts) */
  email: EmailConfig
  /** REDIS_URL: shared page cache and rate limits for several instances; null = one machine, in memory */
  redisUrl: string | null
}

export interface OidcConfig {
  issuer: string
  clientId: string
  clientSecret: string
  /** the ID-token / userinfo claim holding the email that matches a member's email (default `email`) */
  emailClaim: string
  /** the provider's name on the sign-in page */
  name: string
  /**
   * Accept an address the provider does not mark `email_verified: true` (OIDC_TRUST_EMAIL=true):
   * only for a provider whose addresses are all the association's own.
   */
  trustUnverifiedEmail: boolean
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

const DEFAULT_SQLITE_URI = 'file:./data/lodestar.db'

/** Which adapter a DATABASE_URI selects: unset or `file:` is embedded SQLite, `mongodb(+srv)://` is MongoDB. */
export function databaseKindOf(uri: string | undefined): DatabaseKind {
  if (!uri || uri.startsWith('file:')) return 'sqlite'
  if (uri.startsWith('mongodb://') || uri.startsWith('mongodb+srv://')) return 'mongodb'
  throw new ConfigError(
    `DATABASE_URI must be a mongodb:// or mongodb+srv:// URI, or a file: path for SQLite (got "${uri.split(':')[0]}:…").`,
  )
}

// One warning per process, even when several server bundles each load this module.
const flags = globalThis as typeof globalThis & { __lodestarDevSecretWarned?: boolean }

/** Reads and validates the environment; throws ConfigError with a message a person can act on. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const isProduction = source.NODE_ENV === 'production'
  const rawUri = source.DATABASE_URI?.trim() || undefined
  const databaseKind = databaseKindOf(rawUri)
  const missing: string[] = []
  // `next build` runs with NODE_ENV=production but must not need secrets or a database.
  const building = source.NEXT_PHASE === 'phase-production-build'
  const strict = isProduction && !building

  let payloadSecret = source.PAYLOAD_SECRET?.trim() ?? ''
  let nextAuthSecret = source.NEXTAUTH_SECRET?.trim() ?? ''
  const adminSetupToken = source.ADMIN_SETUP_TOKEN?.trim() || null
  if (strict) {
    if (!payloadSecret) missing.push('PAYLOAD_SECRET')
    if (!nextAuthSecret) missing.push('NEXTAUTH_SECRET')
    if (!source.NEXTAUTH_URL?.trim()) missing.push('NEXTAUTH_URL')
  }
  if (missing.length > 0) {
    throw new ConfigError(
      `Lodestar cannot start in production without ${missing.join(', ')}. ` +
        'Set them in the environment (see .env.example; generate secrets with `openssl rand -hex 32`).',
    )
  }
  if (strict) checkProductionSecrets({ payloadSecret, nextAuthSecret, adminSetupToken })
  if (!payloadSecret || !nextAuthSecret) {
    const generated = building ? BUILD_SECRETS : installationSecrets(source)
    if (!flags.__lodestarDevSecretWarned && !building && !source.VITEST) {
      console.warn(
        `[lodestar] PAYLOAD_SECRET/NEXTAUTH_SECRET not set: using this installation's random secrets (${SECRETS_FILE}).`,
      )
    }
    flags.__lodestarDevSecretWarned = true
    payloadSecret ||= generated.payloadSecret
    nextAuthSecret ||= generated.nextAuthSecret
  }

  // Outside production the fallback is this server's own port: Next sets PORT to the port it
  // listens on, also when `npm run dev` finds 3000 taken and moves to 3001, and Payload's CSRF
  // check refuses the admin's writes from any other origin.
  const port = /^\d{1,5}$/.test(source.PORT?.trim() ?? '') ? source.PORT!.trim() : '3000'
  const serverUrl = (
    source.NEXTAUTH_URL?.trim() ||
    source.SERVER_URL?.trim() ||
    `http://localhost:${port}`
  ).replace(/\/$/, '')
  try {
    new URL(serverUrl)
  } catch {
    throw new ConfigError(
      `NEXTAUTH_URL must be an absolute URL such as https://plan.example.org (got "${serverUrl}").`,
    )
  }

  if (strict && !isSecureOrigin(serverUrl)) {
    throw new ConfigError(
      `NEXTAUTH_URL must use https in production (got "${serverUrl}"); sign-in cookies are only sent over https.`,
    )
  }

  return {
    isProduction,
    databaseKind,
    databaseUri: rawUri ?? DEFAULT_SQLITE_URI,
    mongoCompat: source.LODESTAR_MONGO_COMPAT === 'ferretdb',
    payloadSecret,
    nextAuthSecret,
    serverUrl,
    demoPassword: source.DEMO_PASSWORD?.trim() || 'lodestar-demo',
    timeZone: readTimeZone(source),
    oidc: readOidc(source),
    adminSetupToken,
    trustedProxyHops: readProxyHops(source.TRUSTED_PROXY_HOPS),
    staleAfterDays: readStaleAfterDays(source.STALE_AFTER_DAYS),
    email: readEmail(source, isProduction && !building, serverUrl),
    redisUrl: readRedisUrl(source),
  }
}

function readRedisUrl(source: NodeJS.ProcessEnv): string | null {
  try {
    return redisUrl(source)
  } catch (err) {
    throw new ConfigError((err as Error).message)
  }
}

function readEmail(source: NodeJS.ProcessEnv, isProduction: boolean, serverUrl: string) {
  try {
    return readEmailConfig(source, { isProduction, serverUrl })
  } catch (err) {
    if (err instanceof EmailConfigError) throw new ConfigError(err.message)
    throw err
  }
}

/** Production secrets: long enough to resist guessing, and each one different. */
function checkProductionSecrets(secrets: {
  payloadSecret: string
  nextAuthSecret: string
  adminSetupToken: string | null
}) {
  const named: [string, string | null][] = [
    ['PAYLOAD_SECRET', secrets.payloadSecret],
    ['NEXTAUTH_SECRET', secrets.nextAuthSecret],
    ['ADMIN_SETUP_TOKEN', secrets.adminSetupToken],
  ]
  const short = named.filter(([, value]) => value != null && value.length < MIN_SECRET_LENGTH)
  if (short.length > 0) {
    throw new ConfigError(
      `${short.map(([name]) => name).join(', ')} must be at least ${MIN_SECRET_LENGTH} characters in production ` +
        '(generate one with `openssl rand -hex 32`).',
    )
  }
  const set = named.filter((entry): entry is [string, string] => entry[1] != null)
  for (const [index, [name, value]] of set.entries()) {
    const same = set.slice(index + 1).find(([, other]) => other === value)
    if (same) {
      throw new ConfigError(
        `${name} and ${same[0]} must be different secrets: one leaked must not give away the other.`,
      )
    }
  }
}

/** Where an installation without secrets in its environment keeps the ones made for it. */
export const SECRETS_FILE = 'data/secrets.json'

/** `next build` must not write files or need secrets: it signs nothing. */
const BUILD_SECRETS = { payloadSecret: 'build-only', nextAuthSecret: 'build-only' }

type Secrets = { payloadSecret: string; nextAuthSecret: string }

/**
 * This installation's own random secrets, made on first start (never fixed ones: a known secret
 * would let anyone forge sessions on a staging server). LODESTAR_SECRETS_FILE moves the file.
 */
export function installationSecrets(source: NodeJS.ProcessEnv = process.env): Secrets {
  const file = path.resolve(source.LODESTAR_SECRETS_FILE?.trim() || SECRETS_FILE)
  const read = (): Secrets | null => {
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Secrets>
      if (
        typeof parsed.payloadSecret === 'string' &&
        parsed.payloadSecret.length >= MIN_SECRET_LENGTH &&
        typeof parsed.nextAuthSecret === 'string' &&
        parsed.nextAuthSecret.length >= MIN_SECRET_LENGTH
      ) {
        return { payloadSecret: parsed.payloadSecret, nextAuthSecret: parsed.nextAuthSecret }
      }
      return null
    } catch {
      return null
    }
  }
  const existing = read()
  if (existing) return existing
  const made: Secrets = {
    payloadSecret: crypto.randomBytes(32).toString('hex'),
    nextAuthSecret: crypto.randomBytes(32).toString('hex'),
  }
  fs.mkdirSync(path.dirname(file), { recursive: true })
  try {
    // 'wx': two processes starting at once keep the first one's secrets
    fs.writeFileSync(file, `${JSON.stringify(made, null, 2)}\n`, { flag: 'wx', mode: 0o600 })
    return made
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    const raced = read()
    if (raced) return raced
    throw new ConfigError(
      `${file} exists but holds no usable secrets: delete it to have new ones made, or set PAYLOAD_SECRET and NEXTAUTH_SECRET.`,
    )
  }
}

function readProxyHops(value: string | undefined): number {
  if (value == null || value.trim() === '') return 1
  const hops = Number(value)
  if (!Number.isInteger(hops) || hops < 1 || hops > 10) {
    throw new ConfigError(
      `TRUSTED_PROXY_HOPS must be a whole number from 1 to 10 (got "${value}").`,
    )
  }
  return hops
}

function readStaleAfterDays(value: string | undefined): number {
  if (value == null || value.trim() === '') return DEFAULT_STALE_AFTER_DAYS
  const days = Number(value)
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new ConfigError(
      `STALE_AFTER_DAYS must be a whole number of days from 1 to 3650 (got "${value}").`,
    )
  }
  return days
}

/** LODESTAR_TIME_ZONE: an IANA name the runtime knows, UTC when unset. */
function readTimeZone(source: NodeJS.ProcessEnv): string {
  try {
    return associationTimeZone(source)
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err))
  }
}

/** https, or plain http on the local machine (a production build tried out locally, the e2e run). */
function isSecureOrigin(url: string): boolean {
  const { protocol, hostname } = new URL(url)
  return protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(hostname)
}

const OIDC_VARIABLES = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const

/** OIDC is on when all three variables are set, off when none is; a partial setup is an error. */
function readOidc(source: NodeJS.ProcessEnv): OidcConfig | null {
  const values = OIDC_VARIABLES.map((name) => source[name]?.trim() ?? '')
  const [issuer = '', clientId = '', clientSecret = ''] = values
  if (values.every((value) => !value)) return null
  const missing = OIDC_VARIABLES.filter((_, index) => !values[index])
  if (missing.length > 0) {
    throw new ConfigError(
      `OpenID Connect sign-in needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together; ${missing.join(', ')} missing.`,
    )
  }
  try {
    new URL(issuer)
  } catch {
    throw new ConfigError(`OIDC_ISSUER must be the issuer's absolute URL (got "${issuer}").`)
  }
  return {
    issuer: issuer.replace(/\/$/, ''),
    clientId,
    clientSecret,
    emailClaim: source.OIDC_EMAIL_CLAIM?.trim() || 'email',
    name: source.OIDC_NAME?.trim() || 'Single sign-on',
    trustUnverifiedEmail: readFlag('OIDC_TRUST_EMAIL', source.OIDC_TRUST_EMAIL),
  }
}

function readFlag(name: string, value: string | undefined): boolean {
  const text = value?.trim().toLowerCase() ?? ''
  if (text === '' || text === 'false') return false
  if (text === 'true') return true
  throw new ConfigError(`${name} must be true or false (got "${value}").`)
}

let cached: Env | undefined

/** The validated environment of this process. */
export function env(): Env {
  cached ??= readEnv()
  return cached
}
