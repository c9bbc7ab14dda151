/**
 * One layout for every message Lodestar sends: a single column that reads on a phone (16 px text,
 * a full-width button, no images, no remote CSS), and the same words as plain text. Messages are
 * written as blocks, so the HTML and the text can never say different things.
 */

export type EmailBlock =
  | { paragraph: string }
  | { list: string[] }
  | { button: { label: string; url: string } }
  | { note: string }

export interface EmailContent {
  /** the association's name: in the header and the footer */
  association: string
  subject: string
  /** a line that mail apps show beside the subject */
  preview?: string
  greeting: string
  blocks: EmailBlock[]
  /** why the person got this message, and how to stop it when they can */
  footer: string
}

export interface RenderedEmail {
  subject: string
  html: string
  text: string
}

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const FONT = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"

function blockHtml(block: EmailBlock): string {
  if ('paragraph' in block)
    return `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;">${escapeHtml(block.paragraph)}</p>`
  if ('note' in block)
    return `<p style="margin:0 0 16px;font-size:14px;line-height:1.5;color:#555555;">${escapeHtml(block.note)}</p>`
  if ('list' in block)
    return `<ul style="margin:0 0 16px;padding-left:20px;font-size:16px;line-height:1.5;">${block.list
      .map((item) => `<li style="margin:0 0 6px;">${escapeHtml(item)}</li>`)
      .join('')}</ul>`
  const url = escapeHtml(block.button.url)
  return (
    `<p style="margin:8px 0 8px;"><a href="${url}" style="display:block;padding:14px 20px;background:#1d3a5f;color:#ffffff;` +
    `text-align:center;text-decoration:none;border-radius:6px;font-size:17px;font-weight:600;">${escapeHtml(block.button.label)}</a></p>` +
    `<p style="margin:0 0 20px;font-size:13px;line-height:1.4;color:#555555;word-break:break-all;">` +
    `Or paste this address into your browser: <a href="${url}" style="color:#1d3a5f;">${url}</a></p>`
  )
}

function blockText(block: EmailBlock): string {
  if ('paragraph' in block) return block.paragraph
  if ('note' in block) return block.note
  if ('list' in block) return block.list.map((item) => `- ${item}`).join('\n')
  return `${block.button.label}:\n${block.button.url}`
}

/** Renders a message as phone-readable HTML and as plain text with the same words. */
export function renderEmail(content: EmailContent): RenderedEmail {
  const preview = content.preview
    ? `<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(content.preview)}</div>`
    : ''
  const html = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f4f4f1;font-family:${FONT};color:#1a1a1a;">`,
    preview,
    '<div style="max-width:560px;margin:0 auto;padding:24px 16px;">',
    `<p style="margin:0 0 16px;font-size:14px;font-weight:600;color:#1d3a5f;">${escapeHtml(content.association)} · planning site</p>`,
    '<div style="background:#ffffff;border-radius:8px;padding:24px 20px;">',
    `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;">${escapeHtml(content.greeting)}</p>`,
    ...content.blocks.map(blockHtml),
    '</div>',
    `<p style="margin:16px 0 0;font-size:13px;line-height:1.5;color:#555555;">${escapeHtml(content.footer)}</p>`,
    '</div></body></html>',
  ].join('\n')
  const text = [
    content.greeting,
    ...content.blocks.map(blockText),
    '--',
    `${content.association} · planning site`,
    content.footer,
  ].join('\n\n')
  const rendered = { subject: content.subject, html, text: `${text}\n` }
  remember(rendered)
  return rendered
}

/*
 * Payload's own flows (password resets) take only HTML from us. The text written for that HTML is
 * remembered here for a while, so the adapter sends it rather than a conversion of the HTML.
 */
const textOfHtml = new Map<string, string>()
function remember({ html, text }: RenderedEmail) {
  textOfHtml.set(html, text)
  if (textOfHtml.size > 200) textOfHtml.delete(textOfHtml.keys().next().value!)
}

/** The plain text rendered with this HTML, if it was rendered by renderEmail recently. */
export function renderedTextOf(html: string): string | undefined {
  return textOfHtml.get(html)
}

/**
 * Plain text for an HTML message that arrives without one (Payload's own messages): paragraphs
 * and list items on their own lines, a link as "label: address".
 */
export function htmlToText(html: string): string {
  const decoded = (s: string) =>
    s
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
  return decoded(
    html
      .replace(/<(head|style|title)[^>]*>[\s\S]*?<\/\1>/gi, '')
      .replace(/<div style="display:none[^>]*>[\s\S]*?<\/div>/gi, '')
      .replace(
        /<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi,
        (_, href: string, label: string) => {
          const words = label.replace(/<[^>]+>/g, '').trim()
          return words && words !== href ? `${words}: ${href}` : href
        },
      )
      .replace(/<li[^>]*>/gi, '\n- ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|h[1-6]|ul|ol|tr)>/gi, '\n\n')
      .replace(/<[^>]+>/g, ''),
  )
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .concat('\n')
}
