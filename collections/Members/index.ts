import type { CollectionConfig } from 'payload'

import { MEMBER_RESET_SUBJECT, memberResetEmailHTML } from '../../lib/auth/resetEmail'
import { MEMBER_ROLES, adminFieldOnly, adminsOnly, selfMemberOrAdmin } from '../access/roles'
import { refuseLapsedLogin } from './hooks/refuseLapsedLogin'

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
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    // the reset link leads to the site's /login/reset page (members have no admin access)
    forgotPassword: {
      generateEmailHTML: memberResetEmailHTML,
      generateEmailSubject: () => MEMBER_RESET_SUBJECT,
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
  fields: [
    // Payload's own username field (merged with it), labelled the way members know it
    { name: 'username', type: 'text', label: 'Member number', required: true, unique: true },
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
      admin: { date: { pickerAppearance: 'dayOnly' }, description: 'Sign-in is refused after this date.' },
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
  ],
  hooks: {
    beforeLogin: [refuseLapsedLogin],
  },
}
