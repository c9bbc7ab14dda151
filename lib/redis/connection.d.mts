import type { RedisClientType } from '@redis/client'

/** This process's Redis connection (lib/redis/connection.mjs). */
export interface SharedRedis {
  /** the node-redis client; commands fail at once while it is disconnected */
  client: RedisClientType
  /** connected and ready for commands */
  isReady(): boolean
  /** called with true when the connection becomes ready, false when it is lost; returns an unsubscribe */
  onChange(listener: (ready: boolean) => void): () => void
  /** true when Redis answers PING within timeoutMs (default 1 s) */
  ping(timeoutMs?: number): Promise<boolean>
}

/** This process's Redis connection, created on first use; null without REDIS_URL. */
export function sharedRedis(): SharedRedis | null
