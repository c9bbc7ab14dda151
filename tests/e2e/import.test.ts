import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { chromiumPdf, docxFile, LAKESHORE_TITLE, strategiesPlan } from '@/tests/fixtures/documents'

import { BASE_URL, DEMO_PASSWORD, launchBrowser, screenshot, signInAdmin } from './helpers'

let browser: Browser

const TITLE = `Harbor Library Association Strategic Plan 2024-2027`
const PLAN = [
  TITLE,
  '',
  'Mission',
  'To help the libraries of the harbor towns work as one.',
  '',
  'Goal 1. Membership',
  'Objective 1. Welcome every new library',
  'Objective 2. Keep the libraries we have',
  '',
  'A stray sentence the parser cannot place.',
  '',
  'Goal 2. Advocacy',
  'Objective 1. Speak for libraries at the state house',
].join('\n')

async function editorToken() {
  const res = await fetch(`${BASE_URL}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@example.org', password: DEMO_PASSWORD }),
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { token: string }).token
}

async function openImportView(page: Page) {
  await page.goto(`${BASE_URL}/admin/import-plan`)
  await page.getByRole('heading', { name: 'Import a plan' }).waitFor({ timeout: 60_000 })
}

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

describe('the admin’s Import plan view', () => {
  it('lets an editor paste a plan, check the preview, fix the text, create a draft and find it', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await signInAdmin(page, 'editor@example.org')

    // the plans list points at the import view
    await page.goto(`${BASE_URL}/admin/collections/plans`)
    const banner = page.getByText('Have the plan as a document?').locator('..')
    await banner.getByRole('link', { name: 'Import plan' }).click()
    await page.waitForURL(/\/admin\/import-plan$/)
    await page.getByRole('heading', { name: 'Import a plan' }).waitFor()

    const text = page.getByLabel('Plan text')
    await text.fill(PLAN)
    const result = page.locator('section[aria-labelledby="import-result-heading"]')
    await result
      .getByText('Ready to import: 2 goal areas, 3 objectives; 1 warning to check.')
      .waitFor({ timeout: 30_000 })
    await expect.poll(() => result.getByText('Goal area 1. Membership').count()).toBe(1)
    expect(await result.getByText('Keep the libraries we have').count()).toBe(1)
    const warning = result.getByRole('listitem').filter({ hasText: 'could not place text' })
    expect(await warning.innerText()).toMatch(
      /Line 10\s+could not place text: "A stray sentence the parser cannot place\."/,
    )
    await screenshot(page, 'import-preview')

    // the warning's line button selects that line in the text
    await warning.getByRole('button', { name: 'Line 10' }).click()
    const selected = await text.evaluate((el) => {
      const area = el as HTMLTextAreaElement
      return area.value.slice(area.selectionStart, area.selectionEnd)
    })
    expect(selected).toBe('A stray sentence the parser cannot place.')

    // fix the text: the preview follows
    await text.fill(PLAN.replace('A stray sentence the parser cannot place.\n\n', ''))
    await result
      .getByText('Ready to import: 2 goal areas, 3 objectives.')
      .waitFor({ timeout: 30_000 })
    expect(await result.getByText('could not place text').count()).toBe(0)

    await page.getByRole('button', { name: 'Create draft plan' }).click()
    await page.getByRole('heading', { name: 'Draft plan created' }).waitFor({ timeout: 30_000 })
    await screenshot(page, 'import-created')
    await page.getByRole('link', { name: `Open “${TITLE}”` }).click()
    await page.waitForURL(/\/admin\/collections\/plans\/[^/]+$/, { timeout: 60_000 })
    await expect
      .poll(() => page.locator('#field-title').inputValue(), { timeout: 30_000 })
      .toBe(TITLE)

    // the edit view offers the three exports; the JSON one is the plan just imported
    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'JSON', exact: true }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe(
      'harbor-library-association-strategic-plan-2024-2027.json',
    )
    const exported = JSON.parse(fs.readFileSync((await file.path())!, 'utf8')) as {
      plan: { title: string; _status: string }
      goals: { objectives: unknown[] }[]
    }
    expect(exported.plan).toMatchObject({ title: TITLE, _status: 'draft' })
    expect(exported.goals.map((g) => g.objectives.length)).toEqual([2, 1])
    expect(
      await page.getByRole('link', { name: 'StratML', exact: true }).getAttribute('href'),
    ).toMatch(/\/api\/plans\/[^/]+\/export\?format=stratml$/)
    expect(await page.getByRole('link', { name: 'CSV', exact: true }).count()).toBe(1)
    await screenshot(page, 'import-plan-edit-export')

    // and the plans list has it
    await page.goto(`${BASE_URL}/admin/collections/plans`)
    await expect
      .poll(() => page.getByRole('link', { name: TITLE }).count(), { timeout: 30_000 })
      .toBe(1)
    await page.close()
  })

  it('reads an uploaded StratML file and refuses to create over an existing plan', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await signInAdmin(page, 'editor@example.org')
    await openImportView(page)
    const token = await editorToken()
    const res = await fetch(
      `${BASE_URL}/api/plans?where[slug][equals]=alcts-strategic-plan-2006-2011&limit=1`,
      {
        headers: { authorization: `JWT ${token}` },
      },
    )
    const id = ((await res.json()) as { docs: { id: string | number }[] }).docs[0]!.id
    const xml = await fetch(`${BASE_URL}/api/plans/${id}/export?format=stratml`, {
      headers: { authorization: `JWT ${token}` },
    })
    expect(xml.status).toBe(200)
    await page.locator('input[type="file"]').setInputFiles({
      name: 'alcts.stratml.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(await xml.text()),
    })
    const result = page.locator('section[aria-labelledby="import-result-heading"]')
    await result
      .getByText('Ready to import: 5 goal areas, 26 objectives.')
      .waitFor({ timeout: 30_000 })
    expect(await result.getByText('StratML (XML)').count()).toBe(1)
    await result
      .getByText('Another plan already uses the address /plans/alcts-strategic-plan-2006-2011.')
      .waitFor()
    expect(await page.getByRole('button', { name: 'Create draft plan' }).isDisabled()).toBe(true)
    await screenshot(page, 'import-stratml-taken')
    await page.close()
  })

  it('reads a Word document chosen with the file input and creates the draft with its wording', async () => {
    const title = LAKESHORE_TITLE
    const docx = await docxFile(strategiesPlan())
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await signInAdmin(page, 'editor@example.org')
    await openImportView(page)
    await page.locator('input[type="file"]').setInputFiles({
      name: 'lakeshore.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(docx),
    })
    const result = page.locator('section[aria-labelledby="import-result-heading"]')
    await result
      .getByText('Ready to import: 2 goal areas, 3 objectives.')
      .waitFor({ timeout: 30_000 })
    expect(await result.getByText('Keep the members we have').count()).toBe(1)
    // objectives are called what the plan calls them
    expect(await result.getByText('Strategy 1.2', { exact: true }).count()).toBe(1)
    // the text the server read is shown, read-only: the document is what gets imported
    const read = page.getByLabel('Text read from lakeshore.docx')
    expect(await read.inputValue()).toContain('Speak for libraries in the legislature')
    expect(await read.getAttribute('readonly')).not.toBeNull()
    await screenshot(page, 'import-docx-preview')

    await page.getByRole('button', { name: 'Create draft plan' }).click()
    await page.getByRole('heading', { name: 'Draft plan created' }).waitFor({ timeout: 30_000 })
    const res = await fetch(
      `${BASE_URL}/api/plans?where[title][equals]=${encodeURIComponent(title)}&draft=true&depth=0`,
      { headers: { authorization: `JWT ${await editorToken()}` } },
    )
    const { docs } = (await res.json()) as {
      docs: { title: string; objectiveLabel?: string; _status: string }[]
    }
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ objectiveLabel: 'Strategy', _status: 'draft' })
    await page.close()
  })

  it('reads a dropped PDF, says on which page a warning is, and can let the file go', async () => {
    const pdf = chromiumPdf(`<!doctype html><html><head><meta charset="utf-8"></head><body>
      <h1>Prairie Library Association Strategic Plan 2022–2025</h1>
      <h2>Goal 1: Membership</h2>
      <p>Objective 1.1 Welcome new members</p>
      <div style="break-after: page"></div>
      <p>A stray sentence the parser cannot place.</p>
      <h2>Goal 2: Advocacy</h2>
      <p>Objective 2.1 Speak for libraries in the legislature</p>
    </body></html>`)
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await signInAdmin(page, 'editor@example.org')
    await openImportView(page)
    const drop = page.getByTestId('import-drop')
    const dataTransfer = await page.evaluateHandle((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const transfer = new DataTransfer()
      transfer.items.add(new File([bytes], 'prairie.pdf', { type: 'application/pdf' }))
      return transfer
    }, Buffer.from(pdf).toString('base64'))
    await drop.dispatchEvent('dragover', { dataTransfer })
    await drop.dispatchEvent('drop', { dataTransfer })

    const result = page.locator('section[aria-labelledby="import-result-heading"]')
    await result
      .getByText('Ready to import: 2 goal areas, 2 objectives; 1 warning to check.')
      .waitFor({ timeout: 30_000 })
    const warning = result.getByRole('listitem').filter({ hasText: 'could not place text' })
    const button = warning.getByRole('button', { name: /^Page 2, line \d+$/ })
    await button.click()
    const read = page.getByLabel('Text read from prairie.pdf')
    const selected = await read.evaluate((el) => {
      const area = el as HTMLTextAreaElement
      return area.value.slice(area.selectionStart, area.selectionEnd)
    })
    expect(selected).toBe('A stray sentence the parser cannot place.')
    await screenshot(page, 'import-pdf-warning')

    // letting the file go leaves an empty, editable text box
    await page.getByRole('button', { name: 'Remove prairie.pdf' }).click()
    const text = page.getByLabel('Plan text')
    expect(await text.inputValue()).toBe('')
    expect(await text.getAttribute('readonly')).toBeNull()
    await page.close()
  })

  it('says plainly when a file is not a Word document it can read', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await signInAdmin(page, 'editor@example.org')
    await openImportView(page)
    await page.locator('input[type="file"]').setInputFiles({
      name: 'broken.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]),
    })
    await page
      .getByRole('alert')
      .filter({ hasText: /damaged or not a Word document/ })
      .waitFor({ timeout: 30_000 })
    // nothing to create from
    expect(await page.getByRole('button', { name: 'Create draft plan' }).count()).toBe(0)
    await page.close()
  })

  it('words objective codes on the published pages and in the plan PDF as the plan does', async () => {
    const token = await editorToken()
    const auth = { authorization: `JWT ${token}`, 'content-type': 'application/json' }
    const found = await fetch(
      `${BASE_URL}/api/plans?where[slug][equals]=alcts-strategic-plan-2006-2011&limit=1&depth=0`,
      { headers: auth },
    )
    const id = ((await found.json()) as { docs: { id: string | number }[] }).docs[0]!.id
    const setLabel = async (objectiveLabel: string | null) => {
      const res = await fetch(`${BASE_URL}/api/plans/${id}`, {
        method: 'PATCH',
        headers: auth,
        body: JSON.stringify({ objectiveLabel }),
      })
      expect(res.status).toBe(200)
    }
    const html = async (pathname: string) => (await fetch(`${BASE_URL}${pathname}`)).text()
    await setLabel('Strategy')
    try {
      await expect
        .poll(() => html('/plans/alcts-strategic-plan-2006-2011'), { timeout: 30_000 })
        .toMatch(/>Strategy 1\.2</)
      expect(await html('/plans/alcts-strategic-plan-2006-2011/goals/2')).toMatch(/>Strategy 2\.1</)
      expect(await html('/sections/acquisitions')).toMatch(/>\s*Strategy \d\.\d+\s*</)
      const pdf = await fetch(`${BASE_URL}/plans/alcts-strategic-plan-2006-2011/plan.pdf`)
      expect(pdf.status).toBe(200)
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-label-pdf-'))
      const file = path.join(dir, 'plan.pdf')
      fs.writeFileSync(file, Buffer.from(await pdf.arrayBuffer()))
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
      fs.rmSync(dir, { recursive: true, force: true })
      expect(text).toContain('Strategy 1.2')
      expect(text).toContain('Strategy 5.1')
    } finally {
      await setLabel(null)
    }
    await expect
      .poll(() => html('/plans/alcts-strategic-plan-2006-2011'), { timeout: 30_000 })
      .not.toMatch(/Strategy 1\.2/)
  })

  it('shows a plain refusal to a section editor', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await signInAdmin(page, 'acquisitions@example.org')
    await openImportView(page)
    await page.getByRole('alert').filter({ hasText: 'Only editors can import plans.' }).waitFor()
    expect(await page.getByLabel('Plan text').count()).toBe(0)
    await page.close()
  })
})

describe('the import API behind the proxy', () => {
  it('takes plan files up to 2 MB and refuses bigger ones with 413', async () => {
    const token = await editorToken()
    const post = (body: string) =>
      fetch(`${BASE_URL}/api/plans/import-preview`, {
        method: 'POST',
        headers: { authorization: `JWT ${token}`, 'content-type': 'text/plain;charset=utf-8' },
        body,
      })
    // 1.5 MB: more than the rest of the API takes, still a plan the import reads
    const big = `${PLAN}\n\n${'Notes that run on. '.repeat(90_000)}`
    expect(Buffer.byteLength(big)).toBeGreaterThan(1.5 * 1024 * 1024)
    const ok = await post(big)
    expect(ok.status).toBe(200)
    expect(((await ok.json()) as { counts: { goals: number } }).counts.goals).toBe(2)
    const tooBig = await post('x'.repeat(2 * 1024 * 1024 + 1))
    expect(tooBig.status).toBe(413)
    expect(((await tooBig.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(
      /plans over 2 MB are refused/,
    )
  })
})
