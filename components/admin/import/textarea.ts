/** Where a line of the plan text is, in the text and on screen (the preview's line buttons). */

/** The character range of a 1-based line of `text`. */
export function lineRange(text: string, line: number): { start: number; end: number } {
  let start = 0
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start)
    if (next < 0) break
    start = next + 1
  }
  const end = text.indexOf('\n', start)
  return { start, end: end < 0 ? text.length : end }
}

/** The 1-based line that character `offset` of `text` is on. */
export function lineAt(text: string, offset: number): number {
  const before = text.slice(0, offset)
  let line = 1
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++
  return line
}

/** Scrolls a wrapping textarea so that character `offset` is in view (measured with a mirror). */
export function scrollToOffset(textarea: HTMLTextAreaElement, offset: number) {
  const mirror = document.createElement('div')
  const style = window.getComputedStyle(textarea)
  for (const property of [
    'font',
    'letterSpacing',
    'lineHeight',
    'padding',
    'border',
    'boxSizing',
    'whiteSpace',
    'wordWrap',
    'overflowWrap',
    'tabSize',
  ] as const) {
    mirror.style[property] = style[property]
  }
  mirror.style.width = `${textarea.clientWidth}px`
  mirror.style.position = 'absolute'
  mirror.style.visibility = 'hidden'
  mirror.style.whiteSpace = 'pre-wrap'
  mirror.textContent = textarea.value.slice(0, offset)
  document.body.appendChild(mirror)
  const top = mirror.scrollHeight
  mirror.remove()
  textarea.scrollTop = Math.max(0, top - textarea.clientHeight / 3)
}
