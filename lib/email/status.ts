import { env } from '@/lib/env'

export { EMAIL_UNAVAILABLE_WARNING } from './warning'

/** What the reset forms say when this site cannot send email. */
export const EMAIL_UNAVAILABLE_MESSAGE =
  'This site cannot send email at the moment, so no reset link can be sent. Ask an administrator to set a new password for you.'

/** Production without SMTP_URL: nothing can be sent. */
export function emailUnavailable(): boolean {
  return env().email.delivery === 'unavailable'
}
