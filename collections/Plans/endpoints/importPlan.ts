import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { cacheTags } from '@/lib/data/tags'
import type { PlanReading } from '@/lib/import'
import { readPlanBytes } from '@/lib/import/file'
import {
  IMPORT_FORMATS,
  MAX_DOCUMENT_BYTES,
  parseFormat,
  tooLargeMessage,
} from '@/lib/import/input'
import { ImportRefused, storePlan } from '@/lib/import/store'
import { previewOf, type ImportCreated } from '@/lib/import/preview'
import { slugify } from '@/lib/format/slug'
import { expireTags } from '@/collections/hooks/revalidate'
import { errorResponse, jsonResponse, readBodyBytes, refuseNonEditors } from './http'

/**
 * POST /api/plans/import-preview and POST /api/plans/import (editors only).
 *
 * The body is the plan file itself (text at most 2 MB: text/plain, application/xml or
 * application/json; a Word document or PDF at most 10 MB, any content type: recognised by its
 * first bytes); the query says `format` (text | stratml | json | docx | pdf, detected when left out),
 * `filename`, `organization` and, for the import, `slug`. The preview answers what was read
 * (200, or 422 when it cannot be imported); the import creates the plan as a draft (201).
 */

const FORM_TYPES = /^(?:multipart\/form-data|application\/x-www-form-urlencoded)/i

type Read =
  { ok: true; reading: PlanReading; slug: string | undefined } | { ok: false; response: Response }

/** An editor's import request read: the plan file as read, and the `slug` the editor chose. */
async function readRequest(req: PayloadRequest): Promise<Read> {
  const refused = refuseNonEditors(req, 'import plans')
  if (refused) return { ok: false, response: refused }
  const contentType = req.headers.get('content-type') ?? ''
  if (FORM_TYPES.test(contentType)) {
    return {
      ok: false,
      response: errorResponse(
        415,
        'Send the plan file itself as the request body (text, StratML XML, Lodestar JSON, a Word document or a PDF), not a form.',
      ),
    }
  }
  const url = new URL(req.url ?? 'http://localhost/')
  const formatParam = url.searchParams.get('format')
  const format = formatParam && formatParam !== 'auto' ? parseFormat(formatParam) : undefined
  if (formatParam && formatParam !== 'auto' && !format) {
    return {
      ok: false,
      response: errorResponse(
        400,
        `Unknown format "${formatParam}": use ${IMPORT_FORMATS.join(', ')}.`,
      ),
    }
  }
  const body = await readBodyBytes(req, MAX_DOCUMENT_BYTES)
  if (!body.ok) {
    return {
      ok: false,
      response: errorResponse(413, tooLargeMessage(body.size, MAX_DOCUMENT_BYTES)),
    }
  }
  const read = await readPlanBytes(body.bytes, {
    format,
    filename: url.searchParams.get('filename') ?? undefined,
    organization: url.searchParams.get('organization') ?? undefined,
  })
  if (!read.ok) return { ok: false, response: errorResponse(read.status, read.message) }
  return { ok: true, reading: read.reading, slug: url.searchParams.get('slug') ?? undefined }
}

async function slugTaken(req: PayloadRequest, slug: string): Promise<boolean> {
  if (!slug) return false
  const found = await req.payload.count({
    collection: 'plans',
    where: { slug: { equals: slug } },
    user: req.user,
    overrideAccess: false,
    req,
  })
  return found.totalDocs > 0
}

export const importPreviewEndpoint: Endpoint = {
  path: '/import-preview',
  method: 'post',
  handler: async (req) => {
    const read = await readRequest(req)
    if (!read.ok) return read.response
    // the address the editor chose (checked for clashes), else the one read from the plan
    if (read.slug?.trim()) read.reading.slug = slugify(read.slug)
    const preview = previewOf(read.reading, await slugTaken(req, read.reading.slug))
    return jsonResponse(preview.ok ? 200 : 422, {
      ...(preview.ok ? {} : { errors: preview.problems.map((p) => ({ message: p.message })) }),
      ...preview,
    })
  },
}

export const importEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    const read = await readRequest(req)
    if (!read.ok) return read.response
    try {
      const stored = await storePlan(req.payload, read.reading, {
        publish: false,
        slug: read.slug,
        user: req.user,
      })
      // a draft plan is not on the site yet; sections it brought along are
      if (stored.sections > 0) await expireTags([cacheTags.sections], req, {})
      const created: ImportCreated = {
        message: `Created the draft plan "${stored.title}".`,
        doc: { id: stored.id, slug: stored.slug, title: stored.title },
        goals: stored.goals,
        objectives: stored.objectives,
        sections: stored.sections,
        initiatives: stored.initiatives,
      }
      return jsonResponse(201, { ...created })
    } catch (err) {
      if (err instanceof ImportRefused) {
        return errorResponse(err.status, err.message, { problems: err.problems })
      }
      if (err instanceof APIError && err.status < 500) {
        return errorResponse(err.status, err.message, { data: err.data })
      }
      req.payload.logger.error({ err, msg: 'Plan import failed' })
      throw err
    }
  },
}
