/** Module resolution hook: `server-only` → its empty server build. */
const empty = new URL('../../node_modules/server-only/empty.js', import.meta.url).href

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'server-only') return { url: empty, shortCircuit: true }
  return nextResolve(specifier, context)
}
