import { planJsonRoute } from '@/lib/api/planRoute'
import { cyclesForPlan } from '@/lib/data/cycles'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

/**
 * GET /api/plans/<slug>/cycles — the plan's reporting cycles, oldest first, each with its
 * coverage as of the cycle and its completion (docs/architecture.md, "Routes"): members, board,
 * staff.
 */
export const GET = planJsonRoute({
  signIn: 'Sign in as a member to see the reporting cycles.',
  failed: 'The cycles could not be listed just now. Try again in a moment.',
  logAs: 'Cycles of plan',
  answer: async (slug, _request, viewer) => {
    const result = await cyclesForPlan(slug, viewer.user)
    return result.status === 200 ? { body: result.cycles } : result
  },
})
