import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { PUBLIC_REVALIDATE_SECONDS } from '@/lib/data/tags'

// Next.js reads a page's `revalidate` statically, so each public page states the number as a
// literal; this keeps them equal to the one the data caches use.
const PUBLIC_PAGES = [
  'app/(frontend)/[[...home]]/page.tsx',
  'app/(frontend)/plans/[slug]/page.tsx',
  'app/(frontend)/plans/[slug]/goals/[number]/page.tsx',
  'app/(frontend)/sections/[slug]/page.tsx',
]

describe('the public pages’ time-based revalidation', () => {
  it.each(PUBLIC_PAGES)('%s revalidates after PUBLIC_REVALIDATE_SECONDS', (file) => {
    const source = fs.readFileSync(path.resolve(file), 'utf8')
    const declared = /^export const revalidate = (\d+)$/m.exec(source)?.[1]
    expect(Number(declared)).toBe(PUBLIC_REVALIDATE_SECONDS)
  })

  it('is minutes, not a year nor a few seconds', () => {
    expect(PUBLIC_REVALIDATE_SECONDS).toBeGreaterThanOrEqual(60)
    expect(PUBLIC_REVALIDATE_SECONDS).toBeLessThanOrEqual(3600)
  })
})
