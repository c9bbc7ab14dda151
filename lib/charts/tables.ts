/**
 * The dashboard's downloadable tables by name: the page renders each as a <table> and the CSV
 * route serves the very same rows (`/dashboard/<slug>/csv/<name>.csv`).
 */
import type { PlanCoverage } from '@/lib/plan/coverage'
import {
  coverageTable,
  sectionMatrixTable,
  statusTable,
  yearsTable,
  type Table,
} from '@/lib/plan/csv'

/** One row per uncovered objective, in plan order. */
export const gapsTable = (cov: PlanCoverage): Table => ({
  headers: ['Objective', 'Goal area', 'Text'],
  rows: cov.goals.flatMap((g) =>
    g.objectiveCoverage.filter((o) => !o.covered).map((o) => [o.code, g.number, o.text]),
  ),
})

export const DASHBOARD_TABLES = {
  coverage: { title: 'Coverage by goal area', build: coverageTable },
  status: { title: 'Initiatives by status per goal area', build: statusTable },
  years: { title: 'Active initiatives per year', build: yearsTable },
  sections: { title: 'Active initiatives by section and goal area', build: sectionMatrixTable },
  gaps: { title: 'Objectives without an active initiative', build: gapsTable },
} as const satisfies Record<string, { title: string; build: (cov: PlanCoverage) => Table }>

export type DashboardTableName = keyof typeof DASHBOARD_TABLES

export const isDashboardTable = (name: string): name is DashboardTableName =>
  Object.hasOwn(DASHBOARD_TABLES, name)

/** The file name a download is offered under, e.g. `alcts-…-coverage-acquisitions.csv`. */
export const csvFileName = (slug: string, table: string, section?: string): string =>
  `${slug}-${table}${section ? `-${section}` : ''}.csv`
