'use client'

import { useCallback, useReducer, useRef, type ChangeEvent, type DragEvent } from 'react'

import {
  decodeImportBytes,
  documentFormatOf,
  FORMAT_LABELS,
  MAX_DOCUMENT_BYTES,
  IMPORT_FORMATS,
  MAX_IMPORT_BYTES,
  tooLargeMessage,
} from '@/lib/import/input'
import type { ImportCreated } from '@/lib/import/preview'
import { countLabel } from '@/lib/format/plural'
import { slugify } from '@/lib/format/slug'
import { messageOf, readJson } from './answers'
import { PlanPreview } from './import/PlanPreview'
import { PreviewMessages } from './import/PreviewMessages'
import { importReducer, initialImportState, type FormatChoice } from './import/state'
import { lineAt, lineRange, scrollToOffset } from './import/textarea'
import { outgoing, useImportPreview } from './import/useImportPreview'
import styles from './importPlan.module.css'

interface Props {
  adminRoute: string
  apiRoute: string
}

const ACCEPT =
  '.txt,.text,.md,.xml,.json,.docx,.pdf,text/plain,text/markdown,application/xml,text/xml,application/json,' +
  'application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** Each document chosen gets its own number (two files may share a name and a size). */
let documentsChosen = 0

/** The options as the import endpoints read them from the query string. */
function importQuery(options: {
  format: FormatChoice
  filename?: string
  organization: string
  slug: string
}): string {
  const params = new URLSearchParams()
  if (options.format !== 'auto') params.set('format', options.format)
  if (options.filename) params.set('filename', options.filename)
  if (options.organization.trim()) params.set('organization', options.organization.trim())
  if (options.slug) params.set('slug', options.slug)
  return params.toString()
}

/** Paste or upload → live preview beside the text → create the plan as a draft. */
export function ImportPlan({ adminRoute, apiRoute }: Props) {
  const [state, dispatch] = useReducer(importReducer, initialImportState)
  const { text, filename, chosen, dragging, format, organization, slug, slugEdited } = state
  const { fileError, creating, createError, created, cursorLine } = state
  const textarea = useRef<HTMLTextAreaElement>(null)

  const chosenSlug = slugEdited ? slugify(slug) : ''
  const query = importQuery({ format, filename, organization, slug: chosenSlug })
  const onRead = useCallback(
    (read: { slug: string }) => dispatch({ type: 'slugRead', slug: read.slug }),
    [],
  )
  const {
    preview,
    upToDate,
    previewing,
    error: requestError,
    refresh,
    reset,
  } = useImportPreview({ apiRoute, chosen, text, query, paused: Boolean(created), onRead })

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (file) await takeFile(file)
  }

  function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault()
    dispatch({ type: 'dragging', dragging: false })
    const file = event.dataTransfer.files[0]
    if (file) void takeFile(file)
  }

  /** A chosen or dropped file: a Word document or PDF is kept as bytes, anything else read as text. */
  async function takeFile(file: File) {
    dispatch({ type: 'fileError', message: null })
    const refuse = (message: string) =>
      dispatch({ type: 'fileError', message: `${file.name}: ${message}` })
    if (file.size > MAX_DOCUMENT_BYTES) {
      refuse(tooLargeMessage(file.size, MAX_DOCUMENT_BYTES))
      return
    }
    const bytes = new Uint8Array(await file.arrayBuffer())
    const kind = documentFormatOf(bytes)
    if (kind) {
      documentsChosen += 1
      dispatch({
        type: 'documentChosen',
        document: { serial: documentsChosen, name: file.name, format: kind, bytes },
      })
      return
    }
    if (file.size > MAX_IMPORT_BYTES) {
      refuse(tooLargeMessage(file.size))
      return
    }
    const decoded = decodeImportBytes(bytes)
    if (!decoded.ok) {
      refuse(decoded.message)
      return
    }
    dispatch({ type: 'textFileRead', filename: file.name, text: decoded.text })
  }

  function jumpToLine(line: number) {
    const element = textarea.current
    if (!element) return
    const { start, end } = lineRange(element.value, line)
    element.focus()
    element.setSelectionRange(start, end)
    scrollToOffset(element, start)
    dispatch({ type: 'cursor', line })
  }

  function trackCursor() {
    const element = textarea.current
    if (!element) return
    dispatch({ type: 'cursor', line: lineAt(element.value, element.selectionStart) })
  }

  async function create() {
    dispatch({ type: 'creating' })
    try {
      const sent = outgoing(chosen, text)
      const createQuery = importQuery({ format, filename, organization, slug: slugify(slug) })
      const response = await fetch(`${apiRoute}/plans/import?${createQuery}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': sent.type },
        body: sent.body,
      })
      const body = await readJson(response)
      if (response.status === 201 && body && typeof body === 'object' && 'doc' in body) {
        dispatch({ type: 'created', created: body as ImportCreated })
      } else {
        dispatch({ type: 'createFailed', message: messageOf(body, response.status) })
        if (response.status === 409) refresh()
      }
    } catch (err) {
      if (!(err instanceof TypeError)) throw err
      dispatch({
        type: 'createFailed',
        message: 'The plan could not be sent: check your connection and try again.',
      })
    } finally {
      dispatch({ type: 'createFinished' })
    }
  }

  function startOver() {
    dispatch({ type: 'startOver' })
    reset()
  }

  // a document's text is what the server read from it (read-only: change the document instead)
  const shown = chosen ? (preview?.text ?? '') : text
  const lineCount = shown ? shown.split('\n').length : 0
  const slugProblem =
    preview && upToDate && preview.slugTaken
      ? `Another plan already uses the address /plans/${preview.slug}. Choose another one.`
      : slug && !slugify(slug)
        ? 'Use letters and digits for the address.'
        : null
  const canCreate = Boolean(
    upToDate && preview?.ok && !preview.slugTaken && slugify(slug) && !creating,
  )

  if (created) {
    const href = `${adminRoute}/collections/plans/${created.doc.id}`
    return (
      <section className={styles.created} aria-live="polite">
        <h2>Draft plan created</h2>
        <p>
          <strong>{created.doc.title}</strong> is saved as a draft with{' '}
          {countLabel(created.goals, 'goal area')} and {countLabel(created.objectives, 'objective')}
          {created.initiatives > 0 ? `, ${countLabel(created.initiatives, 'initiative')}` : ''}. It
          is not on the site until it is published.
        </p>
        <p className={styles.createdActions}>
          <a className={styles.primaryLink} href={href}>
            Open “{created.doc.title}”
          </a>
          <button type="button" className={styles.secondaryButton} onClick={startOver}>
            Import another plan
          </button>
        </p>
      </section>
    )
  }

  return (
    <div className={styles.columns}>
      <section
        className={`${styles.source}${dragging ? ` ${styles.dragging}` : ''}`}
        aria-labelledby="import-source-heading"
        data-testid="import-drop"
        onDragOver={(event) => {
          event.preventDefault()
          dispatch({ type: 'dragging', dragging: true })
        }}
        onDragLeave={() => dispatch({ type: 'dragging', dragging: false })}
        onDrop={onDrop}
      >
        <h2 id="import-source-heading" className={styles.columnHeading}>
          The plan
        </h2>
        <div className={styles.options}>
          <label className={styles.field}>
            <span className={styles.label}>
              Upload or drop a file (Word, PDF, text, StratML or Lodestar JSON)
            </span>
            <input type="file" accept={ACCEPT} onChange={(event) => void onFile(event)} />
          </label>
          <label className={styles.field}>
            <span className={styles.label}>Format</span>
            <select
              value={format}
              onChange={(event) =>
                dispatch({ type: 'format', format: event.target.value as FormatChoice })
              }
            >
              <option value="auto">Detect automatically</option>
              {IMPORT_FORMATS.map((value) => (
                <option key={value} value={value}>
                  {FORMAT_LABELS[value][0]?.toUpperCase()}
                  {FORMAT_LABELS[value].slice(1)}
                </option>
              ))}
            </select>
          </label>
          <label className={`${styles.field} ${styles.wide}`}>
            <span className={styles.label}>
              Organization’s full name (only if the text does not spell it out)
            </span>
            <input
              type="text"
              value={organization}
              onChange={(event) =>
                dispatch({ type: 'organization', organization: event.target.value })
              }
              placeholder="e.g. Association for Library Collections and Technical Services"
            />
          </label>
        </div>
        {fileError ? (
          <p className={styles.errorText} role="alert">
            {fileError}
          </p>
        ) : null}
        <label className={styles.field}>
          <span className={styles.label}>
            {chosen
              ? `Text read from ${chosen.name} (${FORMAT_LABELS[chosen.format]})`
              : `Plan text${filename ? ` (from ${filename})` : ''}`}
          </span>
          <textarea
            ref={textarea}
            className={styles.textarea}
            value={shown}
            readOnly={Boolean(chosen)}
            onChange={(event) => {
              dispatch({ type: 'typed', text: event.target.value })
              trackCursor()
            }}
            onKeyUp={trackCursor}
            onClick={trackCursor}
            spellCheck={false}
            placeholder={
              'Paste the plan here, for example:\n\nStrategic Plan 2020-2025\n\nMission\nTo …\n\nGoal 1. Advocacy\nObjective 1. …'
            }
          />
        </label>
        <p className={styles.textStatus}>
          {shown ? `Line ${cursorLine} of ${lineCount}` : 'No text yet.'}
          {chosen ? (
            <button type="button" className={styles.secondaryButton} onClick={startOver}>
              Remove {chosen.name}
            </button>
          ) : null}
          <button
            type="button"
            className={styles.secondaryButton}
            onClick={refresh}
            disabled={(!chosen && !text.trim()) || previewing}
          >
            {previewing ? 'Reading…' : 'Preview again'}
          </button>
        </p>
      </section>

      <section
        className={styles.result}
        aria-labelledby="import-result-heading"
        aria-busy={previewing}
      >
        <h2 id="import-result-heading" className={styles.columnHeading}>
          What Lodestar read
        </h2>
        <div aria-live="polite">
          {requestError ? (
            <p className={styles.errorBox} role="alert">
              {requestError}
            </p>
          ) : null}
          {!preview && !requestError ? (
            <p className={styles.muted}>
              {previewing
                ? 'Reading the plan…'
                : 'Paste or upload a plan: its goal areas and objectives appear here.'}
            </p>
          ) : null}
          {preview ? (
            <PreviewMessages preview={preview} stale={!upToDate} onLine={jumpToLine} />
          ) : null}
        </div>

        {preview ? (
          <div className={styles.createBox}>
            <label className={styles.field}>
              <span className={styles.label}>Web address</span>
              <span className={styles.slugRow}>
                <span className={styles.muted}>/plans/</span>
                <input
                  type="text"
                  value={slug}
                  onChange={(event) => dispatch({ type: 'slugTyped', slug: event.target.value })}
                  aria-invalid={Boolean(slugProblem)}
                />
              </span>
            </label>
            {slugProblem ? <p className={styles.errorText}>{slugProblem}</p> : null}
            {createError ? (
              <p className={styles.errorBox} role="alert">
                {createError}
              </p>
            ) : null}
            <div className={styles.createRow}>
              <button
                type="button"
                className={styles.primaryButton}
                disabled={!canCreate}
                onClick={() => void create()}
              >
                {creating ? 'Creating…' : 'Create draft plan'}
              </button>
              <p className={styles.muted}>
                {!preview.ok
                  ? 'Fix the problems above first; nothing is created until they are gone.'
                  : !upToDate
                    ? 'Waiting for the preview of your latest changes…'
                    : 'Saved as a draft: nobody outside the admin sees it until it is published.'}
              </p>
            </div>
          </div>
        ) : null}

        {preview ? <PlanPreview preview={preview} stale={!upToDate} /> : null}
      </section>
    </div>
  )
}
