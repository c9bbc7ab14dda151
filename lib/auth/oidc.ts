import type { OAuthConfig } from 'next-auth/providers/oauth'

import type { OidcConfig } from '@/lib/env'

export const OIDC_PROVIDER_ID = 'oidc'

export interface OidcProfile extends Record<string, unknown> {
  sub: string
  name?: string
}

/**
 * The email a profile carries in the configured claim (lower-cased), or null — also unless the
 * provider says it verified the address (`email_verified: true`; some providers send "true"). An
 * operator whose provider only holds the association's own addresses may trust them anyway
 * (OIDC_TRUST_EMAIL=true, `trustUnverified`).
 */
export function emailFromClaims(
  profile: Record<string, unknown>,
  claim: string,
  trustUnverified = false,
): string | null {
  const verified = profile.email_verified === true || profile.email_verified === 'true'
  if (!verified && !trustUnverified) return null
  const value = profile[claim]
  const email = Array.isArray(value) ? value[0] : value
  if (typeof email !== 'string') return null
  const trimmed = email.trim().toLowerCase()
  return /^[^\s@]+@[^\s@]+$/.test(trimmed) ? trimmed : null
}

/** A generic OpenID Connect provider (discovery through the issuer's well-known document). */
export function oidcProvider(config: OidcConfig): OAuthConfig<OidcProfile> {
  return {
    id: OIDC_PROVIDER_ID,
    name: config.name,
    type: 'oauth',
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    profile(profile) {
      return {
        id: profile.sub,
        name: typeof profile.name === 'string' ? profile.name : null,
        email: emailFromClaims(profile, config.emailClaim, config.trustUnverifiedEmail),
      }
    },
  }
}
