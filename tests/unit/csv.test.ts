import { describe, expect, it } from 'vitest'

import { computeCoverage, type CoverageInput } from '@/lib/plan/coverage'
import {
  coverageTable,
  sectionMatrixTable,
  statusTable,
  toCsv,
  yearsTable,
  type CsvCell,
} from '@/lib/plan/csv'

describe('toCsv cells', () => {
  it.each<[string, CsvCell, string]>([
    ['plain text', 'Acquisitions', 'Acquisitions'],
    ['number', 42, '42'],
    ['negative number stays a number', -3, '-3'],
    ['decimal', 0.5, '0.5'],
    ['zero', 0, '0'],
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['empty string', '', ''],
    ['comma', 'Cataloging, and Classification', '"Cataloging, and Classification"'],
    ['double quote', 'the "big" one', '"the ""big"" one"'],
    ['line feed', 'one\ntwo', '"one\ntwo"'],
    ['carriage return + line feed', 'one\r\ntwo', '"one\r\ntwo"'],
    ['formula =', '=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['formula +', '+1', "'+1"],
    ['formula - in text', '-2+3', "'-2+3"],
    ['formula @', '@cmd', "'@cmd"],
    ['leading tab', '\t=1', "'\t=1"],
    [
      'formula with comma is defused then quoted',
      '=HYPERLINK("x","y")',
      '"\'=HYPERLINK(""x"",""y"")"',
    ],
    ['= later in the text is fine', 'a=b', 'a=b'],
    ['apostrophe already there', "'quoted", "'quoted"],
    ['unicode', 'Préservation – 2006', 'Préservation – 2006'],
  ])('%s', (_, cell, expected) => {
    expect(toCsv(['h'], [[cell]])).toBe(`h\r\n${expected}\r\n`)
  })
})

describe('toCsv documents', () => {
  it.each<[string, string[], CsvCell[][], string]>([
    ['headers only', ['a', 'b'], [], 'a,b\r\n'],
    [
      'rows end in CRLF',
      ['a', 'b'],
      [
        [1, 'x'],
        [2, null],
      ],
      'a,b\r\n1,x\r\n2,\r\n',
    ],
    ['headers are quoted and defused too', ['Goal, area', '=x'], [], '"Goal, area",\'=x\r\n'],
    ['an empty row', ['a'], [[]], 'a\r\n\r\n'],
  ])('%s', (_, headers, rows, expected) => {
    expect(toCsv(headers, rows)).toBe(expected)
  })
})

const input: CoverageInput = {
  plan: { id: 'p', slug: 'p', title: 'P', organization: 'O', startYear: 2006, endYear: 2008 },
  goals: [
    { id: 'g1', number: 1, title: 'Standards, and more' },
    { id: 'g2', number: 2, title: 'Education' },
    { id: 'g3', number: 3, title: 'Empty' },
  ],
  objectives: [
    { id: 'o11', goal: 'g1', number: 1, text: '', code: '1.1' },
    { id: 'o12', goal: 'g1', number: 2, text: '', code: '1.2' },
    { id: 'o21', goal: 'g2', number: 1, text: '', code: '2.1' },
  ],
  sections: [
    { id: 's1', slug: 'acq', name: 'Acquisitions' },
    { id: 's2', slug: 'cat', name: '=Cataloging' },
  ],
  initiatives: [
    {
      id: 'i1',
      title: 'Both',
      section: 's1',
      objectives: ['o11', 'o21'],
      status: 'in-progress',
      visibility: 'public',
      published: true,
      startDate: '2007-01-01',
    },
    {
      id: 'i2',
      title: 'Later',
      section: 's1',
      objectives: ['o12'],
      status: 'deferred',
      visibility: 'public',
      published: true,
    },
  ],
}
const cov = computeCoverage(input)

describe('coverage tables', () => {
  it('coverageTable', () => {
    expect(coverageTable(cov)).toEqual({
      headers: ['Goal area', 'Title', 'Objectives', 'Covered', 'Coverage', 'Active initiatives'],
      rows: [
        [1, 'Standards, and more', 2, 1, '50%', 1],
        [2, 'Education', 1, 1, '100%', 1],
        [3, 'Empty', 0, 0, '0%', 0],
      ],
    })
  })

  it('statusTable', () => {
    expect(statusTable(cov)).toEqual({
      headers: [
        'Goal area',
        'Proposed',
        'Planned',
        'In progress',
        'Completed',
        'Deferred',
        'Cancelled',
        'Total',
      ],
      rows: [
        [1, 0, 0, 1, 0, 1, 0, 2],
        [2, 0, 0, 1, 0, 0, 0, 1],
        [3, 0, 0, 0, 0, 0, 0, 0],
      ],
    })
  })

  it('yearsTable', () => {
    expect(yearsTable(cov)).toEqual({
      headers: ['Year', 'Active initiatives'],
      rows: [
        [2006, 0],
        [2007, 1],
        [2008, 1],
      ],
    })
  })

  it('sectionMatrixTable: total counts an initiative once even when it serves two areas', () => {
    expect(sectionMatrixTable(cov)).toEqual({
      headers: ['Section', 'Goal Area 1', 'Goal Area 2', 'Goal Area 3', 'Total'],
      rows: [
        ['Acquisitions', 1, 1, 0, 1],
        ['=Cataloging', 0, 0, 0, 0],
      ],
    })
  })

  it('a table goes to CSV with quoting and formula guard', () => {
    const { headers, rows } = sectionMatrixTable(cov)
    expect(toCsv(headers, rows)).toBe(
      'Section,Goal Area 1,Goal Area 2,Goal Area 3,Total\r\n' +
        'Acquisitions,1,1,0,1\r\n' +
        "'=Cataloging,0,0,0,0\r\n",
    )
    const coverage = coverageTable(cov)
    expect(toCsv(coverage.headers, coverage.rows).split('\r\n')[1]).toBe(
      '1,"Standards, and more",2,1,50%,1',
    )
  })

  it.each([
    ['coverageTable', coverageTable],
    ['statusTable', statusTable],
    ['yearsTable', yearsTable],
    ['sectionMatrixTable', sectionMatrixTable],
  ])('%s rows are as wide as its headers', (_, build) => {
    const table = build(cov)
    for (const row of table.rows) expect(row).toHaveLength(table.headers.length)
  })

  it.each([
    ['coverageTable', coverageTable],
    ['statusTable', statusTable],
    ['sectionMatrixTable', sectionMatrixTable],
  ])('%s of an empty plan has no rows', (_, build) => {
    const empty = computeCoverage({
      ...input,
      goals: [],
      objectives: [],
      sections: [],
      initiatives: [],
    })
    expect(build(empty).rows).toEqual([])
  })
})
