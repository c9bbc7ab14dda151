import { env } from '@/lib/env'

/**
 * What the next-auth options and the proxy share without loading Payload: the session secret
 * and whether cookies are Secure (and so carry the `__Secure-` prefix).
 */
export function sessionSettings(): { secret: string; secureCookies: boolean } {
  const config = env()
  return { secret: config.nextAuthSecret, secureCookies: config.serverUrl.startsWith('https://') }
}
