/**
 * Every way this repository starts Node on its TypeScript passes an export condition that makes
 * Node load lexical's plain build: its `*.node.mjs` entries (top-level await) sometimes leave
 * Node 20's import of Payload's rich-text editor unsettled and the script exits having done
 * nothing (scripts/lib/run.ts, docs/architecture.md "Commands").
 */
import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

const read = (file: string) => fs.readFileSync(path.resolve(file), 'utf8')
const CONDITION = /--conditions=(development|production)\b/

/** Every file that may start tsx: the npm scripts, the scripts' helpers, the benchmarks, the docs. */
const files = [
  'README.md',
  'docs/architecture.md',
  ...['scripts', 'scripts/lib', 'bench/coverage', 'bench/public-pages', 'bench/report']
    .flatMap((dir) => fs.readdirSync(dir).map((f) => path.join(dir, f)))
    .filter((f) => /\.(ts|mjs|md)$/.test(f)),
]

describe('tsx entry points', () => {
  it('every npm script that runs tsx passes the condition', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
      .scripts
    const tsx = Object.entries(scripts).filter(([, command]) => /\btsx\b/.test(command))
    expect(tsx.map(([name]) => name)).toEqual(
      expect.arrayContaining(['seed', 'import', 'export', 'generate', 'migrate']),
    )
    for (const [name, command] of tsx) expect(`${name}: ${command}`).toMatch(CONDITION)
  })

  it.each(files)('%s starts tsx only with the condition, or through npm run', (file) => {
    const text = read(file)
    // a command line (`npx tsx …`, `node --import tsx …`) or a spawn's argument list ('tsx', …)
    const starts = [
      ...text.matchAll(/(?:npx tsx|--import tsx)[^\n]*/g),
      ...text.matchAll(/\[[^\]]*'tsx'[^\]]*\]/gs),
    ].map((m) => m[0])
    for (const start of starts) {
      const context = text.slice(Math.max(0, text.indexOf(start) - 200), text.indexOf(start) + 400)
      expect(context, `${file}: ${start}`).toMatch(CONDITION)
    }
  })
})
