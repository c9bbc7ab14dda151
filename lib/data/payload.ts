import 'server-only'

import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

/**
 * The Payload instance of this server (created once, reused by every request). `cron` starts the
 * job queue's timers where payload.config.ts asks for them (`npm run dev`; never in production).
 */
export function getPayloadClient(): Promise<Payload> {
  return getPayload({ config, cron: true })
}
