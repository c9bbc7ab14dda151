'use client'

import type { ReactElement } from 'react'
import { ResponsiveContainer } from 'recharts'

/**
 * The frame every dashboard chart draws in: an image named by its one-sentence description (the
 * data table below each chart carries the numbers), full width at a fixed height, with a first
 * size to draw at before the browser has measured it.
 */
export function ChartFrame({
  description,
  height,
  children,
}: {
  description: string
  height: number
  children: ReactElement
}) {
  return (
    <div className="chart" role="img" aria-label={description}>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 560, height }}>
        {children}
      </ResponsiveContainer>
    </div>
  )
}
