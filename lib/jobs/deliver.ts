/**
 * Sends one email at most once. The notification's unique key is claimed by creating its row
 * (the database's unique index decides between two runners); only the claimer sends. A failed
 * send is recorded and retried later by whichever job runs next; a claim left by a runner that
 * died mid-send is taken over after CLAIM_LEASE_MS. Rows are written outside any job transaction,
 * so a claim is visible to other runners at once and a slow mail server never holds a lock.
 */
import type { Payload, Where } from 'payload'

import { isEmailAddress } from '@/lib/email/config'
import type { RenderedEmail } from '@/lib/email/render'
import { NOTIFICATIONS_SLUG, type NotificationKind, type NotificationStatus } from './kinds'

/** A runner that claimed a send and died is presumed dead after this long. */
export const CLAIM_LEASE_MS = 15 * 60 * 1000

export interface Notice {
  /** unique: what the email is about and for whom, e.g. `cycle-opened:12:users:3` */
  key: string
  kind: NotificationKind
  /** `users:<id>` or `members:<id>` */
  recipient: string
  to: string | null | undefined
  cc?: string[]
  email: RenderedEmail
}

/**
 * sent: sent now · duplicate: already sent (or skipped, refused) by an earlier run ·
 * busy: another runner is sending it right now · failed: the mail server failed, retry later ·
 * refused: the mail server refused the recipient · skipped: no valid address
 */
export type DeliveryOutcome = 'sent' | 'duplicate' | 'busy' | 'failed' | 'refused' | 'skipped'

interface Row {
  id: number | string
  key: string
  status: NotificationStatus
  attempts?: number | null
  claimedAt?: string | null
  lastError?: string | null
}

// Outside any transaction: a claim must be visible to other runners at once, and on SQLite a
// transaction per claim makes concurrent runners fail to begin ("database is locked").
const system = { overrideAccess: true, depth: 0, disableTransaction: true } as const

/**
 * MongoDB: the key's unique index is what makes a claim exclusive, and mongoose builds indexes in
 * the background after connecting. Wait for it before the first claim (a fresh database would
 * otherwise take duplicates, and then fail to build the index at all). SQLite: created by the
 * migration, nothing to wait for.
 */
export async function uniqueIndexReady(payload: Payload, collection: string): Promise<void> {
  const models = (payload.db as { collections?: Record<string, { init?: () => Promise<unknown> }> })
    .collections
  await models?.[collection]?.init?.()
}

async function findRow(payload: Payload, key: string): Promise<Row | null> {
  const { docs } = await payload.find({
    collection: NOTIFICATIONS_SLUG,
    where: { key: { equals: key } },
    limit: 1,
    pagination: false,
    ...system,
  })
  return (docs[0] as unknown as Row | undefined) ?? null
}

/** Creates the row; null when the key is taken (the unique index refused it). */
async function claim(
  payload: Payload,
  notice: Notice,
  status: NotificationStatus,
  attempts: number,
  lastError?: string | null,
): Promise<Row | null> {
  const validCc = (notice.cc ?? []).filter(isEmailAddress)
  try {
    const row = await payload.create({
      collection: NOTIFICATIONS_SLUG,
      data: {
        key: notice.key,
        kind: notice.kind,
        status,
        to: notice.to ?? '',
        cc: validCc.join(', '),
        subject: notice.email.subject,
        recipient: notice.recipient,
        attempts,
        claimedAt: new Date().toISOString(),
        lastError: lastError ?? null,
      },
      ...system,
    })
    return row as unknown as Row
  } catch (err) {
    // a unique-key refusal looks different on each database: decide by looking
    if (await findRow(payload, notice.key)) return null
    throw err
  }
}

/**
 * Takes over a failed send, or one whose runner died: deletes that row (only if it is still in
 * that state) and claims the key afresh. Of two runners doing this at once, one wins the claim.
 */
async function takeOver(payload: Payload, notice: Notice, row: Row): Promise<Row | null> {
  const still: Where = {
    and: [{ key: { equals: notice.key } }, { status: { equals: row.status } }],
  }
  if (row.claimedAt) still.and!.push({ claimedAt: { equals: row.claimedAt } })
  await payload.delete({ collection: NOTIFICATIONS_SLUG, where: still, ...system })
  return claim(payload, notice, 'sending', (row.attempts ?? 0) + 1, row.lastError)
}

async function finish(payload: Payload, row: Row, data: Record<string, unknown>) {
  await payload.update({ collection: NOTIFICATIONS_SLUG, id: row.id, data, ...system })
}

/** A permanent refusal of the recipient (5xx to RCPT TO), as nodemailer reports it. */
function isRefusal(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false
  const { code, responseCode } = err as { code?: string; responseCode?: number }
  return code === 'EENVELOPE' && typeof responseCode === 'number' && responseCode >= 500
}

const describe = (err: unknown) =>
  err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 2000) : String(err)

/** Sends `notice` unless it was sent before; records what happened. Never throws for the email. */
export async function deliver(payload: Payload, notice: Notice): Promise<DeliveryOutcome> {
  if (!isEmailAddress(notice.to)) {
    await uniqueIndexReady(payload, NOTIFICATIONS_SLUG)
    const row = await claim(payload, notice, 'skipped', 0, 'No valid email address on the account.')
    return row ? 'skipped' : 'duplicate'
  }
  await uniqueIndexReady(payload, NOTIFICATIONS_SLUG)
  let row = await claim(payload, notice, 'sending', 1)
  if (!row) {
    const existing = await findRow(payload, notice.key)
    if (!existing) return 'busy'
    const abandoned =
      existing.status === 'sending' &&
      Date.now() - new Date(existing.claimedAt ?? 0).getTime() > CLAIM_LEASE_MS
    if (existing.status !== 'failed' && !abandoned) {
      return existing.status === 'sending' ? 'busy' : 'duplicate'
    }
    row = await takeOver(payload, notice, existing)
    if (!row) return 'busy'
  }
  const cc = (notice.cc ?? []).filter(isEmailAddress)
  try {
    const info = (await payload.email.sendEmail({
      to: notice.to,
      ...(cc.length > 0 ? { cc } : {}),
      subject: notice.email.subject,
      html: notice.email.html,
      text: notice.email.text,
    })) as { messageId?: string; rejected?: unknown[] } | undefined
    const rejected = (info?.rejected ?? []).map(String)
    await finish(payload, row, {
      status: 'sent',
      sentAt: new Date().toISOString(),
      messageId: info?.messageId ?? null,
      lastError: rejected.length > 0 ? `Refused copies: ${rejected.join(', ')}` : null,
    })
    return 'sent'
  } catch (err) {
    const refused = isRefusal(err)
    await finish(payload, row, { status: refused ? 'refused' : 'failed', lastError: describe(err) })
    payload.logger.error({
      err,
      msg: `Email ${notice.key} to ${notice.to} ${refused ? 'refused' : 'failed'}`,
    })
    return refused ? 'refused' : 'failed'
  }
}

/** Thrown by a task when some sends failed, so Payload retries it (with back-off). */
export class DeliveryFailedError extends Error {
  constructor(failed: number) {
    super(`${failed} email(s) could not be sent; the job will retry them.`)
    this.name = 'DeliveryFailedError'
  }
}

export type DeliveryTally = Record<DeliveryOutcome, number>

export const emptyTally = (): DeliveryTally => ({
  sent: 0,
  duplicate: 0,
  busy: 0,
  failed: 0,
  refused: 0,
  skipped: 0,
})
