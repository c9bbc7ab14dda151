/** The dashboard's data table, as the matrix widget uses it: shading attributes on data cells only. */
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { DataTable } from '@/components/dashboard/DataTable'
import { shadeLevel } from '@/lib/charts/series'

const table = {
  headers: ['Section', 'Goal Area 1', 'Goal Area 2', 'Total'],
  rows: [
    ['Acquisitions', 4, 0, 4],
    ['Cataloging', 1, 2, 3],
  ],
}

const cells = (html: string): string[] => html.match(/<t[hd][^>]*>[^<]*<\/t[hd]>/g) ?? []

describe('DataTable', () => {
  it('renders headers, row headers and numeric cells', () => {
    const html = renderToStaticMarkup(<DataTable table={table} caption="Matrix" />)
    expect(cells(html)).toEqual([
      '<th scope="col">Section</th>',
      '<th scope="col">Goal Area 1</th>',
      '<th scope="col">Goal Area 2</th>',
      '<th scope="col">Total</th>',
      '<th scope="row">Acquisitions</th>',
      '<td class="dash-num">4</td>',
      '<td class="dash-num">0</td>',
      '<td class="dash-num">4</td>',
      '<th scope="row">Cataloging</th>',
      '<td class="dash-num">1</td>',
      '<td class="dash-num">2</td>',
      '<td class="dash-num">3</td>',
    ])
    expect(html).toContain('<caption class="visually-hidden">Matrix</caption>')
    expect(html).not.toContain('data-level')
  })

  it('adds the cell attributes the caller computes, on data cells only (the matrix shading)', () => {
    const max = 4
    const html = renderToStaticMarkup(
      <DataTable
        table={table}
        caption="Matrix"
        className="dash-table dash-matrix"
        cellAttributes={(cell, c, row) =>
          c === row.length - 1 ? undefined : { 'data-level': shadeLevel(Number(cell), max) }
        }
      />,
    )
    expect(html).toContain('<table class="dash-table dash-matrix">')
    expect(cells(html).slice(4)).toEqual([
      '<th scope="row">Acquisitions</th>',
      `<td class="dash-num" data-level="${shadeLevel(4, max)}">4</td>`,
      `<td class="dash-num" data-level="${shadeLevel(0, max)}">0</td>`,
      '<td class="dash-num">4</td>',
      '<th scope="row">Cataloging</th>',
      `<td class="dash-num" data-level="${shadeLevel(1, max)}">1</td>`,
      `<td class="dash-num" data-level="${shadeLevel(2, max)}">2</td>`,
      '<td class="dash-num">3</td>',
    ])
    // the levels differ, so the check above would see a wrong count in the wrong cell
    expect(new Set([4, 0, 1, 2].map((n) => shadeLevel(n, max))).size).toBe(4)
  })
})
