import type { BeforeListTableServerProps } from 'payload'

import { env } from '@/lib/env'
import styles from './staleFilter.module.css'

/** The list-view query parameter of the stale filter (collections/Initiatives/stale.ts). */
const STALE_PARAM = 'stale'

type Search = Record<string, string | string[] | undefined>

/** The list's address with `stale` set (or removed) and the page reset, other settings kept. */
const hrefWith = (searchParams: Search | undefined, stale: 'true' | 'false' | null): string => {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(searchParams ?? {})) {
    if (key === STALE_PARAM || key === 'page' || value === undefined) continue
    for (const v of Array.isArray(value) ? value : [value]) query.append(key, v)
  }
  if (stale) query.set(STALE_PARAM, stale)
  const text = query.toString()
  return text ? `?${text}` : '?'
}

/**
 * Above the initiatives list: "All · Stale only · Not stale", the rule in words, and what the list
 * shows now. The filter itself is the collection's base filter (`?stale=true`), so it combines
 * with Payload's own filters, search, sort and pages.
 */
export function StaleFilter({ searchParams }: BeforeListTableServerProps) {
  const search = searchParams as Search | undefined
  const raw = search?.[STALE_PARAM]
  const current = raw === 'true' || raw === 'false' ? raw : null
  const options: { value: 'true' | 'false' | null; label: string }[] = [
    { value: null, label: 'All initiatives' },
    { value: 'true', label: 'Stale only' },
    { value: 'false', label: 'Not stale' },
  ]
  return (
    <nav className={styles.filter} aria-label="Stale work" data-stale-filter>
      <ul className={styles.options}>
        {options.map((option) => (
          <li key={option.label}>
            {current === option.value ? (
              <strong aria-current="true">{option.label}</strong>
            ) : (
              <a href={hrefWith(search, option.value)}>{option.label}</a>
            )}
          </li>
        ))}
      </ul>
      <p className={styles.rule}>
        Stale: planned or in progress, published, and no progress update in the plan’s latest closed
        cycle (before a plan’s first cycle closes: none for {env().staleAfterDays} days).
      </p>
    </nav>
  )
}
