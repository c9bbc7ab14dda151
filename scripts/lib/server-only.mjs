/**
 * `tsx --import ./scripts/lib/server-only.mjs`: lets a script or a benchmark load modules that
 * start with `import 'server-only'` (lib/data and the report renderer: the job runner, bench/report,
 * bench/coverage). That package throws outside React Server Components unless the `react-server`
 * condition is set, which would swap React for its server build; here it resolves to its no-op
 * module, as the tests' alias in vitest.config.mts does.
 */
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
