/**
 * Reads the messages a real SMTP server (Mailpit) received, through its HTTP API, for the email
 * tests. MAILPIT_URL is that API's origin (CI always sets it, with SMTP_URL pointing at the same
 * Mailpit); without it the email tests skip. Test files run in parallel against one Mailpit, so
 * every test sends to addresses of its own and reads only those: nothing here clears the mailbox.
 */
export const MAILPIT_URL = process.env.MAILPIT_URL?.trim().replace(/\/$/, '') || undefined

export interface MailpitAddress {
  Name: string
  Address: string
}

export interface MailSummary {
  ID: string
  Subject: string
  To: MailpitAddress[]
  Cc: MailpitAddress[] | null
  From: MailpitAddress
  Created: string
}

export interface Mail extends MailSummary {
  HTML: string
  Text: string
}

async function api<T>(path: string): Promise<T> {
  if (!MAILPIT_URL) throw new Error('MAILPIT_URL is not set')
  const res = await fetch(`${MAILPIT_URL}${path}`)
  if (!res.ok) throw new Error(`Mailpit ${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

const addressed = (message: MailSummary, address: string) =>
  [...message.To, ...(message.Cc ?? [])].some(
    (to) => to.Address.toLowerCase() === address.toLowerCase(),
  )

/** Every message Mailpit holds that was sent to (or copied to) `address`, oldest first. */
export async function messagesTo(address: string): Promise<MailSummary[]> {
  const { messages } = await api<{ messages: MailSummary[] }>('/api/v1/messages?limit=5000')
  return messages.filter((message) => addressed(message, address)).reverse()
}

/** One message with its HTML and text bodies. */
export function readMessage(id: string): Promise<Mail> {
  return api<Mail>(`/api/v1/message/${encodeURIComponent(id)}`)
}

/**
 * Waits (up to `timeoutMs`) until `address` has at least `count` messages, then returns them all,
 * read in full. SMTP delivery is quick but not synchronous with Mailpit's store.
 */
export async function waitForMail(address: string, count = 1, timeoutMs = 10_000): Promise<Mail[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = await messagesTo(address)
    if (found.length >= count || Date.now() > deadline) {
      return Promise.all(found.map((message) => readMessage(message.ID)))
    }
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
}

/** The first link in a message's HTML that starts with `prefix`. */
export function linkIn(mail: Mail, prefix: string): string | undefined {
  for (const match of mail.HTML.matchAll(/href="([^"]+)"/g)) {
    const href = match[1]!.replaceAll('&#38;', '&').replaceAll('&amp;', '&')
    if (href.startsWith(prefix)) return href
  }
  return undefined
}
