import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  closeOpenCycle as closeOpenCycleOf,
  findPerson,
  getTestPayload,
  graphql,
  loginToken,
  rest,
  seedDemo,
} from './helpers'

/**
 * Progress cycles (issue 12): the cycle's life, the one-open-cycle rule, frozen closed cycles,
 * section editors confined to their sections' initiatives over the Local API, REST and GraphQL,
 * readers seeing only the updates of initiatives they may read, and the initiative's status
 * following its latest update.
 */
let payload: Payload
const context = { disableRevalidate: true }
const section: Record<string, number> = {}
let planId: number
let objectiveId: number
type Ref = { id: number; title: string }
let acquisitions: Ref
let acquisitionsMembers: Ref
let serials: Ref
let draftSerials: Ref

type Person = Awaited<ReturnType<typeof findPerson>>
let editor: Person
let sectionEditor: Person
let member: Person

/** The message a refusal shows: a ValidationError's field message, else the error's own. */
const refusal = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise
  } catch (err) {
    const e = err as { message?: string; data?: { errors?: { message?: string }[] } }
    return e.data?.errors?.[0]?.message ?? e.message ?? String(err)
  }
  throw new Error('expected a refusal, but it was accepted')
}

const as = (user: Person) => ({ user, overrideAccess: false as const, context, depth: 0 })

const initiative = async (title: string): Promise<Ref> => {
  const { docs } = await payload.find({
    collection: 'initiatives',
    where: { title: { equals: title } },
    draft: true,
    limit: 1,
    depth: 0,
  })
  const doc = docs[0]
  if (!doc) throw new Error(`no initiative ${title}`)
  return { id: doc.id, title: doc.title }
}

const newCycle = (name: string, state: 'draft' | 'open' = 'draft') =>
  payload.create({
    collection: 'cycles',
    data: { name, plan: planId, asOf: '2009-07-15T00:00:00.000Z', state },
    ...as(editor),
  })

let made = 0

const closeOpenCycle = () => closeOpenCycleOf(payload, planId)

/** A new open cycle (after closing the open one): each test opens its own. */
const openCycle = async () => {
  await closeOpenCycle()
  return newCycle(`Test cycle ${++made}`, 'open')
}

/** A new published initiative of a section, with no history: no test inherits another's. */
const freshInitiative = async (slug: string, visibility: 'public' | 'members' = 'members') =>
  payload.create({
    collection: 'initiatives',
    data: {
      title: `Fresh ${slug} work ${++made}`,
      section: section[slug]!,
      objectives: [objectiveId],
      status: 'planned',
      visibility,
      _status: 'published',
    },
    context,
    depth: 0,
  })

/** An editor's update of an initiative in a cycle. */
const report = (
  initiative: number,
  cycle: number | null,
  values: { status: 'planned' | 'in-progress' | 'completed'; progress: number; note?: string },
) =>
  payload.create({
    collection: 'progress-updates',
    data: { initiative, cycle, ...values },
    ...as(editor),
  })

beforeAll(async () => {
  payload = await getTestPayload()
  await seedDemo(payload)
  for (const s of (await payload.find({ collection: 'sections', pagination: false })).docs)
    section[s.slug] = s.id
  planId = (await payload.find({ collection: 'plans', limit: 1 })).docs[0]!.id
  objectiveId = (await payload.find({ collection: 'objectives', limit: 1, depth: 0 })).docs[0]!.id
  acquisitions = await initiative('E-resource acquisitions workflow survey (sample)')
  acquisitionsMembers = await initiative('Rapid-response forum on budget reductions (sample)')
  serials = await initiative('Review of serials standards for e-journals (sample)')
  draftSerials = await initiative('Serials pricing survey (sample)')
  editor = await findPerson(payload, 'users', 'editor@example.org')
  sectionEditor = await findPerson(payload, 'users', 'acquisitions@example.org')
  member = await findPerson(payload, 'members', '100001')
})

afterAll(async () => {
  await payload?.destroy()
})

describe('cycle state rules', () => {
  it('goes draft → open → closed, stamps closedAt, and never reopens', async () => {
    await closeOpenCycle()
    const cycle = await newCycle('Rules cycle')
    expect(cycle.state).toBe('draft')
    expect(
      await refusal(
        payload.update({
          collection: 'cycles',
          id: cycle.id,
          data: { state: 'closed' },
          ...as(editor),
        }),
      ),
    ).toMatch(/must be opened before/)
    const open = await payload.update({
      collection: 'cycles',
      id: cycle.id,
      data: { state: 'open' },
      ...as(editor),
    })
    expect(open.closedAt ?? null).toBeNull()
    expect(
      await refusal(
        payload.update({
          collection: 'cycles',
          id: cycle.id,
          data: { state: 'draft' },
          ...as(editor),
        }),
      ),
    ).toMatch(/cannot go back to draft/)
    const closed = await payload.update({
      collection: 'cycles',
      id: cycle.id,
      data: { state: 'closed' },
      ...as(editor),
    })
    expect(Date.now() - new Date(closed.closedAt!).getTime()).toBeLessThan(60_000)
    expect(
      await refusal(
        payload.update({
          collection: 'cycles',
          id: cycle.id,
          data: { state: 'open' },
          ...as(editor),
        }),
      ),
    ).toMatch(/frozen/)
    expect(
      await refusal(
        payload.update({
          collection: 'cycles',
          id: cycle.id,
          data: { name: 'Renamed' },
          ...as(editor),
        }),
      ),
    ).toMatch(/frozen/)
  })

  it('a person cannot backdate a close', async () => {
    const cycle = await openCycle()
    const closed = await payload.update({
      collection: 'cycles',
      id: cycle.id,
      data: { state: 'closed', closedAt: '2001-01-01T00:00:00.000Z' },
      ...as(editor),
    })
    expect(closed.closedAt?.startsWith('2001')).toBe(false)
  })

  it('a section editor or a member cannot create cycles', async () => {
    await expect(
      payload.create({
        collection: 'cycles',
        data: { name: 'Nope', plan: planId, asOf: '2009-07-15', state: 'draft' },
        ...as(sectionEditor),
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.create({
        collection: 'cycles',
        data: { name: 'Nope', plan: planId, asOf: '2009-07-15', state: 'draft' },
        ...as(member),
      }),
    ).rejects.toMatchObject({ status: 403 })
  })
})

describe('one open cycle per plan, frozen once closed', () => {
  it('refuses a second open cycle with a message naming the open one', async () => {
    const first = await openCycle()
    expect(await refusal(newCycle('Second open', 'open'))).toMatch(
      new RegExp(`"${first.name}" is already open for this plan`),
    )
    const draft = await newCycle('Midwinter 2010')
    expect(
      await refusal(
        payload.update({
          collection: 'cycles',
          id: draft.id,
          data: { state: 'open' },
          ...as(editor),
        }),
      ),
    ).toMatch(/already open/)
  })

  it('a section editor reports on their initiative; its status and progress follow', async () => {
    const cycle = await openCycle()
    const work = await freshInitiative('acquisitions')
    const update = await payload.create({
      collection: 'progress-updates',
      data: {
        initiative: work.id,
        cycle: cycle.id,
        status: 'completed',
        progress: 100,
        note: 'Survey published.',
      },
      ...as(sectionEditor),
    })
    expect(String(update.submittedBy)).toBe(String(sectionEditor.id))
    const after = await payload.findByID({ collection: 'initiatives', id: work.id, depth: 0 })
    expect([after.status, after.progress]).toEqual(['completed', 100])
    expect(after.completedDate).toBeTruthy()
    expect(after.lastUpdateAt).toBe(update.submittedAt)
  })

  it('a hand edit of status or progress once it has an update is refused with a field error', async () => {
    const work = await freshInitiative('acquisitions')
    await report(work.id, (await openCycle()).id, { status: 'in-progress', progress: 30 })
    for (const [data, path] of [
      [{ status: 'cancelled' }, 'status'],
      [{ progress: 3 }, 'progress'],
    ] as const) {
      await expect(
        payload.update({ collection: 'initiatives', id: work.id, data, ...as(sectionEditor) }),
      ).rejects.toMatchObject({
        status: 400,
        data: { errors: [{ path, message: expect.stringMatching(/progress update/) }] },
      })
    }
    // over REST too: a 400 that says why, not a 200 that drops the value
    const token = await loginToken('users', 'acquisitions@example.org')
    const patch = await rest('PATCH', `/api/initiatives/${work.id}`, {
      token,
      body: { progress: 99 },
    })
    expect(patch.status).toBe(400)
    expect(patch.text).toMatch(/Record a progress update/)
    // the same values, and the rest of the initiative, are still accepted
    const edited = await payload.update({
      collection: 'initiatives',
      id: work.id,
      data: { status: 'in-progress', progress: 30, lead: 'Chair' },
      ...as(sectionEditor),
    })
    expect([edited.status, edited.progress, edited.lead]).toEqual(['in-progress', 30, 'Chair'])
  })

  it('one update per initiative per cycle', async () => {
    const cycle = await openCycle()
    const work = await freshInitiative('acquisitions')
    await report(work.id, cycle.id, { status: 'in-progress', progress: 80 })
    expect(
      await refusal(
        payload.create({
          collection: 'progress-updates',
          data: { initiative: work.id, cycle: cycle.id, status: 'in-progress', progress: 90 },
          ...as(editor),
        }),
      ),
    ).toMatch(new RegExp(`already has an update in "${cycle.name}"`))
  })

  it('a change inside the open cycle keeps the earlier version', async () => {
    const work = await freshInitiative('acquisitions')
    const update = await report(work.id, (await openCycle()).id, {
      status: 'completed',
      progress: 100,
      note: 'Survey published.',
    })
    await payload.update({
      collection: 'progress-updates',
      id: update.id,
      data: { status: 'in-progress', progress: 95, note: 'Final report still in review.' },
      ...as(sectionEditor),
    })
    const versions = await payload.findVersions({
      collection: 'progress-updates',
      where: { parent: { equals: update.id } },
      depth: 0,
      sort: 'createdAt',
    })
    expect(versions.docs.map((v) => v.version.note)).toContain('Survey published.')
    const after = await payload.findByID({ collection: 'initiatives', id: work.id, depth: 0 })
    expect([after.status, after.progress]).toEqual(['in-progress', 95])
  })

  it('closing freezes its updates: no change, no delete, no new one', async () => {
    const cycle = await openCycle()
    const [work, other] = [
      await freshInitiative('acquisitions'),
      await freshInitiative('acquisitions'),
    ]
    const update = await report(work.id, cycle.id, { status: 'in-progress', progress: 10 })
    await payload.update({
      collection: 'cycles',
      id: cycle.id,
      data: { state: 'closed' },
      ...as(editor),
    })
    expect(
      await refusal(
        payload.update({
          collection: 'progress-updates',
          id: update.id,
          data: { note: 'Rewritten history' },
          ...as(editor),
        }),
      ),
    ).toMatch(/is closed: its updates are frozen/)
    expect(
      await refusal(
        payload.delete({ collection: 'progress-updates', id: update.id, ...as(editor) }),
      ),
    ).toMatch(/frozen/)
    expect(
      await refusal(
        payload.create({
          collection: 'progress-updates',
          data: { initiative: other.id, cycle: cycle.id, status: 'planned', progress: 0 },
          ...as(editor),
        }),
      ),
    ).toMatch(/is closed/)
    expect(
      await refusal(payload.delete({ collection: 'cycles', id: cycle.id, ...as(editor) })),
    ).toMatch(/cannot be deleted/)
  })

  it('a draft cycle takes no updates', async () => {
    const work = await freshInitiative('acquisitions')
    const draft = await newCycle('Not yet')
    expect(
      await refusal(
        payload.create({
          collection: 'progress-updates',
          data: { initiative: work.id, cycle: draft.id, status: 'planned', progress: 0 },
          ...as(editor),
        }),
      ),
    ).toMatch(/not open for updates yet/)
  })
})

describe('section editors are confined to their sections’ initiatives', () => {
  const body = (id: number) => ({ initiative: id, status: 'in-progress', progress: 40 })

  it('Local API: refused for a Serials initiative', async () => {
    expect(
      await refusal(
        payload.create({
          collection: 'progress-updates',
          data: body(serials.id) as never,
          ...as(sectionEditor),
        }),
      ),
    ).toMatch(/your own sections/)
  })

  it('REST: refused for a Serials initiative, allowed for their own', async () => {
    const token = await loginToken('users', 'acquisitions@example.org')
    const refused = await rest('POST', '/api/progress-updates', { token, body: body(serials.id) })
    expect(refused.status).toBe(400)
    expect(refused.text).toMatch(/your own sections/)
    const ok = await rest('POST', '/api/progress-updates', {
      token,
      body: body(acquisitionsMembers.id),
    })
    expect(ok.status).toBe(201)
  })

  it('REST: cannot change or delete an update of a Serials initiative', async () => {
    const other = await payload.create({
      collection: 'progress-updates',
      data: { initiative: serials.id, status: 'in-progress', progress: 71, note: 'Serials' },
      ...as(editor),
    })
    const token = await loginToken('users', 'acquisitions@example.org')
    const patch = await rest('PATCH', `/api/progress-updates/${other.id}`, {
      token,
      body: { note: 'Hijacked' },
    })
    expect([403, 404]).toContain(patch.status)
    const del = await rest('DELETE', `/api/progress-updates/${other.id}`, { token })
    expect([403, 404]).toContain(del.status)
    const unchanged = await payload.findByID({ collection: 'progress-updates', id: other.id })
    expect(unchanged.note).toBe('Serials')
  })

  it('REST: cannot move their update onto another initiative', async () => {
    const own = await report(acquisitionsMembers.id, null, { status: 'in-progress', progress: 45 })
    const token = await loginToken('users', 'acquisitions@example.org')
    const moved = await rest('PATCH', `/api/progress-updates/${own.id}`, {
      token,
      body: { initiative: serials.id },
    })
    expect(moved.status).toBe(400)
  })

  it('GraphQL: refused for a Serials initiative', async () => {
    const token = await loginToken('users', 'acquisitions@example.org')
    const result = await graphql(
      `
        mutation ($initiative: Int!) {
          createProgressUpdate(
            data: { initiative: $initiative, status: in_progress, progress: 40 }
          ) {
            id
          }
        }
      `,
      { token, variables: { initiative: Number(serials.id) } },
    )
    const message = result.json.errors?.[0]?.message ?? ''
    // MongoDB ids are strings: the Int variable itself is refused there, which is a refusal too
    expect(result.json.errors?.length ?? 0).toBeGreaterThan(0)
    expect(message).not.toBe('')
    const count = await payload.count({
      collection: 'progress-updates',
      where: { and: [{ initiative: { equals: serials.id } }, { progress: { equals: 40 } }] },
    })
    expect(count.totalDocs).toBe(0)
  })
})

describe('readers see the updates of the initiatives they may read', () => {
  beforeAll(async () => {
    for (const id of [acquisitions.id, draftSerials.id]) {
      await payload.create({
        collection: 'progress-updates',
        data: { initiative: id, status: 'in-progress', progress: 50, note: 'reader test' },
        ...as(editor),
      })
    }
  })

  const readable = async (user: Person | undefined, id: number) => {
    const { totalDocs } = await payload.count({
      collection: 'progress-updates',
      where: { initiative: { equals: id } },
      ...(user ? as(user) : { overrideAccess: false }),
    })
    return totalDocs
  }

  it('a member reads members-only initiatives’ updates, never a draft’s', async () => {
    expect(await readable(member, acquisitions.id)).toBeGreaterThan(0)
    expect(await readable(member, acquisitionsMembers.id)).toBeGreaterThan(0)
    expect(await readable(member, draftSerials.id)).toBe(0)
  })

  it('anonymous readers see public initiatives’ updates only', async () => {
    expect(await readable(undefined, acquisitions.id)).toBeGreaterThan(0)
    expect(await readable(undefined, acquisitionsMembers.id)).toBe(0)
    const res = await rest(
      'GET',
      `/api/progress-updates?where[initiative][equals]=${acquisitionsMembers.id}`,
    )
    expect((res.json as { totalDocs: number }).totalDocs).toBe(0)
  })

  it('follows the initiative when it becomes members-only', async () => {
    const work = await freshInitiative('acquisitions', 'public')
    await report(work.id, null, { status: 'in-progress', progress: 20 })
    expect(await readable(undefined, work.id)).toBe(1)
    await payload.update({
      collection: 'initiatives',
      id: work.id,
      data: { visibility: 'members' },
      context,
    })
    expect(await readable(undefined, work.id)).toBe(0)
    expect(await readable(member, work.id)).toBe(1)
  })

  it('staff read all', async () => {
    expect(await readable(sectionEditor, draftSerials.id)).toBeGreaterThan(0)
  })
})

describe('deleting an initiative', () => {
  it('takes its progress updates with it, in a closed cycle too', async () => {
    const cycle = await openCycle()
    const work = await freshInitiative('acquisitions')
    await report(work.id, cycle.id, { status: 'in-progress', progress: 15 })
    await report(work.id, null, { status: 'in-progress', progress: 25 })
    await payload.update({
      collection: 'cycles',
      id: cycle.id,
      data: { state: 'closed' },
      ...as(editor),
    })
    await payload.delete({ collection: 'initiatives', id: work.id, ...as(editor) })
    const left = await payload.count({
      collection: 'progress-updates',
      where: { initiative: { equals: work.id } },
    })
    expect(left.totalDocs).toBe(0)
    const gone = await payload.find({
      collection: 'initiatives',
      where: { id: { equals: work.id } },
      draft: true,
    })
    expect(gone.totalDocs).toBe(0)
  })
})
