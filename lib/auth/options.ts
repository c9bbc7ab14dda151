import 'server-only'

import type { AuthOptions, User } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'

import { isLapsed } from '@/lib/auth/roles'
import { getPayloadClient } from '@/lib/data/payload'
import { env } from '@/lib/env'
import { signInMember } from './credentials'
import { memberByEmail } from './members'
import { OIDC_PROVIDER_ID, emailFromClaims, oidcProvider } from './oidc'
import { sessionSettings } from './session'

/** A member session lasts as long as a Payload member token: 8 hours. */
export const SESSION_MAX_AGE = 8 * 60 * 60

const config = env()
const { secret, secureCookies } = sessionSettings()

type MemberUser = User & { memberId: number | string; memberNumber: string }

const credentials = CredentialsProvider({
  id: 'credentials',
  name: 'Member number and password',
  credentials: {
    memberNumber: { label: 'Member number', type: 'text', inputMode: 'numeric' },
    password: { label: 'Password', type: 'password' },
  },
  async authorize(body): Promise<MemberUser> {
    const payload = await getPayloadClient()
    const result = await signInMember(payload, body)
    // next-auth passes the thrown message on as `?error=<code>` (see lib/auth/messages.ts)
    if (!result.ok) throw new Error(result.code)
    const { member } = result
    return {
      id: String(member.id),
      name: member.name,
      memberId: member.id,
      memberNumber: member.username,
    }
  },
})

/** next-auth configuration: members sign in with their member number (and, optionally, OIDC). */
export const authOptions: AuthOptions = {
  secret,
  providers: config.oidc ? [credentials, oidcProvider(config.oidc)] : [credentials],
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE },
  jwt: { maxAge: SESSION_MAX_AGE },
  // secure cookies whenever the site is served over https (always in production, see lib/env.ts)
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
        return { ...token, memberId: signedIn.memberId, memberNumber: signedIn.memberNumber }
      }
      const member = await oidcMember(profile)
      if (!member) return token
      return {
        ...token,
        sub: String(member.id),
        name: member.name,
        memberId: member.id,
        memberNumber: member.username,
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

async function oidcMember(profile: unknown) {
  if (!config.oidc || !profile || typeof profile !== 'object') return null
  const email = emailFromClaims(profile as Record<string, unknown>, config.oidc.emailClaim)
  if (!email) return null
  return memberByEmail(await getPayloadClient(), email)
}
