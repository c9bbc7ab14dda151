import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'

import { Goals } from './collections/Goals'
import { Initiatives } from './collections/Initiatives'
import { Members } from './collections/Members'
import { Objectives } from './collections/Objectives'
import { Plans } from './collections/Plans'
import { Sections } from './collections/Sections'
import { Users } from './collections/Users'
import { databaseAdapter, migrateSqliteOutsideProduction } from './lib/database'
import { env } from './lib/env'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const config = env()

export default buildConfig({
  secret: config.payloadSecret,
  db: databaseAdapter(config),
  editor: lexicalEditor(),
  collections: [Plans, Goals, Objectives, Sections, Initiatives, Users, Members],
  admin: {
    user: Users.slug,
    avatar: 'default',
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Lodestar' },
  },
  graphQL: {
    disablePlaygroundInProduction: true,
    disableIntrospectionInProduction: true,
  },
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
    // Types are generated explicitly (`npm run generate:types`), never by a background process.
    autoGenerate: false,
  },
  telemetry: false,
  onInit: async (payload) => {
    await migrateSqliteOutsideProduction(payload, config)
    const { seedOnFirstStart } = await import('./lib/seed/firstStart')
    await seedOnFirstStart(payload)
  },
})
