/**
 * A `where` from a REST query string or a GraphQL argument, checked against the collection's field
 * types before it reaches the database adapter, which answers some mismatches with a 500 (`all` on
 * a text field, `near` anywhere, an array where one value belongs, `abc` for a numeric id). Pure:
 * the caller says what kind of field a path names.
 */

export type FieldKind =
  | 'text'
  | 'number'
  | 'date'
  | 'checkbox'
  | 'choice'
  | 'choices'
  | 'reference'
  | 'references'
  | 'other'

/** What the checks need to know about the collection and the database. */
export interface WhereContext {
  /** The kind of the field a path names; undefined for paths through relationships or unknown ones. */
  kindOf: (path: string) => FieldKind | undefined
  /** How the database spells an id: SQLite numbers, MongoDB 24-hex ObjectIds. */
  idType: 'number' | 'text'
}

const OPERATORS = new Set([
  'equals',
  'not_equals',
  'contains',
  'like',
  'not_like',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])
const LISTS = new Set(['in', 'not_in', 'all'])
const TEXT_ONLY = new Set(['contains', 'like', 'not_like'])
/** Deepest and/or nesting accepted (the admin's filters use two). */
const MAX_NESTING = 8

type Scalar = string | number | boolean
const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'

const isNumeric = (value: Scalar) =>
  typeof value === 'number'
    ? Number.isFinite(value)
    : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())
const isId = (value: Scalar, idType: WhereContext['idType']) =>
  idType === 'number'
    ? isNumeric(value) && Number.isSafeInteger(Number(value))
    : typeof value === 'string' && /^[0-9a-f]{24}$/i.test(value)
const isDate = (value: Scalar) =>
  typeof value !== 'boolean' && !Number.isNaN(new Date(value).getTime())
const isBoolean = (value: Scalar) =>
  value === true || value === false || value === 'true' || value === 'false'

/** Whether one value fits a field of this kind. */
function fits(kind: FieldKind | undefined, value: Scalar, ctx: WhereContext): boolean {
  switch (kind) {
    case 'number':
      return isNumeric(value)
    case 'date':
      return isDate(value)
    case 'checkbox':
      return isBoolean(value)
    case 'reference':
    case 'references':
      return isId(value, ctx.idType)
    default:
      return true
  }
}

function checkCondition(path: string, condition: unknown, ctx: WhereContext): string | null {
  if (!condition || typeof condition !== 'object' || Array.isArray(condition))
    return `The condition on \`${path}\` must name an operator, e.g. ${path}[equals]=….`
  const entries = Object.entries(condition as Record<string, unknown>)
  if (entries.length === 0) return `The condition on \`${path}\` names no operator.`
  const kind = path === 'id' ? 'reference' : ctx.kindOf(path)
  for (const [operator, value] of entries) {
    if (!OPERATORS.has(operator)) return `\`${operator}\` is not an operator this API accepts.`
    if (operator === 'exists') {
      if (!isScalar(value) || !isBoolean(value)) return `\`${path}[exists]\` takes true or false.`
      continue
    }
    if (operator === 'all' && kind !== 'choices' && kind !== 'references')
      return `\`all\` applies only to fields holding several values; \`${path}\` is not one.`
    if (TEXT_ONLY.has(operator) && kind !== undefined && kind !== 'text' && kind !== 'other')
      return `\`${operator}\` applies only to text; \`${path}\` is not text.`
    let values: unknown[]
    if (LISTS.has(operator)) {
      values = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [value]
    } else if (value === null && (operator === 'equals' || operator === 'not_equals')) {
      continue
    } else {
      values = [value]
    }
    for (const one of values) {
      if (!isScalar(one))
        return `\`${path}[${operator}]\` takes a plain value, not a list or object.`
      if (!fits(kind, one, ctx))
        return `\`${path}[${operator}]\` got a value that does not fit the field (${JSON.stringify(one).slice(0, 40)}).`
    }
  }
  return null
}

/** The first problem with a `where`, or null when the database adapter can run it. */
export function checkWhere(where: unknown, ctx: WhereContext, nesting = 0): string | null {
  if (where == null) return null
  if (typeof where !== 'object' || Array.isArray(where)) return '`where` must be an object.'
  if (nesting > MAX_NESTING) return `\`where\` nests and/or deeper than ${MAX_NESTING} levels.`
  for (const [key, value] of Object.entries(where as Record<string, unknown>)) {
    if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
      if (!Array.isArray(value)) return `\`${key}\` takes a list of conditions.`
      for (const part of value) {
        const problem = checkWhere(part, ctx, nesting + 1)
        if (problem) return problem
      }
      continue
    }
    const problem = checkCondition(key, value, ctx)
    if (problem) return problem
  }
  return null
}
