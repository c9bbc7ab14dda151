/** Conversions between plain paragraphs (as plans are published and imported) and Lexical rich text. */

export interface LexicalNode {
  type: string
  version: number
  text?: string
  children?: LexicalNode[]
  [key: string]: unknown
}

/**
 * A Lexical node as the renderers read it (the web page and the PDF): any part may be missing
 * from stored rich text, so every part is optional.
 */
export interface LexicalReadNode {
  type?: string
  text?: string
  format?: number | string
  tag?: string
  listType?: string
  children?: LexicalReadNode[]
  fields?: { url?: string; newTab?: boolean }
  url?: string
}

/** Lexical's text format bits (a text node's `format`). */
export const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
} as const

export interface LexicalState {
  root: {
    type: string
    children: LexicalNode[]
    direction: 'ltr' | 'rtl' | null
    format: '' | 'start' | 'end' | 'left' | 'center' | 'right' | 'justify'
    indent: number
    version: number
  }
  [key: string]: unknown
}

const textNode = (text: string): LexicalNode => ({
  type: 'text',
  text,
  format: 0,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
})

const paragraphNode = (text: string): LexicalNode => ({
  type: 'paragraph',
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  textFormat: 0,
  textStyle: '',
  children: text ? [textNode(text)] : [],
})

/** Lexical rich text with one paragraph per string. */
export function paragraphsToLexical(paragraphs: readonly string[]): LexicalState {
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: paragraphs.map(paragraphNode),
    },
  }
}

function textOf(node: LexicalNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'linebreak') return '\n'
  return (node.children ?? []).map(textOf).join('')
}

/** The plain text of each block (paragraph, heading, list item, quote) of a Lexical state. */
export function lexicalToParagraphs(state: unknown): string[] {
  const root = (state as LexicalState | null | undefined)?.root
  if (!root || !Array.isArray(root.children)) return []
  const out: string[] = []
  for (const block of root.children) {
    if (block.type === 'list') {
      for (const item of block.children ?? []) out.push(textOf(item))
    } else {
      out.push(textOf(block))
    }
  }
  return out.map((p) => p.trim()).filter(Boolean)
}
