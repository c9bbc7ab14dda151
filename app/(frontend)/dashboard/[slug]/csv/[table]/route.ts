import type { NextRequest } from 'next/server'

import { getViewer } from '@/lib/auth/viewer'
import { drillDownTable, goalDrillDown } from '@/lib/charts/drilldown'
import { parseCoverageFilters } from '@/lib/charts/filters'
import { DASHBOARD_TABLES, csvFileName, isDashboardTable } from '@/lib/charts/tables'
import { coverageForQuery, loadCoverageData } from '@/lib/data/coverage'
import { getPayloadClient } from '@/lib/data/payload'
import { toCsv, type Table } from '@/lib/plan/csv'

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
 * data table as CSV (tables: coverage, status, years, sections, gaps, goal-<number>).
 */
export async function GET(request: NextRequest, { params }: Context) {
  const viewer = await getViewer()
  if (!viewer) return problem(401, 'Sign in as a member to download coverage data.')
  const { slug, table: file } = await params
  const name = /^([a-z0-9-]+)\.csv$/.exec(file)?.[1]
  const goal = name ? /^goal-(\d{1,3})$/.exec(name)?.[1] : undefined
  if (!name || (!isDashboardTable(name) && goal === undefined)) {
    const known = [...Object.keys(DASHBOARD_TABLES), 'goal-<number>'].map((t) => `${t}.csv`)
    return problem(404, `No table "${file}". Tables: ${known.join(', ')}.`)
  }
  try {
    const query = request.nextUrl.searchParams
    const result = await coverageForQuery(slug, query, viewer.user)
    if (result.status !== 200) return problem(result.status, result.error)
    let table: Table
    if (goal !== undefined) {
      const data = await loadCoverageData(slug, viewer.user)
      const filters = parseCoverageFilters(query).filters
      const drill =
        data && goalDrillDown(data.input, Number(goal), { audience: data.audience, filters })
      if (!drill) return problem(404, `Plan "${slug}" has no Goal Area ${goal}.`)
      table = drillDownTable(drill)
    } else {
      table = DASHBOARD_TABLES[name as keyof typeof DASHBOARD_TABLES].build(result.coverage)
    }
    const fileName = csvFileName(slug, name, result.coverage.view.filters.section)
    // The BOM makes Excel read the file as UTF-8 (en dashes, accented names).
    return new Response(`\uFEFF${toCsv(table.headers, table.rows)}`, {
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
