/** Reading the JSON answers of Payload's REST API and our endpoints in the admin's own views. */

/** The body of an answer as JSON; null when it is not JSON (a proxy's error page). */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  try {
    return JSON.parse(text) as unknown
  } catch (err) {
    if (err instanceof SyntaxError) return null
    throw err
  }
}

/**
 * The message of an error answer (Payload's `{ errors: [{ message, data: { errors } }] }` shape):
 * the first field's message, else the error's own, else one that says what the status means.
 */
export function messageOf(body: unknown, status: number, forbidden?: string): string {
  const errors = (body as { errors?: { message?: string; data?: unknown }[] } | null)?.errors
  const first = errors?.[0]
  const fieldErrors = (first?.data as { errors?: { message?: string }[] } | undefined)?.errors
  const message = fieldErrors?.[0]?.message ?? first?.message
  if (message) return message
  if (status === 401) return 'Your session has ended: sign in again.'
  if (status === 403 && forbidden) return forbidden
  return `The server answered ${status}. Try again in a moment.`
}
