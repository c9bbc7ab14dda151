import type { InitiativeStatus } from '@/lib/plan/types'

/**
 * One colour per initiative status, for the dashboard's charts, filter swatches and drill-down
 * dots and for the board report's PDF alike: the same status looks the same on screen and on
 * paper. They are mark colours (bars, dots, swatches; the status is always also written beside
 * them, in ink): each at least 3:1 against the white and the light grey (paper-alt) they are drawn
 * on, checked by tests/unit/statusColours.test.ts.
 *
 * In lifecycle order: not yet active in slate grey; planned, in progress and completed in navy,
 * blue and green; deferred and cancelled in wine and rust. Chosen to stay apart in simulated
 * protanopia, deuteranopia and tritanopia about as far as the Okabe–Ito colours they replace
 * (whose orange and sky blue fail 3:1 on white). In progress and completed keep their Okabe–Ito
 * blue and green, the colours of the report's progress bars and the dashboard's other charts.
 */
export const STATUS_COLOURS: Readonly<Record<InitiativeStatus, string>> = Object.freeze({
  proposed: '#7b8a96',
  planned: '#1f4f74',
  'in-progress': '#0072b2',
  completed: '#009e73',
  deferred: '#941f4c',
  cancelled: '#aa6039',
})
