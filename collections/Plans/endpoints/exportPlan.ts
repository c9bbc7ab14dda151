import type { Endpoint } from 'payload'

import { EXPORT_FORMATS, exportPlan, parseExportFormat } from '@/lib/export/load'
import { errorResponse, refuseNonEditors } from './http'

/**
 * GET /api/plans/:id/export?format=json|stratml|csv (editors only): the plan as a download —
 * lossless JSON with its initiatives, StratML Part 1, or CSV (one row per initiative × objective).
 */
export const exportEndpoint: Endpoint = {
  path: '/:id/export',
  method: 'get',
  handler: async (req) => {
    const refused = refuseNonEditors(req, 'export plans')
    if (refused) return refused
    const id = req.routeParams?.id
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
      return errorResponse(400, 'Give the id of the plan to export.')
    }
    const formatParam = new URL(req.url ?? 'http://localhost/').searchParams.get('format') ?? 'json'
    const format = parseExportFormat(formatParam)
    if (!format) {
      return errorResponse(
        400,
        `Unknown export format "${formatParam}": use ${EXPORT_FORMATS.join(', ')}.`,
      )
    }
    // SQLite ids are numbers, MongoDB ones 24 hex digits; anything else names no plan
    const numeric = req.payload.db.defaultIDType === 'number'
    if (numeric ? !/^\d{1,15}$/.test(id) : !/^[a-f0-9]{24}$/i.test(id)) {
      return errorResponse(404, `There is no plan with the id ${id}.`)
    }
    const planId = numeric ? Number(id) : id
    const file = await exportPlan(req.payload, { id: planId }, format, { user: req.user, req })
    if (!file) return errorResponse(404, `There is no plan with the id ${id}.`)
    return new Response(file.body, {
      status: 200,
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  },
}
