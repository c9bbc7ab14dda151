import 'server-only'

import { getToken } from 'next-auth/jwt'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { NextRequest } from 'next/server'
import { cache } from 'react'

import { canReadReports, isBoard } from '@/lib/auth/roles'
import type { Member, User } from '@/payload-types'
import { getPayloadClient } from '@/lib/data/payload'
import { loginPath } from './callback'
import { memberInGoodStanding } from './members'
import { authOptions } from './options'

/** The person looking at a site page: a member (next-auth session) or staff (Payload admin cookie). */
export interface Viewer {
  kind: 'member' | 'staff'
  /** the Payload document, usable as the Local API `user` (always with `overrideAccess: false`) */
  user: Member | User
  name: string
  isBoard: boolean
  canReadReports: boolean
}

function toViewer(user: Member | User): Viewer {
  return {
    kind: user.collection === 'members' ? 'member' : 'staff',
    user,
    name: user.name,
    isBoard: isBoard(user),
    canReadReports: canReadReports(user),
  }
}

/** The member session in the request's next-auth (JWT) cookie, if any: who, and what it is bound to. */
export async function sessionMember(
  requestHeaders: Headers,
): Promise<{ memberId: number | string; memberNumber?: string; sessionVersion?: number } | null> {
  const token = await getToken({
    req: new NextRequest('http://localhost/', { headers: requestHeaders }),
    secret: authOptions.secret,
    secureCookie: authOptions.useSecureCookies,
  })
  if (token?.memberId == null) return null
  return {
    memberId: token.memberId,
    memberNumber: token.memberNumber,
    sessionVersion: token.sessionVersion,
  }
}

/**
 * Who is signed in, once per request (server components, route handlers, server actions).
 * A member session counts while the member is in good standing (re-read on every request, so a
 * lapse or deactivation applies at once); otherwise a staff user signed in to the Payload admin
 * (its cookie, or an `Authorization: JWT …` header). Null when neither.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const requestHeaders = await headers()
  const payload = await getPayloadClient()
  const session = await sessionMember(requestHeaders)
  if (session) {
    // bound to the member number and session version it was signed in with
    const member = await memberInGoodStanding(payload, session.memberId, {
      memberNumber: session.memberNumber,
      sessionVersion: session.sessionVersion,
    })
    if (member) return toViewer(member)
  }
  const { user } = await payload.auth({ headers: requestHeaders })
  // a member's own Payload token (REST login) does not sign them in to the site: only next-auth does
  if (user?.collection === 'users') return toViewer(user)
  return null
})

/** The viewer, or a redirect to /login that comes back to `callbackUrl` after signing in. */
export async function requireViewer(callbackUrl: string): Promise<Viewer> {
  const viewer = await getViewer()
  if (!viewer) redirect(loginPath(callbackUrl))
  return viewer
}
