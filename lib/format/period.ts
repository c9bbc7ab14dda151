/** A plan period: "2006–2011" (en dash), or one year: "2006". */
export function formatPeriod(startYear: number, endYear: number | undefined = startYear): string {
  return endYear === startYear ? String(startYear) : `${startYear}–${endYear}`
}
