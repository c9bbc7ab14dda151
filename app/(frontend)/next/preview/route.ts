import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { isStaff } from '@/lib/auth/roles'
import { getPayloadClient } from '@/lib/data/payload'
import { loadPlanBundle } from '@/lib/data/publicQueries'

export const runtime = 'nodejs'

/** The pages a preview may open: a plan or one of its goal areas. */
const PREVIEWABLE = /^\/plans\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/goals\/[1-9]\d?)?$/

const text = (status: number, message: string) =>
  new Response(`${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })

/**
 * GET /next/preview?path=/plans/<slug> — the admin's Preview and Live Preview open this. A staff
 * user signed in to the admin gets Next's draft mode (a cookie for their browser only) and is sent
 * to the page, which then shows the plan's latest draft to them alone.
 */
export async function GET(request: Request): Promise<Response> {
  const path = new URL(request.url).searchParams.get('path') ?? ''
  const match = PREVIEWABLE.exec(path)
  if (!match?.[1])
    return text(400, 'Preview needs ?path=/plans/<slug> (or /plans/<slug>/goals/<number>).')

  const payload = await getPayloadClient()
  const { user } = await payload.auth({ headers: request.headers })
  if (!user) return text(401, 'Sign in to the admin (/admin) to preview drafts.')
  if (!isStaff(user)) return text(403, 'Only staff signed in to the admin can preview drafts.')

  const bundle = await loadPlanBundle(payload, match[1], { user })
  if (!bundle) return text(404, 'There is no plan at this address, published or draft.')

  const draft = await draftMode()
  draft.enable()
  redirect(path)
}
