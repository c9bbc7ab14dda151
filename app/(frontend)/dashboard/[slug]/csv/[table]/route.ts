import type { NextRequest } from 'next/server'

import { getViewer } from '@/lib/auth/viewer'
import { drillDownTable } from '@/lib/charts/drilldown'
import { HISTORY_TABLES, isHistoryTable } from '@/lib/charts/history'
import { DASHBOARD_TABLES, csvFileName, isDashboardTable } from '@/lib/charts/tables'
import { coverageOfQuery } from '@/lib/data/coverage'
import { drillDownInView, getDashboardHistory, resolveHistoryQuery } from '@/lib/data/cycles'
import { getPayloadClient } from '@/lib/data/payload'
import { coverageAsOf } from '@/lib/plan/cycles'
import { CSV_BOM, toCsv, type Table } from '@/lib/plan/csv'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string; table: string }> }

const problem = (status: number, message: string) =>
  new Response(`${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
  })

/**
 * GET /dashboard/<slug>/csv/<table>.csv with the dashboard's filters: the rows of that widget's
 * data table as CSV (tables: coverage, status, years, sections, gaps, goal-<number>, and the cycle
 * tables trend, status-mix, completion, stale), as of `?cycle=<id>` when it is given.
 */
export async function GET(request: NextRequest, { params }: Context) {
  const viewer = await getViewer()
  if (!viewer) return problem(401, 'Sign in as a member to download coverage data.')
  const { slug, table: file } = await params
  const name = /^([a-z0-9-]+)\.csv$/.exec(file)?.[1]
  const goal = name ? /^goal-(\d{1,3})$/.exec(name)?.[1] : undefined
  if (!name || (!isDashboardTable(name) && !isHistoryTable(name) && goal === undefined)) {
    const known = [
      ...Object.keys(DASHBOARD_TABLES),
      ...Object.keys(HISTORY_TABLES),
      'goal-<number>',
    ].map((t) => `${t}.csv`)
    return problem(404, `No table "${file}". Tables: ${known.join(', ')}.`)
  }
  try {
    // one data fetch (with the plan's history) for the filters, the cycle, the table and the name
    const query = request.nextUrl.searchParams
    const resolved = await resolveHistoryQuery(slug, query, viewer.user)
    if (!resolved.ok) return problem(resolved.status, resolved.error)
    let table: Table
    if (goal !== undefined) {
      const { data, filters, cycle } = resolved
      // as of the cycle when one is asked for, stale work marked as of the same moment
      const { drill } = drillDownInView(data, filters, cycle, Number(goal))
      if (!drill) return problem(404, `Plan "${slug}" has no Goal Area ${goal}.`)
      table = drillDownTable(drill)
    } else if (isHistoryTable(name)) {
      const { filters, cycle } = resolved
      const history = await getDashboardHistory(
        slug,
        viewer.user,
        filters,
        cycle ? String(cycle.id) : null,
      )
      if (!history) return problem(404, `No plan "${slug}".`)
      table = HISTORY_TABLES[name].build(history)
    } else {
      const { data, filters, cycle } = resolved
      const coverage = cycle
        ? coverageAsOf(data.history, cycle, new Date(), { audience: data.audience, filters })
        : coverageOfQuery(resolved)
      table = DASHBOARD_TABLES[name as keyof typeof DASHBOARD_TABLES].build(coverage)
    }
    const fileName = csvFileName(slug, name, resolved.filters.section)
    return new Response(`${CSV_BOM}${toCsv(table.headers, table.rows)}`, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Cache-Control': 'private, no-store',
      },
    })
  } catch (err) {
    const payload = await getPayloadClient()
    payload.logger.error({ err, msg: `CSV ${file} for plan "${slug}" failed` })
    return problem(500, 'The table could not be built just now. Try again in a moment.')
  }
}
