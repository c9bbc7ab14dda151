/**
 * The PDF fonts (lib/pdf/fonts.ts) as react-pdf and pdfkit meet them: a loaded face shapes a
 * repeated string once and gives back exactly what fontkit gives for it; a call it does not
 * remember (font features) goes to fontkit unchanged; a remembered result cannot be changed; and
 * two faces still compare equal in pdfkit's sense exactly when their name tables are equal.
 */
import { Font } from '@react-pdf/renderer'
import { describe, expect, it } from 'vitest'

import { loadFonts, PDF_FONTS } from '@/lib/pdf/fonts'

interface Position {
  xAdvance: number
  yAdvance: number
  xOffset: number
  yOffset: number
}
interface Run {
  glyphs: { id: number; codePoints: number[] }[]
  positions: Position[]
}
interface Face {
  layout(text: string, features?: unknown, s?: string, l?: string, d?: string): Run
  _tables: { name: { records: object } }
}

async function face(fontFamily: string, fontWeight = 400): Promise<Face> {
  await loadFonts()
  return Font.getFont({ fontFamily, fontWeight, fontStyle: 'normal' }).data as unknown as Face
}

/** fontkit's own shaping of the text, bypassing what loadFonts put on the instance. */
function fresh(font: Face, text: string, features?: unknown): Run {
  const layout = Object.getPrototypeOf(font).layout as Face['layout']
  return layout.call(font, text, features, undefined, undefined, 'ltr')
}

const summary = (run: Run) => ({
  glyphs: run.glyphs.map((g) => [g.id, ...g.codePoints]),
  positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
})

describe('PDF fonts', () => {
  it('shape a repeated string once, exactly as fontkit does', async () => {
    const sans = await face(PDF_FONTS.sans)
    // ligatures (fi, ffi), kerning (AV, To) and a status label the tables repeat
    for (const text of ['Office of fine affiliations', 'AVATAR To Wave', 'In progress', '45%']) {
      const first = sans.layout(text, [], undefined, undefined, 'ltr')
      const again = sans.layout(text, [], undefined, undefined, 'ltr')
      expect(again).toBe(first)
      expect(summary(first)).toEqual(summary(fresh(sans, text)))
    }
    expect(sans.layout('office', [], undefined, undefined, 'ltr').glyphs.length).toBeLessThan(6)
  })

  it('leave a call with font features to fontkit', async () => {
    const serif = await face(PDF_FONTS.serif)
    const a = serif.layout('1/2 office', ['frac'], undefined, undefined, 'ltr')
    const b = serif.layout('1/2 office', ['frac'], undefined, undefined, 'ltr')
    expect(b).not.toBe(a)
    expect(summary(a)).toEqual(summary(fresh(serif, '1/2 office', ['frac'])))
  })

  it('keep a remembered shaping from being changed', async () => {
    const sans = await face(PDF_FONTS.sans)
    const run = sans.layout('Target date', [], undefined, undefined, 'ltr')
    expect(() => {
      run.positions[0]!.xAdvance = 0
    }).toThrow(TypeError)
    expect(() => run.positions.push(run.positions[0]!)).toThrow(TypeError)
    expect(sans.layout('Target date', [], undefined, undefined, 'ltr').positions[0]!.xAdvance).toBe(
      fresh(sans, 'Target date').positions[0]!.xAdvance,
    )
  })

  it('compare in name as their name tables do', async () => {
    const regular = await face(PDF_FONTS.sans)
    const bold = await face(PDF_FONTS.sans, 700)
    const names = (f: Face) => JSON.stringify(f._tables.name.records)
    expect(names(regular)).toBe(names(await face(PDF_FONTS.sans)))
    expect(names(regular)).not.toBe(names(bold))
    expect(names(regular)).not.toBe(names(await face(PDF_FONTS.serif)))
  })
})
