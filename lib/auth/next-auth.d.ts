import 'next-auth'
import 'next-auth/jwt'

declare module 'next-auth' {
  interface Session {
    user?: {
      name?: string | null
      email?: string | null
      image?: string | null
      /** the member number the person signed in with */
      memberNumber?: string
    }
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** the `members` document id (a number on SQLite, a string on MongoDB) */
    memberId?: number | string
    memberNumber?: string
    /** the member's session version when they signed in (lib/auth/members.ts) */
    sessionVersion?: number
  }
}
