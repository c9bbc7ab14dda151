import type { PayloadRequest } from 'payload'

import { isEditor } from '@/lib/auth/roles'

/** A JSON answer in Payload's own error shape (`errors: [{ message }]`) plus any extra fields. */
export function jsonResponse(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })
}

export function errorResponse(
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
): Response {
  return jsonResponse(status, { errors: [{ message }], ...extra })
}

/** 401 signed out, 403 signed in without the editor role; undefined for editors. */
export function refuseNonEditors(req: PayloadRequest, what: string): Response | undefined {
  if (!req.user) return errorResponse(401, `Sign in as an editor to ${what}.`)
  if (!isEditor(req.user)) return errorResponse(403, `Only editors can ${what}.`)
  return undefined
}

/**
 * The request body, read up to `limit` bytes: a declared or actual larger body is cut off at
 * limit + 1 bytes and reported as too large without reading the rest.
 */
export async function readBodyBytes(
  req: PayloadRequest,
  limit: number,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; size: number }> {
  const declared = Number(req.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > limit) return { ok: false, size: declared }
  const body = req.body
  if (!body) return { ok: true, bytes: new Uint8Array(0) }
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return { ok: false, size }
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { ok: true, bytes }
}
