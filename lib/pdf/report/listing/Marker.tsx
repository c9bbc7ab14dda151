import { createContext, useContext } from 'react'

import { Bookmarked } from '../Bookmarked'

/** What starts the title of a marker's outline entry (join.ts takes these entries out). */
export const LISTING_MARKER = 'lodestar-listing:'

/**
 * Whether the full listing's tables are left to lib/pdf/report/listing (a part of a long report):
 * react-pdf then draws a marker where a table starts, and join.ts draws the table there.
 */
export const ListingDrawnLater = createContext(false)

export const useListingDrawnLater = () => useContext(ListingDrawnLater)

/**
 * Where a table of the full listing starts: an empty box with an outline entry, whose destination
 * (/XYZ left top) is the only place react-pdf writes a box's position into the PDF: its top within
 * its parent. So a marker is a child of its block's outermost box, the one that starts the page
 * (join.ts adds the page's top margin); the block ends with it. `id`: `goal:<number>` or
 * `appendix:<first section's slug>`.
 */
export function ListingMarker({ id }: { id: string }) {
  return <Bookmarked bookmark={{ title: `${LISTING_MARKER}${id}` }} />
}
