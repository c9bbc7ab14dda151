/**
 * The words of the cycle notices and the board's report link, in the site's voice: short, plain,
 * what to do and by when, one button. Pure: everything comes in as arguments.
 */
import { formatWeekdayDate } from '@/lib/format/dates'
import { countLabel } from '@/lib/format/plural'
import { renderEmail, type RenderedEmail } from './render'

export interface CycleMessageInput {
  association: string
  planTitle: string
  cycleName: string
  /** ISO date or null */
  dueOn: string | null
  instructions: string | null
  recipientName: string
  /** the person's initiatives still to report ("Title (Section)") */
  initiatives: string[]
  /** the admin's "My updates" view */
  myUpdatesUrl: string
  /** the account page where reminders are turned off */
  preferencesUrl: string
}

/** "Friday, March 15, 2008", as the site writes dates; null when there is none. */
const formatDueDate = (iso: string | null): string | null => formatWeekdayDate(iso) || null

const greeting = (name: string) => `Hello ${name.trim() || 'there'},`
const count = (n: number) => countLabel(n, 'initiative')

const reminderFooter = (input: CycleMessageInput) =>
  `You receive this because you report progress for your section on the ${input.association} planning site. ` +
  `To stop reminders (this first notice of a cycle always comes), untick "Email me reminders" on your account: ${input.preferencesUrl}`

/** The one notice a section editor gets when a cycle opens. */
export function cycleOpenedEmail(input: CycleMessageInput): RenderedEmail {
  const due = formatDueDate(input.dueOn)
  return renderEmail({
    association: input.association,
    subject: `Progress updates for ${input.cycleName} are open${due ? `: due ${due}` : ''}`,
    preview: `${count(input.initiatives.length)} to update${due ? ` by ${due}` : ''}.`,
    greeting: greeting(input.recipientName),
    blocks: [
      {
        paragraph: `The ${input.cycleName} progress cycle of the ${input.planTitle} is open. Please report the status and progress of ${count(input.initiatives.length)} of your section${due ? ` by ${due}` : ''}:`,
      },
      { list: input.initiatives },
      ...(input.instructions?.trim() ? [{ paragraph: input.instructions.trim() }] : []),
      { button: { label: 'Open My updates', url: input.myUpdatesUrl } },
    ],
    footer: `You receive this because you report progress for your section on the ${input.association} planning site.`,
  })
}

/** The reminder a few days before the due date, to those who have not finished. */
export function cycleReminderEmail(input: CycleMessageInput): RenderedEmail {
  const due = formatDueDate(input.dueOn)
  return renderEmail({
    association: input.association,
    subject: `Reminder: ${count(input.initiatives.length)} to update for ${input.cycleName}${due ? ` by ${due}` : ''}`,
    preview: `Progress updates are due${due ? ` ${due}` : ' soon'}.`,
    greeting: greeting(input.recipientName),
    blocks: [
      {
        paragraph: `Progress updates for ${input.cycleName} are due${due ? ` on ${due}` : ' soon'}. These still have no update:`,
      },
      { list: input.initiatives },
      { button: { label: 'Open My updates', url: input.myUpdatesUrl } },
    ],
    footer: reminderFooter(input),
  })
}

/** The notice on the due date, to those still missing (the editors are copied). */
export function cycleOverdueEmail(input: CycleMessageInput): RenderedEmail {
  const due = formatDueDate(input.dueOn)
  return renderEmail({
    association: input.association,
    subject: `Due today: ${count(input.initiatives.length)} without an update for ${input.cycleName}`,
    preview: 'The board report is made from these updates.',
    greeting: greeting(input.recipientName),
    blocks: [
      {
        paragraph: `Progress updates for ${input.cycleName} were due${due ? ` on ${due}` : ''}. These still have no update, so the board report will show them as not reported:`,
      },
      { list: input.initiatives },
      { button: { label: 'Update them now', url: input.myUpdatesUrl } },
      { note: 'The plan’s editors are copied on this message.' },
    ],
    footer: reminderFooter(input),
  })
}

export interface ReportMessageInput {
  association: string
  planTitle: string
  cycleName: string
  recipientName: string
  /** the archived report's page (through sign-in and access), never the file */
  reportUrl: string
  /** the archive list */
  archiveUrl: string
}

/** The board member's link to the report archived when a cycle closed. */
export function reportArchivedEmail(input: ReportMessageInput): RenderedEmail {
  return renderEmail({
    association: input.association,
    subject: `Board report: ${input.planTitle}, ${input.cycleName}`,
    preview: `The progress report as of ${input.cycleName} is ready.`,
    greeting: greeting(input.recipientName),
    blocks: [
      {
        paragraph: `The ${input.cycleName} progress cycle has closed. The board’s progress report on the ${input.planTitle}, as of that cycle, is archived on the planning site.`,
      },
      { button: { label: 'Download the report (PDF)', url: input.reportUrl } },
      {
        note: `You will be asked to sign in with your member number. Every archived report is listed at ${input.archiveUrl}`,
      },
    ],
    footer: `You receive this as a board member of the ${input.association}.`,
  })
}
