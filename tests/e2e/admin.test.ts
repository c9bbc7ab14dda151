import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { BASE_URL, DEMO_PASSWORD, launchBrowser, screenshot, signInAdmin } from './helpers'

let browser: Browser

async function apiToken(email: string) {
  const res = await fetch(`${BASE_URL}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { token: string }).token
}

async function chooseOption(page: Page, field: string, search: string, option: string | RegExp) {
  await page.locator(`#field-${field} .rs__control`).click()
  await page.keyboard.type(search)
  await page.locator('.rs__option', { hasText: option }).first().click()
}

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

describe('the Payload admin', () => {
  it('lets the editor create an initiative through the form; it shows in the list and over REST', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await signInAdmin(page, 'editor@example.org')
    await screenshot(page, 'admin-dashboard-editor')

    await page.goto(`${BASE_URL}/admin/collections/initiatives/create`)
    const title = `Browser-made initiative ${Date.now()}`
    await page.locator('#field-title').fill(title)
    await chooseOption(page, 'section', 'Serials', 'Serials Section')
    await chooseOption(page, 'objectives', '1.1', /^1\.1 /)
    await page.locator('#field-lead').fill('E2E test')
    await screenshot(page, 'admin-initiative-form')
    await page.getByRole('button', { name: 'Publish changes' }).click()
    await page.waitForURL(/\/admin\/collections\/initiatives\/[^/]+$/, { timeout: 60_000 })
    await page.waitForURL((url) => !url.pathname.endsWith('/create'), { timeout: 60_000 })

    await page.goto(`${BASE_URL}/admin/collections/initiatives?limit=100`)
    await expect
      .poll(() => page.getByRole('link', { name: title }).count(), { timeout: 30_000 })
      .toBe(1)
    await screenshot(page, 'admin-initiatives-list')

    const res = await fetch(
      `${BASE_URL}/api/initiatives?where[title][equals]=${encodeURIComponent(title)}&depth=1`,
    )
    const body = (await res.json()) as {
      docs: { title: string; section: { name: string }; visibility: string }[]
    }
    // published; visibility defaults to members-only, so the editor's token is needed to read it
    expect(body.docs).toHaveLength(0)
    const token = await apiToken('editor@example.org')
    const authed = await fetch(
      `${BASE_URL}/api/initiatives?where[title][equals]=${encodeURIComponent(title)}&depth=1`,
      {
        headers: { authorization: `JWT ${token}` },
      },
    )
    const found = (await authed.json()) as {
      docs: { title: string; section: { name: string }; _status: string; code?: string }[]
    }
    expect(found.docs).toHaveLength(1)
    expect(found.docs[0]).toMatchObject({
      title,
      _status: 'published',
      section: { name: 'Serials Section' },
    })
    await page.close()
  })

  it('shows the Acquisitions section editor a Serials initiative read-only', async () => {
    const token = await apiToken('editor@example.org')
    const res = await fetch(`${BASE_URL}/api/sections?where[slug][equals]=serials`, {
      headers: { authorization: `JWT ${token}` },
    })
    const serials = ((await res.json()) as { docs: { id: string | number }[] }).docs[0]!
    const list = await fetch(
      `${BASE_URL}/api/initiatives?where[section][equals]=${serials.id}&limit=1&sort=title`,
      {
        headers: { authorization: `JWT ${token}` },
      },
    )
    const initiative = ((await list.json()) as { docs: { id: string | number; title: string }[] })
      .docs[0]!

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await signInAdmin(page, 'acquisitions@example.org')
    await page.goto(`${BASE_URL}/admin/collections/initiatives/${initiative.id}`)
    const titleInput = page.locator('#field-title')
    await expect.poll(() => titleInput.inputValue(), { timeout: 30_000 }).toBe(initiative.title)
    expect(await titleInput.isDisabled()).toBe(true)
    expect(await page.getByRole('button', { name: 'Publish changes' }).count()).toBe(0)
    await screenshot(page, 'admin-section-editor-readonly')

    // and their own section's initiatives are editable
    const own = await fetch(
      `${BASE_URL}/api/initiatives?where[section.slug][equals]=acquisitions&limit=1`,
      {
        headers: { authorization: `JWT ${token}` },
      },
    )
    const mine = ((await own.json()) as { docs: { id: string | number }[] }).docs[0]!
    await page.goto(`${BASE_URL}/admin/collections/initiatives/${mine.id}`)
    await expect
      .poll(() => page.locator('#field-title').isDisabled(), { timeout: 30_000 })
      .toBe(false)
    await page.close()
  })

  it('lets the admin give a member an email address; the form calls the login "Member number"', async () => {
    const token = await apiToken('admin@example.org')
    const number = String(700000 + Math.floor(Math.random() * 99_999))
    const res = await fetch(`${BASE_URL}/api/members`, {
      method: 'POST',
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        username: number,
        name: 'Ada Newmember',
        password: 'a-long-password',
        membershipExpires: '2099-12-31',
      }),
    })
    expect(res.status).toBe(201)
    const member = ((await res.json()) as { doc: { id: string | number; email?: string | null } })
      .doc
    expect(member.email ?? null).toBeNull()

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await signInAdmin(page, 'admin@example.org')
    await page.goto(`${BASE_URL}/admin/collections/members/${member.id}`)
    const numberInput = page.getByLabel('Member number')
    await expect.poll(() => numberInput.inputValue(), { timeout: 30_000 }).toBe(number)
    expect(await page.getByText('Username', { exact: true }).count()).toBe(0)
    const email = page.getByLabel('Email')
    await email.fill('ada.member@example.org')
    await screenshot(page, 'admin-member-form')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect
      .poll(
        async () => {
          const after = await fetch(`${BASE_URL}/api/members/${member.id}`, {
            headers: { authorization: `JWT ${token}` },
          })
          return ((await after.json()) as { email?: string | null }).email
        },
        { timeout: 30_000 },
      )
      .toBe('ada.member@example.org')
    await page.close()
  })
})
