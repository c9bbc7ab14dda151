import { StyleSheet, Text, View } from '@react-pdf/renderer'

import { COLORS, styles } from './theme'

const s = StyleSheet.create({
  more: { flex: 1, color: COLORS.muted, fontStyle: 'italic' },
})

/** A list's last row in a summary: "… and 312 more (280 active)"; nothing when none are left out. */
export function MoreRow({
  shown,
  total,
  detail,
  indent = 0,
}: {
  shown: number
  total: number
  detail?: string
  indent?: number
}) {
  const rest = total - shown
  if (rest <= 0) return null
  return (
    <View style={styles.row} wrap={false}>
      <Text style={[s.more, { paddingLeft: indent }]}>
        … and {rest} more{detail ? ` (${detail})` : ''}
      </Text>
    </View>
  )
}
