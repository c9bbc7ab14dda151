// Lets bench scripts import lib/pdf and lib/data outside Next: `server-only` throws unless the
// `react-server` condition is set, which would swap React for its server build. Map it to its
// no-op module instead, as vitest.config.mts does for the tests.
import { register } from 'node:module'

const empty = new URL('../../node_modules/server-only/empty.js', import.meta.url).href

register(
  'data:text/javascript,' +
    encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: ${JSON.stringify(empty)}, shortCircuit: true }
  return next(specifier, context)
}`),
)
