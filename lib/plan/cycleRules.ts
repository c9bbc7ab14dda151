/** Rules of the reporting cycle's life (docs/architecture.md, "Progress cycles"), shared by hooks and tests. */
import type { CycleState } from './cycles'

/**
 * Whether a cycle may go from one state to another: draft → open → closed, and nothing else.
 * A closed cycle is final: its numbers must stay the same forever, so it is never reopened.
 * Returns true, or the message to show.
 */
export function checkCycleTransition(from: CycleState | undefined, to: CycleState): true | string {
  if (from === undefined) return to === 'closed' ? 'A new cycle starts as a draft or open.' : true
  if (from === to) return true
  if (from === 'draft' && to === 'open') return true
  if (from === 'open' && to === 'closed') return true
  if (from === 'closed') return 'A closed cycle is frozen: it cannot be reopened or changed.'
  if (to === 'draft') return 'An opened cycle cannot go back to draft.'
  return 'A draft cycle must be opened before it is closed.'
}

/** The message for a second open cycle in one plan. */
export const secondOpenCycleMessage = (open: string): string =>
  `"${open}" is already open for this plan: close it before opening another cycle.`
