import 'server-only'

import path from 'node:path'

import { Font } from '@react-pdf/renderer'

/** Font families every Lodestar PDF uses (files and licences in lib/pdf/fonts/). */
export const PDF_FONTS = {
  serif: 'Source Serif 4',
  sans: 'Source Sans 3',
} as const

const FONT_DIR = path.join(process.cwd(), 'lib', 'pdf', 'fonts')

/** The file of the regular sans face (the join in lib/pdf/report/join.ts stamps page numbers). */
export const SANS_REGULAR_FILE = path.join(FONT_DIR, 'SourceSans3-Regular.ttf')

const FACES = [
  {
    family: PDF_FONTS.serif,
    file: 'SourceSerif4-Regular.ttf',
    fontWeight: 400,
    fontStyle: 'normal',
  },
  { family: PDF_FONTS.serif, file: 'SourceSerif4-It.ttf', fontWeight: 400, fontStyle: 'italic' },
  {
    family: PDF_FONTS.serif,
    file: 'SourceSerif4-Semibold.ttf',
    fontWeight: 600,
    fontStyle: 'normal',
  },
  { family: PDF_FONTS.serif, file: 'SourceSerif4-Bold.ttf', fontWeight: 700, fontStyle: 'normal' },
  { family: PDF_FONTS.sans, file: 'SourceSans3-Regular.ttf', fontWeight: 400, fontStyle: 'normal' },
  { family: PDF_FONTS.sans, file: 'SourceSans3-It.ttf', fontWeight: 400, fontStyle: 'italic' },
  {
    family: PDF_FONTS.sans,
    file: 'SourceSans3-Semibold.ttf',
    fontWeight: 600,
    fontStyle: 'normal',
  },
  { family: PDF_FONTS.sans, file: 'SourceSans3-Bold.ttf', fontWeight: 700, fontStyle: 'normal' },
] as const

let registered = false

/**
 * Registers the embedded fonts with react-pdf, once per process (later calls do nothing). Also
 * turns off react-pdf's automatic hyphenation: a word split with a hyphen at a line end would no
 * longer be found by search or copy ("manage-ment").
 */
export function registerFonts(): void {
  if (registered) return
  for (const family of Object.values(PDF_FONTS)) {
    Font.register({
      family,
      fonts: FACES.filter((face) => face.family === family).map((face) => ({
        src: path.join(FONT_DIR, face.file),
        fontWeight: face.fontWeight,
        fontStyle: face.fontStyle,
      })),
    })
  }
  Font.registerHyphenationCallback((word) => [word])
  registered = true
}
