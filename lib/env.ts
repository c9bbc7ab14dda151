/**
 * Configuration, validated once. Every variable is documented in .env.example and the README.
 * In production a missing secret stops start-up with a clear message; in development a fixed
 * development secret is used and one warning line says so.
 */
const DEV_PAYLOAD_SECRET = 'lodestar-development-secret-do-not-use-in-production'
const DEV_NEXTAUTH_SECRET = 'lodestar-development-nextauth-secret-do-not-use-in-production'

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
  /** OpenID Connect sign-in for members, only when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all set */
  oidc: OidcConfig | null
}

export interface OidcConfig {
  issuer: string
  clientId: string
  clientSecret: string
  /** the ID-token / userinfo claim holding the email that matches a member's email (default `email`) */
  emailClaim: string
  /** the provider's name on the sign-in page */
  name: string
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
  if (!payloadSecret || !nextAuthSecret) {
    if (!flags.__lodestarDevSecretWarned && !building && !source.VITEST) {
      console.warn(
        '[lodestar] PAYLOAD_SECRET/NEXTAUTH_SECRET not set: using a fixed development secret.',
      )
    }
    flags.__lodestarDevSecretWarned = true
    payloadSecret ||= DEV_PAYLOAD_SECRET
    nextAuthSecret ||= DEV_NEXTAUTH_SECRET
  }

  const serverUrl = (
    source.NEXTAUTH_URL?.trim() ||
    source.SERVER_URL?.trim() ||
    'http://localhost:3000'
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
    oidc: readOidc(source),
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
  }
}

let cached: Env | undefined

/** The validated environment of this process. */
export function env(): Env {
  cached ??= readEnv()
  return cached
}
