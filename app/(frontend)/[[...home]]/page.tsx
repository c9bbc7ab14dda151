import type { Metadata } from 'next'
import Link from 'next/link'

import { goalHref } from '@/components/plan/links'
import { formatMonth } from '@/lib/format/dates'
import { formatPeriod } from '@/lib/format/period'
import { countLabel } from '@/lib/format/plural'
import { pageMetadata } from '@/components/plan/meta'
import { notFoundMetadata, PageNotFound } from '@/components/plan/PageNotFound'
import { PrintScript } from '@/components/plan/PrintButton'
import { getCurrentPlanOverview, getPublishedPlans, getSections } from '@/lib/data/public'
import { coverageSummarySentence, formatPercent } from '@/lib/plan/coverage'
import { sameId } from '@/lib/plan/types'
import '../plan.css'

type Props = { params: Promise<{ home?: string[] }> }

// at most this long in the cache without an editor's change (PUBLIC_REVALIDATE_SECONDS, lib/data/tags.ts)
export const revalidate = 600

// The home page is `/` alone. It sits in an optional catch-all so that, like the plan pages, it
// is generated on its first request and then served from the cache until the Payload hooks
// expire a tag it read (lib/data/tags.ts): a page without params would be prerendered during
// `next build`, when there is no database to read. Any other address that no route matches
// lands here too and gets the helpful 404 (PageNotFound), cached like the rest.
export async function generateStaticParams(): Promise<{ home: string[] }[]> {
  return []
}

/** Whether the address is `/` itself; anything else is a 404, answered before any data is read. */
async function isHome(params: Props['params']): Promise<boolean> {
  const { home } = await params
  return !home || home.length === 0
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (!(await isHome(params))) return notFoundMetadata('Page not found')
  const current = await getCurrentPlanOverview()
  return pageMetadata({
    title: current ? `${current.plan.organization}: strategic plan` : 'Strategic plans',
    description: current
      ? `${current.plan.title}: goal areas, objectives, and the initiatives the sections run against them.`
      : "An association's strategic plan, and the work its sections do against it.",
    path: '/',
  })
}

export default async function HomePage({ params }: Props) {
  if (!(await isHome(params))) return <PageNotFound />
  const [current, plans, sections] = await Promise.all([
    getCurrentPlanOverview(),
    getPublishedPlans(),
    getSections(),
  ])
  const others = plans.filter((p) => !current || !sameId(p.id, current.plan.id))

  return (
    <div className="container home">
      <PrintScript />
      <header className="page-header">
        <p className="eyebrow">Strategic plan</p>
        <h1>{current ? current.plan.organization : 'Strategic plans'}</h1>
        <p className="lede">
          The strategic plan{current ? ` of the ${current.plan.organization}` : ''}, as adopted, and
          the initiatives its sections run to carry it out.
        </p>
      </header>

      <section aria-labelledby="current-plan" className="home__current">
        <h2 id="current-plan">Current plan</h2>
        {current ? (
          <div className="plan-card">
            <h3 className="plan-card__title">
              <Link href={`/plans/${current.plan.slug}`}>{current.plan.title}</Link>
            </h3>
            <dl className="facts">
              <div>
                <dt>Period</dt>
                <dd>{formatPeriod(current.plan.startYear, current.plan.endYear)}</dd>
              </div>
              {current.plan.adoptedOn || current.plan.adoptedBy ? (
                <div>
                  <dt>Adopted</dt>
                  <dd>
                    {[
                      formatMonth(current.plan.adoptedOn),
                      current.plan.adoptedBy ? `by ${current.plan.adoptedBy}` : '',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>Coverage</dt>
                <dd>{coverageSummarySentence(current.coverage)}.</dd>
              </div>
            </dl>
            <p className="actions">
              <Link className="button" href={`/plans/${current.plan.slug}`}>
                Read the plan
              </Link>
              <a
                className="button button--secondary"
                href={`/plans/${current.plan.slug}/plan.pdf`}
                download
              >
                Download PDF
              </a>
            </p>
            {current.coverage.goals.length > 0 ? (
              <>
                <h4 className="plan-card__subtitle">Goal areas</h4>
                <ol className="goal-list">
                  {current.coverage.goals.map((goal) => (
                    <li key={goal.number}>
                      <span className="goal__label">Goal Area {goal.number}.</span>{' '}
                      <Link href={goalHref(current.plan.slug, goal.number)}>{goal.title}</Link>
                      <span className="goal-list__coverage">
                        {goal.covered} of {countLabel(goal.objectives, 'objective', 'objectives')}{' '}
                        with active initiatives ({formatPercent(goal.coverage)})
                      </span>
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
          </div>
        ) : (
          <p>No strategic plan has been published yet. Please check back soon.</p>
        )}
      </section>

      <section aria-labelledby="other-plans" className="home__others">
        <h2 id="other-plans">Earlier and later plans</h2>
        {others.length > 0 ? (
          <ul className="link-list">
            {others.map((plan) => (
              <li key={String(plan.id)}>
                <Link href={`/plans/${plan.slug}`}>{plan.title}</Link>{' '}
                <span className="muted">({formatPeriod(plan.startYear, plan.endYear)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No other plans have been published here.</p>
        )}
      </section>

      <section aria-labelledby="sections" className="home__sections">
        <h2 id="sections">Sections</h2>
        <p>The sections, committees and groups that run initiatives under the plan.</p>
        {sections.length > 0 ? (
          <ul className="section-grid">
            {sections.map((section) => (
              <li key={String(section.id)}>
                <Link href={`/sections/${section.slug}`}>{section.name}</Link>
                {current ? (
                  <span className="muted">
                    {countLabel(
                      current.publicBySection[String(section.id)] ?? 0,
                      'public initiative',
                      'public initiatives',
                    )}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No sections yet.</p>
        )}
      </section>
    </div>
  )
}
