/** Next.js calls register() once when a server process starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NODE_ENV === 'production') {
    const { installGracefulShutdown } = await import('@/lib/server/shutdown')
    installGracefulShutdown()
    // said at start, not at the first request that loads Payload (lib/email/adapter.ts says it then
    // only if this did not)
    if (!process.env.SMTP_URL?.trim() && process.env.NEXT_PHASE !== 'phase-production-build') {
      const { EMAIL_UNAVAILABLE_WARNING } = await import('@/lib/email/warning')
      const warned = globalThis as typeof globalThis & { __lodestarNoSmtpWarned?: boolean }
      if (!warned.__lodestarNoSmtpWarned) {
        warned.__lodestarNoSmtpWarned = true
        console.warn(`WARNING: ${EMAIL_UNAVAILABLE_WARNING}`)
      }
    }
  }
}
