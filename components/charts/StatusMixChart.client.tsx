'use client'

import type { StatusMixPoint } from '@/lib/charts/trend'
import type { InitiativeStatus } from '@/lib/plan/types'
import { StatusBars } from './StatusBars.client'

/** Published initiatives per reporting cycle, stacked by status (workflow order, bottom to top). */
export function StatusMixChart({
  data,
  statuses,
  description,
}: {
  data: StatusMixPoint[]
  statuses: { status: InitiativeStatus; label: string }[]
  description: string
}) {
  return (
    <StatusBars
      data={data}
      xKey="cycle"
      statuses={statuses}
      description={description}
      height={280}
      everyTick
    />
  )
}
