import crypto from 'node:crypto'

/** The one password rule, on every surface (site forms, REST, GraphQL, the admin; members and staff). */
export const MIN_PASSWORD_LENGTH = 10
export const MAX_PASSWORD_LENGTH = 1024

/** What is wrong with a new password, or null when it may be set. */
export function passwordProblem(password: unknown): string | null {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) {
    return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`
  }
  if (password.length > MAX_PASSWORD_LENGTH) return 'That password is too long.'
  return null
}

// Payload's current password hash (payload/dist/auth/strategies/local/generatePasswordSaltHash.js):
// PBKDF2-SHA256, 600,000 iterations, 32 bytes, prefixed; older hashes 25,000 iterations, 512 bytes.
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'
const hashParameters = (hash: string) =>
  hash.startsWith(CURRENT_PREFIX)
    ? { stored: hash.slice(CURRENT_PREFIX.length), iterations: 600_000, keyLength: 32 }
    : { stored: hash, iterations: 25_000, keyLength: 512 }

const pbkdf2 = (password: string, salt: string, iterations: number, keyLength: number) =>
  new Promise<Buffer>((resolve, reject) =>
    crypto.pbkdf2(password, salt, iterations, keyLength, 'sha256', (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  )

/** Whether `password` is the account's, checked the way Payload checks it. */
export async function passwordMatches(
  account: { hash?: unknown; salt?: unknown },
  password: string,
): Promise<boolean> {
  if (typeof account.hash !== 'string' || typeof account.salt !== 'string') {
    await dummyPasswordCheck(password)
    return false
  }
  const { stored, iterations, keyLength } = hashParameters(account.hash)
  const key = await pbkdf2(password, account.salt, iterations, keyLength)
  const expected = Buffer.from(stored, 'hex')
  return key.length === expected.length && crypto.timingSafeEqual(key, expected)
}

const DUMMY_SALT = crypto.randomBytes(32).toString('hex')

/**
 * The cost of checking a password against an account that does not exist: one hash with the
 * parameters of a real one, so an unknown login answers no faster than a wrong password.
 */
export async function dummyPasswordCheck(password: string): Promise<void> {
  await pbkdf2(password, DUMMY_SALT, 600_000, 32)
}
