'use client'

import type { StatusPoint } from '@/lib/charts/series'
import type { InitiativeStatus } from '@/lib/plan/types'
import { StatusBars } from './StatusBars.client'

/** Published initiatives per goal area, stacked by status (workflow order, bottom to top). */
export function StatusChart({
  data,
  statuses,
  description,
}: {
  data: StatusPoint[]
  statuses: { status: InitiativeStatus; label: string }[]
  description: string
}) {
  return (
    <StatusBars
      data={data}
      xKey="label"
      statuses={statuses}
      description={description}
      height={300}
      tooltipLabel={(point) => `Goal Area ${point.goal}: ${point.title}`}
    />
  )
}
