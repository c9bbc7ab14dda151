/** WCAG 2 contrast: what the palettes are checked against (tests/unit/statusColours.test.ts). */

/** AA for normal text (WCAG 1.4.3). */
export const TEXT_CONTRAST = 4.5
/** AA for graphical objects: bars, dots, swatches (WCAG 1.4.11). */
export const MARK_CONTRAST = 3

const channel = (value: number): number => {
  const c = value / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/** Relative luminance of a `#rrggbb` colour (WCAG 2). */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex)
  if (!match) throw new Error(`Not a #rrggbb colour: "${hex}"`)
  const n = Number.parseInt(match[1]!, 16)
  return 0.2126 * channel(n >> 16) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
}

/** The contrast ratio of two `#rrggbb` colours, 1 to 21 (WCAG 2). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}
