/**
 * `node --import ./bench/coverage/server-only.mjs`: lets plain Node load lib/data, whose modules
 * start with `import 'server-only'` (that package throws outside React Server Components; the
 * tests alias it the same way in vitest.config.mts).
 */
import { register } from 'node:module'

register('./server-only-hooks.mjs', import.meta.url)
