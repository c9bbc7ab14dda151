import 'server-only'

import { createHash } from 'node:crypto'
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

/** The files of the faces lib/pdf/report/listing draws the full listing's tables with. */
export const LISTING_FONT_FILES = {
  sans: SANS_REGULAR_FILE,
  sansItalic: path.join(FONT_DIR, 'SourceSans3-It.ttf'),
  sansSemibold: path.join(FONT_DIR, 'SourceSans3-Semibold.ttf'),
  sansBold: path.join(FONT_DIR, 'SourceSans3-Bold.ttf'),
  serif: path.join(FONT_DIR, 'SourceSerif4-Regular.ttf'),
} as const

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

/** What react-pdf's text layout reads of fontkit's shaping result (a GlyphRun). */
interface GlyphRun {
  glyphs: readonly object[]
  positions: readonly object[]
}

/** A loaded fontkit font, as far as shaping goes. */
interface ShapingFont {
  layout(
    text: string,
    features?: unknown,
    script?: string,
    language?: string,
    direction?: string,
  ): GlyphRun
}

/** Strings kept per face before its cache starts over (a 5,000-initiative listing uses ~7,000). */
export const SHAPED_PER_FACE = 20_000

const shaped = new WeakSet<object>()

/**
 * Makes the font remember how it shaped a string. react-pdf lays out every text anew, and fontkit
 * runs every OpenType lookup of the face over it each time (GSUB, GPOS: about a fifth of a full
 * listing's render), though a report repeats its strings: statuses, dates, percentages, section
 * names, and each initiative's title under every objective it serves and again in the appendix.
 * The result depends only on the string and the options, so a repeat returns the first result.
 * Its arrays and positions are frozen: react-pdf copies them (it scales the positions into new
 * objects), and anything that tried to change a shared one would throw rather than corrupt the
 * next text. Only the plain case (no font features, script or language: what all Lodestar's PDFs
 * use) is remembered; any other call goes straight to fontkit.
 */
export function rememberShaping(font: ShapingFont): void {
  if (shaped.has(font)) return
  shaped.add(font)
  const shape = font.layout.bind(font)
  const runs = new Map<string, GlyphRun>()
  font.layout = (text, features, script, language, direction) => {
    // react-pdf passes the text's `fontFeatureSettings`, [] when it has none
    const plain = features == null || (Array.isArray(features) && features.length === 0)
    if (!plain || script != null || language != null) {
      return shape(text, features, script, language, direction)
    }
    const key = `${direction ?? ''}\u0000${text}`
    let run = runs.get(key)
    if (!run) {
      run = shape(text, features, script, language, direction)
      for (const position of run.positions) Object.freeze(position)
      Object.freeze(run.glyphs)
      Object.freeze(run.positions)
      if (runs.size >= SHAPED_PER_FACE) runs.clear()
      runs.set(key, run)
    }
    return run
  }
}

/** The part of a loaded fontkit font that pdfkit compares (its `name` table, decoded lazily). */
interface NamedFont {
  name?: unknown
  _tables?: { name?: { records?: object } }
}

/**
 * Makes pdfkit's font comparison cheap. pdfkit 0.20 meets react-pdf's font object anew on every
 * text run it draws and compares it with the font it already embedded by `JSON.stringify` of both
 * fonts' whole name tables (`isEqualFont`): 5 % of a full listing's render. Serialised once here,
 * the records stand for themselves by a digest of that serialisation, so two faces still compare
 * equal exactly when their name tables do.
 */
export function serialiseNamesOnce(font: NamedFont): void {
  void font.name // fontkit decodes the table on first access
  const records = font._tables?.name?.records
  if (!records || Object.hasOwn(records, 'toJSON')) return
  const digest = createHash('sha256').update(JSON.stringify(records)).digest('base64')
  Object.defineProperty(records, 'toJSON', { value: () => digest })
}

/**
 * Registers the fonts (registerFonts) and loads every face now, each remembering its shaping
 * (rememberShaping) and cheap to compare (serialiseNamesOnce). Call before a render; later calls cost nothing.
 */
export async function loadFonts(): Promise<void> {
  registerFonts()
  await Promise.all(
    FACES.map(async (face) => {
      const descriptor = {
        fontFamily: face.family,
        fontWeight: face.fontWeight,
        fontStyle: face.fontStyle,
      }
      await Font.load(descriptor)
      // a fontkit font (react-pdf's own type for it leaves out what is used here)
      const font = Font.getFont(descriptor)?.data as unknown
      if (font && typeof font === 'object' && 'layout' in font) {
        rememberShaping(font as ShapingFont)
        serialiseNamesOnce(font as NamedFont)
      }
    }),
  )
}
