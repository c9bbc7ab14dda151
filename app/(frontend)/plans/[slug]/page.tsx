import type { Metadata } from 'next'
import Link from 'next/link'

import { Breadcrumbs } from '@/components/plan/Breadcrumbs'
import { goalHref, objectiveAnchor } from '@/components/plan/links'
import { formatDate, formatMonth, isoDay } from '@/lib/format/dates'
import { formatPeriod } from '@/lib/format/period'
import { countLabel } from '@/lib/format/plural'
import { clip, pageMetadata } from '@/components/plan/meta'
import { notFoundMetadata, PageNotFound } from '@/components/plan/PageNotFound'
import { PreviewBanner } from '@/components/plan/PreviewBanner'
import { PrintButton, PrintScript } from '@/components/plan/PrintButton'
import { hasText, RichText } from '@/components/plan/RichText'
import { getPlanOverviewForRequest } from '@/lib/data/public'
import { coverageSummarySentence } from '@/lib/plan/coverage'
import { labelledCode } from '@/lib/plan/numbering'
import { sameId } from '@/lib/plan/types'
import { lexicalToParagraphs } from '@/lib/richtext/lexical'
import '../../plan.css'

type Props = { params: Promise<{ slug: string }> }

// at most this long in the cache without an editor's change (PUBLIC_REVALIDATE_SECONDS, lib/data/tags.ts)
export const revalidate = 600

// Statically generated on the first request for each address (none at build time, when there
// is no database) and then served from the cache until the Payload hooks expire a tag it read
// (lib/data/tags.ts). A staff user in draft mode (/next/preview) gets it rendered per request.
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params
  const bundle = await getPlanOverviewForRequest(slug)
  if (!bundle) return notFoundMetadata('Plan not found')
  const { plan } = bundle
  const vision = lexicalToParagraphs(plan.vision)[0]
  return pageMetadata({
    title: plan.title,
    description: clip(
      vision ??
        `${plan.organization}: strategic plan ${formatPeriod(plan.startYear, plan.endYear)}, its goal areas and objectives.`,
    ),
    path: `/plans/${plan.slug}`,
    type: 'article',
  })
}

export default async function PlanPage({ params }: Props) {
  const { slug } = await params
  const bundle = await getPlanOverviewForRequest(slug)
  if (!bundle) return <PageNotFound />
  const { plan, goals, objectives, coverage } = bundle
  const perObjective = new Map(
    coverage.goals.flatMap((g) => g.objectiveCoverage.map((o) => [o.code, o.initiatives] as const)),
  )
  const adopted = [
    plan.adoptedOn ? `Adopted ${formatMonth(plan.adoptedOn)}` : '',
    plan.adoptedBy ? `${plan.adoptedOn ? 'by' : 'Adopted by'} ${plan.adoptedBy}` : '',
  ]
    .filter(Boolean)
    .join(' ')
  const revised = plan.lastRevised ?? plan.updatedAt
  const parts = [
    { id: 'preamble', title: 'Preamble', value: plan.preamble },
    { id: 'vision', title: 'Vision', value: plan.vision },
    { id: 'mission', title: 'Mission', value: plan.mission },
  ].filter((part) => hasText(part.value))

  return (
    <>
      {bundle.preview ? <PreviewBanner path={`/plans/${plan.slug}`} /> : null}
      <PrintScript />
      <div className="container plan">
        <Breadcrumbs items={[{ href: '/', label: 'Home' }, { label: plan.title }]} />
        <header className="page-header">
          <p className="eyebrow">{plan.organization}</p>
          <h1>{plan.title}</h1>
          <p className="page-header__meta">
            <span>Plan period {formatPeriod(plan.startYear, plan.endYear)}</span>
            {adopted ? <span>{adopted}</span> : null}
          </p>
          <p className="coverage-line">
            {coverageSummarySentence(coverage)}
            <span className="muted"> (counting initiatives published on this site).</span>
          </p>
          <div className="actions no-print">
            <a className="button" href={`/plans/${plan.slug}/plan.pdf`} download>
              Download PDF
            </a>
            <PrintButton />
          </div>
        </header>

        <nav aria-labelledby="contents-title" className="toc no-print">
          <h2 id="contents-title" className="toc__title">
            Contents
          </h2>
          <ol>
            {parts.map((part) => (
              <li key={part.id}>
                <a href={`#${part.id}`}>{part.title}</a>
              </li>
            ))}
            {plan.values.length > 0 ? (
              <li>
                <a href="#values">Values</a>
              </li>
            ) : null}
            {goals.map((goal) => (
              <li key={String(goal.id)}>
                <a href={`#goal-${goal.number}`}>
                  Goal Area {goal.number}: {goal.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>

        {parts.map((part) => (
          <section
            key={part.id}
            id={part.id}
            aria-labelledby={`${part.id}-title`}
            className="plan-part"
          >
            <h2 id={`${part.id}-title`}>{part.title}</h2>
            <RichText value={part.value} className="prose" />
          </section>
        ))}

        {plan.values.length > 0 ? (
          <section id="values" aria-labelledby="values-title" className="plan-part">
            <h2 id="values-title">Values</h2>
            <ul className="prose">
              {plan.values.map((value) => (
                <li key={value}>{value}</li>
              ))}
            </ul>
          </section>
        ) : null}

        <section aria-labelledby="goals-title" className="plan-goals">
          <h2 id="goals-title">Goals</h2>
          {goals.length === 0 ? <p>This plan has no goal areas yet.</p> : null}
          {goals.map((goal) => {
            const own = objectives.filter((o) => sameId(o.goal, goal.id))
            return (
              <section
                key={String(goal.id)}
                id={`goal-${goal.number}`}
                aria-labelledby={`goal-${goal.number}-title`}
                className="goal"
              >
                <h3 id={`goal-${goal.number}-title`} className="goal__title">
                  <span className="goal__label">Goal Area {goal.number}.</span> {goal.title}
                </h3>
                {goal.description ? <p className="prose">{goal.description}</p> : null}
                <ol className="objectives">
                  {own.map((objective) => {
                    const n = perObjective.get(objective.code) ?? 0
                    return (
                      <li
                        key={String(objective.id)}
                        className="objective"
                        id={objectiveAnchor(objective.code)}
                      >
                        <span className="objective__code">
                          {labelledCode(objective.code, plan.objectiveLabel)}
                        </span>
                        <span className="objective__text">{objective.text}</span>
                        <Link
                          className={`objective__work${n === 0 ? ' objective__work--none' : ''}`}
                          href={goalHref(plan.slug, goal.number, objective.code)}
                        >
                          {n === 0
                            ? 'No active initiatives yet'
                            : countLabel(n, 'active initiative', 'active initiatives')}
                          <span className="visually-hidden"> for objective {objective.code}</span>
                        </Link>
                      </li>
                    )
                  })}
                </ol>
                <p className="goal__more no-print">
                  <Link href={goalHref(plan.slug, goal.number)}>
                    The work behind Goal Area {goal.number}
                  </Link>
                </p>
              </section>
            )
          })}
        </section>

        <footer className="plan-footer">
          <p>
            {plan.lastRevised ? 'Last revised' : 'Last updated'}{' '}
            <time dateTime={isoDay(revised)}>{formatDate(revised)}</time>.
          </p>
        </footer>
      </div>
    </>
  )
}
