/**
 * npm run create-admin -- --email <address> --name "<full name>"
 * Creates a staff admin from the server's shell: the way to make the first admin in production,
 * where the admin's "create first user" page needs ADMIN_SETUP_TOKEN. The password is read from
 * standard input (first line), so it never lands in the shell's history or the process list:
 *   read -rs PW && printf '%s\n' "$PW" | npm run create-admin -- --email a@example.org --name "A. Admin"
 */
import readline from 'node:readline'

import { getPayload } from 'payload'

import { passwordProblem } from '@/lib/auth/passwords'
import { readCommandLine } from '@/lib/cli'
import { runScript } from '@/scripts/lib/run'

const USAGE =
  'Usage: npm run create-admin -- --email <address> --name "<full name>" (password on stdin)'

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (at least 10 characters): ')
  const lines = readline.createInterface({ input: process.stdin, terminal: false })
  for await (const line of lines) {
    lines.close()
    return line
  }
  return ''
}

async function main() {
  const line = readCommandLine(process.argv.slice(2), {
    email: { type: 'string' },
    name: { type: 'string' },
  })
  const email = line.ok ? line.values.email?.trim().toLowerCase() : undefined
  const name = line.ok ? line.values.name?.trim() : undefined
  if (
    !line.ok ||
    line.positionals.length > 0 ||
    !email ||
    !/^[^\s@]+@[^\s@]+$/.test(email) ||
    !name
  ) {
    console.error(USAGE)
    return 2
  }
  const password = await readPassword()
  const problem = passwordProblem(password)
  if (problem) {
    console.error(problem)
    return 2
  }
  // imported after the options and the password are checked: loading Payload takes seconds
  const { default: config } = await import('@/payload.config')
  const payload = await getPayload({ config })
  try {
    const existing = await payload.count({
      collection: 'users',
      where: { email: { equals: email } },
      overrideAccess: true,
    })
    if (existing.totalDocs > 0) {
      console.error(
        `A staff account ${email} exists already; reset its password from the admin instead.`,
      )
      return 1
    }
    // the operator at the server's shell is the authority here: no person to act as yet
    await payload.create({
      collection: 'users',
      data: { email, name, password, roles: ['admin'] },
      overrideAccess: true,
    })
    console.log(`Created the admin ${email}. Sign in at /admin.`)
    return 0
  } finally {
    await payload.destroy()
  }
}

runScript('create-admin', main)
