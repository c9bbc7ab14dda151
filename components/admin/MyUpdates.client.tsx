'use client'

import { useState, type FormEvent } from 'react'

import { statusTitle } from '@/lib/format/labels'
import { checkReport, trackerText, type ReportingRow } from '@/lib/plan/reporting'
import { INITIATIVE_STATUSES, type Id, type InitiativeStatus } from '@/lib/plan/types'
import { messageOf, readJson } from './answers'
import styles from './myUpdates.module.css'

interface Props {
  apiRoute: string
  adminRoute: string
  cycle: { id: Id; name: string }
  rows: ReportingRow[]
}

type RowState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string }

/** One compact form: status, progress and a note for one initiative, submitted on its own. */
function UpdateForm({
  row,
  cycle,
  apiRoute,
  adminRoute,
  onSubmitted,
}: {
  row: ReportingRow
  cycle: Props['cycle']
  apiRoute: string
  adminRoute: string
  onSubmitted: (id: Id, update: { id: Id; at: string }) => void
}) {
  const [status, setStatus] = useState<InitiativeStatus>(row.status)
  const [progress, setProgress] = useState(String(row.progress))
  const [note, setNote] = useState(row.note)
  const [state, setState] = useState<RowState>(
    row.submitted ? { kind: 'saved', at: row.submitted.at } : { kind: 'idle' },
  )
  const [updateId, setUpdateId] = useState<Id | null>(row.submitted?.id ?? null)
  const base = `mu-${row.id}`

  async function submit(event: FormEvent) {
    event.preventDefault()
    const problem = checkReport({ status, progress })
    if (problem) {
      setState({ kind: 'error', message: problem })
      return
    }
    setState({ kind: 'saving' })
    const body = {
      initiative: row.id,
      cycle: cycle.id,
      status,
      progress: Number(progress),
      note: note.trim(),
    }
    try {
      // A second submission in the same cycle changes that cycle's update (its versions keep
      // the earlier one); the first creates it.
      const response = await fetch(
        updateId == null
          ? `${apiRoute}/progress-updates`
          : `${apiRoute}/progress-updates/${encodeURIComponent(String(updateId))}`,
        {
          method: updateId == null ? 'POST' : 'PATCH',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        },
      )
      const answer = await readJson(response)
      if (!response.ok) {
        setState({
          kind: 'error',
          message: messageOf(answer, response.status, 'You may not report on this initiative.'),
        })
        return
      }
      const doc = (answer as { doc?: { id?: Id; submittedAt?: string } } | null)?.doc
      const at = doc?.submittedAt ?? new Date().toISOString()
      if (doc?.id != null) setUpdateId(doc.id)
      setState({ kind: 'saved', at })
      onSubmitted(row.id, { id: doc?.id ?? updateId ?? '', at })
    } catch {
      setState({ kind: 'error', message: 'Not saved: check your connection and try again.' })
    }
  }

  const saved = state.kind === 'saved'
  return (
    <li
      className={styles.row}
      data-initiative={row.id}
      data-submitted={saved ? 'true' : 'false'}
      aria-labelledby={`${base}-title`}
    >
      <form onSubmit={submit} className={styles.form} noValidate>
        <div className={styles.rowHead}>
          <h3 id={`${base}-title`} className={styles.rowTitle}>
            <a href={`${adminRoute}/collections/initiatives/${row.id}`}>{row.title}</a>
          </h3>
          <span className={styles.rowMeta}>
            {row.sectionName} · {row.source}
          </span>
        </div>
        <div className={styles.fields}>
          <label className={styles.field}>
            <span>Status</span>
            <select
              name="status"
              value={status}
              onChange={(e) => setStatus(e.target.value as InitiativeStatus)}
            >
              {INITIATIVE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusTitle(s)}
                </option>
              ))}
            </select>
          </label>
          <label className={`${styles.field} ${styles.progress}`}>
            <span>Progress %</span>
            <input
              name="progress"
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              value={progress}
              onChange={(e) => setProgress(e.target.value)}
            />
          </label>
          <label className={`${styles.field} ${styles.note}`}>
            <span>What happened, what is next</span>
            <textarea
              name="note"
              rows={2}
              value={note}
              placeholder={row.previousNote ? `Last time: ${row.previousNote}` : undefined}
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
          <div className={styles.actions}>
            <button type="submit" className={styles.submit} disabled={state.kind === 'saving'}>
              {saved ? 'Update' : 'Submit'}
              <span className={styles.visuallyHidden}>: {row.title}</span>
            </button>
            <span className={styles.state} role="status">
              {state.kind === 'saving'
                ? 'Saving…'
                : state.kind === 'saved'
                  ? '✓ Submitted'
                  : state.kind === 'error'
                    ? ''
                    : 'Not yet submitted'}
            </span>
          </div>
        </div>
        {state.kind === 'error' ? (
          <p className={styles.error} role="alert">
            {state.message}
          </p>
        ) : null}
      </form>
    </li>
  )
}

/** The forms of "My updates" with the tracker that counts the submitted ones. */
export function MyUpdates({ apiRoute, adminRoute, cycle, rows }: Props) {
  const [submitted, setSubmitted] = useState<Set<string>>(
    () => new Set(rows.filter((r) => r.submitted).map((r) => String(r.id))),
  )
  const done = (id: Id) =>
    setSubmitted((prev) => (prev.has(String(id)) ? prev : new Set(prev).add(String(id))))
  const total = rows.length
  return (
    <div className={styles.updates}>
      <div className={styles.tracker} data-tracker>
        <p role="status" aria-live="polite" className={styles.trackerText}>
          {trackerText(submitted.size, total)}
        </p>
        <progress
          className={styles.trackerBar}
          max={Math.max(total, 1)}
          value={submitted.size}
          aria-label={`${cycle.name}: ${trackerText(submitted.size, total)}`}
        />
      </div>
      {total === 0 ? (
        <p className={styles.empty}>No initiative of these sections needs an update.</p>
      ) : (
        <ol className={styles.rows}>
          {rows.map((row) => (
            <UpdateForm
              key={String(row.id)}
              row={row}
              cycle={cycle}
              apiRoute={apiRoute}
              adminRoute={adminRoute}
              onSubmitted={done}
            />
          ))}
        </ol>
      )}
    </div>
  )
}
