import type { Metadata } from 'next'

import { env } from '@/lib/env'

/** Title, description, canonical address and Open Graph tags of a public page. */
export function pageMetadata({
  title,
  description,
  path,
  type = 'website',
}: {
  title: string
  description: string
  path: string
  type?: 'website' | 'article'
}): Metadata {
  const url = `${env().serverUrl}${path}`
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { title, description, url, type, siteName: 'Lodestar', locale: 'en_US' },
    twitter: { card: 'summary', title, description },
  }
}

/** A description of at most ~200 characters, cut at a word. */
export function clip(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max - 1)
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : cut.length)}…`
}
