/**
 * Wording of a change in coverage between two cycles, for the dashboard's trend and the board
 * report's executive summary. Pure; compares the percents as printed, so a sentence never says
 * "rose from 58% to 58%".
 */
import { formatPercent } from './coverage'

/** Plan coverage at some cycle: its name and the 0–1 fraction. */
export interface CoverageAt {
  name: string
  coverage: number
}

/** "Coverage rose from 58% to 69% since Midwinter 2008" (or fell, or held at 58%). */
export const coverageTrendSentence = (
  from: CoverageAt,
  to: Pick<CoverageAt, 'coverage'>,
): string => {
  const before = formatPercent(from.coverage)
  const after = formatPercent(to.coverage)
  if (before === after) return `Coverage held at ${after} since ${from.name}`
  const verb = to.coverage > from.coverage ? 'rose' : 'fell'
  return `Coverage ${verb} from ${before} to ${after} since ${from.name}`
}
