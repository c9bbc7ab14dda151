/** Next.js calls register() once when a server process starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NODE_ENV === 'production') {
    const { installGracefulShutdown } = await import('@/lib/server/shutdown')
    installGracefulShutdown()
  }
}
