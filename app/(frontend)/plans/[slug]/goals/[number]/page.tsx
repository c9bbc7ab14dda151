import type { Metadata } from 'next'
import Link from 'next/link'

import { Breadcrumbs } from '@/components/plan/Breadcrumbs'
import { goalHref, objectiveAnchor } from '@/components/plan/links'
import { countLabel, plural } from '@/lib/format/plural'
import { InitiativeItem } from '@/components/plan/InitiativeItem'
import { clip, pageMetadata } from '@/components/plan/meta'
import { notFoundMetadata, PageNotFound } from '@/components/plan/PageNotFound'
import { PreviewBanner } from '@/components/plan/PreviewBanner'
import { getGoalViewForRequest, type GoalView, type PublicInitiative } from '@/lib/data/public'
import { statusLabel } from '@/lib/format/labels'
import { isActiveStatus } from '@/lib/plan/coverage'
import { labelledCode } from '@/lib/plan/numbering'
import { INITIATIVE_STATUSES, sameId } from '@/lib/plan/types'
import '../../../../plan.css'

type Props = { params: Promise<{ slug: string; number: string }> }

// at most this long in the cache without an editor's change (PUBLIC_REVALIDATE_SECONDS, lib/data/tags.ts)
export const revalidate = 600

// Statically generated on the first request for each address (none at build time, when there
// is no database) and then served from the cache until the Payload hooks expire a tag it read
// (lib/data/tags.ts). A staff user in draft mode (/next/preview) gets it rendered per request.
export async function generateStaticParams(): Promise<{ slug: string; number: string }[]> {
  return []
}

/** The goal area a URL names ("3" → Goal Area 3), or null (a 404). */
async function findGoal(params: Props['params']): Promise<GoalView | null> {
  const { slug, number } = await params
  if (!/^[1-9]\d{0,1}$/.test(number)) return null
  return getGoalViewForRequest(slug, Number(number))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await findGoal(params)
  if (!view) return notFoundMetadata('Goal area not found')
  const { plan, goal } = view
  return pageMetadata({
    title: `Goal Area ${goal.number}: ${goal.title} · ${plan.title}`,
    description: clip(
      `Goal Area ${goal.number} of the ${plan.title}: ${goal.title}. Its objectives and the initiatives serving each.`,
    ),
    path: goalHref(plan.slug, goal.number),
    type: 'article',
  })
}

function goalCoverageSentence(cov: GoalView['coverage']): string {
  if (!cov || cov.objectives === 0) return 'This goal area has no objectives yet.'
  return `${cov.covered} of ${countLabel(cov.objectives, 'objective', 'objectives')} ${plural(cov.covered, 'has', 'have')} active initiatives.`
}

/** "2 active initiatives; 1 deferred." — what serves an objective, active work first. */
function servingSentence(serving: PublicInitiative[]): string {
  if (serving.length === 0) return 'No initiatives published for this objective yet.'
  const active = serving.filter((i) => isActiveStatus(i.status)).length
  const others = INITIATIVE_STATUSES.filter((s) => !isActiveStatus(s))
    .map((s) => [s, serving.filter((i) => i.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${statusLabel(s)}`)
  const head =
    active === 0
      ? 'No active initiatives'
      : countLabel(active, 'active initiative', 'active initiatives')
  return `${head}${others.length > 0 ? `; ${others.join(', ')}` : ''}.`
}

export default async function GoalPage({ params }: Props) {
  const view = await findGoal(params)
  if (!view) return <PageNotFound />
  const { plan, goal, objectives } = view
  const index = view.goals.findIndex((g) => sameId(g.id, goal.id))
  const previous = view.goals[index - 1]
  const next = view.goals[index + 1]
  const sectionById = new Map(view.sections.map((s) => [String(s.id), s]))

  return (
    <>
      {view.preview ? <PreviewBanner path={goalHref(plan.slug, goal.number)} /> : null}
      <div className="container goal-page">
        <Breadcrumbs
          items={[
            { href: '/', label: 'Home' },
            { href: `/plans/${plan.slug}`, label: plan.title },
            { label: `Goal Area ${goal.number}` },
          ]}
        />
        <header className="page-header">
          <p className="eyebrow">
            <Link href={`/plans/${plan.slug}#goal-${goal.number}`}>{plan.title}</Link>
          </p>
          <h1>
            <span className="goal__label">Goal Area {goal.number}.</span> {goal.title}
          </h1>
          {goal.description ? <p className="prose">{goal.description}</p> : null}
          <p className="coverage-line">
            {goalCoverageSentence(view.coverage)}
            <span className="muted"> Only initiatives published on this site are shown.</span>
          </p>
        </header>

        {objectives.length === 0 ? <p>This goal area has no objectives yet.</p> : null}
        {objectives.map((objective) => {
          const serving = view.initiatives
            .filter((i) => i.objectives.some((id) => sameId(id, objective.id)))
            // active work first, then the rest; each by title
            .sort(
              (a, b) =>
                Number(isActiveStatus(b.status)) - Number(isActiveStatus(a.status)) ||
                a.title.localeCompare(b.title),
            )
          const anchor = objectiveAnchor(objective.code)
          return (
            <section
              key={String(objective.id)}
              id={anchor}
              aria-labelledby={`${anchor}-title`}
              className="objective-block"
            >
              <h2 id={`${anchor}-title`} className="objective-block__title">
                <span className="objective__code">
                  {labelledCode(objective.code, plan.objectiveLabel)}
                </span>{' '}
                {objective.text}
              </h2>
              <p className="muted">{servingSentence(serving)}</p>
              {serving.length > 0 ? (
                <ul className="initiatives">
                  {serving.map((initiative) => (
                    <li key={String(initiative.id)}>
                      <InitiativeItem
                        initiative={initiative}
                        section={sectionById.get(String(initiative.section))}
                        headingLevel={3}
                      />
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>
          )
        })}

        <nav aria-label="Goal areas" className="pager no-print">
          {previous ? (
            <Link
              className="pager__link pager__link--previous"
              href={goalHref(plan.slug, previous.number)}
              rel="prev"
            >
              <span className="pager__hint">Previous goal area</span>
              <span>
                {previous.number}. {previous.title}
              </span>
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link
              className="pager__link pager__link--next"
              href={goalHref(plan.slug, next.number)}
              rel="next"
            >
              <span className="pager__hint">Next goal area</span>
              <span>
                {next.number}. {next.title}
              </span>
            </Link>
          ) : (
            <span />
          )}
        </nav>
        <p className="no-print">
          <Link href={`/plans/${plan.slug}`}>Back to the whole plan</Link>
        </p>
      </div>
    </>
  )
}
