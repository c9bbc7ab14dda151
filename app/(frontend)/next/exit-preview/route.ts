import { draftMode } from 'next/headers'

export const runtime = 'nodejs'

const SAFE_PATH = /^\/(?:[a-z0-9-]+(?:\/[a-z0-9-]+)*)?$/

/** POST /next/exit-preview (the preview banner's form): leaves draft mode, back to the page. */
export async function POST(request: Request): Promise<Response> {
  const form = await request.formData().catch(() => undefined)
  const path = form?.get('path')
  const target = typeof path === 'string' && SAFE_PATH.test(path) ? path : '/'
  const draft = await draftMode()
  draft.disable()
  return new Response(null, {
    status: 303,
    headers: { Location: target, 'Cache-Control': 'no-store' },
  })
}
