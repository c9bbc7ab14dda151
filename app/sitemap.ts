import type { MetadataRoute } from 'next'
import { connection } from 'next/server'

import { getPlanOverview, getPublishedPlans, getSections } from '@/lib/data/public'
import { env } from '@/lib/env'

/** /sitemap.xml: the home page, every published plan (its goal areas and PDF) and every section. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  // Built per request from cached data, never at build time (there is no database then).
  await connection()
  const origin = env().serverUrl
  const [plans, sections] = await Promise.all([getPublishedPlans(), getSections()])
  const bundles = await Promise.all(plans.map((plan) => getPlanOverview(plan.slug)))
  const entries: MetadataRoute.Sitemap = [
    { url: `${origin}/`, changeFrequency: 'weekly', priority: 1 },
  ]
  for (const bundle of bundles) {
    if (!bundle) continue
    const { plan } = bundle
    const lastModified = new Date(plan.updatedAt)
    entries.push({
      url: `${origin}/plans/${plan.slug}`,
      lastModified,
      changeFrequency: 'weekly',
      priority: plan.current ? 0.9 : 0.6,
    })
    for (const goal of bundle.goals) {
      entries.push({
        url: `${origin}/plans/${plan.slug}/goals/${goal.number}`,
        changeFrequency: 'weekly',
        priority: 0.5,
      })
    }
    entries.push({
      url: `${origin}/plans/${plan.slug}/plan.pdf`,
      lastModified,
      changeFrequency: 'monthly',
      priority: 0.3,
    })
  }
  for (const section of sections) {
    entries.push({
      url: `${origin}/sections/${section.slug}`,
      changeFrequency: 'weekly',
      priority: 0.4,
    })
  }
  return entries
}
