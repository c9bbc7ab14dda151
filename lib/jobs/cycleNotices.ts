/**
 * The emails a cycle owes, worked out afresh on every run and sent through `deliver`, whose keys
 * make each one go out once: the opening notice to every section editor with initiatives to
 * report, the reminder REMINDER_DAYS_BEFORE_DUE days before the due date to those not finished,
 * and the due-date notice to those still missing (the editors copied). A run can come from the
 * cycle's opening, from the hourly schedule or from a retry: the outcome is the same.
 */
import type { Payload } from 'payload'

import { associationName } from '@/lib/email/association'
import {
  cycleOpenedEmail,
  cycleOverdueEmail,
  cycleReminderEmail,
  type CycleMessageInput,
} from '@/lib/email/messages'
import { env } from '@/lib/env'
import { cycleCompletion } from '@/lib/plan/cycles'
import { sameId, type Id } from '@/lib/plan/types'
import { loadCycleCase, loadStaff, type CycleCase, type StaffRecipient } from './cycleData'
import { deliver, emptyTally, type DeliveryTally } from './deliver'
import { NOTIFICATIONS_SLUG } from './kinds'

/** The admin's "My updates" view (components/admin, the cycles UI). */
export const MY_UPDATES_PATH = '/admin/my-updates'
/** A staff user's own account in the admin (where "Email me reminders" is). */
export const ACCOUNT_PATH = '/admin/account'

const DAY_MS = 24 * 60 * 60 * 1000

/** Midnight UTC of a date's calendar day (due dates are days, not instants). */
const dayStart = (iso: string): number => {
  const d = new Date(iso)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())
}

export type CycleStage = 'opened' | 'reminder' | 'overdue'

/**
 * Which notices are due at `now` for an open cycle: the opening notice always; the reminder from
 * `daysBefore` days before the due day; the due-date notice from the due day on. Pure.
 */
export function stagesDue(
  dueOn: string | null | undefined,
  now: Date,
  daysBefore: number,
): CycleStage[] {
  const stages: CycleStage[] = ['opened']
  if (!dueOn || Number.isNaN(new Date(dueOn).getTime())) return stages
  const due = dayStart(dueOn)
  if (now.getTime() >= due) stages.push('overdue')
  else if (now.getTime() >= due - daysBefore * DAY_MS) stages.push('reminder')
  return stages
}

/** Each reporting section editor with the expected initiatives of their sections, and those missing. */
export function reportingEditors(
  data: Pick<CycleCase, 'cycle' | 'initiatives' | 'updates' | 'sections'>,
  staff: StaffRecipient[],
  now: Date,
): { person: StaffRecipient; expected: Id[]; missing: Id[] }[] {
  const completion = cycleCompletion(data, data.cycle, now)
  const missing = new Set(completion.missing.map(String))
  const reported = new Set(
    data.updates.filter((u) => sameId(u.cycle, data.cycle.id)).map((u) => String(u.initiative)),
  )
  const expectedIds = data.initiatives.filter(
    (i) => missing.has(String(i.id)) || (reported.has(String(i.id)) && i.published),
  )
  return staff
    .filter((person) => person.roles.includes('section-editor') && person.sections.length > 0)
    .flatMap((person) => {
      const own = expectedIds.filter((i) => person.sections.some((s) => sameId(s, i.section)))
      if (own.length === 0) return []
      return [
        {
          person,
          expected: own.map((i) => i.id),
          missing: own.filter((i) => missing.has(String(i.id))).map((i) => i.id),
        },
      ]
    })
}

/** When the opening notice to this person went out (null if it has not). */
async function openedAt(payload: Payload, key: string): Promise<number | null> {
  const { docs } = await payload.find({
    collection: NOTIFICATIONS_SLUG,
    where: { key: { equals: key } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const sentAt = (docs[0] as { sentAt?: string | null } | undefined)?.sentAt
  return sentAt ? new Date(sentAt).getTime() : null
}

/** Sends what an open cycle owes at `now`. A cycle that is not open owes no reminder. */
export async function sendCycleNotices(
  payload: Payload,
  cycleId: Id,
  now: Date = new Date(),
): Promise<DeliveryTally> {
  const tally = emptyTally()
  const data = await loadCycleCase(payload, cycleId)
  if (!data || data.cycle.state !== 'open') return tally
  const { serverUrl, email } = env()
  const staff = await loadStaff(payload)
  // copied on the due-date notice: editors who have not turned reminders off
  const editors = staff.filter(
    (person) => person.roles.includes('editor') && person.email && person.reminders,
  )
  const association = await associationName(payload)
  const stages = stagesDue(data.cycle.dueOn, now, email.reminderDaysBeforeDue)
  const titles = new Map(
    data.initiatives.map((i) => {
      const section = data.sections.find((s) => sameId(s.id, i.section))
      return [String(i.id), section ? `${i.title} (${section.name})` : i.title]
    }),
  )
  const named = (ids: Id[]) => ids.map((id) => titles.get(String(id)) ?? String(id))

  for (const { person, expected, missing } of reportingEditors(data, staff, now)) {
    const recipient = `users:${person.id}`
    const base = (list: Id[]): CycleMessageInput => ({
      association,
      planTitle: data.plan.title,
      cycleName: data.cycle.name,
      dueOn: data.cycle.dueOn ?? null,
      instructions: data.cycle.instructions ?? null,
      recipientName: person.name,
      initiatives: named(list),
      myUpdatesUrl: `${serverUrl}${MY_UPDATES_PATH}`,
      preferencesUrl: `${serverUrl}${ACCOUNT_PATH}`,
    })
    const openedKey = `cycle-opened:${data.cycle.id}:${recipient}`
    const opened = await deliver(payload, {
      key: openedKey,
      kind: 'cycle-opened',
      recipient,
      to: person.email,
      email: cycleOpenedEmail(base(expected)),
    })
    tally[opened] += 1
    if (missing.length === 0 || !person.reminders) continue

    if (stages.includes('reminder')) {
      // not on the heels of the opening notice: a cycle opened inside the reminder window gets
      // its reminder a day after the notice at the earliest
      const noticeAt = await openedAt(payload, openedKey)
      if (noticeAt != null && now.getTime() - noticeAt >= DAY_MS) {
        const outcome = await deliver(payload, {
          key: `cycle-reminder:${data.cycle.id}:${recipient}`,
          kind: 'cycle-reminder',
          recipient,
          to: person.email,
          email: cycleReminderEmail(base(missing)),
        })
        tally[outcome] += 1
      }
    }
    if (stages.includes('overdue')) {
      const outcome = await deliver(payload, {
        key: `cycle-overdue:${data.cycle.id}:${recipient}`,
        kind: 'cycle-overdue',
        recipient,
        to: person.email,
        cc: editors.filter((e) => !sameId(e.id, person.id)).map((e) => e.email!),
        email: cycleOverdueEmail(base(missing)),
      })
      tally[outcome] += 1
    }
  }
  return tally
}
