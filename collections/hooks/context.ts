import type { PayloadRequest, RequestContext } from 'payload'

import type { Id } from '@/lib/plan/types'

/**
 * The flags Lodestar's hooks read from Payload's request context, in one typed list
 * (docs/architecture.md, "Hooks and the request context"). Payload hands a hook `req.context`, and
 * a Local API call made with `req` merges its own `context` into `req.context` and leaves it there,
 * so a flag passed that way would stay on for every later write of the same request. A hook that
 * writes on another's behalf sets its flag with `withContext` instead: on for the nested writes,
 * off again after them.
 */
declare module 'payload' {
  interface RequestContext {
    /** seeds, imports, benchmarks and tests: expire no cache tags (an import expires once, at the end) */
    disableRevalidate?: boolean
    /** a goal area's objectives are following it (the goal area checks and moves the initiatives) */
    movingGoal?: Id
    /** the initiative's status and progress are being written from its latest progress update */
    fromProgressUpdate?: boolean
    /** an initiative is refreshing its progress updates' copies of it (no person's edit) */
    syncInitiativeCopies?: boolean
    /** an initiative is being deleted and takes its progress updates with it */
    deletingInitiative?: boolean
    /** the address a sign-in or reset came from, set by lib/auth (no HTTP request can set it) */
    clientAddress?: string
  }
}

/** Runs `write` with these flags on `req.context`, then puts back what was there before. */
export async function withContext<T>(
  req: PayloadRequest,
  flags: RequestContext,
  write: () => Promise<T>,
): Promise<T> {
  const before = req.context ?? {}
  const saved = Object.keys(flags).map((key) => [key, key in before, before[key]] as const)
  req.context = { ...before, ...flags }
  try {
    return await write()
  } finally {
    // the nested writes may have replaced req.context (Payload merges into a new object)
    const after: RequestContext = { ...req.context }
    for (const [key, had, value] of saved) {
      if (had) after[key] = value
      else delete after[key]
    }
    req.context = after
  }
}
