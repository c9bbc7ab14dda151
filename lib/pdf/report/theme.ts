import { StyleSheet } from '@react-pdf/renderer'

import { STATUS_COLOURS } from '@/lib/format/statusColours'
import { PDF_FONTS } from '@/lib/pdf/fonts'

/** The site's design tokens (app/(frontend)/styles.css), in print. */
export const COLORS = {
  ink: '#1c2430',
  muted: '#4a5565',
  faint: '#6b7585',
  brand: '#1b3a5c',
  rule: '#d5dbe3',
  paperAlt: '#f4f6f9',
  track: '#e6eaf0',
  ok: '#1f6f43',
  okTint: '#e3f1e8',
  gap: '#a4262c',
  gapTint: '#f8e4e4',
  bar: '#0072b2',
} as const

/** The status dots and bars: the dashboard's colours (one map for both, lib/format). */
export const STATUS_COLORS = STATUS_COLOURS

/** US Letter, as the boards of US associations print. */
export const PAGE = {
  size: 'LETTER' as const,
  width: 612,
  height: 792,
  marginX: 54,
  marginTop: 66,
  marginBottom: 60,
}

export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX

/** The running footer: its rule's distance from the page top, the rule, the gap below, the type. */
export const FOOTER = { top: PAGE.height - 44, rule: 0.5, gap: 5, fontSize: 8 } as const

export const styles = StyleSheet.create({
  page: {
    fontFamily: PDF_FONTS.serif,
    fontSize: 10,
    lineHeight: 1.4,
    color: COLORS.ink,
    paddingTop: PAGE.marginTop,
    paddingBottom: PAGE.marginBottom,
    paddingHorizontal: PAGE.marginX,
  },
  header: {
    position: 'absolute',
    top: 28,
    left: PAGE.marginX,
    right: PAGE.marginX,
    flexDirection: 'row',
    justifyContent: 'space-between',
    fontFamily: PDF_FONTS.sans,
    fontSize: 8,
    lineHeight: 1.35,
    color: COLORS.muted,
    borderBottomWidth: 0.5,
    borderBottomColor: COLORS.rule,
    paddingBottom: 5,
  },
  footer: {
    position: 'absolute',
    // from the top: react-pdf's newer pagination places a `bottom`-anchored box holding a
    // page-number text about 75 pt too high
    top: FOOTER.top,
    left: PAGE.marginX,
    right: PAGE.marginX,
    flexDirection: 'row',
    justifyContent: 'space-between',
    fontFamily: PDF_FONTS.sans,
    fontSize: FOOTER.fontSize,
    lineHeight: 1.35,
    color: COLORS.muted,
    borderTopWidth: FOOTER.rule,
    borderTopColor: COLORS.rule,
    paddingTop: FOOTER.gap,
  },
  kicker: {
    fontFamily: PDF_FONTS.sans,
    fontSize: 8.5,
    lineHeight: 1.35,
    fontWeight: 600,
    color: COLORS.brand,
    textTransform: 'uppercase',
    letterSpacing: 0.7,
    marginBottom: 3,
  },
  h1: { fontSize: 20, fontWeight: 700, lineHeight: 1.2, color: COLORS.ink, marginBottom: 10 },
  h2: {
    fontFamily: PDF_FONTS.sans,
    fontSize: 12,
    lineHeight: 1.25,
    fontWeight: 600,
    color: COLORS.brand,
    marginTop: 16,
    marginBottom: 6,
  },
  paragraph: { marginBottom: 6 },
  small: { fontFamily: PDF_FONTS.sans, fontSize: 8, lineHeight: 1.35, color: COLORS.muted },
  note: { fontFamily: PDF_FONTS.sans, fontSize: 8.5, lineHeight: 1.35, color: COLORS.muted },
  // Tables. Every height inside a table is a whole or quarter point (line heights in pt, not
  // multiples of the font size): react-pdf's pagination reads a tall table's row positions as
  // float32, and a table hundreds of pages long would otherwise look overlapped and not break.
  table: { marginTop: 4, fontFamily: PDF_FONTS.sans, fontSize: 8.5, lineHeight: '11pt' },
  headRow: {
    flexDirection: 'row',
    borderBottomWidth: 1,
    borderBottomColor: COLORS.brand,
    paddingBottom: 3,
    paddingHorizontal: 4,
    marginBottom: 1,
    fontWeight: 600,
    fontSize: 7.5,
    lineHeight: '10pt',
    color: COLORS.muted,
    textTransform: 'uppercase',
    letterSpacing: 0.4,
  },
  row: {
    flexDirection: 'row',
    paddingVertical: 3,
    paddingHorizontal: 4,
    borderBottomWidth: 0.5,
    borderBottomColor: COLORS.rule,
  },
  groupRow: {
    flexDirection: 'row',
    alignItems: 'flex-start',
    backgroundColor: COLORS.paperAlt,
    paddingVertical: 4,
    paddingHorizontal: 4,
    marginTop: 6,
    borderBottomWidth: 0.5,
    borderBottomColor: COLORS.rule,
  },
  cell: { paddingRight: 6 },
  num: { textAlign: 'right', paddingRight: 6 },
})

/**
 * The width of a code column that fits `name` ("2.3" in 30 pt; "Strategy 2.3" wider) at the
 * tables' 9.5 pt bold: about 5.2 pt a character.
 */
export const codeWidth = (name: string) => ({ width: Math.max(30, Math.ceil(name.length * 5.2)) })
