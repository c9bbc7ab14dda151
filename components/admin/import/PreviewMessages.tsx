import type { ImportPreview } from '@/lib/import/preview'
import { countLabel } from '@/lib/format/plural'
import styles from '@/components/admin/importPlan.module.css'

/** Whether the plan can be imported, and the warnings and notes to check first. */
export function PreviewMessages({
  preview,
  stale,
  onLine,
}: {
  preview: ImportPreview
  stale: boolean
  onLine: (line: number) => void
}) {
  const { counts } = preview
  return (
    <div className={stale ? styles.stale : undefined}>
      {preview.ok ? (
        <p className={styles.okBox}>
          Ready to import: {countLabel(counts.goals, 'goal area')},{' '}
          {countLabel(counts.objectives, 'objective')}
          {counts.initiatives
            ? `, ${countLabel(counts.initiatives, 'initiative')} in ${countLabel(counts.sections, 'section')}`
            : ''}
          {preview.warnings.length
            ? `; ${countLabel(preview.warnings.length, 'warning')} to check`
            : ''}
          .
        </p>
      ) : (
        <div className={styles.errorBox} role="alert">
          <p className={styles.boxHeading}>Cannot be imported yet</p>
          <ul className={styles.messages}>
            {preview.problems.map((problem, i) => (
              <li key={i}>
                {problem.line ? (
                  <button
                    type="button"
                    className={styles.lineButton}
                    onClick={() => onLine(problem.line ?? 1)}
                  >
                    {problem.page
                      ? `Page ${problem.page}, line ${problem.line}`
                      : `Line ${problem.line}`}
                  </button>
                ) : null}{' '}
                {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      {preview.warnings.length > 0 ? (
        <div className={styles.warningBox}>
          <p className={styles.boxHeading}>
            {countLabel(preview.warnings.length, 'warning')}: text that was not placed or looks
            wrong
          </p>
          <ul className={styles.messages}>
            {preview.warnings.map((warning, i) => (
              <li key={i}>
                <button
                  type="button"
                  className={styles.lineButton}
                  onClick={() => onLine(warning.line)}
                >
                  {warning.page
                    ? `Page ${warning.page}, line ${warning.line}`
                    : `Line ${warning.line}`}
                </button>{' '}
                {warning.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {preview.notes.length > 0 ? (
        <ul className={styles.notes}>
          {preview.notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
