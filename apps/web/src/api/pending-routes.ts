/**
 * Routes of ../shared/API.md that the OpenAPI document (apps/web/openapi.json) does not
 * describe yet — moderation, digests, stocktaking, unsubscribe, the admin digest run —
 * written in openapi-typescript's shape so the same typed client calls them. Once
 * `npm run web:api-types` regenerates schema.d.ts from a document that has them, the
 * generated definitions win (see AllPaths in client.ts) and these entries go unused.
 */
type Json = Record<string, unknown>;
type Reply = { headers: { [name: string]: unknown }; content: { 'application/json': unknown } };
type Replies = { 200: Reply; 201: Reply };
type WithPath<Q> = { query?: Q; header?: never; path: { id: string }; cookie?: never };
type NoPath<Q> = { query?: Q; header?: never; path?: never; cookie?: never };
/** An operation on /…/{id}: Q its query, B its JSON body (never: none). */
type Op<Q = never, B = never> = [B] extends [never]
  ? { parameters: WithPath<Q>; requestBody?: never; responses: Replies }
  : { parameters: WithPath<Q>; requestBody: { content: { 'application/json': B } }; responses: Replies };
/** An operation on a path without an id. */
type RootOp<Q = never, B = never> = [B] extends [never]
  ? { parameters: NoPath<Q>; requestBody?: never; responses: Replies }
  : { parameters: NoPath<Q>; requestBody: { content: { 'application/json': B } }; responses: Replies };
type Methods = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
type Item<Ops extends Partial<Record<Methods, unknown>>> = {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
} & { [M in Exclude<Methods, keyof Ops>]?: never } & Ops;

export interface PendingPaths {
  '/api/v1/spaces/{id}/moderation/queue': Item<{ get: Op<{ limit?: number; cursor?: string }> }>;
  '/api/v1/contributions/{id}/moderation': Item<{ post: Op<never, { action: string; reason?: string }> }>;
  '/api/v1/contributions/{id}/flags': Item<{ post: Op<never, { reason: 'spam' | 'off_topic' | 'abusive' | 'other'; note?: string }> }>;
  '/api/v1/spaces/{id}/moderation/log': Item<{ get: Op<{ limit?: number; cursor?: string }> }>;
  '/api/v1/spaces/{id}/suspensions': Item<{ post: Op<never, { userId: string; until: string; reason: string; scope?: 'space' | 'consultation' }> }>;
  '/api/v1/spaces/{id}/warnings': Item<{ post: Op<never, { userId: string; reason: string }> }>;
  '/api/v1/me/moderation': Item<{ get: RootOp }>;
  '/api/v1/spaces/{id}/digests': Item<{ post: Op<never, { periodStart: string; periodEnd: string }>; get: Op<{ limit?: number; cursor?: string }> }>;
  '/api/v1/digests/{id}': Item<{ get: Op<{ lang?: string }>; patch: Op<never, { keyPoints: Array<{ id?: string; text: string; priority?: boolean; sources?: string[] }>; expectedVersion?: number }> }>;
  '/api/v1/digests/{id}/publish': Item<{ post: Op }>;
  '/api/v1/roundtables/{id}/stocktaking': Item<{ post: Op<never, { periodStart: string; periodEnd: string }>; get: Op<{ limit?: number; cursor?: string }> }>;
  '/api/v1/stocktaking/{id}': Item<{ get: Op<{ lang?: string }>; patch: Op<never, { sections: Json; expectedVersion?: number }> }>;
  '/api/v1/stocktaking/{id}/publish': Item<{ post: Op }>;
  '/api/v1/admin/digest-emails/run': Item<{ post: RootOp<never, { periodEnd?: string }> }>;
  '/api/v1/unsubscribe': Item<{ post: RootOp<{ token: string }> }>;
}
