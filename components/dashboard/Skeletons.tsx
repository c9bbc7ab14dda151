/** Placeholders shown while a widget's data loads (each widget has its own Suspense boundary). */

export function TilesSkeleton() {
  return (
    <div className="dash-tiles" aria-hidden="true">
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className="dash-tile dash-skeleton">
          <span className="dash-skeleton__line dash-skeleton__line--short" />
          <span className="dash-skeleton__line dash-skeleton__line--big" />
        </div>
      ))}
    </div>
  )
}

export function CardSkeleton({
  title,
  height = 260,
  wide = false,
}: {
  title: string
  height?: number
  wide?: boolean
}) {
  return (
    <section
      className={`dash-card dash-skeleton${wide ? ' dash-card--wide' : ''}`}
      aria-busy="true"
    >
      <h2 className="dash-card__title">{title}</h2>
      <span className="dash-skeleton__line" />
      <span className="dash-skeleton__block" style={{ height }} />
      <span className="visually-hidden">Loading…</span>
    </section>
  )
}

export function BarSkeleton() {
  return (
    <div className="dash-skeleton dash-skeleton--bar" aria-hidden="true">
      <span className="dash-skeleton__line" />
    </div>
  )
}
