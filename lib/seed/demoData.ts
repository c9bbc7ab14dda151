import type { MemberRole, StaffRole } from '@/lib/auth/roles'

/** The six units named in the ALCTS page's navigation, with their full section names. */
export const SEED_SECTIONS = [
  {
    name: 'Acquisitions Section',
    slug: 'acquisitions',
    abbreviation: 'AS',
    description: 'Acquisition of library materials: selection, ordering, vendors, budgets.',
  },
  {
    name: 'Cataloging and Classification Section',
    slug: 'cataloging',
    abbreviation: 'CCS',
    description: 'Cataloging, classification and metadata for all kinds of resources.',
  },
  {
    name: 'Council of Regional Groups',
    slug: 'council-of-regional-groups',
    abbreviation: 'CRG',
    description: 'The regional and state technical services groups affiliated with ALCTS.',
  },
  {
    name: 'Collection Management and Development Section',
    slug: 'collections',
    abbreviation: 'CMDS',
    description: 'Building, managing and assessing library collections.',
  },
  {
    name: 'Preservation and Reformatting Section',
    slug: 'preservation',
    abbreviation: 'PARS',
    description: 'Preservation of library materials in all formats, and reformatting.',
  },
  {
    name: 'Serials Section',
    slug: 'serials',
    abbreviation: 'SS',
    description: 'Acquisition, control and management of serials and continuing resources.',
  },
] as const

export interface DemoStaff {
  email: string
  name: string
  roles: StaffRole[]
  sections?: string[]
}

export interface DemoMember {
  username: string
  name: string
  email: string
  roles: MemberRole[]
  membershipExpires: string
  active: boolean
}

/** Demo accounts exactly as the README lists them (password from DEMO_PASSWORD). */
export const DEMO_STAFF: DemoStaff[] = [
  { email: 'admin@example.org', name: 'Avery Admin', roles: ['admin'] },
  { email: 'editor@example.org', name: 'Emery Editor', roles: ['editor'] },
  {
    email: 'acquisitions@example.org',
    name: 'Alex Acquisitions',
    roles: ['section-editor'],
    sections: ['acquisitions'],
  },
]

export const DEMO_MEMBERS: DemoMember[] = [
  {
    username: '100001',
    name: 'Morgan Member',
    email: 'member100001@example.org',
    roles: ['member'],
    membershipExpires: '2099-12-31',
    active: true,
  },
  {
    username: '100002',
    name: 'Blair Board',
    email: 'board100002@example.org',
    roles: ['member', 'board'],
    membershipExpires: '2099-12-31',
    active: true,
  },
  {
    username: '100003',
    name: 'Lee Lapsed',
    email: 'lapsed100003@example.org',
    roles: ['member'],
    membershipExpires: '2020-06-30',
    active: true,
  },
]
