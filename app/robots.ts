import type { MetadataRoute } from 'next'
import { connection } from 'next/server'

import { env } from '@/lib/env'

/** /robots.txt: the public pages are open to crawlers; the admin, APIs and member area are not. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  // Per request, so the sitemap address follows the deployment's NEXTAUTH_URL, not the build's.
  await connection()
  return {
    rules: {
      userAgent: '*',
      allow: '/',
      disallow: ['/admin', '/api/', '/dashboard', '/login', '/next/'],
    },
    sitemap: `${env().serverUrl}/sitemap.xml`,
  }
}
