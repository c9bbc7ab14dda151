import { View } from '@react-pdf/renderer'
import { createContext, useContext, type ReactNode } from 'react'

import { styles } from './theme'

/** What a repeated group heading adds to its title. */
export const CONTINUED = ' (continued)'

/**
 * The tables' line height, set again on what a render prop draws in a table (a continued heading,
 * a group's rows): react-pdf measures a render prop's output on a page of its own, where the line
 * height it inherits (already in points) is read again as a multiple of the font size (11 pt ×
 * 8.5: a heading 94 pt high).
 */
const TABLE_LINE = { lineHeight: styles.table.lineHeight }

/**
 * Whether the document's page count is read: true for a whole report ("Page x of y"), false for a
 * part of a long one, whose pages lib/pdf/report/join.ts numbers (see `laterPagesOnly`).
 */
export const PageCountRead = createContext(true)

/** What a render prop gets: the page it lands on; totalPages once react-pdf has counted them. */
interface PageProps {
  pageNumber: number
  totalPages?: number
}

/**
 * A render prop that draws nothing where its element first lands and `draw()` on every later page
 * the element is repeated on (a `fixed` element is repeated at the top of each page its parent
 * runs onto). react-pdf calls it in page order, once where the flow first reaches the element and
 * once per repeat. Any render prop makes react-pdf paginate a document twice: a first round
 * (totalPages undefined) only to count the pages, then the pages it draws (totalPages known), so
 * a new totalPages starts over. Where nothing reads the count (`countRead` false: a part of a long
 * report) the first round draws nothing: its result is thrown away, and measuring the continued
 * headings of every page (a page of their own each time) is a good part of its cost.
 */
function laterPagesOnly(draw: () => ReactNode, countRead: boolean) {
  let first: { page: number; total: number | undefined } | null = null
  return ({ pageNumber, totalPages }: PageProps): ReactNode => {
    if (!countRead && totalPages === undefined) return null
    if (first === null || first.total !== totalPages || pageNumber <= first.page) {
      first = { page: pageNumber, total: totalPages }
      return null
    }
    return draw()
  }
}

/**
 * The heading of a group of table rows (an appendix section, an objective, a goal area of the
 * gaps). Where the rows run onto further pages the heading is repeated at the top of each, saying
 * "(continued)"; never on the page the group starts on.
 *
 * Two elements: the heading, and after it a `fixed` one that is empty where the group starts and
 * the continued heading on the pages after. Both keep the next `minPresenceAhead` points with them,
 * so the heading never ends a page alone: the empty one, followed by no break opportunity, moves
 * with it (react-pdf keeps a render prop's first output once it is placed, and calls it again only
 * for repeats).
 *
 * Its cost: a render prop makes react-pdf paginate each document twice (the summary already did
 * for its "Page x of y"), and measures the continued heading on a page of its own on every page.
 * At 5,000 initiatives the full listing's parts take about a quarter more CPU than without the
 * headings; drawing nothing in the counting round of a part takes back about a quarter of that
 * (bench/report/README.md).
 */
export function GroupHeading({
  minPresenceAhead,
  children,
}: {
  minPresenceAhead: number
  /** the heading's cells, on a continuation page (`continued`) saying CONTINUED */
  children: (continued: boolean) => ReactNode
}) {
  const countRead = useContext(PageCountRead)
  return (
    <>
      <View style={styles.groupRow} wrap={false} minPresenceAhead={minPresenceAhead}>
        {children(false)}
      </View>
      <View
        fixed
        minPresenceAhead={minPresenceAhead}
        render={laterPagesOnly(
          () => (
            <View style={[styles.groupRow, TABLE_LINE]} wrap={false}>
              {children(true)}
            </View>
          ),
          countRead,
        )}
      />
    </>
  )
}

/**
 * A group's table rows (`rows()`, the elements after its GroupHeading). Where nothing reads the
 * page count (a part of a long report) they are drawn only in the round whose pages are kept:
 * react-pdf's counting round, which the continued headings' render prop forces, then paginates the
 * headings without their rows, and the rows are laid out once, where the flow reaches them. About
 * a fifth of a full listing's render (bench/report/README.md). The pages are the same: the rows go
 * through the same pagination, only later.
 *
 * What `rows()` returns is turned into react-pdf's elements outside React: function components
 * are called as plain functions (no hooks in them), and a child that is the number 0 is dropped
 * (React would print it): give cells strings.
 */
export function GroupRows({ rows }: { rows: () => ReactNode }) {
  const countRead = useContext(PageCountRead)
  if (countRead) return <>{rows()}</>
  return (
    <View
      render={({ totalPages }: PageProps) =>
        totalPages === undefined ? null : <View style={TABLE_LINE}>{rows()}</View>
      }
    />
  )
}
