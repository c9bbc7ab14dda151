import type { Metadata } from 'next'
import Link from 'next/link'

import { Breadcrumbs } from '@/components/plan/Breadcrumbs'
import { goalHref } from '@/components/plan/links'
import { countLabel } from '@/lib/format/plural'
import { InitiativeItem } from '@/components/plan/InitiativeItem'
import { clip, pageMetadata } from '@/components/plan/meta'
import { notFoundMetadata, PageNotFound } from '@/components/plan/PageNotFound'
import { getSectionPage, getSections } from '@/lib/data/public'
import { labelledCode } from '@/lib/plan/numbering'
import type { SectionKind } from '@/lib/plan/types'
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

const KIND: Record<SectionKind, string> = {
  section: 'Section',
  committee: 'Committee',
  'interest-group': 'Interest group',
  board: 'Board',
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params
  const page = await getSectionPage(slug)
  if (!page) return notFoundMetadata('Section not found')
  const { section } = page
  return pageMetadata({
    title: section.name,
    description: clip(
      `${section.name}${section.abbreviation ? ` (${section.abbreviation})` : ''}: its public initiatives by goal area and objective.` +
        (section.description ? ` ${section.description}` : ''),
    ),
    path: `/sections/${section.slug}`,
  })
}

type Heading = 'h2' | 'h3' | 'h4' | 'h5'
const heading = (level: number): Heading => `h${Math.min(5, level)}` as Heading

export default async function SectionPage({ params }: Props) {
  const { slug } = await params
  const page = await getSectionPage(slug)
  if (!page) return <PageNotFound />
  const { section, plans } = page
  const others = (await getSections()).filter((s) => s.slug !== section.slug)
  // With one plan the goal areas are the top level; with several each plan gets a heading.
  const base = plans.length > 1 ? 3 : 2
  const GoalHeading = heading(base)
  const ObjectiveHeading = heading(base + 1)
  const total = plans.reduce((n, p) => n + p.initiatives.length, 0)

  return (
    <div className="container section-page">
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { label: section.name }]} />
      <header className="page-header">
        <p className="eyebrow">{KIND[section.kind]}</p>
        <h1>
          {section.name}
          {section.abbreviation ? <span className="muted"> ({section.abbreviation})</span> : null}
        </h1>
        {section.description ? <p className="prose">{section.description}</p> : null}
        <p className="coverage-line">
          {total === 0
            ? 'This section has no initiatives published on this site yet.'
            : `${countLabel(total, 'public initiative', 'public initiatives')}${
                plans.length === 1 && plans[0] ? ` in the ${plans[0].plan.title}` : ''
              }, by goal area and objective.`}
        </p>
      </header>

      {plans.map(({ plan, goals }) => (
        <section key={String(plan.id)} aria-label={plan.title} className="section-plan">
          {plans.length > 1 ? (
            <h2>
              <Link href={`/plans/${plan.slug}`}>{plan.title}</Link>
            </h2>
          ) : null}
          {goals.map(({ goal, objectives }) => (
            <section key={String(goal.id)} className="goal">
              <GoalHeading className="goal__title">
                <Link href={goalHref(plan.slug, goal.number)}>
                  <span className="goal__label">Goal Area {goal.number}.</span> {goal.title}
                </Link>
              </GoalHeading>
              {objectives.map(({ objective, initiatives }) => (
                <div key={String(objective.id)} className="objective-block">
                  <ObjectiveHeading className="objective-block__title">
                    <Link href={goalHref(plan.slug, goal.number, objective.code)}>
                      <span className="objective__code">
                        {labelledCode(objective.code, plan.objectiveLabel)}
                      </span>{' '}
                      {objective.text}
                    </Link>
                  </ObjectiveHeading>
                  <ul className="initiatives">
                    {initiatives.map((initiative) => (
                      <li key={String(initiative.id)}>
                        <InitiativeItem
                          initiative={initiative}
                          section={section}
                          showSection={false}
                          headingLevel={Math.min(5, base + 2) as 4 | 5}
                        />
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          ))}
        </section>
      ))}

      {others.length > 0 ? (
        <nav aria-labelledby="other-sections" className="other-sections no-print">
          <h2 id="other-sections">Other sections</h2>
          <ul className="link-list">
            {others.map((s) => (
              <li key={String(s.id)}>
                <Link href={`/sections/${s.slug}`}>{s.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  )
}
