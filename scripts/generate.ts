/**
 * npm run generate — writes payload-types.ts and the admin import map from payload.config.ts.
 * Calls Payload's generators directly: the `payload` CLI sometimes exits 0 without doing anything
 * (payloadcms/payload#16381), so this script also checks that the files were written.
 */
import fs from 'node:fs'
import path from 'node:path'

import { generateImportMap } from 'payload'
import { generateTypes } from 'payload/node'
import { runScript } from '@/scripts/lib/run'

async function main() {
  const started = Date.now()
  const { default: configPromise } = await import('@/payload.config')
  const config = await configPromise
  const typesFile = path.resolve('payload-types.ts')
  const importMapFile = path.resolve('app/(payload)/admin/importMap.js')
  await generateTypes(config)
  await generateImportMap(config, { force: true, log: true })
  // generateTypes leaves an unchanged file alone, so only a missing or empty file is a failure.
  const stale = [typesFile, importMapFile].filter(
    (file) => !fs.existsSync(file) || fs.statSync(file).size === 0,
  )
  console.log(`Types and import map ready (${Date.now() - started} ms).`)
  if (stale.length > 0) throw new Error(`Not written: ${stale.join(', ')}`)
}

runScript('type generation', main)
