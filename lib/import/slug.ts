/** URL slugs for plans, sections and anything else addressed by name. Pure. */

const MAX_LENGTH = 96

/** Lowercase ASCII words joined by hyphens ('ALCTS Strategic Plan 2006–2011' → 'alcts-strategic-plan-2006-2011'). */
export function slugify(s: string): string {
  const ascii = String(s)
    .normalize('NFKD')
    // combining marks left behind by NFKD: 'é' → 'e'
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  if (slug.length <= MAX_LENGTH) return slug
  const cut = slug.slice(0, MAX_LENGTH)
  const lastDash = cut.lastIndexOf('-')
  return (lastDash > MAX_LENGTH / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/g, '')
}
