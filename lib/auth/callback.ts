/** Where to go after signing in when nothing (or nothing safe) was asked for. */
export const DEFAULT_CALLBACK = '/dashboard'

/**
 * A callback URL is only ever a path on this site: absolute URLs, protocol-relative `//host`,
 * backslash tricks and control characters fall back to the dashboard (no open redirect).
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2048) return DEFAULT_CALLBACK
  if (!value.startsWith('/') || /^\/[/\\]/.test(value) || /[\\\u0000-\u001f]/.test(value)) {
    return DEFAULT_CALLBACK
  }
  if (value.startsWith('/login') || value.startsWith('/api/auth')) return DEFAULT_CALLBACK
  return value
}

/** The sign-in page, coming back to `callbackUrl` afterwards. */
export function loginPath(callbackUrl: string): string {
  return `/login?callbackUrl=${encodeURIComponent(safeCallbackUrl(callbackUrl))}`
}
