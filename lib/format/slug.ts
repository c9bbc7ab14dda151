import transliterateSlug from '@sindresorhus/slugify'

/** What a stored slug looks like: lowercase ASCII words and digits joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** The longest slug `slugify` makes (cut at a word boundary when one is near). */
export const SLUG_MAX_LENGTH = 96

/** True for a string that can be a slug (addresses with anything else are a 404 without a query). */
export const isSlug = (value: string): boolean => value.length <= 120 && SLUG_PATTERN.test(value)

/**
 * The one slug function (plans, sections, the importer, file names): letters transliterated to ASCII
 * ('Łódź' → 'lodz', 'Préservation' → 'preservation'), '&' as 'and', possessives kept whole
 * ("Women's" → 'womens'), everything else a single hyphen
 * ('ALCTS Strategic Plan 2006–2011' → 'alcts-strategic-plan-2006-2011').
 */
export function slugify(text: string): string {
  // decamelize off: 'iPhone' stays one word, as slugs made before this library did
  const slug = transliterateSlug(String(text), { decamelize: false })
  if (slug.length <= SLUG_MAX_LENGTH) return slug
  const cut = slug.slice(0, SLUG_MAX_LENGTH)
  const lastDash = cut.lastIndexOf('-')
  return (lastDash > SLUG_MAX_LENGTH / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/g, '')
}
