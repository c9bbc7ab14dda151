import Link from 'next/link'

/** The helpful 404: what is missing and where to go instead (not-found.tsx and PageNotFound). */
export function NotFoundView() {
  return (
    <div className="container not-found">
      <h1>Page not found</h1>
      <p>
        There is no published plan, goal area or section at this address. It may have been renamed,
        or it is not published yet.
      </p>
      <h2>Where to go from here</h2>
      <ul className="link-list">
        <li>
          <Link href="/">The current strategic plan</Link>, its goal areas and the sections that
          work on it
        </li>
        <li>
          Addresses look like <code>/plans/&lt;plan&gt;</code>,{' '}
          <code>/plans/&lt;plan&gt;/goals/2</code> for a goal area, and{' '}
          <code>/sections/&lt;section&gt;</code>
        </li>
        <li>
          Staff preparing a plan that is not published yet can preview it from{' '}
          <Link href="/admin" prefetch={false}>
            the admin
          </Link>
        </li>
      </ul>
    </div>
  )
}
