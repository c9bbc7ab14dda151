import { Link, Text, View, type Styles } from '@react-pdf/renderer'
import type { ReactNode } from 'react'

import type { RichTextValue } from '@/lib/data/publicQueries'
import { TEXT_FORMAT, type LexicalReadNode } from '@/lib/richtext/lexical'

type Style = Styles[string]

/** Payload Lexical rich text as react-pdf blocks: paragraphs, headings, lists and quotes. */

export interface RichTextStyles {
  paragraph: Style
  heading: Style
  quote: Style
  listItem: Style
  listText: Style
  bullet: Style
  link: Style
}

const { bold: BOLD, italic: ITALIC } = TEXT_FORMAT

function inline(nodes: LexicalReadNode[] | undefined, styles: RichTextStyles): ReactNode[] {
  return (nodes ?? []).map((node, i) => {
    if (node.type === 'text') {
      const format = typeof node.format === 'number' ? node.format : 0
      const style: Style = {}
      if (format & BOLD) style.fontWeight = 700
      if (format & ITALIC) style.fontStyle = 'italic'
      return (
        <Text key={i} style={style}>
          {node.text ?? ''}
        </Text>
      )
    }
    if (node.type === 'linebreak') return '\n'
    if (node.type === 'tab') return ' '
    if (
      (node.type === 'link' || node.type === 'autolink') &&
      /^https?:/i.test(node.fields?.url ?? '')
    ) {
      return (
        <Link key={i} src={node.fields?.url ?? ''} style={styles.link}>
          {inline(node.children, styles)}
        </Link>
      )
    }
    return <Text key={i}>{inline(node.children, styles)}</Text>
  })
}

function block(node: LexicalReadNode, key: number, styles: RichTextStyles): ReactNode {
  switch (node.type) {
    case 'heading':
      return (
        <Text key={key} style={styles.heading} minPresenceAhead={24}>
          {inline(node.children, styles)}
        </Text>
      )
    case 'quote':
      return (
        <Text key={key} style={styles.quote}>
          {inline(node.children, styles)}
        </Text>
      )
    case 'list':
      return (
        <View key={key}>
          {(node.children ?? []).map((item, i) => (
            <View key={i} style={styles.listItem} wrap={false}>
              <Text style={styles.bullet}>{node.listType === 'number' ? `${i + 1}.` : '•'}</Text>
              <Text style={styles.listText}>{inline(item.children, styles)}</Text>
            </View>
          ))}
        </View>
      )
    default:
      return (
        <Text key={key} style={styles.paragraph} orphans={2} widows={2}>
          {inline(node.children, styles)}
        </Text>
      )
  }
}

/** The blocks of a rich-text value (nothing for an empty one). */
export function PdfRichText({
  value,
  styles,
}: {
  value: RichTextValue | null
  styles: RichTextStyles
}) {
  if (!value) return null
  return <>{(value.root.children as LexicalReadNode[]).map((node, i) => block(node, i, styles))}</>
}
