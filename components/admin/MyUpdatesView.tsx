import type { AdminViewServerProps, PayloadRequest } from 'payload'

import { isEditor, isSectionEditor, sectionIdsOf } from '@/lib/auth/roles'
import { formatDate } from '@/lib/format/dates'
import { idOf, type Relation } from '@/lib/format/ids'
import { initiativeRecord } from '@/lib/data/initiativeRecord'
import type { ProgressUpdate } from '@/lib/plan/cycles'
import { reportingRows } from '@/lib/plan/reporting'
import { INITIATIVE_STATUSES, type Id, type InitiativeStatus } from '@/lib/plan/types'
import { AdminView, adminViewStyles } from './AdminView'
import { MyUpdates } from './MyUpdates.client'
import styles from './myUpdates.module.css'

const isStatus = (value: unknown): value is InitiativeStatus =>
  typeof value === 'string' && (INITIATIVE_STATUSES as readonly string[]).includes(value)

const first = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value

/**
 * Everything the view reads, as the signed-in person (`user` + `overrideAccess: false`): the open
 * cycles, the sections they report for, those sections' initiatives in the cycle's plan and the
 * initiatives' updates.
 */
async function loadMyUpdates(req: PayloadRequest, query: { cycle?: string; section?: string }) {
  const { payload, user } = req
  const asPerson = {
    req,
    user,
    overrideAccess: false as const,
    depth: 0,
    pagination: false as const,
  }
  const editor = isEditor(user)

  const [sectionDocs, openCycles] = await Promise.all([
    payload.find({
      collection: 'sections',
      sort: 'name',
      select: { name: true, slug: true },
      ...(editor ? {} : { where: { id: { in: sectionIdsOf(user) } } }),
      ...asPerson,
    }),
    payload.find({
      collection: 'cycles',
      where: { state: { equals: 'open' } },
      sort: '-opensOn',
      select: { name: true, plan: true, dueOn: true, opensOn: true, instructions: true },
      populate: { plans: { title: true } },
      ...asPerson,
      depth: 1,
    }),
  ])
  const sections = sectionDocs.docs.map((s) => ({ id: s.id, name: s.name, slug: s.slug }))
  const cycles = openCycles.docs.map((c) => {
    const plan = c.plan as Relation | { id: Id; title?: string }
    return {
      id: c.id,
      name: c.name,
      planId: idOf(plan as Relation),
      planTitle: typeof plan === 'object' && plan && 'title' in plan ? (plan.title ?? '') : '',
      dueOn: c.dueOn ?? null,
      opensOn: c.opensOn ?? null,
      instructions: c.instructions ?? '',
    }
  })
  const cycle = cycles.find((c) => String(c.id) === query.cycle) ?? cycles[0]
  const section = sections.find((s) => s.slug === query.section)
  const chosenSections = section ? [section] : sections
  if (!cycle || cycle.planId == null || chosenSections.length === 0) {
    return { sections, cycles, cycle, section, rows: [], overdue: false }
  }

  const [initiativeDocs, cycleDocs] = await Promise.all([
    payload.find({
      collection: 'initiatives',
      where: {
        and: [
          { plan: { equals: cycle.planId } },
          { section: { in: chosenSections.map((s) => s.id) } },
        ],
      },
      sort: 'title',
      select: {
        title: true,
        section: true,
        objectives: true,
        status: true,
        progress: true,
        visibility: true,
        createdAt: true,
        _status: true,
      },
      ...asPerson,
    }),
    payload.find({
      collection: 'cycles',
      where: { plan: { equals: cycle.planId } },
      select: { name: true },
      ...asPerson,
    }),
  ])
  const initiatives = initiativeDocs.docs.flatMap((doc) => initiativeRecord(doc) ?? [])
  const updateDocs =
    initiatives.length === 0
      ? { docs: [] }
      : await payload.find({
          collection: 'progress-updates',
          where: { initiative: { in: initiatives.map((i) => i.id) } },
          sort: '-submittedAt',
          select: {
            initiative: true,
            cycle: true,
            status: true,
            progress: true,
            note: true,
            submittedAt: true,
            createdAt: true,
          },
          ...asPerson,
        })
  const updates: ProgressUpdate[] = updateDocs.docs.flatMap((u) => {
    const initiative = idOf(u.initiative as Relation)
    if (initiative == null || !isStatus(u.status)) return []
    return [
      {
        id: u.id,
        initiative,
        cycle: idOf(u.cycle as Relation) ?? null,
        status: u.status,
        progress: u.progress ?? 0,
        note: u.note ?? null,
        submittedAt: u.submittedAt ?? u.createdAt,
      },
    ]
  })
  const now = new Date()
  const overdue = cycle.dueOn ? new Date(cycle.dueOn).getTime() < now.getTime() : false
  const rows = reportingRows(
    initiatives,
    updates,
    { id: cycle.id, state: 'open', closedAt: null },
    {
      cycles: new Map(cycleDocs.docs.map((c) => [String(c.id), c.name])),
      sections: new Map(sections.map((s) => [String(s.id), s.name])),
    },
    now,
  )
  return { sections, cycles, cycle, section, rows, overdue }
}

/**
 * /admin/my-updates: a section editor reports on every initiative of their sections in the open
 * cycle, one compact form each (editors: any section, through the section picker).
 */
export async function MyUpdatesView({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) {
  const { req } = initPageResult
  const user = req.user
  const adminRoute = req.payload.config.routes.admin
  const apiRoute = req.payload.config.routes.api
  const allowed = isEditor(user) || isSectionEditor(user)
  const query = { cycle: first(searchParams?.cycle), section: first(searchParams?.section) }
  const data = allowed ? await loadMyUpdates(req, query) : null
  const cycle = data?.cycle
  const overdue = data?.overdue ?? false

  return (
    <AdminView
      initPageResult={initPageResult}
      params={params}
      searchParams={searchParams}
      title="My updates"
      lede="Report on every initiative of your sections in one place: each form starts from the last values reported, so change what moved, say what happened, and submit."
    >
      {!data ? (
        <p className={adminViewStyles.refused} role="alert">
          Only section editors and editors report progress. Ask an administrator for the section
          editor role.
        </p>
      ) : data.sections.length === 0 ? (
        <p className={adminViewStyles.notice} role="alert">
          You are not assigned to a section yet: ask an editor to add your sections to your account.
        </p>
      ) : !cycle ? (
        <p className={adminViewStyles.notice} role="status">
          No reporting cycle is open. Editors open one under Cycles; updates can be written between
          cycles from an initiative&apos;s page.
        </p>
      ) : (
        <>
          <section className={styles.cycle} aria-labelledby="cycle-title" data-cycle={cycle.id}>
            <h2 id="cycle-title">
              {cycle.name}
              {cycle.planTitle ? ` · ${cycle.planTitle}` : ''}
            </h2>
            {cycle.dueOn ? (
              <p className={`${styles.due}${overdue ? ` ${styles.overdue}` : ''}`}>
                {overdue ? 'Was due' : 'Due'} {formatDate(cycle.dueOn)}
              </p>
            ) : null}
            {cycle.instructions ? (
              <p className={styles.instructions}>{cycle.instructions}</p>
            ) : null}
          </section>
          {data.cycles.length > 1 || data.sections.length > 1 ? (
            <form method="get" className={styles.pickers} aria-label="Choose what to report on">
              {data.cycles.length > 1 ? (
                <label>
                  Cycle
                  <select name="cycle" defaultValue={String(cycle.id)}>
                    {data.cycles.map((c) => (
                      <option key={String(c.id)} value={String(c.id)}>
                        {c.name}
                        {c.planTitle ? ` (${c.planTitle})` : ''}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
              {data.sections.length > 1 ? (
                <label>
                  Section
                  <select name="section" defaultValue={data.section?.slug ?? ''}>
                    <option value="">{isEditor(user) ? 'All sections' : 'All my sections'}</option>
                    {data.sections.map((s) => (
                      <option key={s.slug} value={s.slug}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
              <button type="submit" className={styles.pickerButton}>
                Show
              </button>
            </form>
          ) : null}
          <MyUpdates
            key={`${cycle.id}-${data.section?.slug ?? ''}`}
            apiRoute={apiRoute}
            adminRoute={adminRoute}
            cycle={{ id: cycle.id, name: cycle.name }}
            rows={data.rows}
          />
        </>
      )}
    </AdminView>
  )
}
