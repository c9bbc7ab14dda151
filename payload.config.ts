import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'

import { ArchivedReports } from './collections/ArchivedReports'
import { Cycles } from './collections/Cycles'
import { Goals } from './collections/Goals'
import { Initiatives } from './collections/Initiatives'
import { Members } from './collections/Members'
import { memberInitQuery } from './collections/Members/endpoints/firstRegister'
import { Notifications } from './collections/Notifications'
import { Objectives } from './collections/Objectives'
import { Plans } from './collections/Plans'
import { ProgressUpdates } from './collections/ProgressUpdates'
import { Sections } from './collections/Sections'
import { Users } from './collections/Users'
import { limitFirstRegister } from './collections/Users/hooks/guardFirstRegister'
import { withCycleJobs } from './collections/hooks/queueCycleWork'
import { withBoundedReads } from './collections/hooks/boundReads'
import { GRAPHQL_MAX_COMPLEXITY, maxDepthRule } from './lib/api/graphqlDepth'
import { withHardenedAuthCookies } from './lib/auth/cookies'
import { staffOnlyDocumentLocks } from './lib/auth/lockedDocuments'
import { databaseAdapter, migrateSqliteOutsideProduction } from './lib/database'
import { lodestarEmailAdapter } from './lib/email/adapter'
import { lodestarJobs } from './lib/jobs'
import { env } from './lib/env'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const config = env()

export default buildConfig({
  secret: config.payloadSecret,
  db: databaseAdapter(config),
  editor: lexicalEditor(),
  email: lodestarEmailAdapter(config.email),
  // REST and GraphQL reads by anyone but staff are bounded (collections/hooks/boundReads.ts)
  collections: withBoundedReads(
    withCycleJobs(
      withHardenedAuthCookies(
        [
          Plans,
          Goals,
          Objectives,
          Sections,
          Initiatives,
          Cycles,
          ProgressUpdates,
          Users,
          Members,
          Notifications,
          ArchivedReports,
        ],
        config.serverUrl.startsWith('https://'),
      ),
    ),
  ),
  // email, reminders and the report archive run as jobs: in-process under `npm run dev` only;
  // production runs `npm run jobs` beside the web server
  jobs: lodestarJobs({ runInProcess: !config.isProduction && !process.env.VITEST }),
  // Cookie-authenticated requests are honoured only from the site's own origin; other origins
  // may not call the API from a browser at all.
  csrf: [config.serverUrl],
  cors: [config.serverUrl],
  admin: {
    user: Users.slug,
    avatar: 'default',
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Lodestar' },
    components: {
      // the plan import view (/admin/import-plan) and its link in the navigation, for editors
      views: {
        importPlan: {
          Component: '/components/admin/ImportPlanView#ImportPlanView',
          path: '/import-plan',
          meta: { title: 'Import plan' },
        },
        // section editors report on the open cycle (/admin/my-updates)
        myUpdates: {
          Component: '/components/admin/MyUpdatesView#MyUpdatesView',
          path: '/my-updates',
          meta: { title: 'My updates' },
        },
      },
      beforeNavLinks: ['/components/admin/MyUpdatesNavLink#MyUpdatesNavLink'],
      afterNavLinks: ['/components/admin/ImportNavLink#ImportNavLink'],
      // says so on every admin page when this site cannot send email, or when sends failed
      header: ['/components/admin/EmailStatusBanner#EmailStatusBanner'],
    },
  },
  i18n: {
    // Only members sign in with a username, and theirs is the member number: the admin's
    // member form and account views say so.
    translations: { en: { authentication: { username: 'Member number' } } },
  },
  graphQL: {
    disablePlaygroundInProduction: true,
    disableIntrospectionInProduction: true,
    // bounded queries: a complexity ceiling and a nesting limit (lib/api/graphqlDepth.ts)
    maxComplexity: GRAPHQL_MAX_COMPLEXITY,
    validationRules: () => [maxDepthRule()],
    // initializedMember always answers true, like GET /api/members/init
    queries: memberInitQuery,
  },
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
    // Types are generated explicitly (`npm run generate`), never by a background process.
    autoGenerate: false,
  },
  telemetry: false,
  // Tests provoke refusals on purpose (the access matrix alone makes hundreds); Payload would log
  // each as an error. LODESTAR_TEST_LOG_LEVEL=info brings them back when debugging a test.
  ...(process.env.VITEST
    ? { logger: { options: { level: process.env.LODESTAR_TEST_LOG_LEVEL ?? 'fatal' } } }
    : {}),
  onInit: async (payload) => {
    await migrateSqliteOutsideProduction(payload, config)
    const { seedOnFirstStart } = await import('./lib/seed/firstStart')
    await seedOnFirstStart(payload)
  },
})
  .then(staffOnlyDocumentLocks)
  .then(limitFirstRegister)
