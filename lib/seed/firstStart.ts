import type { Payload } from 'payload'

import { env } from '@/lib/env'
import { seed } from './index'

/**
 * In development, an empty embedded database is seeded on first start (with the demo accounts),
 * so `npm run dev` on a bare machine shows the ALCTS plan. Never in production or under tests.
 */
export async function seedOnFirstStart(payload: Payload) {
  const config = env()
  if (process.env.NODE_ENV !== 'development' || process.env.LODESTAR_AUTOSEED === 'false') return
  const existing = await payload.count({ collection: 'plans', overrideAccess: true })
  if (existing.totalDocs > 0) return
  payload.logger.info('Empty database: seeding the ALCTS plan and the demo accounts (first start).')
  await seed({ payload, demo: true, demoPassword: config.demoPassword })
}
