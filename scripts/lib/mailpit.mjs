/**
 * Starts Mailpit (a real SMTP server with an HTTP API; .ci/mailpit.sh builds and caches it) on
 * loopback ports, for the browser tests when no SMTP_URL/MAILPIT_URL is given. Resolves once its
 * API answers; `stop()` ends it.
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { root } from './server.mjs'

/** The Mailpit binary: MAILPIT_BIN, else the one .ci/mailpit.sh builds (once) and caches. */
export function mailpitBinary() {
  if (process.env.MAILPIT_BIN) return process.env.MAILPIT_BIN
  return execFileSync('bash', [path.join(root, '.ci/mailpit.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim()
}

export async function startMailpit({ smtpPort, httpPort, timeoutMs = 20_000 }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-mailpit-'))
  const log = fs.openSync(path.join(dir, 'mailpit.log'), 'w')
  const child = spawn(
    mailpitBinary(),
    [
      '--smtp',
      `127.0.0.1:${smtpPort}`,
      '--listen',
      `127.0.0.1:${httpPort}`,
      '--database',
      path.join(dir, 'mailpit.db'),
      '--max',
      '5000',
      '--smtp-auth-accept-any',
      '--smtp-auth-allow-insecure',
      '--disable-version-check',
    ],
    { stdio: ['ignore', log, log] },
  )
  const stop = () => {
    if (child.exitCode == null) child.kill('SIGTERM')
  }
  const apiUrl = `http://127.0.0.1:${httpPort}`
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline && child.exitCode == null) {
    const ok = await fetch(`${apiUrl}/api/v1/messages?limit=1`).then(
      (res) => res.ok,
      () => false, // not listening yet
    )
    if (ok) return { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, apiUrl, stop }
    await new Promise((r) => setTimeout(r, 200))
  }
  stop()
  throw new Error(
    `Mailpit did not answer on ${apiUrl}: ${fs.readFileSync(path.join(dir, 'mailpit.log'), 'utf8')}`,
  )
}
