'use client'

import { useCallback, useEffect, useRef, useState, type ChangeEvent, type DragEvent } from 'react'

import {
  decodeImportBytes,
  documentFormatOf,
  FORMAT_LABELS,
  MAX_DOCUMENT_BYTES,
  IMPORT_FORMATS,
  MAX_IMPORT_BYTES,
  tooLargeMessage,
  type DocumentFormat,
  type ImportFormat,
} from '@/lib/import/input'
import type { ImportCreated, ImportPreview } from '@/lib/import/preview'
import { slugify } from '@/lib/format/slug'
import { labelledCode } from '@/lib/plan/numbering'
import type { ParsedPlan } from '@/lib/import/types'
import styles from './importPlan.module.css'

interface Props {
  adminRoute: string
  apiRoute: string
}

type FormatChoice = ImportFormat | 'auto'

/** What is sent: a document's bytes as they are, or the text. */
function outgoing(chosen: ChosenDocument | null, text: string): { body: BodyInit; type: string } {
  return chosen
    ? { body: new Blob([chosen.bytes]), type: 'application/octet-stream' }
    : { body: text, type: 'text/plain;charset=utf-8' }
}

/** A Word document or PDF chosen for import: sent as it is, read on the server. */
interface ChosenDocument {
  name: string
  format: DocumentFormat
  bytes: Uint8Array<ArrayBuffer>
}

const ACCEPT =
  '.txt,.text,.md,.xml,.json,.docx,.pdf,text/plain,text/markdown,application/xml,text/xml,application/json,' +
  'application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const PREVIEW_DELAY_MS = 600

/** The message of an error answer (Payload's `{ errors: [{ message }] }` shape). */
function messageOf(body: unknown, status: number): string {
  const errors = (body as { errors?: { message?: string }[] } | null)?.errors
  const message = errors?.[0]?.message
  if (message) return message
  if (status === 401) return 'Your session has ended: sign in again.'
  return `The server answered ${status}. Try again in a moment.`
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  try {
    return JSON.parse(text) as unknown
  } catch (err) {
    if (err instanceof SyntaxError) return null
    throw err
  }
}

/** The character range of a 1-based line of `text`. */
function lineRange(text: string, line: number): { start: number; end: number } {
  let start = 0
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start)
    if (next < 0) break
    start = next + 1
  }
  const end = text.indexOf('\n', start)
  return { start, end: end < 0 ? text.length : end }
}

/** Scrolls a wrapping textarea so that character `offset` is in view (measured with a mirror). */
function scrollToOffset(textarea: HTMLTextAreaElement, offset: number) {
  const mirror = document.createElement('div')
  const style = window.getComputedStyle(textarea)
  for (const property of [
    'font',
    'letterSpacing',
    'lineHeight',
    'padding',
    'border',
    'boxSizing',
    'whiteSpace',
    'wordWrap',
    'overflowWrap',
    'tabSize',
  ] as const) {
    mirror.style[property] = style[property]
  }
  mirror.style.width = `${textarea.clientWidth}px`
  mirror.style.position = 'absolute'
  mirror.style.visibility = 'hidden'
  mirror.style.whiteSpace = 'pre-wrap'
  mirror.textContent = textarea.value.slice(0, offset)
  document.body.appendChild(mirror)
  const top = mirror.scrollHeight
  mirror.remove()
  textarea.scrollTop = Math.max(0, top - textarea.clientHeight / 3)
}

function period(plan: ParsedPlan): string | undefined {
  if (plan.startYear === undefined) return undefined
  return plan.endYear !== undefined && plan.endYear !== plan.startYear
    ? `${plan.startYear}–${plan.endYear}`
    : String(plan.startYear)
}

function formatDay(iso: string | undefined): string | undefined {
  if (!iso) return undefined
  const date = new Date(`${iso}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  })
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** Paste or upload → live preview beside the text → create the plan as a draft. */
export function ImportPlan({ adminRoute, apiRoute }: Props) {
  const [text, setText] = useState('')
  const [filename, setFilename] = useState<string | undefined>()
  const [chosen, setChosen] = useState<ChosenDocument | null>(null)
  const [dragging, setDragging] = useState(false)
  const [format, setFormat] = useState<FormatChoice>('auto')
  const [organization, setOrganization] = useState('')
  const [slug, setSlug] = useState('')
  const [slugEdited, setSlugEdited] = useState(false)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  /** the inputs the preview on screen was made from */
  const [previewKey, setPreviewKey] = useState('')
  const [previewing, setPreviewing] = useState(false)
  const [requestError, setRequestError] = useState<string | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [creating, setCreating] = useState(false)
  const [createError, setCreateError] = useState<string | null>(null)
  const [created, setCreated] = useState<ImportCreated | null>(null)
  const [cursorLine, setCursorLine] = useState(1)
  const textarea = useRef<HTMLTextAreaElement>(null)
  const inFlight = useRef<AbortController | null>(null)

  const chosenSlug = slugEdited ? slugify(slug) : ''
  const key = JSON.stringify([
    chosen ? `${chosen.name}:${chosen.bytes.byteLength}` : text,
    format,
    filename ?? '',
    organization,
    chosenSlug,
  ])
  const upToDate = preview !== null && previewKey === key

  const query = useCallback(
    (extra: Record<string, string> = {}) => {
      const params = new URLSearchParams()
      if (format !== 'auto') params.set('format', format)
      if (filename) params.set('filename', filename)
      if (organization.trim()) params.set('organization', organization.trim())
      if (chosenSlug) params.set('slug', chosenSlug)
      for (const [name, value] of Object.entries(extra)) params.set(name, value)
      return params.toString()
    },
    [format, filename, organization, chosenSlug],
  )

  const runPreview = useCallback(async () => {
    inFlight.current?.abort()
    if (!chosen && !text.trim()) {
      setPreview(null)
      setPreviewKey('')
      setRequestError(null)
      return
    }
    const controller = new AbortController()
    inFlight.current = controller
    setPreviewing(true)
    try {
      const sent = outgoing(chosen, text)
      const response = await fetch(`${apiRoute}/plans/import-preview?${query()}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': sent.type },
        body: sent.body,
        signal: controller.signal,
      })
      const body = await readJson(response)
      if (controller.signal.aborted) return
      if (
        (response.status === 200 || response.status === 422) &&
        body &&
        typeof body === 'object' &&
        'plan' in body
      ) {
        const next = body as ImportPreview
        setPreview(next)
        setPreviewKey(key)
        setRequestError(null)
        if (!slugEdited) setSlug(next.slug)
      } else {
        setPreview(null)
        setPreviewKey('')
        setRequestError(messageOf(body, response.status))
      }
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return
      setRequestError('The preview could not be fetched: check your connection and try again.')
    } finally {
      if (inFlight.current === controller) {
        inFlight.current = null
        setPreviewing(false)
      }
    }
  }, [apiRoute, key, query, slugEdited, text, chosen])

  // re-read the plan shortly after the text or the options change
  useEffect(() => {
    if (created) return
    const timer = window.setTimeout(() => void runPreview(), PREVIEW_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [runPreview, created])

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (file) await takeFile(file)
  }

  function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault()
    setDragging(false)
    const file = event.dataTransfer.files[0]
    if (file) void takeFile(file)
  }

  /** A chosen or dropped file: a Word document or PDF is kept as bytes, anything else read as text. */
  async function takeFile(file: File) {
    setFileError(null)
    if (file.size > MAX_DOCUMENT_BYTES) {
      setFileError(`${file.name}: ${tooLargeMessage(file.size, MAX_DOCUMENT_BYTES)}`)
      return
    }
    const bytes = new Uint8Array(await file.arrayBuffer())
    const kind = documentFormatOf(bytes)
    if (kind) {
      setChosen({ name: file.name, format: kind, bytes })
      setFilename(file.name)
      setText('')
      setCreated(null)
      return
    }
    if (file.size > MAX_IMPORT_BYTES) {
      setFileError(`${file.name}: ${tooLargeMessage(file.size)}`)
      return
    }
    const decoded = decodeImportBytes(bytes)
    if (!decoded.ok) {
      setFileError(`${file.name}: ${decoded.message}`)
      return
    }
    setChosen(null)
    setFilename(file.name)
    setText(decoded.text)
    setCreated(null)
  }

  function jumpToLine(line: number) {
    const element = textarea.current
    if (!element) return
    const { start, end } = lineRange(element.value, line)
    element.focus()
    element.setSelectionRange(start, end)
    scrollToOffset(element, start)
    setCursorLine(line)
  }

  function trackCursor() {
    const element = textarea.current
    if (!element) return
    const before = element.value.slice(0, element.selectionStart)
    let line = 1
    for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++
    setCursorLine(line)
  }

  async function create() {
    setCreating(true)
    setCreateError(null)
    try {
      const sent = outgoing(chosen, text)
      const response = await fetch(`${apiRoute}/plans/import?${query({ slug: slugify(slug) })}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': sent.type },
        body: sent.body,
      })
      const body = await readJson(response)
      if (response.status === 201 && body && typeof body === 'object' && 'doc' in body) {
        setCreated(body as ImportCreated)
      } else {
        setCreateError(messageOf(body, response.status))
        if (response.status === 409) void runPreview()
      }
    } catch (err) {
      if (!(err instanceof TypeError)) throw err
      setCreateError('The plan could not be sent: check your connection and try again.')
    } finally {
      setCreating(false)
    }
  }

  function startOver() {
    setCreated(null)
    setText('')
    setChosen(null)
    setFilename(undefined)
    setSlug('')
    setSlugEdited(false)
    setPreview(null)
    setPreviewKey('')
    setCreateError(null)
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
          {plural(created.goals, 'goal area')} and {plural(created.objectives, 'objective')}
          {created.initiatives > 0 ? `, ${plural(created.initiatives, 'initiative')}` : ''}. It is
          not on the site until it is published.
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
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
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
              onChange={(event) => setFormat(event.target.value as FormatChoice)}
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
              onChange={(event) => setOrganization(event.target.value)}
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
              setText(event.target.value)
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
            onClick={() => void runPreview()}
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
                  onChange={(event) => {
                    setSlug(event.target.value)
                    setSlugEdited(true)
                  }}
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

/** Whether the plan can be imported, and the warnings and notes to check first. */
function PreviewMessages({
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
          Ready to import: {plural(counts.goals, 'goal area')},{' '}
          {plural(counts.objectives, 'objective')}
          {counts.initiatives
            ? `, ${plural(counts.initiatives, 'initiative')} in ${plural(counts.sections, 'section')}`
            : ''}
          {preview.warnings.length
            ? `; ${plural(preview.warnings.length, 'warning')} to check`
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
            {plural(preview.warnings.length, 'warning')}: text that was not placed or looks wrong
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

/** The plan as Lodestar read it: its details, statements, goal areas and objectives. */
function PlanPreview({ preview, stale }: { preview: ImportPreview; stale: boolean }) {
  const { plan } = preview
  const adopted = [formatDay(plan.adoptedOn), plan.adoptedBy ? `by ${plan.adoptedBy}` : undefined]
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
            <dd>{period(plan) ?? <em>not found</em>}</dd>
            {adopted ? (
              <>
                <dt>Adopted</dt>
                <dd>{adopted}</dd>
              </>
            ) : null}
            {plan.lastRevised ? (
              <>
                <dt>Last revised</dt>
                <dd>{formatDay(plan.lastRevised)}</dd>
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
                  <span className={styles.muted}>({plural(plan[part].length, 'paragraph')})</span>
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
