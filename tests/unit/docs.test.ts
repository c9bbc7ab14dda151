/**
 * Comments point a reader to the design in the repository: every Markdown file the code names
 * exists, and every section of docs/architecture.md it names ("Routes", "Progress cycles") is a
 * heading there. A comment citing a document that is not in the repository (DESIGN.md) or a
 * section that was renamed fails here.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'

import { describe, expect, it } from 'vitest'

const sources = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx', '*.mjs', '*.mts'],
  { encoding: 'utf8' },
)
  .split('\n')
  .filter((file) => file && !file.startsWith('tests/unit/docs.test.ts') && fs.existsSync(file))

const headings = new Set(
  fs
    .readFileSync('docs/architecture.md', 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('#'))
    .map((line) => line.replace(/^#+\s*/, '')),
)

/** `file: cited` for every Markdown document and architecture section a source file names. */
function citations() {
  const documents: string[] = []
  const sections: string[] = []
  for (const file of sources) {
    const text = fs.readFileSync(file, 'utf8')
    // a document named in a comment or a string: DESIGN.md, docs/architecture.md, bench/x/README.md
    for (const m of text.matchAll(/\b((?:[\w.-]+\/)*[A-Z][\w-]*\.md|docs\/[\w./-]+\.md)\b/g))
      documents.push(`${file}: ${m[1]}`)
    for (const m of text.matchAll(/architecture\.md[^"\n]{0,4}"([^"]+)"/g))
      sections.push(`${file}: ${m[1]}`)
  }
  return { documents, sections }
}

describe('the documents the code cites', () => {
  const { documents, sections } = citations()

  it('finds the citations it checks', () => {
    expect(sections.length).toBeGreaterThan(10)
  })

  it('exist in the repository', () => {
    const missing = documents.filter((cite) => {
      const [file = '', doc = ''] = cite.split(': ')
      const nextToIt = `${file.split('/').slice(0, -1).join('/')}/${doc}`
      return !fs.existsSync(doc) && !fs.existsSync(nextToIt)
    })
    expect(missing).toEqual([])
  })

  it('name sections docs/architecture.md has', () => {
    expect(sections.filter((cite) => !headings.has(cite.split(': ')[1] ?? ''))).toEqual([])
  })
})
