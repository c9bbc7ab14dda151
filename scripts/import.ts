/**
 * npm run import -- <file> [--format text|stratml|json|docx|pdf] [--publish] [--slug <slug>] [--organization "…"]
 * Creates a draft plan (published with --publish) from a Word document, a PDF, a plan's text, a
 * StratML file or a Lodestar JSON export (known by its bytes unless --format says), and prints one
 * JSON line: {"plan":"<slug>","goals":n,"objectives":m}.
 */
import type { Payload } from 'payload'

import { runImport } from '@/lib/import/cli'
import { quietPayload, runScript } from '@/scripts/lib/run'

let payload: Payload | undefined
async function main(): Promise<number> {
  const code = await runImport(
    process.argv.slice(2),
    async () => (payload = await quietPayload()),
    {
      stdout: (line) => process.stdout.write(`${line}\n`),
      stderr: (line) => process.stderr.write(`${line}\n`),
    },
  )
  await payload?.destroy()
  return code
}

runScript('the import', main)
