import type { Metadata } from 'next'
import { draftMode } from 'next/headers'
import { notFound } from 'next/navigation'
import { Suspense } from 'react'

import { NotFoundView } from './NotFoundView'

/** Throws notFound() once the content around it has rendered: see PageNotFound. */
async function RespondNotFound(): Promise<never> {
  notFound()
}

/**
 * A public page's answer for an address with nothing published behind it: the helpful 404 in
 * the HTML itself, with status 404.
 *
 * A page that calls notFound() gets an empty HTML shell from Next 16 (not-found.tsx arrives only
 * in the inline RSC payload, so without JavaScript the page stays blank: vercel/next.js#62228).
 * So the page renders the 404 content itself, and calls notFound() inside a Suspense boundary:
 * a statically generated page then still answers 404 (and is cached as a 404, revalidated by the
 * tags it read like any page) while keeping the HTML outside the boundary. In the browser the
 * same error shows not-found.tsx, which renders the same view.
 */
export async function PageNotFound() {
  // Draft mode and `next dev` render per request and stream, so the status (200) would be sent
  // before the boundary below throws: for the previewing editor and the developer (who have
  // JavaScript) plain notFound().
  if (process.env.NODE_ENV === 'development' || (await draftMode()).isEnabled) notFound()
  return (
    <>
      <NotFoundView />
      <Suspense fallback={null}>
        <RespondNotFound />
      </Suspense>
    </>
  )
}

/** The metadata of a page answered by PageNotFound: a title, and kept out of search engines. */
export function notFoundMetadata(title: string): Metadata {
  return { title, robots: { index: false } }
}
