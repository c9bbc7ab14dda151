import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findPerson, getTestPayload, graphql, loginToken, rest, seedDemo } from './helpers'

let payload: Payload
const ctx = { disableRevalidate: true }
let serialsInitiative: { id: number; title: string }
let acquisitionsInitiative: { id: number; title: string }
const section: Record<string, number> = {}
let objectiveId: number

beforeAll(async () => {
  payload = await getTestPayload()
  await seedDemo(payload)
  for (const s of (await payload.find({ collection: 'sections', pagination: false })).docs)
    section[s.slug] = s.id
  const bySection = async (slug: string) =>
    (
      await payload.find({
        collection: 'initiatives',
        where: { section: { equals: section[slug]! } },
        limit: 1,
        sort: 'title',
      })
    ).docs[0]!
  serialsInitiative = await bySection('serials')
  acquisitionsInitiative = await bySection('acquisitions')
  objectiveId = (await payload.find({ collection: 'objectives', limit: 1, depth: 0 })).docs[0]!.id
  // an unpublished plan: a draft nobody outside staff may see
  await payload.create({
    collection: 'plans',
    draft: true,
    data: {
      title: 'Secret draft plan',
      slug: 'secret-draft-plan',
      organization: 'ALCTS',
      startYear: 2012,
      endYear: 2016,
      _status: 'draft',
    },
    context: ctx,
  })
})

afterAll(async () => {
  await payload?.destroy()
})

describe('section editor of Acquisitions (Local API, overrideAccess: false)', () => {
  const as = async () => ({
    user: await findPerson(payload, 'users', 'acquisitions@example.org'),
    overrideAccess: false as const,
    context: ctx,
  })

  it('cannot edit a Serials initiative', async () => {
    await expect(
      payload.update({
        collection: 'initiatives',
        id: serialsInitiative.id,
        data: { progress: 99 },
        ...(await as()),
      }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('can read a Serials initiative (read-only)', async () => {
    const doc = await payload.findByID({
      collection: 'initiatives',
      id: serialsInitiative.id,
      ...(await as()),
    })
    expect(doc.title).toBe(serialsInitiative.title)
  })

  it('can edit an Acquisitions initiative', async () => {
    // the seeded initiatives have progress updates (the demo history), so their status and
    // progress come from "My updates"; the section editor edits the rest of the initiative
    const doc = await payload.update({
      collection: 'initiatives',
      id: acquisitionsInitiative.id,
      data: { lead: 'Acquisitions Section Chair', summary: 'Edited by its section editor.' },
      ...(await as()),
    })
    expect([doc.lead, doc.summary]).toEqual([
      'Acquisitions Section Chair',
      'Edited by its section editor.',
    ])
  })

  it('can set the progress of an Acquisitions initiative that has no update yet', async () => {
    const created = await payload.create({
      collection: 'initiatives',
      data: {
        title: 'AS work without updates',
        section: section.acquisitions!,
        objectives: [objectiveId],
        status: 'planned' as const,
        visibility: 'members' as const,
      },
      ...(await as()),
    })
    const doc = await payload.update({
      collection: 'initiatives',
      id: created.id,
      data: { status: 'in-progress' as const, progress: 42 },
      ...(await as()),
    })
    expect([doc.status, doc.progress]).toEqual(['in-progress', 42])
  })

  it('cannot move its initiative to Serials (a field error on section)', async () => {
    await expect(
      payload.update({
        collection: 'initiatives',
        id: acquisitionsInitiative.id,
        data: { section: section.serials! },
        ...(await as()),
      }),
    ).rejects.toMatchObject({
      status: 400,
      data: {
        errors: [
          {
            path: 'section',
            message: 'You can only add or move initiatives to your own sections.',
          },
        ],
      },
    })
    const after = await payload.findByID({
      collection: 'initiatives',
      id: acquisitionsInitiative.id,
      depth: 0,
    })
    expect(String(after.section)).toBe(String(section.acquisitions))
  })

  it('creates initiatives for Acquisitions only', async () => {
    const data = {
      title: 'New AS work',
      objectives: [objectiveId],
      status: 'planned' as const,
      visibility: 'public' as const,
    }
    const created = await payload.create({
      collection: 'initiatives',
      data: { ...data, section: section.acquisitions! },
      ...(await as()),
    })
    expect(created.title).toBe('New AS work')
    await expect(
      payload.create({
        collection: 'initiatives',
        data: { ...data, section: section.serials! },
        ...(await as()),
      }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('cannot touch the plan itself', async () => {
    const plan = (await payload.find({ collection: 'plans', limit: 1 })).docs[0]!
    await expect(
      payload.update({
        collection: 'plans',
        id: plan.id,
        data: { title: 'Hijacked' },
        ...(await as()),
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.create({
        collection: 'goals',
        data: { plan: plan.id, number: 7, title: 'x' },
        ...(await as()),
      }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('is refused over REST and GraphQL too', async () => {
    const token = await loginToken('users', 'acquisitions@example.org')
    const patched = await rest('PATCH', `/api/initiatives/${serialsInitiative.id}`, {
      token,
      body: { progress: 1 },
    })
    expect(patched.status).toBe(403)
    const mutation = await graphql(
      `mutation { updateInitiative(id: ${JSON.stringify(serialsInitiative.id)}, data: { progress: 1 }) { id } }`,
      { token },
    )
    expect(mutation.json.errors?.[0]?.message).toMatch(/not allowed/i)
    const after = await payload.findByID({
      collection: 'initiatives',
      id: serialsInitiative.id,
      depth: 0,
    })
    expect(after.progress).not.toBe(1)
  })
})

describe('editor', () => {
  it('edits any initiative and the plan', async () => {
    const token = await loginToken('users', 'editor@example.org')
    const res = await rest('PATCH', `/api/initiatives/${serialsInitiative.id}`, {
      token,
      body: { lead: 'Editor edit' },
    })
    expect(res.status).toBe(200)
  })
})

describe('anonymous visitors of REST and GraphQL', () => {
  it('read only published, public initiatives — even when asking for drafts', async () => {
    for (const query of ['?limit=100', '?limit=100&draft=true']) {
      const res = await rest('GET', `/api/initiatives${query}`)
      expect(res.status).toBe(200)
      const docs = (res.json as { docs: { title: string; visibility: string; _status: string }[] })
        .docs
      expect(docs.length).toBeGreaterThan(0)
      expect(docs.every((d) => d.visibility === 'public' && d._status === 'published')).toBe(true)
      expect(res.text).not.toContain('Cataloging cost study') // a draft
      expect(res.text).not.toContain('Rapid-response forum on budget reductions') // members-only
    }
  })

  it('never read a draft plan, users or members', async () => {
    const plans = await rest('GET', '/api/plans?limit=100&draft=true')
    expect(plans.text).not.toContain('Secret draft plan')
    expect((await rest('GET', '/api/users')).status).toBe(403)
    expect((await rest('GET', '/api/members')).status).toBe(403)
  })

  it('read published plans, goals, objectives and sections', async () => {
    expect(
      ((await rest('GET', '/api/goals?limit=100')).json as { totalDocs: number }).totalDocs,
    ).toBe(5)
    expect(
      ((await rest('GET', '/api/objectives?limit=100')).json as { totalDocs: number }).totalDocs,
    ).toBe(26)
    expect(
      ((await rest('GET', '/api/sections?limit=100')).json as { totalDocs: number }).totalDocs,
    ).toBe(6)
  })

  it('never write anything', async () => {
    expect(
      (await rest('POST', '/api/sections', { body: { name: 'Intruders', kind: 'section' } }))
        .status,
    ).toBe(403)
    expect((await rest('DELETE', `/api/initiatives/${acquisitionsInitiative.id}`)).status).toBe(403)
  })

  it('see the same through GraphQL', async () => {
    const res = await graphql(
      '{ Initiatives(limit: 100) { docs { title visibility } } Users { docs { email } } }',
    )
    const docs = (
      res.json.data as { Initiatives: { docs: { title: string; visibility: string }[] } }
    ).Initiatives.docs
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.every((d) => d.visibility === 'public')).toBe(true)
    expect(res.text).not.toContain('example.org')
    expect(res.json.errors?.some((e) => /not allowed/i.test(e.message))).toBe(true)
  })
})
