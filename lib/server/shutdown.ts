import dc from 'node:diagnostics_channel'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'

/**
 * Graceful shutdown on SIGTERM, on top of what Next.js does itself (it stops listening, waits for
 * its connections to close, then exits with 143). Next leaves keep-alive connections open, so a
 * load balancer or proxy that keeps reusing them would keep sending requests and the process would
 * never exit. From SIGTERM on, this answers every response with `Connection: close` and closes each
 * connection as soon as it is idle: requests in flight finish, no new ones are taken. Whatever is
 * still running after SHUTDOWN_GRACE_MS is cut off (a container runtime would kill it anyway).
 *
 * Node's `http.server.request.start` diagnostics channel gives the server and each response
 * without access to the server Next creates.
 */
export const SHUTDOWN_GRACE_MS = 25_000

interface ShutdownState {
  installed: boolean
  draining: boolean
  servers: Set<Server>
  inFlight: Set<ServerResponse>
}

interface RequestStart {
  request: IncomingMessage
  response: ServerResponse
  server: Server
}

// route bundles and the instrumentation bundle each get their own copy of this module: one state
const KEY = Symbol.for('lodestar.shutdown')
function state(): ShutdownState {
  const store = globalThis as Record<symbol, ShutdownState | undefined>
  store[KEY] ??= { installed: false, draining: false, servers: new Set(), inFlight: new Set() }
  return store[KEY]
}

/** True once this instance has been told to stop (health answers 503 from then on). */
export function isDraining(): boolean {
  return state().draining
}

/** Installs the SIGTERM behaviour once per process (instrumentation.ts calls it at start-up). */
export function installGracefulShutdown(): void {
  const s = state()
  if (s.installed) return
  s.installed = true
  dc.subscribe('http.server.request.start', (message) => {
    const { response, server } = message as RequestStart
    s.servers.add(server)
    if (s.draining) response.setHeader('Connection', 'close')
    s.inFlight.add(response)
    response.once('close', () => s.inFlight.delete(response))
  })
  process.once('SIGTERM', () => {
    s.draining = true
    for (const response of s.inFlight) {
      if (!response.headersSent) response.setHeader('Connection', 'close')
    }
    const closeIdle = () => {
      for (const server of s.servers) server.closeIdleConnections()
    }
    closeIdle()
    setInterval(closeIdle, 100).unref()
    setTimeout(() => {
      console.warn(
        `[lodestar] ${s.inFlight.size} request(s) still running ${SHUTDOWN_GRACE_MS / 1000} s after SIGTERM: exiting.`,
      )
      process.exit(143)
    }, SHUTDOWN_GRACE_MS).unref()
  })
}
