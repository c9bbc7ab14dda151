import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible'

import { tryAgainAt } from '@/lib/format/dates'
import { sharedRedis } from '@/lib/redis/connection.mjs'

/**
 * Per-client rate limits on sign-in, password reset and first-register (rate-limiter-flexible).
 * Callers see only `RateLimit`; which store keeps the counts is decided in `limiterStore` alone:
 * Redis when REDIS_URL is set (every instance counts against the same limit), this process's memory
 * otherwise, and while Redis is unreachable.
 */

export interface LimitPolicy {
  /** key prefix, unique per policy */
  name: string
  /** attempts allowed per window */
  points: number
  windowSeconds: number
  /** once over the limit, refused for this long (default: until the window ends) */
  blockSeconds?: number
}

export type LimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number }

export interface RateLimit {
  readonly policy: LimitPolicy
  /** counts one attempt; refused (with the wait) once the key is over its limit */
  consume(key: string): Promise<LimitDecision>
  /** whether the key is refused right now, without counting an attempt */
  peek(key: string): Promise<LimitDecision>
  /** gives one attempt back (a sign-in that succeeded does not count against the client) */
  refund(key: string): Promise<void>
  /** forgets the key (a successful sign-in clears its run of failures) */
  reset(key: string): Promise<void>
}

/** Where Redis keeps the counts: one key per policy and client, expiring with its window. */
export const REDIS_KEY_PREFIX = 'lodestar:limit:'

/**
 * The one place a store is chosen. With REDIS_URL the counts live in Redis, shared by every
 * instance; a command that cannot reach Redis (it fails at once: no offline queue) falls back to
 * this process's memory (the library's insurance limiter), so an outage relaxes the limits to one
 * per instance and never opens sign-in to unlimited guessing nor shuts it.
 */
export function limiterStore(policy: LimitPolicy): RateLimiterAbstract {
  const options = {
    points: policy.points,
    duration: policy.windowSeconds,
    blockDuration: policy.blockSeconds ?? 0,
  }
  const memory = new RateLimiterMemory({ keyPrefix: policy.name, ...options })
  const redis = sharedRedis()
  if (!redis) return memory
  return new RateLimiterRedis({
    storeClient: redis.client,
    // node-redis (not ioredis); a client that is not ready goes to the insurance at once
    useRedisPackage: true,
    rejectIfRedisNotReady: true,
    keyPrefix: `${REDIS_KEY_PREFIX}${policy.name}`,
    insuranceLimiter: memory,
    ...options,
  })
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000))

function rateLimit(policy: LimitPolicy): RateLimit {
  const store = limiterStore(policy)
  return {
    policy,
    async consume(key) {
      try {
        await store.consume(key)
        return { ok: true }
      } catch (err) {
        if (err instanceof RateLimiterRes) {
          return { ok: false, retryAfterSeconds: seconds(err.msBeforeNext) }
        }
        throw err
      }
    },
    async peek(key) {
      const res = await store.get(key)
      if (!res || res.consumedPoints < policy.points) return { ok: true }
      return { ok: false, retryAfterSeconds: seconds(res.msBeforeNext) }
    },
    async refund(key) {
      await store.reward(key, 1)
    },
    async reset(key) {
      await store.delete(key)
    },
  }
}

/** The limits, shared by every copy of this module in the process (Next bundles it more than once). */
export interface AuthLimits {
  /** failed sign-ins from one client, over every account (each costs a password hash) */
  signInByClient: RateLimit
  /** failed sign-ins for one account from one client: the guessing of one password */
  signInByAccountAndClient: RateLimit
  /** forgot-password and reset-password requests from one client */
  resetByClient: RateLimit
  /** attempts at creating the first staff account from one client */
  firstRegisterByClient: RateLimit
  /** forgot-password requests for one login (what was typed), from anywhere: one per interval */
  resetByLogin: RateLimit
}

export const AUTH_LIMIT_POLICIES = {
  signInByClient: {
    name: 'signin-client',
    points: 30,
    windowSeconds: 15 * 60,
    blockSeconds: 15 * 60,
  },
  signInByAccountAndClient: {
    name: 'signin-account-client',
    points: 5,
    windowSeconds: 15 * 60,
    blockSeconds: 15 * 60,
  },
  resetByClient: {
    name: 'reset-client',
    points: 10,
    windowSeconds: 15 * 60,
    blockSeconds: 15 * 60,
  },
  firstRegisterByClient: { name: 'first-register-client', points: 5, windowSeconds: 60 * 60 },
  // at most one reset email per account every 15 seconds (Payload's own default interval)
  resetByLogin: { name: 'reset-login', points: 1, windowSeconds: 15 },
} as const satisfies Record<keyof AuthLimits, LimitPolicy>

const shared = globalThis as typeof globalThis & { __lodestarAuthLimits?: AuthLimits }

export function authLimits(): AuthLimits {
  shared.__lodestarAuthLimits ??= {
    signInByClient: rateLimit(AUTH_LIMIT_POLICIES.signInByClient),
    signInByAccountAndClient: rateLimit(AUTH_LIMIT_POLICIES.signInByAccountAndClient),
    resetByClient: rateLimit(AUTH_LIMIT_POLICIES.resetByClient),
    firstRegisterByClient: rateLimit(AUTH_LIMIT_POLICIES.firstRegisterByClient),
    resetByLogin: rateLimit(AUTH_LIMIT_POLICIES.resetByLogin),
  }
  return shared.__lodestarAuthLimits
}

/** A message that says exactly when to try again ("at 14:32 UTC, in 7 minutes"). */
export function whenAgain(retryAfterSeconds: number, now = new Date()): string {
  return tryAgainAt(now.getTime() + retryAfterSeconds * 1000, now.getTime())
}
