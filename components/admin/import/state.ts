/** The import view's state and every change it goes through (the preview's own is useImportPreview's). */
import type { DocumentFormat, ImportFormat } from '@/lib/import/input'
import type { ImportCreated } from '@/lib/import/preview'

export type FormatChoice = ImportFormat | 'auto'

/** A Word document or PDF chosen for import: sent as it is, read on the server. */
export interface ChosenDocument {
  /** which choice this is (two files may share a name and a size) */
  serial: number
  name: string
  format: DocumentFormat
  bytes: Uint8Array<ArrayBuffer>
}

export interface ImportState {
  /** the plan text typed, pasted or read from a text file (empty while a document is chosen) */
  text: string
  filename: string | undefined
  chosen: ChosenDocument | null
  dragging: boolean
  format: FormatChoice
  organization: string
  slug: string
  /** the editor typed the address: the preview no longer fills it in */
  slugEdited: boolean
  fileError: string | null
  creating: boolean
  createError: string | null
  created: ImportCreated | null
  cursorLine: number
}

export const initialImportState: ImportState = {
  text: '',
  filename: undefined,
  chosen: null,
  dragging: false,
  format: 'auto',
  organization: '',
  slug: '',
  slugEdited: false,
  fileError: null,
  creating: false,
  createError: null,
  created: null,
  cursorLine: 1,
}

export type ImportAction =
  | { type: 'typed'; text: string }
  | { type: 'documentChosen'; document: ChosenDocument }
  | { type: 'textFileRead'; filename: string; text: string }
  | { type: 'fileError'; message: string | null }
  | { type: 'dragging'; dragging: boolean }
  | { type: 'format'; format: FormatChoice }
  | { type: 'organization'; organization: string }
  | { type: 'slugTyped'; slug: string }
  | { type: 'slugRead'; slug: string }
  | { type: 'cursor'; line: number }
  | { type: 'creating' }
  | { type: 'createFailed'; message: string }
  | { type: 'created'; created: ImportCreated }
  | { type: 'createFinished' }
  | { type: 'startOver' }

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case 'typed':
      return { ...state, text: action.text }
    case 'documentChosen':
      return {
        ...state,
        chosen: action.document,
        filename: action.document.name,
        text: '',
        created: null,
      }
    case 'textFileRead':
      return { ...state, chosen: null, filename: action.filename, text: action.text, created: null }
    case 'fileError':
      return { ...state, fileError: action.message }
    case 'dragging':
      return { ...state, dragging: action.dragging }
    case 'format':
      return { ...state, format: action.format }
    case 'organization':
      return { ...state, organization: action.organization }
    case 'slugTyped':
      return { ...state, slug: action.slug, slugEdited: true }
    case 'slugRead':
      // the address read from the plan, until the editor types one
      return state.slugEdited ? state : { ...state, slug: action.slug }
    case 'cursor':
      return { ...state, cursorLine: action.line }
    case 'creating':
      return { ...state, creating: true, createError: null }
    case 'createFailed':
      return { ...state, createError: action.message }
    case 'created':
      return { ...state, created: action.created }
    case 'createFinished':
      return { ...state, creating: false }
    case 'startOver':
      return {
        ...state,
        created: null,
        text: '',
        chosen: null,
        filename: undefined,
        slug: '',
        slugEdited: false,
        createError: null,
      }
  }
}
