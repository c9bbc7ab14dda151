/** The page address of a goal area, optionally at one objective. */
export function goalHref(planSlug: string, goalNumber: number, objectiveCode?: string): string {
  const base = `/plans/${planSlug}/goals/${goalNumber}`
  return objectiveCode ? `${base}#${objectiveAnchor(objectiveCode)}` : base
}

/** The fragment id of an objective on its goal page: `objective-1-3`. */
export function objectiveAnchor(code: string): string {
  return `objective-${code.replace(/[^0-9a-zA-Z]+/g, '-')}`
}
