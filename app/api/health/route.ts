import { sharedCacheState } from '@/lib/cache/shared'
import { checkDatabase } from '@/lib/data/health'
import { sharedRedis } from '@/lib/redis/connection.mjs'
import { isDraining } from '@/lib/server/shutdown'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

/**
 * GET /api/health — readiness for a load balancer. 200 while the database answers, with Redis
 * `up` (shared cache and limits), `degraded` (configured but unreachable: this instance serves
 * with its own cache and limits, so it stays in the pool) or `off` (no REDIS_URL); 503 with the
 * reason when the database does not answer, or while the instance shuts down.
 */
export async function GET(): Promise<Response> {
  const [database, redis] = await Promise.all([checkDatabase(), redisStatus()])
  const headers = { 'Cache-Control': 'no-store' }
  if (isDraining()) {
    return Response.json(
      {
        status: 'unavailable',
        reason: 'shutting down',
        database: database.up ? 'up' : 'down',
        redis,
      },
      { status: 503, headers },
    )
  }
  if (!database.up) {
    return Response.json(
      { status: 'unavailable', reason: database.reason, database: 'down', redis },
      { status: 503, headers },
    )
  }
  return Response.json({ status: 'ok', database: 'up', redis }, { headers })
}

async function redisStatus(): Promise<'up' | 'degraded' | 'off'> {
  const redis = sharedRedis()
  if (!redis) return 'off'
  // up only when Redis answers and the page cache reads it (not still catching up after an outage)
  return (await redis.ping()) && sharedCacheState() !== 'local' ? 'up' : 'degraded'
}
