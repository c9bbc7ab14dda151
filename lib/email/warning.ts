/** The start-up warning and admin banner of a production site without SMTP_URL. */
export const EMAIL_UNAVAILABLE_WARNING =
  'SMTP_URL is not set: Lodestar cannot send email. Password resets, cycle reminders and board reports will not go out until it is set (see README, "Email").'
