import crypto from 'node:crypto'

import {
  APIError,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
  type SanitizedConfig,
} from 'payload'

import { clientAddressOf, isFirstRegister } from '@/collections/hooks/authGuards'
import { env } from '@/lib/env'
import { authLimits, whenAgain } from '@/lib/security/rateLimit'

const sameToken = (given: string, expected: string) => {
  const a = crypto.createHash('sha256').update(given).digest()
  const b = crypto.createHash('sha256').update(expected).digest()
  return crypto.timingSafeEqual(a, b)
}

/**
 * Creating the first staff account (the admin's "create first user" page, `POST
 * /api/users/first-register`) is rate-limited per client (limitFirstRegister) and, in production or whenever
 * ADMIN_SETUP_TOKEN is set, needs that one-time token (body `setupToken` or header
 * `X-Setup-Token`): on a fresh deployment nobody else can race the operator to it. Production
 * without ADMIN_SETUP_TOKEN refuses it: `npm run create-admin` makes the first admin instead.
 */
export const guardFirstRegister: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'create' || !isFirstRegister(req, 'users')) return args
  const config = env()
  const expected = config.adminSetupToken
  if (!expected && !config.isProduction) return args
  if (!expected) {
    throw new APIError(
      'The first admin is created with `npm run create-admin` on the server, or with the ADMIN_SETUP_TOKEN set in its environment.',
      403,
      null,
      true,
    )
  }
  const data = (args as { data?: Record<string, unknown> }).data
  const given =
    (typeof data?.setupToken === 'string' && data.setupToken) ||
    req.headers.get('x-setup-token') ||
    ''
  if (!given || !sameToken(given, expected)) {
    throw new APIError('The setup token is missing or wrong.', 403, null, true)
  }
  return args
}

/**
 * Every auth collection's `POST /first-register`, limited per client before Payload looks at
 * anything (its "already registered" refusal comes before any hook). Wraps the endpoints of the
 * built config, where Payload's own are.
 */
export function limitFirstRegister(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    if (!collection.auth || !Array.isArray(collection.endpoints)) continue
    // Payload's own endpoint objects are shared by every auth collection: replace, never mutate
    collection.endpoints = collection.endpoints.map((endpoint) => {
      if (endpoint.path !== '/first-register' || endpoint.method !== 'post') return endpoint
      const handler = endpoint.handler
      return {
        ...endpoint,
        handler: async (req: PayloadRequest) => {
          const decision = await authLimits().firstRegisterByClient.consume(clientAddressOf(req))
          if (decision.ok) return handler(req)
          const message = `Too many attempts at creating the first account. Try again ${whenAgain(decision.retryAfterSeconds)}.`
          return Response.json(
            { errors: [{ message }] },
            { status: 429, headers: { 'Retry-After': String(decision.retryAfterSeconds) } },
          )
        },
      }
    })
  }
  return config
}
