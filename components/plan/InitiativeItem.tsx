import Link from 'next/link'
import type { CSSProperties } from 'react'

import type { PublicInitiative, PublicSection } from '@/lib/data/public'
import { formatDate, isoDay } from '@/lib/format/dates'
import { statusTitle } from '@/lib/format/labels'
import { STATUS_COLOURS } from '@/lib/format/statusColours'

/**
 * Status as a labelled badge: the words carry the meaning, the colour only repeats it, the same
 * colour as on the dashboard and in the board report (plan.css draws its border and dot).
 */
export function StatusBadge({ status }: { status: PublicInitiative['status'] }) {
  const colour = { '--status-colour': STATUS_COLOURS[status] } as CSSProperties
  return (
    <span className={`status status--${status}`} style={colour}>
      {statusTitle(status)}
    </span>
  )
}

/** Progress as a bar with its percentage in words (the bar is decoration). */
export function ProgressMeter({ value }: { value: number | null }) {
  const percent = Math.max(0, Math.min(100, Math.round(value ?? 0)))
  return (
    <span className="progress">
      <span className="progress__bar" aria-hidden="true">
        <span className="progress__fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="progress__label">{percent}% complete</span>
    </span>
  )
}

/** One public initiative: title, section, status, dates and progress. */
export function InitiativeItem({
  initiative,
  section,
  headingLevel = 4,
  showSection = true,
}: {
  initiative: PublicInitiative
  section: PublicSection | undefined
  headingLevel?: 3 | 4 | 5
  showSection?: boolean
}) {
  const Heading = `h${headingLevel}` as const
  const due = initiative.status === 'completed' ? initiative.completedDate : initiative.targetDate
  return (
    <article className="initiative">
      <Heading className="initiative__title">{initiative.title}</Heading>
      <dl className="initiative__facts">
        {showSection && section ? (
          <div>
            <dt>Section</dt>
            <dd>
              <Link href={`/sections/${section.slug}`}>{section.name}</Link>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={initiative.status} />
          </dd>
        </div>
        <div>
          <dt>{initiative.status === 'completed' ? 'Completed' : 'Target date'}</dt>
          <dd>{due ? <time dateTime={isoDay(due)}>{formatDate(due)}</time> : 'Not set'}</dd>
        </div>
        <div>
          <dt>Progress</dt>
          <dd>
            <ProgressMeter value={initiative.progress} />
          </dd>
        </div>
        {initiative.lead ? (
          <div>
            <dt>Lead</dt>
            <dd>{initiative.lead}</dd>
          </div>
        ) : null}
      </dl>
      {initiative.summary ? <p className="initiative__summary">{initiative.summary}</p> : null}
    </article>
  )
}
