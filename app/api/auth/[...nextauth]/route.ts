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
  return refused ?? handler(req, context)
}
