import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findPerson, getTestPayload, graphql, loginToken, rest, seedDemo } from './helpers'

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

beforeAll(async () => {
  payload = await getTestPayload()
  await seedDemo(payload)
  for (const s of (await payload.find({ collection: 'sections', pagination: false })).docs)
    section[s.slug] = s.id
  planId = (await payload.find({ collection: 'plans', limit: 1 })).docs[0]!.id
  acquisitions = await initiative('E-resource acquisitions workflow survey (sample)')
  acquisitionsMembers = await initiative('Rapid-response forum on budget reductions (sample)')
  serials = await initiative('Review of serials standards for e-journals (sample)')
  draftSerials = await initiative('Serials pricing survey (sample)')
  editor = await findPerson(payload, 'users', 'editor@example.org')
  sectionEditor = await findPerson(payload, 'users', 'acquisitions@example.org')
  member = await findPerson(payload, 'members', '100001')
  // the demo history leaves "Annual 2009" open: these tests open their own cycles
  await payload.update({
    collection: 'cycles',
    where: { state: { equals: 'open' } },
    data: { state: 'closed' },
    context,
  })
})

afterAll(async () => {
  await payload?.destroy()
})

describe('cycle state rules', () => {
  it('goes draft → open → closed, stamps closedAt, and never reopens', async () => {
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
    const cycle = await newCycle('Backdate', 'open')
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
  let openId: number
  let updateId: number

  it('refuses a second open cycle with a message naming the open one', async () => {
    const first = await newCycle('Annual 2009', 'open')
    openId = first.id
    expect(await refusal(newCycle('Second open', 'open'))).toMatch(
      /"Annual 2009" is already open for this plan/,
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
    const update = await payload.create({
      collection: 'progress-updates',
      data: {
        initiative: acquisitions.id,
        cycle: openId,
        status: 'completed',
        progress: 100,
        note: 'Survey published.',
      },
      ...as(sectionEditor),
    })
    updateId = update.id
    expect(String(update.submittedBy)).toBe(String(sectionEditor.id))
    const after = await payload.findByID({
      collection: 'initiatives',
      id: acquisitions.id,
      depth: 0,
    })
    expect([after.status, after.progress]).toEqual(['completed', 100])
    expect(after.completedDate).toBeTruthy()
    expect(after.lastUpdateAt).toBe(update.submittedAt)
  })

  it('the initiative’s own status can no longer be typed once it has an update', async () => {
    const after = await payload.update({
      collection: 'initiatives',
      id: acquisitions.id,
      data: { status: 'cancelled', progress: 3 },
      ...as(sectionEditor),
    })
    expect([after.status, after.progress]).toEqual(['completed', 100])
  })

  it('one update per initiative per cycle', async () => {
    expect(
      await refusal(
        payload.create({
          collection: 'progress-updates',
          data: { initiative: acquisitions.id, cycle: openId, status: 'in-progress', progress: 90 },
          ...as(editor),
        }),
      ),
    ).toMatch(/already has an update in "Annual 2009"/)
  })

  it('a change inside the open cycle keeps the earlier version', async () => {
    await payload.update({
      collection: 'progress-updates',
      id: updateId,
      data: { status: 'in-progress', progress: 95, note: 'Final report still in review.' },
      ...as(sectionEditor),
    })
    const versions = await payload.findVersions({
      collection: 'progress-updates',
      where: { parent: { equals: updateId } },
      depth: 0,
      sort: 'createdAt',
    })
    expect(versions.docs.map((v) => v.version.note)).toContain('Survey published.')
    const after = await payload.findByID({
      collection: 'initiatives',
      id: acquisitions.id,
      depth: 0,
    })
    expect([after.status, after.progress]).toEqual(['in-progress', 95])
  })

  it('closing freezes its updates: no change, no delete, no new one', async () => {
    await payload.update({
      collection: 'cycles',
      id: openId,
      data: { state: 'closed' },
      ...as(editor),
    })
    expect(
      await refusal(
        payload.update({
          collection: 'progress-updates',
          id: updateId,
          data: { note: 'Rewritten history' },
          ...as(editor),
        }),
      ),
    ).toMatch(/is closed: its updates are frozen/)
    expect(
      await refusal(
        payload.delete({ collection: 'progress-updates', id: updateId, ...as(editor) }),
      ),
    ).toMatch(/frozen/)
    expect(
      await refusal(
        payload.create({
          collection: 'progress-updates',
          data: {
            initiative: acquisitionsMembers.id,
            cycle: openId,
            status: 'planned',
            progress: 0,
          },
          ...as(editor),
        }),
      ),
    ).toMatch(/is closed/)
    expect(
      await refusal(payload.delete({ collection: 'cycles', id: openId, ...as(editor) })),
    ).toMatch(/cannot be deleted/)
  })

  it('a draft cycle takes no updates', async () => {
    const draft = await newCycle('Not yet')
    expect(
      await refusal(
        payload.create({
          collection: 'progress-updates',
          data: { initiative: acquisitions.id, cycle: draft.id, status: 'planned', progress: 0 },
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
    const own = await payload.find({
      collection: 'progress-updates',
      where: { initiative: { equals: acquisitionsMembers.id } },
      limit: 1,
      depth: 0,
    })
    const token = await loginToken('users', 'acquisitions@example.org')
    const moved = await rest('PATCH', `/api/progress-updates/${own.docs[0]!.id}`, {
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
    await payload.update({
      collection: 'initiatives',
      id: acquisitions.id,
      data: { visibility: 'members' },
      context,
    })
    expect(await readable(undefined, acquisitions.id)).toBe(0)
    expect(await readable(member, acquisitions.id)).toBeGreaterThan(0)
  })

  it('staff read all', async () => {
    expect(await readable(sectionEditor, draftSerials.id)).toBeGreaterThan(0)
  })
})
