import NextAuth from 'next-auth'
import type { NextRequest } from 'next/server'

import { authOptions } from '@/lib/auth/options'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ nextauth: string[] }> }

const handler = NextAuth(authOptions) as (req: NextRequest, context: Context) => Promise<Response>

/** Sign-in bodies are a few short fields; anything larger is refused before it is read. */
const MAX_BODY_BYTES = 16 * 1024

const problem = (status: number, error: string) =>
  Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store' } })

/**
 * next-auth answers a body it cannot parse with a 500; a person sending a bad body gets a 4xx
 * that says what is wrong instead.
 */
async function checkBody(req: NextRequest): Promise<Response | null> {
  const length = Number(req.headers.get('content-length') ?? '0')
  if (Number.isFinite(length) && length > MAX_BODY_BYTES)
    return problem(413, 'Request body too large.')
  const type = req.headers.get('content-type') ?? ''
  const text = await req.clone().text()
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) {
    return problem(413, 'Request body too large.')
  }
  if (type.includes('application/x-www-form-urlencoded')) return null
  if (type.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(text)
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        return problem(400, 'The request body must be a JSON object.')
      }
      return null
    } catch (err) {
      if (err instanceof SyntaxError) return problem(400, 'The request body is not valid JSON.')
      throw err
    }
  }
  if (!text) return null
  return problem(415, 'Send the form as application/x-www-form-urlencoded or application/json.')
}

export function GET(req: NextRequest, context: Context) {
  return handler(req, context)
}

export async function POST(req: NextRequest, context: Context) {
  const refused = await checkBody(req)
  if (refused) return refused
  return asTooManyRequests(await handler(req, context))
}

/**
 * A sign-in refused by the per-client limits or an account lock (lib/auth/options.ts answers
 * `error=throttled@<until>` or `locked@<until>`) goes out as 429 with Retry-After. next-auth's
 * client reads the JSON body's `url` whatever the status, so the form still shows when to retry.
 */
async function asTooManyRequests(response: Response): Promise<Response> {
  if (!response.headers.get('content-type')?.includes('json')) return response
  const text = await response.text()
  const until = /error=(?:throttled|locked)(?:%40|@)(\d{9,11})/.exec(text)?.[1]
  const headers = new Headers(response.headers)
  if (!until) return new Response(text, { status: response.status, headers })
  headers.set('Retry-After', String(Math.max(1, Number(until) - Math.ceil(Date.now() / 1000))))
  headers.set('Cache-Control', 'no-store')
  return new Response(text, { status: 429, headers })
}
