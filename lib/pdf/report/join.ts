import 'server-only'

import fontkit from '@pdf-lib/fontkit'
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFObject,
  type PDFPage,
} from 'pdf-lib'

import {
  drawListingTable,
  embedListingFonts,
  pdfColor,
  subsetFontName,
  type ListingFonts,
  type ListingTable,
} from './listing/draw'
import { LISTING_MARKER } from './listing/Marker'
import type { ProgressReportModel } from './model'
import type { ReportPart } from './parts'
import { runningTexts } from './RunningHeader'
import { COLORS, FOOTER, PAGE } from './theme'

/**
 * Joins the parts of a long report (lib/pdf/report/parts.ts) into one PDF with pdf-lib: the pages
 * in order, "Page x of y" on every page but the cover (the parts are rendered without: react-pdf
 * would paginate each twice to learn its total), one outline (pdf-lib copies pages, not
 * outlines: each part's is read and written again) and the report's document information. The
 * full listing's tables are drawn here, where react-pdf left a marker (lib/pdf/report/listing).
 */

interface OutlineEntry {
  title: string
  /** page index in the joined document */
  page: number
  /** the destination after the page: /Fit, or /XYZ left top zoom */
  view: PDFObject[]
  children: OutlineEntry[]
}

const NAME = {
  outlines: PDFName.of('Outlines'),
  first: PDFName.of('First'),
  last: PDFName.of('Last'),
  next: PDFName.of('Next'),
  prev: PDFName.of('Prev'),
  parent: PDFName.of('Parent'),
  title: PDFName.of('Title'),
  dest: PDFName.of('Dest'),
  count: PDFName.of('Count'),
  type: PDFName.of('Type'),
  font: PDFName.of('Font'),
  baseFont: PDFName.of('BaseFont'),
  descendantFonts: PDFName.of('DescendantFonts'),
  fontDescriptor: PDFName.of('FontDescriptor'),
  fontName: PDFName.of('FontName'),
}

/** A part's outline, its pages offset by the pages before the part. */
function readOutline(doc: PDFDocument, offset: number): OutlineEntry[] {
  const pageIndex = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i]))
  const walk = (first: PDFDict | undefined): OutlineEntry[] => {
    const entries: OutlineEntry[] = []
    for (let item = first; item; item = item.lookupMaybe(NAME.next, PDFDict)) {
      const title = item.lookupMaybe(NAME.title, PDFString, PDFHexString)
      const dest = item.lookupMaybe(NAME.dest, PDFArray)
      const target = dest?.get(0)
      const page = target instanceof PDFRef ? pageIndex.get(target.toString()) : undefined
      if (!title || !dest || page === undefined) {
        throw new Error('A part of the report has an outline entry without a title or a page.')
      }
      entries.push({
        title: title.decodeText(),
        page: offset + page,
        view: dest.asArray().slice(1),
        children: walk(item.lookupMaybe(NAME.first, PDFDict)),
      })
    }
    return entries
  }
  const root = doc.catalog.lookupMaybe(NAME.outlines, PDFDict)
  return root ? walk(root.lookupMaybe(NAME.first, PDFDict)) : []
}

/** Writes `entries` as the document's outline (entries with children start closed). */
function writeOutline(doc: PDFDocument, entries: OutlineEntry[]): void {
  if (entries.length === 0) return
  const { context } = doc
  const pages = doc.getPages().map((page) => page.ref)
  const list = (items: OutlineEntry[], parent: PDFRef): { first: PDFRef; last: PDFRef } => {
    const refs = items.map(() => context.nextRef())
    items.forEach((entry, i) => {
      const dest = PDFArray.withContext(context)
      dest.push(pages[entry.page]!)
      for (const part of entry.view) dest.push(part)
      const dict = context.obj({}) as PDFDict
      dict.set(NAME.title, PDFHexString.fromText(entry.title))
      dict.set(NAME.parent, parent)
      dict.set(NAME.dest, dest)
      if (i > 0) dict.set(NAME.prev, refs[i - 1]!)
      if (i < items.length - 1) dict.set(NAME.next, refs[i + 1]!)
      if (entry.children.length > 0) {
        const kids = list(entry.children, refs[i]!)
        dict.set(NAME.first, kids.first)
        dict.set(NAME.last, kids.last)
        dict.set(NAME.count, PDFNumber.of(-entry.children.length))
      }
      context.assign(refs[i]!, dict)
    })
    return { first: refs[0]!, last: refs.at(-1)! }
  }
  const rootRef = context.nextRef()
  const top = list(entries, rootRef)
  const root = context.obj({}) as PDFDict
  root.set(NAME.type, NAME.outlines)
  root.set(NAME.first, top.first)
  root.set(NAME.last, top.last)
  root.set(NAME.count, PDFNumber.of(entries.length))
  context.assign(rootRef, root)
  doc.catalog.set(NAME.outlines, rootRef)
}

/**
 * Gives the fonts on a part's pages tags of their own. Every part's react-pdf subsets the faces
 * anew under the same pdfkit tags (`CZZZZZ+SourceSans3-Regular` in each part, each a different
 * subset), and different subsets in one PDF need different tags (`subsetFontName`).
 */
function retagFonts(pages: PDFPage[], part: number): void {
  const done = new Set<PDFDict>()
  const rename = (dict: PDFDict | undefined, key: PDFName) => {
    const name = dict?.lookupMaybe(key, PDFName)?.decodeText()
    const plus = name?.indexOf('+') ?? -1
    if (!dict || !name || plus !== 6) return
    dict.set(key, PDFName.of(subsetFontName(name.slice(7), `part ${part}: ${name}`)))
  }
  for (const page of pages) {
    const fonts = page.node.Resources()?.lookupMaybe(NAME.font, PDFDict)
    for (const [, value] of fonts?.entries() ?? []) {
      const font = page.doc.context.lookup(value)
      if (!(font instanceof PDFDict) || done.has(font)) continue
      done.add(font)
      rename(font, NAME.baseFont)
      const descendants = font.lookupMaybe(NAME.descendantFonts, PDFArray)?.asArray() ?? []
      for (const d of [font, ...descendants.map((ref) => page.doc.context.lookup(ref))]) {
        if (!(d instanceof PDFDict)) continue
        if (d !== font) rename(d, NAME.baseFont)
        rename(d.lookupMaybe(NAME.fontDescriptor, PDFDict), NAME.fontName)
      }
    }
  }
}

/** "Page x of y" where react-pdf's footer puts it: right-aligned under the footer's rule. */
function numberPages(doc: PDFDocument, font: ListingFonts['sans']): void {
  const pages = doc.getPages()
  const total = pages.length
  // react-pdf sets a line's glyphs from the top of its box: baseline = box top + ascent
  const baseline =
    FOOTER.top +
    FOOTER.rule +
    FOOTER.gap +
    font.heightAtSize(FOOTER.fontSize, {
      descender: false,
    })
  const color = pdfColor(COLORS.muted)
  // the cover (page 1) has no footer
  pages.forEach((page, i) => {
    if (i === 0) return
    const text = `Page ${i + 1} of ${total}`
    page.drawText(text, {
      x: PAGE.width - PAGE.marginX - font.widthOfTextAtSize(text, FOOTER.fontSize),
      y: PAGE.height - baseline,
      size: FOOTER.fontSize,
      font,
      color,
    })
  })
}

/** A marker's outline entry: where a table of the full listing starts (ListingMarker). */
interface Marker {
  id: string
  /** page index in the part */
  page: number
  /** pt from the page top */
  top: number
  /** the outline list it sits in, and where: the table's entries (if any) go there */
  list: OutlineEntry[]
}

/** Takes the markers' entries out of a part's outline (`page` still the part's page index). */
function takeMarkers(entries: OutlineEntry[], out: Marker[] = []): Marker[] {
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i]!
    if (entry.title.startsWith(LISTING_MARKER)) {
      const top = entry.view[2]
      if (!(top instanceof PDFNumber)) throw new Error(`The marker ${entry.title} has no position.`)
      out.push({
        id: entry.title.slice(LISTING_MARKER.length),
        page: entry.page,
        // react-pdf writes the box's top within its parent: the marker is a child of its
        // block's outermost box, which starts at the top of the page's content
        top: PAGE.marginTop + PAGE.height - top.asNumber(),
        list: entries,
      })
      entries.splice(i, 1)
      i -= 1
    } else takeMarkers(entry.children, out)
  }
  return out
}

/** The table a marker stands for, from the report. */
function markedTable(
  report: ProgressReportModel,
  part: ReportPart | undefined,
  id: string,
): ListingTable {
  const [kind, key] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)]
  if (kind === 'goal') {
    const goal = report.goals.find((g) => String(g.number) === key)
    if (goal) return { kind: 'objectives', objectives: goal.objectives }
  }
  if (kind === 'appendix') {
    const block = part?.blocks.find((b) => b.kind === 'appendix' && (b.slugs[0] ?? '') === key)
    if (block?.kind === 'appendix') {
      const slugs = new Set(block.slugs)
      return { kind: 'sections', sections: report.sections.filter((g) => slugs.has(g.slug)) }
    }
  }
  throw new Error(`A part of the report marks an unknown table (${id}).`)
}

const sectionTitle = (group: { name: string; abbreviation: string | null }) =>
  group.abbreviation ? `${group.name} (${group.abbreviation})` : group.name

/** The parts' PDFs (in order) joined into the report. */
export async function joinReportParts(
  report: ProgressReportModel,
  parts: ReportPart[],
  pdfs: Uint8Array[],
): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.registerFontkit(fontkit)
  const fonts = await embedListingFonts(doc)
  const texts = runningTexts(report)
  const outline: OutlineEntry[] = []
  for (const [i, bytes] of pdfs.entries()) {
    const part = await PDFDocument.load(bytes, { updateMetadata: false })
    if (i === 0) {
      // the document information every part carries (ProgressReport's <Document>)
      doc.setTitle(part.getTitle() ?? '', { showInWindowTitleBar: true })
      doc.setAuthor(part.getAuthor() ?? '')
      doc.setSubject(part.getSubject() ?? '')
      doc.setKeywords([part.getKeywords() ?? ''])
      doc.setCreator(part.getCreator() ?? '')
      doc.setProducer(part.getProducer() ?? '')
    }
    const entries = readOutline(part, 0)
    const markers = takeMarkers(entries)
    // the part's pages in order, each marked table's pages right after the page it starts on
    const at: number[] = []
    // the tables' entries, whose pages are the joined document's already
    const joined = new Set<OutlineEntry>()
    const pages = await doc.copyPages(part, part.getPageIndices())
    if (i > 0) retagFonts(pages, i)
    for (const [k, page] of pages.entries()) {
      at.push(doc.getPageCount())
      doc.addPage(page)
      for (const marker of markers.filter((m) => m.page === k)) {
        const table = markedTable(report, parts[i], marker.id)
        const first = doc.getPageCount() - 1
        const starts = drawListingTable(doc, fonts, texts, table, page, marker.top)
        if (table.kind !== 'sections') continue
        for (const start of starts) {
          const entry: OutlineEntry = {
            title: sectionTitle(table.sections[start.group]!),
            page: first + start.page,
            view: [PDFName.of('Fit')],
            children: [],
          }
          joined.add(entry)
          marker.list.push(entry)
        }
      }
    }
    const remap = (list: OutlineEntry[]) => {
      for (const entry of list) {
        if (!joined.has(entry)) entry.page = at[entry.page]!
        remap(entry.children)
      }
    }
    remap(entries)
    const parent = outline.at(-1)
    if (parts[i]?.continues && parent) parent.children.push(...entries)
    else outline.push(...entries)
  }
  writeOutline(doc, outline)
  numberPages(doc, fonts.sans)
  doc.setCreationDate(report.generatedAt)
  doc.setModificationDate(report.generatedAt)
  doc.setLanguage('en-US')
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
  return Buffer.from(await doc.save())
}
