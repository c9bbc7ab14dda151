import type { CollectionConfig } from 'payload'

import {
  MEMBER_RESET_EXPIRATION_MS,
  MEMBER_RESET_SUBJECT,
  memberResetEmailHTML,
} from '@/lib/auth/resetEmail'
import { adminFieldOnly, adminsOnly, selfMemberOrAdmin } from '@/collections/access/roles'
import { MEMBER_ROLES } from '@/lib/auth/roles'
import { refuseLapsedLogin } from './hooks/refuseLapsedLogin'
import { bumpAfterReset, bumpSessionVersion, refuseLapsedRefresh } from './hooks/sessionVersion'
import { memberFirstRegisterEndpoints } from './endpoints/firstRegister'
import { throttleResetRequests } from '@/collections/hooks/throttleResetRequests'
import { refuseResetWithoutEmail } from '@/collections/hooks/refuseResetWithoutEmail'
import {
  enforcePasswordRule,
  guardSignIn,
  hideLockedAccounts,
  limitResetRequests,
  recordSignIn,
} from '@/collections/hooks/authGuards'

/** Failed sign-ins (from any number of clients) after which an account is locked for 10 minutes. */
export const ACCOUNT_LOCK_ATTEMPTS = 20

export const Members: CollectionConfig = {
  slug: 'members',
  labels: { singular: 'Member', plural: 'Members' },
  admin: {
    group: 'People',
    useAsTitle: 'name',
    defaultColumns: ['username', 'name', 'roles', 'membershipExpires', 'active'],
    listSearchableFields: ['username', 'name', 'email'],
    description: 'Association members who sign in to the site with their member number.',
  },
  auth: {
    loginWithUsername: { allowEmailLogin: false, requireEmail: false, requireUsername: true },
    // Per-account lockout after failures from several clients (one client is stopped after 5
    // failures for an account by collections/hooks/authGuards.ts, so it cannot lock anyone out).
    maxLoginAttempts: ACCOUNT_LOCK_ATTEMPTS,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    // the reset link leads to the site's /login/reset page (members have no admin access)
    forgotPassword: {
      generateEmailHTML: memberResetEmailHTML,
      generateEmailSubject: () => MEMBER_RESET_SUBJECT,
      expiration: MEMBER_RESET_EXPIRATION_MS,
      // Payload's own throttle reserves the member row outside the operation's transaction, which
      // SQLite answers with "database is locked"; collections/hooks/throttleResetRequests.ts throttles instead.
      minRequestInterval: 0,
    },
  },
  access: {
    admin: () => false,
    read: selfMemberOrAdmin,
    create: adminsOnly,
    update: selfMemberOrAdmin,
    delete: adminsOnly,
    unlock: adminsOnly,
  },
  endpoints: memberFirstRegisterEndpoints,
  fields: [
    // Payload's own username field (merged with it), labelled the way members know it; the
    // member number is the association's, so only admins set or change it
    {
      name: 'username',
      type: 'text',
      label: 'Member number',
      required: true,
      unique: true,
      access: { create: adminFieldOnly, update: adminFieldOnly },
    },
    // Payload's own email field (merged with it). With login by member number only, Payload's
    // admin hides it; rendered here as a plain field so admins can give a member an address for
    // password resets and single sign-on. Only admins change it: single sign-on matches members
    // by email, so a member must not point their account at someone else's address.
    {
      name: 'email',
      type: 'email',
      label: 'Email',
      admin: {
        components: { Field: '@payloadcms/ui#EmailField' },
        description: 'Optional. Used for password reset emails and single sign-on.',
      },
      access: { create: adminFieldOnly, update: adminFieldOnly },
    },
    { name: 'name', type: 'text', required: true },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['member'],
      saveToJWT: true,
      options: MEMBER_ROLES.map((value) => ({
        value,
        label: value === 'board' ? 'Board member' : 'Member',
      })),
      access: { create: adminFieldOnly, update: adminFieldOnly },
    },
    {
      name: 'membershipExpires',
      type: 'date',
      saveToJWT: true,
      admin: {
        date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' },
        description: 'Sign-in is refused after this date.',
      },
      access: { create: adminFieldOnly, update: adminFieldOnly },
    },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      saveToJWT: true,
      admin: { description: 'Untick to deactivate the account.' },
      access: { create: adminFieldOnly, update: adminFieldOnly },
    },
    {
      name: 'signOutEverywhere',
      type: 'checkbox',
      virtual: true,
      label: 'Sign out everywhere',
      admin: {
        description:
          'Tick and save to end every session of this member, on every device (changing the password does it too).',
      },
      access: { read: adminFieldOnly, create: adminFieldOnly, update: adminFieldOnly },
    },
    // bound into every session; bumped by collections/Members/hooks/sessionVersion.ts
    { name: 'sessionVersion', type: 'number', defaultValue: 0, hidden: true },
  ],
  hooks: {
    beforeOperation: [
      refuseResetWithoutEmail,
      guardSignIn('username'),
      limitResetRequests,
      throttleResetRequests('username'),
      enforcePasswordRule,
      refuseLapsedRefresh,
    ],
    beforeChange: [bumpSessionVersion],
    beforeLogin: [refuseLapsedLogin],
    afterLogin: [recordSignIn('username')],
    afterOperation: [bumpAfterReset],
    afterError: [hideLockedAccounts],
  },
}
