/**
 * A table's rows drawn only in the round whose pages react-pdf keeps (GroupRows, where nothing
 * reads the page count) land exactly where rows drawn in both rounds do: the same text on every
 * page, each row once, its group's heading repeated with "(continued)" on the pages it runs onto.
 * Real PDFs read back with poppler.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { Document, Page, renderToBuffer, Text, View } from '@react-pdf/renderer'
import { afterAll, describe, expect, it } from 'vitest'

import { loadFonts } from '@/lib/pdf/fonts'
import { CONTINUED, GroupHeading, GroupRows, PageCountRead } from '@/lib/pdf/report/GroupHeading'
import { PAGE, styles } from '@/lib/pdf/report/theme'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-group-rows-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** Groups of these many rows: one on a page, one over several, one short, one empty. */
const GROUPS = [12, 130, 5, 0, 40]

function Table({ countRead }: { countRead: boolean }) {
  return (
    <Document>
      <Page size={PAGE.size} style={styles.page} wrap experimentalPagination>
        <PageCountRead.Provider value={countRead}>
          <View style={styles.table}>
            {GROUPS.map((rows, g) => (
              <View key={g}>
                <GroupHeading minPresenceAhead={24}>
                  {(continued) => (
                    <Text>
                      {`Group ${g}`}
                      {continued ? CONTINUED : ` of ${rows} rows`}
                    </Text>
                  )}
                </GroupHeading>
                <GroupRows
                  rows={() =>
                    Array.from({ length: rows }, (_, r) => (
                      <View key={r} style={styles.row} wrap={false}>
                        <Text style={{ flex: 1 }}>
                          {/* a string: react-pdf drops a number 0 from a render prop's output */}
                          {`Row ${g}.${r}`}
                          {r % 9 === 0
                            ? ' with a title long enough to run onto a second line '.repeat(3)
                            : ''}
                        </Text>
                        <Text style={{ width: 60 }}>{r % 2 ? 'Planned' : 'Completed'}</Text>
                      </View>
                    ))
                  }
                />
              </View>
            ))}
          </View>
        </PageCountRead.Provider>
      </Page>
    </Document>
  )
}

/** The squashed text of each page of the PDF. */
async function pages(countRead: boolean): Promise<string[]> {
  await loadFonts()
  const file = path.join(dir, `rows-${countRead}.pdf`)
  fs.writeFileSync(file, await renderToBuffer(<Table countRead={countRead} />))
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
  return Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-raw', '-f', String(i + 1), '-l', String(i + 1), file, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' '),
  )
}

describe('GroupRows', () => {
  it('lays the rows out on the same pages whether the page count is read or not', async () => {
    const drawnTwice = await pages(true)
    const drawnOnce = await pages(false)
    expect(drawnTwice.length).toBeGreaterThanOrEqual(4)
    expect(drawnOnce).toEqual(drawnTwice)

    const all = drawnOnce.join(' ')
    GROUPS.forEach((rows, g) => {
      for (let r = 0; r < rows; r += 1) {
        expect([g, r, all.split(`Row ${g}.${r} `).length - 1]).toEqual([g, r, 1])
      }
      const on = drawnOnce.flatMap((text, i) => (text.includes(`Row ${g}.`) ? [i] : []))
      // the long group runs onto further pages, each headed "(continued)"; no other page is
      for (const [i, text] of drawnOnce.entries()) {
        const continued = text.includes(`Group ${g} (continued)`)
        expect([g, i, continued]).toEqual([g, i, on.includes(i) && i > on[0]!])
      }
    })
    expect(drawnOnce.filter((text) => text.includes('Group 1 (continued)')).length).toBeGreaterThan(
      1,
    )
  })
})
