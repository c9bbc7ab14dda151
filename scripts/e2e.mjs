#!/usr/bin/env node
/**
 * npm run test:e2e [-- <test files>]
 * Browser tests against the production build on a fresh, seeded SQLite database: builds if there
 * is no build yet, seeds a temp database (demo accounts included), starts `next start` on
 * E2E_PORT (3100) with single sign-on through a real OpenID Connect issuer on E2E_OIDC_PORT
 * (4100, scripts/lib/oidc-issuer.mjs) and email through Mailpit (SMTP_URL and MAILPIT_URL when
 * given, else its own on E2E_SMTP_PORT / E2E_MAILPIT_PORT, 1125 / 8125), runs the vitest e2e config (playwright-core driving /usr/bin/chromium),
 * then stops them. Screenshots land in test-results/e2e/.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { startMailpit } from './lib/mailpit.mjs'
import { startOidcIssuer } from './lib/oidc-issuer.mjs'
import { ensureBuild, productionEnv, root, seedDemo, startServer, tail } from './lib/server.mjs'

const port = Number(process.env.E2E_PORT || 3100)
const oidcPort = Number(process.env.E2E_OIDC_PORT || port + 1000)
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
if (!fs.existsSync(chromium)) {
  console.error(
    `Chromium not found at ${chromium}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
  )
  process.exit(1)
}

ensureBuild()
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-e2e-'))
const issuer = await startOidcIssuer({ port: oidcPort, siteUrl: `http://localhost:${port}` })
// the site sends real email (password resets) that the tests read back from Mailpit's API
const mailpit =
  process.env.SMTP_URL && process.env.MAILPIT_URL
    ? null
    : await startMailpit({
        smtpPort: Number(process.env.E2E_SMTP_PORT || 1125),
        httpPort: Number(process.env.E2E_MAILPIT_PORT || 8125),
      })
const mail = mailpit
  ? { SMTP_URL: mailpit.smtpUrl, MAILPIT_URL: mailpit.apiUrl }
  : { SMTP_URL: process.env.SMTP_URL, MAILPIT_URL: process.env.MAILPIT_URL }
// archived reports (the job runner the tests start writes them, the server reads them) in the temp dir
const env = productionEnv(port, `file:${path.join(dir, 'e2e.db')}`, {
  ...issuer.env,
  ...mail,
  REPORT_ARCHIVE_DIR: path.join(dir, 'reports'),
})
console.log(`Seeding ${env.DATABASE_URI} …`)
seedDemo(env)
const server = await startServer({ port, env, logFile: path.join(dir, 'server.log') })
process.on('SIGINT', () => {
  server.stop()
  mailpit?.stop()
  process.exit(130)
})

let status = 1
try {
  console.log(`Server ready on ${server.url}; running browser tests.`)
  // spawn, not spawnSync: the OIDC issuer runs in this process and must keep answering
  const tests = spawn(
    'npx',
    ['vitest', 'run', '--config', 'vitest.e2e.config.mts', ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        ...env,
        NODE_ENV: 'test',
        E2E_BASE_URL: server.url,
        E2E_DATABASE_URI: env.DATABASE_URI,
        CHROMIUM_PATH: chromium,
      },
    },
  )
  status = await new Promise((resolve) => tests.on('close', (code) => resolve(code ?? 1)))
  if (status !== 0) console.error(`Server log (${server.logFile}):\n${tail(server.logFile)}`)
} finally {
  server.stop()
  mailpit?.stop()
  await issuer.stop()
}
process.exit(status)
