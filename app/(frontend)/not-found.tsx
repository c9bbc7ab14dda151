import Link from 'next/link'

export default function NotFound() {
  return (
    <div className="container">
      <h1>Page not found</h1>
      <p>
        There is no published plan, goal area or section at this address. It may have been renamed, or
        it is not published yet.
      </p>
      <p>
        <Link href="/">Go to the current strategic plan</Link>
      </p>
    </div>
  )
}
