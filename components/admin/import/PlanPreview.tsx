import { formatDate } from '@/lib/format/dates'
import { formatPeriod } from '@/lib/format/period'
import { countLabel } from '@/lib/format/plural'
import { FORMAT_LABELS } from '@/lib/import/input'
import type { ImportPreview } from '@/lib/import/preview'
import { labelledCode } from '@/lib/plan/numbering'
import styles from '@/components/admin/importPlan.module.css'

/** "June 30, 2006" for a date the plan gave; as written when it cannot be read. */
const day = (iso: string | undefined): string | undefined =>
  iso ? formatDate(iso) || iso : undefined

/** The plan as Lodestar read it: its details, statements, goal areas and objectives. */
export function PlanPreview({ preview, stale }: { preview: ImportPreview; stale: boolean }) {
  const { plan } = preview
  const adopted = [day(plan.adoptedOn), plan.adoptedBy ? `by ${plan.adoptedBy}` : undefined]
    .filter(Boolean)
    .join(' ')
  if (!plan.title && !plan.goals.length) return null
  return (
    <div className={stale ? styles.stale : undefined}>
      {plan.title || plan.goals.length ? (
        <article className={styles.plan} aria-label="The plan as read">
          <h3 className={styles.planTitle}>{plan.title || <em>No title</em>}</h3>
          <dl className={styles.meta}>
            <dt>Organization</dt>
            <dd>{plan.organization || <em>not found</em>}</dd>
            <dt>Period</dt>
            <dd>
              {plan.startYear !== undefined ? (
                formatPeriod(plan.startYear, plan.endYear)
              ) : (
                <em>not found</em>
              )}
            </dd>
            {adopted ? (
              <>
                <dt>Adopted</dt>
                <dd>{adopted}</dd>
              </>
            ) : null}
            {plan.lastRevised ? (
              <>
                <dt>Last revised</dt>
                <dd>{day(plan.lastRevised)}</dd>
              </>
            ) : null}
            <dt>Format</dt>
            <dd>{FORMAT_LABELS[preview.format]}</dd>
          </dl>
          {(['preamble', 'vision', 'mission'] as const).map((part) =>
            plan[part].length ? (
              <details key={part} className={styles.statement}>
                <summary>
                  {part[0]?.toUpperCase()}
                  {part.slice(1)}{' '}
                  <span className={styles.muted}>
                    ({countLabel(plan[part].length, 'paragraph')})
                  </span>
                </summary>
                {plan[part].map((paragraph, i) => (
                  <p key={i}>{paragraph}</p>
                ))}
              </details>
            ) : null,
          )}
          {plan.values.length ? (
            <details className={styles.statement}>
              <summary>
                Values <span className={styles.muted}>({plan.values.length})</span>
              </summary>
              <ul>
                {plan.values.map((value, i) => (
                  <li key={i}>{value}</li>
                ))}
              </ul>
            </details>
          ) : null}
          <ol className={styles.goals}>
            {plan.goals.map((goal, i) => (
              <li key={`${goal.number}-${i}`} className={styles.goal}>
                <h4 className={styles.goalTitle}>
                  Goal area {goal.number}. {goal.title || <em>no title</em>}
                </h4>
                {goal.description.map((paragraph, j) => (
                  <p key={j} className={styles.goalDescription}>
                    {paragraph}
                  </p>
                ))}
                {goal.objectives.length ? (
                  <ol className={styles.objectives}>
                    {goal.objectives.map((objective, j) => (
                      <li key={`${objective.number}-${j}`}>
                        <span className={styles.code}>
                          {labelledCode(`${goal.number}.${objective.number}`, plan.objectiveLabel)}
                        </span>{' '}
                        {objective.text}
                      </li>
                    ))}
                  </ol>
                ) : (
                  <p className={styles.muted}>No objectives.</p>
                )}
              </li>
            ))}
          </ol>
        </article>
      ) : null}
    </div>
  )
}
