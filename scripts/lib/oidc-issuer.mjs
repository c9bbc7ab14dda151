/**
 * A real OpenID Connect issuer on loopback for the browser tests (oidc-provider, a certified
 * implementation, with its development sign-in pages): any login is accepted and becomes the
 * account's id and its email claim, so a test signs in "as" any email address. Tests only.
 */
import Provider from 'oidc-provider'

export const OIDC_TEST_CLIENT = { id: 'lodestar-e2e', secret: 'lodestar-e2e-oidc-secret' }
export const OIDC_TEST_NAME = 'Test identity provider'

/**
 * Starts the issuer on `port` for a site at `siteUrl`; resolves to the environment the site
 * needs (OIDC_*) and a `stop()`.
 */
export async function startOidcIssuer({ port, siteUrl }) {
  const issuer = `http://localhost:${port}`
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_TEST_CLIENT.id,
        client_secret: OIDC_TEST_CLIENT.secret,
        redirect_uris: [`${siteUrl}/api/auth/callback/oidc`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // the login typed on the issuer's page is the account: its email, and a name made from it;
    // a login starting "unverified." carries email_verified: false, one starting "silent." no
    // email_verified claim at all
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: id.replace(/^(unverified|silent)\./, ''),
            ...(id.startsWith('silent.') ? {} : { email_verified: !id.startsWith('unverified.') }),
            name: `SSO ${id.split('@')[0]}`,
          }
        },
      }
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // next-auth reads the person from the ID token: put the scopes' claims in it
    conformIdTokenClaims: false,
    cookies: { keys: ['lodestar-e2e-oidc-cookie-key'] },
    pkce: { required: () => true },
  })
  // its development-only warnings would fill the test log
  provider.on('server_error', (_ctx, err) => console.error('OIDC issuer error:', err))
  const server = await new Promise((resolve, reject) => {
    const s = provider.listen(port, '127.0.0.1', () => resolve(s))
    s.on('error', reject)
  })
  return {
    issuer,
    env: {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: OIDC_TEST_CLIENT.id,
      OIDC_CLIENT_SECRET: OIDC_TEST_CLIENT.secret,
      OIDC_NAME: OIDC_TEST_NAME,
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
