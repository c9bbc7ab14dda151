import type { InitiativeStatus, Visibility } from '../plan/types'

/** A sample initiative of the demo data, by natural keys (section slug, objective codes). */
export interface SampleInitiative {
  title: string
  section: string
  objectives: string[]
  status: InitiativeStatus
  visibility: Visibility
  startDate?: string
  targetDate?: string
  completedDate?: string
  progress: number
  lead: string
  /** never published: must not count or show anywhere outside the admin */
  draft?: boolean
}

const S = (
  title: string,
  section: string,
  objectives: string[],
  status: InitiativeStatus,
  visibility: Visibility,
  dates: { start?: string; target?: string; completed?: string },
  progress: number,
  lead: string,
  draft = false,
): SampleInitiative => ({
  title: `${title} (sample)`,
  section,
  objectives,
  status,
  visibility,
  startDate: dates.start,
  targetDate: dates.target,
  completedDate: dates.completed,
  progress,
  lead,
  draft,
})

/**
 * 34 sample initiatives (titles end in "(sample)"): every section, every status, both
 * visibilities, two drafts. Objectives 1.4, 1.6, 2.3, 3.4, 4.3, 4.4, 5.2 and 5.5 have no active
 * initiative (some have proposed, deferred, cancelled or draft ones), so every goal area shows a gap:
 * members see 18 of 26 objectives covered, the public (public initiatives only) 15 of 26.
 */
export const SAMPLE_INITIATIVES: SampleInitiative[] = [
  S('Environmental scan of technical services trends', 'collections', ['1.1'], 'completed', 'public', { start: '2006-09-01', target: '2007-06-30', completed: '2007-06-15' }, 100, 'CMDS Executive Committee'),
  S('E-resource acquisitions workflow survey', 'acquisitions', ['1.1', '1.2'], 'in-progress', 'public', { start: '2007-01-15', target: '2008-06-30' }, 60, 'AS Technology Committee'),
  S('Rapid-response forum on budget reductions', 'acquisitions', ['1.2'], 'planned', 'members', { start: '2008-09-01', target: '2009-06-30' }, 0, 'AS Executive Committee'),
  S('Transition guidance for catalogers adopting new standards', 'cataloging', ['1.3', '2.2'], 'in-progress', 'public', { start: '2008-01-01', target: '2010-12-31' }, 45, 'CCS Policy and Planning Committee'),
  S('Metadata exchange best-practices wiki', 'cataloging', ['1.3'], 'completed', 'members', { start: '2007-03-01', target: '2008-01-31', completed: '2008-02-15' }, 100, 'CCS Cataloging Norms Interest Group'),
  S('Recruitment toolkit for technical services careers', 'council-of-regional-groups', ['1.4'], 'proposed', 'public', {}, 0, 'CRG Education Committee'),
  S('Member communications calendar', 'council-of-regional-groups', ['1.5'], 'planned', 'public', { start: '2009-01-01', target: '2009-12-31' }, 10, 'CRG Chair'),
  S('Newsletter online redesign', 'serials', ['1.5'], 'completed', 'public', { start: '2006-07-01', target: '2007-03-31', completed: '2007-04-10' }, 100, 'SS Publications Committee'),
  S('Advocacy talking points for collection budgets', 'collections', ['1.6'], 'deferred', 'public', { start: '2008-01-01' }, 15, 'CMDS Administration Committee'),
  S('Review of serials standards for e-journals', 'serials', ['2.1'], 'in-progress', 'public', { start: '2007-06-01', target: '2009-06-30' }, 70, 'SS Standards Committee'),
  S('Acquisitions standards liaison to the standards bodies', 'acquisitions', ['2.1'], 'completed', 'public', { start: '2006-08-01', target: '2008-06-30', completed: '2008-06-20' }, 100, 'AS Standards Liaison'),
  S('Best practices for preserving digital files', 'preservation', ['2.1', '2.2'], 'in-progress', 'public', { start: '2007-09-01', target: '2010-06-30' }, 55, 'PARS Digital Preservation Committee'),
  S('Holdings standard promotion webinars', 'serials', ['2.2'], 'planned', 'members', { start: '2009-03-01', target: '2010-03-01' }, 0, 'SS Education Committee'),
  S('Innovation award in technical services', 'collections', ['2.3'], 'proposed', 'members', {}, 0, 'CMDS Awards Committee'),
  S('Continuing education needs assessment', 'council-of-regional-groups', ['3.1'], 'completed', 'public', { start: '2006-10-01', target: '2007-05-31', completed: '2007-05-31' }, 100, 'CRG Education Committee'),
  S('Web course: fundamentals of acquisitions', 'acquisitions', ['3.2'], 'in-progress', 'public', { start: '2007-02-01', target: '2011-06-30' }, 80, 'AS Education Committee'),
  S('Preservation week program series', 'preservation', ['3.2', '3.3'], 'planned', 'public', { start: '2009-09-01', target: '2011-05-31' }, 5, 'PARS Program Committee'),
  S('Cataloging discussion groups at Midwinter', 'cataloging', ['3.3'], 'completed', 'members', { start: '2006-06-01', target: '2006-12-31', completed: '2007-01-22' }, 100, 'CCS Executive Committee'),
  S('Low-cost webinar platform pilot', 'council-of-regional-groups', ['3.4'], 'cancelled', 'public', { start: '2008-02-01', target: '2008-12-31' }, 20, 'CRG Technology Liaison'),
  S('Joint continuing education with state associations', 'council-of-regional-groups', ['3.5', '4.2'], 'in-progress', 'public', { start: '2008-01-01', target: '2010-12-31' }, 40, 'CRG Regional Liaisons'),
  S('Liaison with ALA divisions on shared programs', 'collections', ['4.1'], 'in-progress', 'members', { start: '2007-07-01', target: '2011-06-30' }, 50, 'CMDS Chair'),
  S('Collaboration with research libraries on preservation metrics', 'preservation', ['4.2'], 'planned', 'public', { start: '2009-01-01', target: '2011-12-31' }, 0, 'PARS Executive Committee'),
  S('Library school curriculum outreach on cataloging', 'cataloging', ['4.3'], 'proposed', 'public', {}, 0, 'CCS Education Committee'),
  S('Vendor partnership for e-book pricing studies', 'acquisitions', ['4.4'], 'cancelled', 'members', { start: '2007-04-01', target: '2008-04-01' }, 10, 'AS Publisher-Vendor Relations Committee'),
  S('Open forum on the future of technical services', 'serials', ['4.5'], 'completed', 'public', { start: '2007-01-01', target: '2007-12-31', completed: '2007-12-15' }, 100, 'SS Executive Committee'),
  S('Section bylaws alignment', 'serials', ['5.1'], 'in-progress', 'members', { start: '2008-06-01', target: '2010-06-30' }, 65, 'SS Organization and Bylaws Committee'),
  S('Diversity scholarship in technical services', 'preservation', ['5.2'], 'deferred', 'public', { start: '2009-01-01' }, 0, 'PARS Membership Committee'),
  S('Budget review of section programs', 'acquisitions', ['5.3'], 'completed', 'members', { start: '2006-09-01', target: '2007-08-31', completed: '2007-08-31' }, 100, 'AS Budget and Finance'),
  S('Virtual committee participation pilot', 'cataloging', ['5.4'], 'in-progress', 'public', { start: '2008-09-01' }, 30, 'CCS Executive Committee'),
  S('Member directory update', 'serials', ['5.5'], 'deferred', 'members', { start: '2009-02-01' }, 0, 'SS Membership Committee'),
  S('New member mentoring program', 'collections', ['5.6', '5.7'], 'planned', 'public', { start: '2009-06-01', target: '2011-06-30' }, 0, 'CMDS Membership Committee'),
  S('Leadership institute for emerging leaders', 'preservation', ['5.7'], 'in-progress', 'public', { start: '2007-05-01', target: '2010-05-31' }, 75, 'PARS Leadership Working Group'),
  S('Cataloging cost study', 'cataloging', ['4.3'], 'planned', 'public', { start: '2010-01-01', target: '2011-01-01' }, 0, 'CCS Research Committee', true),
  S('Serials pricing survey', 'serials', ['2.3'], 'in-progress', 'members', { start: '2009-01-01', target: '2010-01-01' }, 20, 'SS Acquisitions Committee', true),
]
