import { describe, expect, it } from 'vitest'

import { EmailUnavailableError, lodestarEmailAdapter, withText } from '@/lib/email/adapter'
import { isEmailAddress, parseFrom, readEmailConfig } from '@/lib/email/config'
import { htmlToText, renderEmail } from '@/lib/email/render'
import { ConfigError, readEnv } from '@/lib/env'

const dev = { isProduction: false, serverUrl: 'http://localhost:3000' }
const prod = { isProduction: true, serverUrl: 'https://plan.example.org' }

describe('readEmailConfig', () => {
  it('sends through SMTP_URL when it is set, in any environment', () => {
    const config = readEmailConfig({ SMTP_URL: 'smtps://u:p@mail.example.org:465' }, prod)
    expect(config).toMatchObject({ delivery: 'smtp', smtpUrl: 'smtps://u:p@mail.example.org:465' })
  })

  it('writes to the log outside production and is unavailable in production without SMTP_URL', () => {
    expect(readEmailConfig({}, dev).delivery).toBe('log')
    expect(readEmailConfig({ SMTP_URL: '  ' }, prod).delivery).toBe('unavailable')
  })

  it.each(['mail.example.org', 'http://mail.example.org', 'smtp://'])(
    'refuses SMTP_URL %s',
    (url) => {
      expect(() => readEmailConfig({ SMTP_URL: url }, dev)).toThrow(/SMTP_URL must/)
    },
  )

  it('reads EMAIL_FROM with or without a name, and defaults to no-reply at the site', () => {
    expect(
      readEmailConfig({ EMAIL_FROM: 'ALCTS Planning <plan@alcts.example.org>' }, dev).from,
    ).toEqual({
      name: 'ALCTS Planning',
      address: 'plan@alcts.example.org',
    })
    expect(readEmailConfig({ EMAIL_FROM: '"Plan, ALCTS" <p@a.org>' }, dev).from.name).toBe(
      'Plan, ALCTS',
    )
    expect(readEmailConfig({ EMAIL_FROM: 'p@a.org' }, dev).from).toEqual({
      name: 'Lodestar',
      address: 'p@a.org',
    })
    expect(readEmailConfig({}, prod).from).toEqual({
      name: 'Lodestar',
      address: 'no-reply@plan.example.org',
    })
    expect(readEmailConfig({}, dev).from.address).toBe('no-reply@localhost.localdomain')
  })

  it('refuses an EMAIL_FROM that is not an address, through readEnv as a ConfigError', () => {
    expect(() =>
      readEnv({ NODE_ENV: 'development', EMAIL_FROM: 'Planning team', VITEST: 'true' }),
    ).toThrow(ConfigError)
    expect(() =>
      readEnv({ NODE_ENV: 'development', EMAIL_FROM: 'Planning team', VITEST: 'true' }),
    ).toThrow(/EMAIL_FROM must/)
  })

  it('lets `next build` run without SMTP_URL', () => {
    const env = readEnv({
      NODE_ENV: 'production',
      NEXT_PHASE: 'phase-production-build',
    } as NodeJS.ProcessEnv)
    expect(env.email.delivery).not.toBe('unavailable')
  })
})

describe('isEmailAddress / parseFrom', () => {
  it.each([
    ['a@b.org', true],
    ['a.b+tag@sub.example.org', true],
    ['no at sign', false],
    ['a@b', false],
    ['a b@c.org', false],
    ['', false],
    [null, false],
  ])('%s → %s', (value, ok) => {
    expect(isEmailAddress(value)).toBe(ok)
  })

  it('refuses a name with a broken address', () => {
    expect(parseFrom('Name <not-an-address>')).toBeNull()
  })
})

describe('renderEmail', () => {
  const rendered = renderEmail({
    association: 'Tools & Techniques Society',
    subject: 'Subject <1>',
    preview: 'Preview',
    greeting: 'Hello Ada,',
    blocks: [
      { paragraph: 'First <b>not bold</b>.' },
      { list: ['one', 'two'] },
      { button: { label: 'Open it', url: 'https://x.example.org/a?b=1&c=2' } },
      { note: 'A note.' },
    ],
    footer: 'Why you got this.',
  })

  it('is phone-readable HTML with everything escaped', () => {
    expect(rendered.html).toContain(
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
    )
    expect(rendered.html).toContain('max-width:560px')
    expect(rendered.html).toContain('First &#60;b&#62;not bold&#60;/b&#62;.')
    expect(rendered.html).toContain('Tools &#38; Techniques Society')
    expect(rendered.html).toContain('href="https://x.example.org/a?b=1&#38;c=2"')
  })

  it('says the same in plain text', () => {
    expect(rendered.text).toBe(
      [
        'Hello Ada,',
        'First <b>not bold</b>.',
        '- one\n- two',
        'Open it:\nhttps://x.example.org/a?b=1&c=2',
        'A note.',
        '--',
        'Tools & Techniques Society · planning site',
        'Why you got this.',
      ].join('\n\n') + '\n',
    )
  })

  it('gives the adapter that text for that HTML', () => {
    expect(withText({ to: 'a@b.org', html: rendered.html }).text).toBe(rendered.text)
  })
})

describe('htmlToText (messages that come with HTML only)', () => {
  it('keeps paragraphs, list items and link addresses', () => {
    expect(
      htmlToText(
        '<p>Hi &amp; welcome</p><ul><li>a</li><li>b</li></ul><p><a href="https://x.org/r?t=1">Reset</a></p>',
      ),
    ).toBe('Hi & welcome\n\n- a\n- b\n\nReset: https://x.org/r?t=1\n')
  })
})

describe('lodestarEmailAdapter', () => {
  const logged: string[] = []
  const payload = {
    logger: {
      info: ({ msg }: { msg: string }) => logged.push(msg),
      warn: (msg: string) => logged.push(msg),
    },
  } as never

  it('writes the whole message, links included, to the log without SMTP_URL', async () => {
    const adapter = lodestarEmailAdapter(readEmailConfig({}, dev))({ payload })
    await adapter.sendEmail({
      to: 'a@b.org',
      subject: 'S',
      html: '<p><a href="https://x.org/t">Go</a></p>',
    })
    expect(logged.at(-1)).toContain('to "a@b.org": S')
    expect(logged.at(-1)).toContain('Go: https://x.org/t')
  })

  it('in production without SMTP_URL warns once and refuses every send', async () => {
    const adapter = lodestarEmailAdapter(readEmailConfig({}, prod))({ payload })
    expect(logged.some((line) => line.startsWith('SMTP_URL is not set'))).toBe(true)
    await expect(adapter.sendEmail({ to: 'a@b.org', subject: 'S', text: 't' })).rejects.toThrow(
      EmailUnavailableError,
    )
  })
})
