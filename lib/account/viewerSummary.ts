/**
 * What the site header shows about the person looking at a page, as `GET /api/viewer` answers it.
 * Pages are statically generated and shared by every visitor, so the header's account slot asks
 * for this from the browser instead of reading cookies while the page renders.
 */
export interface ViewerSummary {
  name: string
  kind: 'member' | 'staff'
  isBoard: boolean
}

/** The summary of a viewer (lib/auth/viewer.ts), or null for nobody: only what the header needs. */
export function toViewerSummary(
  viewer: { name: string; kind: 'member' | 'staff'; isBoard: boolean } | null,
): ViewerSummary | null {
  if (!viewer) return null
  return { name: viewer.name, kind: viewer.kind, isBoard: viewer.isBoard }
}

/** A `GET /api/viewer` body read defensively: anything but a well-formed summary means signed out. */
export function parseViewerSummary(value: unknown): ViewerSummary | null {
  if (typeof value !== 'object' || value === null) return null
  const { name, kind, isBoard } = value as Record<string, unknown>
  if (typeof name !== 'string' || name.trim() === '') return null
  if (kind !== 'member' && kind !== 'staff') return null
  return { name, kind, isBoard: isBoard === true }
}
