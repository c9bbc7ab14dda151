import {
  APIError,
  AuthenticationError,
  incrementLoginAttempts,
  LockedAuth,
  ValidationError,
  type CollectionAfterErrorHook,
  type CollectionAfterLoginHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'

import { dummyPasswordCheck, passwordMatches, passwordProblem } from '@/lib/auth/passwords'
import { env } from '@/lib/env'
import { clientAddress } from '@/lib/security/clientAddress'
import { authLimits, whenAgain, type LimitDecision } from '@/lib/security/rateLimit'

type LoginField = 'username' | 'email'

/**
 * The client behind a request: from X-Forwarded-For for REST and GraphQL; our own server code
 * calling the Local API for a person (the site's sign-in and reset forms) passes it in
 * `context.clientAddress`, which no HTTP request can set.
 */
export function clientAddressOf(req: Pick<PayloadRequest, 'context' | 'headers'>): string {
  const given = req.context?.clientAddress
  if (typeof given === 'string' && given) return given
  return clientAddress(req.headers, env().trustedProxyHops)
}

/** A 429 with Retry-After (Payload's error response carries req.responseHeaders). */
export function tooManyRequests(
  req: PayloadRequest,
  decision: Extract<LimitDecision, { ok: false }>,
  what: string,
  reason = 'throttled',
): never {
  const headers = new Headers(req.responseHeaders ?? undefined)
  headers.set('Retry-After', String(decision.retryAfterSeconds))
  req.responseHeaders = headers
  throw new APIError(
    `${what} Try again ${whenAgain(decision.retryAfterSeconds)}.`,
    429,
    { reason, retryAfter: decision.retryAfterSeconds },
    true,
  )
}

const normalise = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '')

/**
 * Before every password sign-in (REST, GraphQL, the site's form through the Local API):
 * - per-client limits: failed sign-ins from one client over all accounts, and for one account;
 * - an unknown account answers exactly as a wrong password does, after the same password hash;
 * - a locked account (too many failures from many clients) tells the person who knows the
 *   password when it opens again, and anyone else the same "incorrect" as for a wrong password.
 */
export function guardSignIn(loginField: LoginField): CollectionBeforeOperationHook {
  return async ({ args, operation, req, collection }) => {
    if (operation !== 'login') return args
    const data = (args as { data?: Record<string, unknown> }).data ?? {}
    const login = normalise(data[loginField])
    const password = data.password
    // Payload answers a missing login or password with its own 400
    if (!login || typeof password !== 'string' || password.trim() === '') return args
    const limits = authLimits()
    const client = clientAddressOf(req)
    const byClient = await limits.signInByClient.consume(client)
    if (!byClient.ok) {
      tooManyRequests(req, byClient, 'Too many failed sign-ins from your network.')
    }
    const byAccount = await limits.signInByAccountAndClient.consume(`${login}|${client}`)
    if (!byAccount.ok) {
      tooManyRequests(
        req,
        byAccount,
        'Too many failed sign-ins for this account from your network.',
      )
    }
    const find = async () =>
      (await req.payload.db.findOne({
        collection: collection.slug,
        where: { [loginField]: { equals: login } },
        req,
      })) as StoredAccount | null
    const key = `${collection.slug}:${login}`
    const countingAtRead = pendingFailures.has(key)
    let account = await find()
    if (!account) {
      await dummyPasswordCheck(password)
      throw new AuthenticationError(req.t)
    }
    const matches = await passwordMatches(account, password)
    if (matches && (countingAtRead || pendingFailures.has(key))) {
      // the right password just after failures: their count (and so a lock) is read once written.
      // (One that starts and ends during this hash is missed here; Payload reads the account
      // again after this hook and refuses a locked one, answered as a wrong password.)
      await failedSignInsWritten(key)
      account = (await find()) ?? account
    }
    const lockUntil = typeof account.lockUntil === 'string' ? Date.parse(account.lockUntil) : NaN
    if (lockUntil > Date.now()) {
      if (matches) {
        tooManyRequests(
          req,
          { ok: false, retryAfterSeconds: Math.ceil((lockUntil - Date.now()) / 1000) },
          'This account is locked after too many failed sign-ins from several places.',
          'locked',
        )
      }
      throw new AuthenticationError(req.t)
    }
    if (!matches) {
      // Counted as Payload counts it (and locked at maxLoginAttempts), but the answer does not wait
      // for the write: an unknown account costs one read and one hash, and so does a wrong password.
      // Payload's own failure path waits for that write, which an unknown account never makes: on
      // a loaded server and a slow database the two answers were ~100 ms apart.
      countFailure(req, collection, account, key)
      throw new AuthenticationError(req.t)
    }
    return args
  }
}

type StoredAccount = {
  id: number | string
  hash?: unknown
  salt?: unknown
  lockUntil?: unknown
  loginAttempts?: unknown
}

type IncrementArgs = Parameters<typeof incrementLoginAttempts>[0]

/**
 * Failed sign-ins being counted in this process, by collection and login: the last of a chain that
 * counts one account's failures one at a time, in order.
 */
const pendingFailures = new Map<string, Promise<void>>()

/**
 * Counts a failed sign-in after the answer. One account's counts are written one at a time, each
 * from the account as stored: FerretDB's `$inc` is not atomic (two at once on the SQLite backend
 * count once), and the account read for the answer may be stale (an expired lock it still shows
 * would restart the count at 1 for every failure in a burst).
 */
function countFailure(
  req: PayloadRequest,
  collection: IncrementArgs['collection'],
  account: StoredAccount,
  key: string,
) {
  if (!(collection.auth.maxLoginAttempts > 0)) return
  const { payload } = req
  const write: Promise<void> = (pendingFailures.get(key) ?? Promise.resolve())
    .then(async () => {
      // without req: the answer's transaction (if any) has ended; Payload writes the count so too
      const stored = (await payload.db.findOne({
        collection: collection.slug,
        where: { id: { equals: account.id } },
      })) as StoredAccount | null
      if (!stored) return
      await incrementLoginAttempts({
        collection,
        payload,
        user: stored as IncrementArgs['user'],
      })
    })
    .catch((error: unknown) =>
      payload.logger.error({ err: error, msg: 'Could not count a failed sign-in' }),
    )
    .finally(() => {
      if (pendingFailures.get(key) === write) pendingFailures.delete(key)
    })
  pendingFailures.set(key, write)
}

/**
 * Resolves once the failed sign-ins counted so far in this process are written: one account's
 * (`collection:login`), or all (tests, before they read an account's count).
 */
export async function failedSignInsWritten(key?: string): Promise<void> {
  const pending = () =>
    key === undefined
      ? [...pendingFailures.values()]
      : [pendingFailures.get(key)].filter((write) => write !== undefined)
  for (let writes = pending(); writes.length > 0; writes = pending()) {
    await Promise.allSettled(writes)
  }
}

/** A successful sign-in does not count against its client, and clears the account's run of failures. */
export function recordSignIn(loginField: LoginField): CollectionAfterLoginHook {
  return async ({ req, user }) => {
    const limits = authLimits()
    const client = clientAddressOf(req)
    const login = normalise((user as Record<string, unknown>)[loginField])
    await limits.signInByClient.refund(client)
    await limits.signInByAccountAndClient.reset(`${login}|${client}`)
    return user
  }
}

/** Forgot-password and reset-password requests, per client (each reset also costs a hash). */
export const limitResetRequests: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'forgotPassword' && operation !== 'resetPassword') return args
  const decision = await authLimits().resetByClient.consume(clientAddressOf(req))
  if (!decision.ok) {
    tooManyRequests(
      req,
      decision,
      'Too many password reset requests from your network.',
      'client-limit',
    )
  }
  return args
}

/** The one password rule (lib/auth/passwords.ts) for every new password: create, update, reset. */
export const enforcePasswordRule: CollectionBeforeOperationHook = ({
  args,
  operation,
  collection,
}) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return args
  const data = (args as { data?: Record<string, unknown> }).data
  if (!data || !('password' in data) || data.password === undefined) return args
  // an update that leaves the password field empty keeps the password (the admin's edit form)
  if (operation === 'update' && data.password === '') return args
  const problem = passwordProblem(data.password)
  if (problem) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ message: problem, path: 'password' }],
    })
  }
  return args
}

/** Whether this request is an auth collection's `first-register` endpoint. */
export function isFirstRegister(req: Pick<PayloadRequest, 'url'>, slug: string): boolean {
  if (!req.url) return false
  try {
    return new URL(req.url).pathname.endsWith(`/${slug}/first-register`)
  } catch {
    return false
  }
}

/**
 * Payload answers the failure that locks an account with "This user is locked…", which tells that
 * the account exists: it is answered like any wrong password instead.
 */
export const hideLockedAccounts: CollectionAfterErrorHook = ({ error, req }) => {
  if (!(error instanceof LockedAuth)) return
  return {
    response: { errors: [{ message: new AuthenticationError(req.t).message }] },
    status: 401,
  }
}
