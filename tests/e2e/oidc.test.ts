/**
 * Single sign-on through OpenID Connect, end to end: the production server is configured with a
 * real issuer on loopback (scripts/lib/oidc-issuer.mjs, started by `npm run test:e2e`), whose
 * development sign-in page accepts any login as the person's email address. A member is found by
 * that email; anyone else, a lapsed member or an unverified address is refused with a message.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { BASE_URL, launchBrowser, screenshot } from './helpers'

const SSO_BUTTON = 'Sign in with Test identity provider'
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** From /login, through the issuer's sign-in and consent pages, as `login`; back on the site. */
async function signInThroughIssuer(login: string, callbackUrl = '/dashboard'): Promise<Page> {
  // a fresh context: no session at the issuer or on the site
  const page = await (await browser.newContext()).newPage()
  await page.goto(`${BASE_URL}/login?callbackUrl=${encodeURIComponent(callbackUrl)}`)
  await page.getByRole('button', { name: SSO_BUTTON }).click()
  await page.waitForURL((url) => url.origin !== BASE_URL, { timeout: 60_000 })
  await page.locator('input[name="login"]').fill(login)
  await page.locator('input[name="password"]').fill('any password')
  await page.getByRole('button', { name: 'Sign-in' }).click()
  // the issuer asks once to share the email and profile with this site
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.waitForURL((url) => url.origin === BASE_URL, { timeout: 60_000 })
  await page.waitForLoadState('networkidle')
  return page
}

const session = (page: Page) =>
  page.evaluate(async () => {
    const res = await fetch('/api/auth/session')
    return (await res.json()) as { user?: { name?: string; memberNumber?: string } }
  })

describe('single sign-on (OpenID Connect)', () => {
  it('offers the identity provider on the sign-in page', async () => {
    const page = await (await browser.newContext()).newPage()
    await page.goto(`${BASE_URL}/login`)
    await expect(page.getByRole('button', { name: SSO_BUTTON }).isVisible()).resolves.toBe(true)
    await page.context().close()
  })

  it('signs in the member whose email the issuer vouches for, as that member, and back to the page asked for', async () => {
    const page = await signInThroughIssuer('Member100001@Example.org', '/dashboard')
    expect(new URL(page.url()).pathname).toBe('/dashboard')
    // the session is the member's (by member number), not the issuer's account
    await expect(session(page)).resolves.toMatchObject({
      user: { name: 'Morgan Member', memberNumber: '100001' },
    })
    await screenshot(page, 'oidc-dashboard')
    await page.context().close()
  })

  it.each([
    [
      'an email no member has',
      'nobody.at.all@example.org',
      'no-member',
      /No member account uses the email address/,
    ],
    ['a lapsed member', 'lapsed100003@example.org', 'lapsed', /membership has lapsed/],
    [
      'an address the issuer has not verified',
      'unverified.member100001@example.org',
      'no-member',
      /No member account uses the email address/,
    ],
    [
      'an address the issuer does not say it verified',
      'silent.member100001@example.org',
      'no-member',
      /No member account uses the email address/,
    ],
  ])('refuses %s with a message, and no session', async (_who, login, code, message) => {
    const page = await signInThroughIssuer(login)
    const url = new URL(page.url())
    expect(url.pathname).toBe('/login')
    expect(url.searchParams.get('error')).toBe(code)
    await expect(page.locator('#login-error').textContent()).resolves.toMatch(message)
    await expect(session(page)).resolves.not.toHaveProperty('user')
    await page.goto(`${BASE_URL}/dashboard`)
    expect(new URL(page.url()).pathname).toBe('/login')
    await page.context().close()
  })
})
