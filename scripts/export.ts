/**
 * npm run export -- <plan-slug> [--format json|stratml|csv] [--out <file>]
 * Writes a plan as a lossless JSON document (with its initiatives), as StratML, or as CSV (one row
 * per initiative × objective), to stdout or to --out.
 */
import type { Payload } from 'payload'

import { runExport } from '@/lib/export/cli'
import { quietPayload, runScript } from '@/scripts/lib/run'

let payload: Payload | undefined
async function main(): Promise<number> {
  const code = await runExport(
    process.argv.slice(2),
    async () => (payload = await quietPayload()),
    {
      stdout: (line) => process.stdout.write(`${line}\n`),
      stderr: (line) => process.stderr.write(`${line}\n`),
      write: (text) => process.stdout.write(text),
    },
  )
  await payload?.destroy()
  return code
}

runScript('the export', main)
