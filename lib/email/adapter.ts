/**
 * Payload's email adapter for Lodestar: nodemailer over SMTP_URL, or the server log outside
 * production. (@payloadcms/email-nodemailer is not used: no release matches payload 3.90.2 and it
 * pins nodemailer 9, while next-auth 4 wants nodemailer 7; this adapter is the same few lines.)
 * Every message leaves with an HTML and a plain-text part.
 */
import nodemailer from 'nodemailer'
import type { EmailAdapter, SendEmailOptions } from 'payload'

import type { EmailConfig } from './config'
import { htmlToText, renderedTextOf } from './render'
import { EMAIL_UNAVAILABLE_WARNING } from './warning'

/** Production without SMTP_URL: nothing can be sent, and callers are told so. */
export class EmailUnavailableError extends Error {
  constructor() {
    super('Email is not configured on this site (SMTP_URL is not set): nothing was sent.')
    this.name = 'EmailUnavailableError'
  }
}

const warned = globalThis as typeof globalThis & { __lodestarNoSmtpWarned?: boolean }

/** Adds the plain-text part when a message has only HTML (Payload's own reset messages). */
export function withText(message: SendEmailOptions): SendEmailOptions {
  if (message.text || typeof message.html !== 'string') return message
  return { ...message, text: renderedTextOf(message.html) ?? htmlToText(message.html) }
}

/** The adapter for payload.config.ts's `email`. */
export function lodestarEmailAdapter(config: EmailConfig): EmailAdapter {
  return ({ payload }) => {
    const base = {
      name: config.delivery,
      defaultFromAddress: config.from.address,
      defaultFromName: config.from.name,
    }
    if (config.delivery === 'smtp' && config.smtpUrl) {
      const transport = nodemailer.createTransport(config.smtpUrl, {
        // a mail server that does not answer fails the send (and the job retries) instead of hanging
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
      })
      return {
        ...base,
        sendEmail: async (message) => {
          const from =
            typeof message.from === 'object' && message.from
              ? { name: message.from.name ?? config.from.name, address: message.from.address }
              : (message.from ?? config.from)
          return transport.sendMail({ ...withText(message), from })
        },
      }
    }
    if (config.delivery === 'unavailable' && !warned.__lodestarNoSmtpWarned) {
      warned.__lodestarNoSmtpWarned = true
      payload.logger.warn(EMAIL_UNAVAILABLE_WARNING)
    }
    return {
      ...base,
      sendEmail: async (message) => {
        if (config.delivery === 'unavailable') throw new EmailUnavailableError()
        const { text, subject, to, cc } = withText(message)
        // development and tests without SMTP_URL: the whole message, links included, to the log
        payload.logger.info({
          msg: `Email (not sent: SMTP_URL is not set) to ${JSON.stringify(to)}${cc ? ` cc ${JSON.stringify(cc)}` : ''}: ${subject}\n${String(text ?? '')}`,
        })
        return { logged: true }
      },
    }
  }
}
