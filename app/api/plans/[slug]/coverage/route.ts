import { planJsonRoute } from '@/lib/api/planRoute'
import { coverageWithHistoryForQuery } from '@/lib/data/cycles'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

/**
 * GET /api/plans/<slug>/coverage?section=<slug>&status=<status>…&visibility=<v>&cycle=<id>
 * The coverage numbers for the signed-in member or staff user (docs/architecture.md, "Routes"), now or
 * as of a reporting cycle (then with `asOf`), always with the number of `stale` initiatives.
 */
export const GET = planJsonRoute({
  signIn: 'Sign in as a member to see coverage.',
  failed: 'Coverage could not be computed just now. Try again in a moment.',
  logAs: 'Coverage for plan',
  answer: async (slug, request, viewer) => {
    const result = await coverageWithHistoryForQuery(
      slug,
      request.nextUrl.searchParams,
      viewer.user,
    )
    return result.status === 200 ? { body: result.coverage } : result
  },
})
