import { Fragment, type ReactNode } from 'react'

import type { RichTextValue } from '@/lib/data/public'
import { TEXT_FORMAT, type LexicalReadNode } from '@/lib/richtext/lexical'

/**
 * Payload's Lexical rich text as plain, semantic HTML (server component, no client JavaScript).
 * Headings inside the text are shifted so they never rank above `minHeading` (the page's own
 * outline stays in order). Unknown node types render their children.
 */

const {
  bold: BOLD,
  italic: ITALIC,
  strikethrough: STRIKETHROUGH,
  underline: UNDERLINE,
  code: CODE,
  subscript: SUBSCRIPT,
  superscript: SUPERSCRIPT,
} = TEXT_FORMAT

const SAFE_URL = /^(https?:|mailto:|tel:|\/|#)/i

function renderText(node: LexicalReadNode, key: number): ReactNode {
  let out: ReactNode = node.text ?? ''
  const format = typeof node.format === 'number' ? node.format : 0
  if (format & CODE) out = <code>{out}</code>
  if (format & SUBSCRIPT) out = <sub>{out}</sub>
  if (format & SUPERSCRIPT) out = <sup>{out}</sup>
  if (format & STRIKETHROUGH) out = <s>{out}</s>
  if (format & UNDERLINE) out = <u>{out}</u>
  if (format & ITALIC) out = <em>{out}</em>
  if (format & BOLD) out = <strong>{out}</strong>
  return <Fragment key={key}>{out}</Fragment>
}

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6'

function headingTag(tag: string | undefined, minHeading: number): HeadingTag {
  const level = Number(/^h([1-6])$/.exec(tag ?? '')?.[1] ?? 2)
  return `h${Math.min(6, Math.max(minHeading, level))}` as HeadingTag
}

function renderNodes(nodes: LexicalReadNode[] | undefined, minHeading: number): ReactNode[] {
  return (nodes ?? []).map((node, i) => renderNode(node, i, minHeading))
}

function renderNode(node: LexicalReadNode, key: number, minHeading: number): ReactNode {
  const children = () => renderNodes(node.children, minHeading)
  switch (node.type) {
    case 'text':
      return renderText(node, key)
    case 'linebreak':
      return <br key={key} />
    case 'tab':
      return ' '
    case 'paragraph':
      return <p key={key}>{children()}</p>
    case 'heading': {
      const Tag = headingTag(node.tag, minHeading)
      return <Tag key={key}>{children()}</Tag>
    }
    case 'quote':
      return <blockquote key={key}>{children()}</blockquote>
    case 'list': {
      const Tag = node.listType === 'number' ? 'ol' : 'ul'
      return <Tag key={key}>{children()}</Tag>
    }
    case 'listitem':
      return <li key={key}>{children()}</li>
    case 'horizontalrule':
      return <hr key={key} />
    case 'link':
    case 'autolink': {
      const url = node.fields?.url ?? node.url ?? ''
      if (!SAFE_URL.test(url)) return <span key={key}>{children()}</span>
      const external = node.fields?.newTab
      return (
        <a
          key={key}
          href={url}
          {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
        >
          {children()}
        </a>
      )
    }
    default:
      return node.children ? <span key={key}>{children()}</span> : null
  }
}

/** True when the rich text has any visible text. */
export function hasText(value: RichTextValue | null | undefined): boolean {
  const walk = (nodes: LexicalReadNode[] | undefined): boolean =>
    (nodes ?? []).some((n) => (n.text ?? '').trim() !== '' || walk(n.children))
  return Boolean(value && walk(value.root.children as LexicalReadNode[]))
}

export function RichText({
  value,
  minHeading = 3,
  className,
}: {
  value: RichTextValue | null | undefined
  minHeading?: number
  className?: string
}) {
  if (!value) return null
  return (
    <div className={className}>
      {renderNodes(value.root.children as LexicalReadNode[], minHeading)}
    </div>
  )
}
