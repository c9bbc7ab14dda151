import { View } from '@react-pdf/renderer'
import type { ComponentProps } from 'react'

type ViewProps = ComponentProps<typeof View>

/** An entry of the PDF outline (the reader's bookmarks panel). */
export interface OutlineEntry {
  title: string
  fit?: boolean
  expanded?: boolean
}

/**
 * A View with an entry in the PDF outline. react-pdf outlines any element with a `bookmark`
 * prop (nested ones nest), but its type declarations list the prop on <Page> only.
 */
export function Bookmarked({ bookmark, ...props }: ViewProps & { bookmark: OutlineEntry }) {
  return <View {...({ ...props, bookmark } as ViewProps)} />
}
