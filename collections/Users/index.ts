import type { CollectionConfig } from 'payload'

import { adminFieldOnly, adminsOnly, selfOrAdmin, staffFieldOnly } from '@/collections/access/roles'
import { STAFF_ROLES, isStaff } from '@/lib/auth/roles'
import { throttleResetRequests } from '@/collections/hooks/throttleResetRequests'
import { refuseResetWithoutEmail } from '@/collections/hooks/refuseResetWithoutEmail'
import { STAFF_RESET_SUBJECT, staffResetEmailHTML } from '@/lib/auth/resetEmail'
import {
  enforcePasswordRule,
  guardSignIn,
  hideLockedAccounts,
  limitResetRequests,
  recordSignIn,
} from '@/collections/hooks/authGuards'
import { firstUserIsAdmin } from './firstUserIsAdmin'
import { guardFirstRegister } from './hooks/guardFirstRegister'
import { signOutEverywhere } from './hooks/signOutEverywhere'

/** Failed sign-ins (from any number of clients) after which a staff account is locked for 10 minutes. */
export const STAFF_LOCK_ATTEMPTS = 20

const ROLE_LABELS: Record<(typeof STAFF_ROLES)[number], string> = {
  admin: 'Admin',
  editor: 'Editor',
  'section-editor': 'Section editor',
}

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'Staff user', plural: 'Staff users' },
  admin: {
    group: 'People',
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles', 'sections'],
    description: 'Staff who keep the plan in this admin: admins, editors and section editors.',
  },
  auth: {
    // one client is stopped after 5 failures for an account (collections/hooks/authGuards.ts)
    maxLoginAttempts: STAFF_LOCK_ATTEMPTS,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    // Payload's own throttle deadlocks on SQLite ("database is locked", a 500 for every request):
    // the beforeOperation hook below throttles instead, as for members
    forgotPassword: {
      minRequestInterval: 0,
      generateEmailHTML: staffResetEmailHTML,
      generateEmailSubject: () => STAFF_RESET_SUBJECT,
    },
  },
  access: {
    admin: ({ req: { user } }) => isStaff(user),
    read: selfOrAdmin,
    create: adminsOnly,
    update: selfOrAdmin,
    delete: adminsOnly,
    unlock: adminsOnly,
  },
  fields: [
    // Shown only on the admin's "create first user" page (nobody signed in): production needs the
    // server's ADMIN_SETUP_TOKEN there (collections/Users/hooks/guardFirstRegister.ts). Never stored.
    {
      name: 'setupToken',
      type: 'text',
      virtual: true,
      label: 'Setup token',
      admin: {
        condition: (_data, _siblingData, { user }) => !user,
        description:
          'The ADMIN_SETUP_TOKEN set on the server (needed in production to create the first account).',
      },
      access: { create: () => true, read: () => false, update: () => false },
    },
    { name: 'name', type: 'text', required: true },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      saveToJWT: true,
      options: STAFF_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
      access: { create: adminFieldOnly, update: adminFieldOnly },
    },
    {
      name: 'sections',
      type: 'relationship',
      relationTo: 'sections',
      hasMany: true,
      saveToJWT: true,
      admin: {
        description: 'For section editors: the sections whose initiatives they may edit.',
        condition: (data) => Array.isArray(data?.roles) && data.roles.includes('section-editor'),
      },
      access: { create: adminFieldOnly, update: adminFieldOnly },
    },
    {
      name: 'emailReminders',
      type: 'checkbox',
      label: 'Email me reminders',
      defaultValue: true,
      admin: {
        description:
          'Reminders before and on a cycle’s due date (editors: the copy of the due-date notice). The notice that a cycle has opened always comes.',
        condition: (data) =>
          Array.isArray(data?.roles) &&
          (data.roles.includes('section-editor') || data.roles.includes('editor')),
      },
    },
    {
      name: 'signOutEverywhere',
      type: 'checkbox',
      virtual: true,
      label: 'Sign out everywhere',
      admin: {
        description:
          'Tick and save to end every session of this account, on every device, this one included if it is yours (changing the password ends the others too).',
      },
      // who may update which staff record is the collection's rule: an admin any, anyone else their own
      access: { read: staffFieldOnly, create: adminFieldOnly, update: staffFieldOnly },
    },
  ],
  hooks: {
    beforeChange: [firstUserIsAdmin, signOutEverywhere],
    beforeOperation: [
      refuseResetWithoutEmail,
      guardFirstRegister,
      guardSignIn('email'),
      limitResetRequests,
      throttleResetRequests('email'),
      enforcePasswordRule,
    ],
    afterLogin: [recordSignIn('email')],
    afterError: [hideLockedAccounts],
  },
}
