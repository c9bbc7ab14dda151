import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { EMAIL_UNAVAILABLE_MESSAGE, emailUnavailable } from '@/lib/email/status'

/**
 * Production without SMTP_URL: a forgot-password request is refused with a message that says
 * email is unavailable, on every surface (the site's form, the admin's, REST), instead of
 * answering "a link is on its way" when none can be sent.
 */
export const refuseResetWithoutEmail: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation === 'forgotPassword' && emailUnavailable()) {
    throw new APIError(EMAIL_UNAVAILABLE_MESSAGE, 503, { reason: 'email-unavailable' }, true)
  }
  return args
}
