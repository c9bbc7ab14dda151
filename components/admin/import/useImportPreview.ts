import { useCallback, useEffect, useRef, useState } from 'react'

import type { ImportPreview } from '@/lib/import/preview'
import { messageOf, readJson } from '@/components/admin/answers'
import type { ChosenDocument } from './state'

/** How long the text and the options rest before the plan is read again. */
export const PREVIEW_DELAY_MS = 600
/** Previews kept for inputs seen before (going back to an earlier text asks nothing). */
const CACHED_PREVIEWS = 20

/** What is sent: a document's bytes as they are, or the text. */
export function outgoing(
  chosen: ChosenDocument | null,
  text: string,
): { body: BodyInit; type: string } {
  return chosen
    ? { body: new Blob([chosen.bytes]), type: 'application/octet-stream' }
    : { body: text, type: 'text/plain;charset=utf-8' }
}

export interface ImportPreviewState {
  /** the latest preview (kept, dimmed, while a newer one is on its way) */
  preview: ImportPreview | null
  /** the preview is of the inputs as they are now */
  upToDate: boolean
  previewing: boolean
  /** why there is no preview (the server refused, or did not answer) */
  error: string | null
  /** asks the server again now, past the cache (after a refusal that may have changed) */
  refresh: () => void
  /** forgets every preview (starting over) */
  reset: () => void
}

/**
 * The server's reading of the plan (`POST <api>/plans/import-preview?<query>`), following the
 * inputs: read `PREVIEW_DELAY_MS` after they last changed, the request before aborted, and a
 * preview already made for the same inputs shown again without asking. `onRead` hears each new
 * preview (the view fills in the address from it). Paused while `paused` (the plan was created).
 */
export function useImportPreview(options: {
  apiRoute: string
  chosen: ChosenDocument | null
  text: string
  /** the options as a query string (format, filename, organization, slug) */
  query: string
  paused: boolean
  onRead: (preview: ImportPreview) => void
}): ImportPreviewState {
  const { apiRoute, chosen, text, query, paused } = options
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  /** the inputs the preview on screen was made from */
  const [previewKey, setPreviewKey] = useState('')
  const [previewing, setPreviewing] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const inFlight = useRef<AbortController | null>(null)
  const cache = useRef(new Map<string, ImportPreview>())
  const onRead = useRef(options.onRead)
  useEffect(() => {
    onRead.current = options.onRead
  })

  const key = JSON.stringify([chosen ? `document:${chosen.serial}` : text, query])

  const show = useCallback((next: ImportPreview, madeFrom: string) => {
    setPreview(next)
    setPreviewKey(madeFrom)
    setError(null)
    onRead.current(next)
  }, [])

  const run = useCallback(
    async (fresh: boolean) => {
      inFlight.current?.abort()
      if (!chosen && !text.trim()) {
        setPreview(null)
        setPreviewKey('')
        setError(null)
        return
      }
      const cached = fresh ? undefined : cache.current.get(key)
      if (cached) {
        show(cached, key)
        return
      }
      const controller = new AbortController()
      inFlight.current = controller
      setPreviewing(true)
      try {
        const sent = outgoing(chosen, text)
        const response = await fetch(`${apiRoute}/plans/import-preview?${query}`, {
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
          cache.current.delete(key)
          cache.current.set(key, next)
          if (cache.current.size > CACHED_PREVIEWS) {
            const oldest = cache.current.keys().next().value
            if (oldest !== undefined) cache.current.delete(oldest)
          }
          show(next, key)
        } else {
          setPreview(null)
          setPreviewKey('')
          setError(messageOf(body, response.status))
        }
      } catch (err) {
        if (err instanceof DOMException && err.name === 'AbortError') return
        setError('The preview could not be fetched: check your connection and try again.')
      } finally {
        if (inFlight.current === controller) {
          inFlight.current = null
          setPreviewing(false)
        }
      }
    },
    [apiRoute, chosen, key, query, show, text],
  )

  // read the plan again shortly after the text or the options change
  useEffect(() => {
    if (paused) return
    const timer = window.setTimeout(() => void run(false), PREVIEW_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [run, paused])

  const refresh = useCallback(() => void run(true), [run])
  const reset = useCallback(() => {
    cache.current.clear()
    setPreview(null)
    setPreviewKey('')
  }, [])

  return {
    preview,
    upToDate: preview !== null && previewKey === key,
    previewing,
    error,
    refresh,
    reset,
  }
}
