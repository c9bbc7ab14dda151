import 'server-only'

import type { AuthOptions, User } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'

import { isLapsed } from '@/lib/auth/roles'
import { getPayloadClient } from '@/lib/data/payload'
import { env } from '@/lib/env'
import { clientAddress } from '@/lib/security/clientAddress'
import { timedCode } from './messages'
import { signInMember } from './credentials'
import { memberByEmail, sessionVersionOf } from './members'
import { OIDC_PROVIDER_ID, emailFromClaims, oidcProvider } from './oidc'
import { sessionSettings } from './session'

/** A member session lasts as long as a Payload member token: 8 hours. */
export const SESSION_MAX_AGE = 8 * 60 * 60

const config = env()
const { secret, secureCookies } = sessionSettings()

type MemberUser = User & { memberId: number | string; memberNumber: string; sessionVersion: number }

const credentials = CredentialsProvider({
  id: 'credentials',
  name: 'Member number and password',
  credentials: {
    memberNumber: { label: 'Member number', type: 'text', inputMode: 'numeric' },
    password: { label: 'Password', type: 'password' },
  },
  async authorize(body, req): Promise<MemberUser> {
    const payload = await getPayloadClient()
    const result = await signInMember(payload, body, clientOf(req?.headers))
    // next-auth passes the thrown message on as `?error=<code>` (see lib/auth/messages.ts)
    if (!result.ok) {
      if (result.code === 'throttled' || result.code === 'locked') {
        throw new Error(timedCode(result.code, result.retryAfterSeconds ?? 60))
      }
      throw new Error(result.code)
    }
    const { member } = result
    return {
      id: String(member.id),
      name: member.name,
      memberId: member.id,
      memberNumber: member.username,
      sessionVersion: (await sessionVersionOf(payload, member.id)) ?? 0,
    }
  },
})

/** next-auth configuration: members sign in with their member number (and, optionally, OIDC). */
export const authOptions: AuthOptions = {
  secret,
  providers: config.oidc ? [credentials, oidcProvider(config.oidc)] : [credentials],
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE },
  jwt: { maxAge: SESSION_MAX_AGE },
  // secure cookies whenever the site is served over https (always in production, see lib/env.ts);
  // next-auth's default cookie names, which carriesCredentials (lib/auth/cookies.ts) looks for
  useSecureCookies: secureCookies,
  pages: { signIn: '/login', error: '/login', signOut: '/login' },
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true
      const member = await oidcMember(profile)
      if (!member) return '/login?error=no-member'
      if (isLapsed(member)) return '/login?error=lapsed'
      return true
    },
    async jwt({ token, user, account, profile }) {
      if (!account) return token
      if (account.provider === 'credentials') {
        const signedIn = user as MemberUser
        return {
          ...token,
          memberId: signedIn.memberId,
          memberNumber: signedIn.memberNumber,
          sessionVersion: signedIn.sessionVersion,
        }
      }
      const member = await oidcMember(profile)
      if (!member) return token
      return {
        ...token,
        sub: String(member.id),
        name: member.name,
        memberId: member.id,
        memberNumber: member.username,
        sessionVersion: (await sessionVersionOf(await getPayloadClient(), member.id)) ?? 0,
      }
    },
    session({ session, token }) {
      return {
        ...session,
        user: { name: token.name ?? null, memberNumber: token.memberNumber },
      }
    },
  },
}

/** The person's address from next-auth's request headers (a plain object there). */
function clientOf(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.['x-forwarded-for']
  const value = Array.isArray(forwarded) ? forwarded.join(',') : forwarded
  return clientAddress(
    new Headers(typeof value === 'string' ? { 'x-forwarded-for': value } : {}),
    config.trustedProxyHops,
  )
}

async function oidcMember(profile: unknown) {
  if (!config.oidc || !profile || typeof profile !== 'object') return null
  const email = emailFromClaims(
    profile as Record<string, unknown>,
    config.oidc.emailClaim,
    config.oidc.trustUnverifiedEmail,
  )
  if (!email) return null
  return memberByEmail(await getPayloadClient(), email)
}
