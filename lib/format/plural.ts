/** The word for a count: plural(1, 'initiative', 'initiatives') → 'initiative'. */
export const plural = (n: number, one: string, many: string = `${one}s`): string =>
  n === 1 ? one : many

/** A count with its word: "1 active initiative", "3 active initiatives". */
export const countLabel = (n: number, one: string, many: string = `${one}s`): string =>
  `${n} ${plural(n, one, many)}`
