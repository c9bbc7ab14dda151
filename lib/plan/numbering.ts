/** Numbering rules of a plan as published: goal areas 1…n, objectives `<goal>.<objective>`. */

/** The code an objective is published with, e.g. `1.3`. */
export const objectiveCode = (goalNumber: number, objectiveNumber: number): string =>
  `${goalNumber}.${objectiveNumber}`

/**
 * An objective's code as the plan words it: "Strategy 2.3" when the plan calls its objectives
 * strategies (the plan's `objectiveLabel`), else the bare code "2.3".
 */
export function labelledCode(code: string, label: string | null | undefined): string {
  const word = label?.trim()
  return word ? `${word} ${code}` : code
}

/** A sort key that orders objectives by goal area, then number (1.2 before 1.10 before 2.1). */
export const objectivePosition = (goalNumber: number, objectiveNumber: number): number =>
  goalNumber * 1000 + objectiveNumber

/** The admin title of an objective: its code, then the start of its text. */
export function objectiveLabel(code: string, text: string | null | undefined, max = 80): string {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim()
  if (!clean) return code
  const cut = clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean
  return `${code} ${cut}`
}

/** "2.1, 2.2 and 3 more" — names what still points at something, for refusal messages. */
export function listForMessage(names: string[], total: number, shown = 5): string {
  const head = names.slice(0, shown)
  const rest = total - head.length
  if (rest > 0) return `${head.join(', ')} and ${rest} more`
  if (head.length <= 1) return head.join('')
  return `${head.slice(0, -1).join(', ')} and ${head[head.length - 1]}`
}
