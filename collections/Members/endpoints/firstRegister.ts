import type { Endpoint, GraphQLExtension } from 'payload'

/**
 * Payload gives every auth collection `POST /first-register` (create the first account, signed
 * in, with any roles) and `GET /init` (is there an account yet?). Members are only ever created
 * by an admin: first-register always answers 403, and init always says "initialized", so neither
 * tells an attacker anything nor lets them in. These come before Payload's own endpoints.
 */
export const memberFirstRegisterEndpoints: Endpoint[] = [
  {
    path: '/first-register',
    method: 'post',
    handler: () =>
      Response.json(
        {
          errors: [
            { message: 'Members are created by an admin; there is no first member to register.' },
          ],
        },
        { status: 403 },
      ),
  },
  {
    path: '/init',
    method: 'get',
    handler: () => Response.json({ initialized: true }),
  },
]

/**
 * GraphQL's `initializedMember` asks the same question as `GET /init` (Payload answers it from the
 * database): it gets the same answer. Replaces Payload's own field (config.graphQL.queries).
 */
export const memberInitQuery: GraphQLExtension = (GraphQL) => ({
  initializedMember: { type: GraphQL.GraphQLBoolean, resolve: () => true },
})
