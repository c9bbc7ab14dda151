import type { DefaultServerCellComponentProps } from 'payload'

import styles from './staleFilter.module.css'

/** The initiatives list's "Stale" cell: the word, not a colour or a tick alone. */
export function StaleCell({ cellData }: DefaultServerCellComponentProps) {
  return cellData === true ? (
    <strong data-stale="true">Stale</strong>
  ) : (
    <span data-stale="false">
      <span aria-hidden="true">—</span>
      <span className={styles.hidden}>not stale</span>
    </span>
  )
}
