import { getToken } from 'next-auth/jwt'
import { NextResponse, type NextRequest } from 'next/server'

import { checkApiQuery } from './lib/api/query'
import { loginPath } from './lib/auth/callback'
import { MAX_IMPORT_BYTES, tooLargeMessage } from './lib/import/input'
import { sessionSettings } from './lib/auth/session'
import { emailUnavailable } from './lib/email/status'

/** Largest request body the API accepts (JSON documents; there are no file uploads). */
export const MAX_API_BODY_BYTES = 1024 * 1024

/** Plan import takes the plan file itself as its body: up to 2 MB (lib/import/input.ts). */
const IMPORT_PATHS = new Set(['/api/plans/import', '/api/plans/import-preview'])

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** A browser opening a page (as opposed to fetch() or a script asking for data). */
function isNavigation(request: NextRequest): boolean {
  const mode = request.headers.get('sec-fetch-mode')
  if (mode) return mode === 'navigate'
  return (request.headers.get('accept') ?? '').includes('text/html')
}

/**
 * A cheap, optimistic check (no database): a next-auth session that decodes, or a Payload staff
 * cookie. The pages and route handlers check for real (getViewer) — this only spares signed-out
 * visitors a round trip.
 */
async function mightBeSignedIn(request: NextRequest): Promise<boolean> {
  if (request.cookies.has('payload-token')) return true
  const { secret, secureCookies } = sessionSettings()
  const token = await getToken({ req: request, secret, secureCookie: secureCookies })
  return token?.memberId != null
}

async function limitBody(request: NextRequest): Promise<NextResponse> {
  if (BODYLESS.has(request.method)) return NextResponse.next()
  const importing = IMPORT_PATHS.has(request.nextUrl.pathname)
  const limit = importing ? MAX_IMPORT_BYTES : MAX_API_BODY_BYTES
  const declared = request.headers.get('content-length')
  // chunked bodies: the proxy holds the body (capped above the import limit, next.config.mjs)
  // anyway; one that goes past the limit is refused
  const size = declared ? Number(declared) : (await request.clone().arrayBuffer()).byteLength
  const tooLarge = declared || importing ? !(size <= limit) : size >= limit
  if (tooLarge) {
    const message = importing
      ? tooLargeMessage(size)
      : `Request body too large (the limit is ${MAX_API_BODY_BYTES} bytes).`
    return NextResponse.json({ errors: [{ message }] }, { status: 413 })
  }
  return NextResponse.next()
}

/** A malformed query string answers 400 here, before Payload turns it into a 500 (lib/api/query.ts). */
function checkQuery(request: NextRequest): NextResponse | null {
  // next-auth's own routes read their own parameters
  if (request.nextUrl.pathname.startsWith('/api/auth/')) return null
  const problem = checkApiQuery(request.nextUrl.search)
  if (!problem) return null
  return NextResponse.json({ errors: [{ message: problem.message }] }, { status: problem.status })
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl
  if (pathname.startsWith('/api/')) return checkQuery(request) ?? limitBody(request)
  // Payload's own reset form shows "success" whatever the endpoint answers: with no email to send,
  // staff get the site's reset page, which says so (docs/architecture.md, "Email and jobs")
  if (pathname === '/admin/forgot') {
    if (!emailUnavailable()) return NextResponse.next()
    return NextResponse.redirect(new URL('/login/forgot', request.url))
  }

  if (await mightBeSignedIn(request)) return NextResponse.next()
  // Reports answer 401 to programs (docs/architecture.md, "Routes"); a person opening one in the browser signs in first.
  if (pathname.startsWith('/reports/') && !isNavigation(request)) return NextResponse.next()
  return NextResponse.redirect(new URL(loginPath(`${pathname}${search}`), request.url))
}

export const config = {
  matcher: ['/dashboard', '/dashboard/:path*', '/reports/:path*', '/api/:path*', '/admin/forgot'],
}
