/**
 * Entitlements: which tier and staff roles a member holds, granted by whom,
 * from when, until when, revoked or not. The record is the source of truth;
 * Cognito groups only carry it into tokens, so a token is a cache that
 * {@link entitledViewer} checks against the record. Pure: clocks and people
 * are handed in.
 *
 * What a record grants ({@link grantOf}):
 * - active: its tier and roles;
 * - past its end date: Strategy Circle only. The end date bounds what an admin
 *   granted (Leadership Alliance, staff roles), not the membership every
 *   registered reader gets at sign-up;
 * - revoked: nothing beyond public. Revoking ends the membership; an admin who
 *   only wants to downgrade grants the lower tier instead;
 * - no record: nothing beyond public. Sign-up confirmation writes one; users
 *   created another way (staff added by an admin) get theirs from an admin grant.
 */
import * as z from 'zod/mini';
import { Grant, grantFromGroups, MEMBER_TIERS, meetGrants, STAFF_ROLES, type StaffRole, Tier, type Viewer, viewerOf } from './access.ts';
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';
import { schema } from './schema.ts';

/** How the record came to be: sign-up confirmation, an admin, or the local stack's provisioning of demo and test users. */
export const ORIGINS = ['sign-up', 'admin', 'seed'] as const;
export type Origin = (typeof ORIGINS)[number];

/** The current entitlement of one member. */
export const Entitlement = /* @__PURE__ */ schema(() =>
  z.object({
    userId: z.string(),
    tier: z.enum(MEMBER_TIERS),
    roles: z.array(z.enum(STAFF_ROLES)),
    origin: z.enum(ORIGINS),
    grantedBy: z.string().check(z.describe("The admin's user id, or `system:sign-up` / `system:seed`")),
    validFrom: z.iso.datetime(),
    /** Required for Leadership Alliance. */
    validUntil: z.optional(z.iso.datetime()),
    revokedAt: z.optional(z.iso.datetime()),
    revokedBy: z.optional(z.string()),
    revokedReason: z.optional(z.string()),
    /** 1 for a new record, +1 per change; every write is conditional on the version it read. */
    version: z.number().check(z.int(), z.minimum(1)),
    updatedAt: z.iso.datetime(),
  }),
);
export type Entitlement = z.output<typeof Entitlement>;

/**
 * What a history entry records: a change announced as Entitlement Changed, the local stack's provisioning,
 * or a step of a request for a tier (domain/access-request.ts) that grants nothing by itself.
 */
/** What happened to the record: created on sign-up confirmation, granted (or changed) by an admin, revoked by an admin. */
export const ENTITLEMENT_CHANGES = ['signed-up', 'granted', 'revoked'] as const;
export type EntitlementChange = (typeof ENTITLEMENT_CHANGES)[number];

export const HISTORY_CHANGES = [...ENTITLEMENT_CHANGES, 'provisioned', 'access-requested', 'access-declined'] as const;
export type HistoryChange = (typeof HISTORY_CHANGES)[number];

/** One entry of a member's history: the record as a change left it, and who made the change. */
export const EntitlementHistoryEntry = /* @__PURE__ */ schema(() =>
  z
    .extend(Entitlement, {
      change: z
        .enum(HISTORY_CHANGES)
        .check(
          z.describe(
            'What happened: `signed-up`, `granted`, `revoked` (announced as Entitlement Changed), `provisioned` (local stack), or a step of a request for a tier that grants nothing by itself (`access-requested`, `access-declined`; an approval is `granted`)',
          ),
        ),
      changedBy: z.string(),
      accessRequestId: z.optional(z.string()).check(z.describe('The request for a tier this step belongs to')),
    })
    .check(z.describe('The record as a change left it, and who made the change.')),
);
export type EntitlementHistoryEntry = z.output<typeof EntitlementHistoryEntry>;

export const ENTITLEMENT_STATUSES = ['active', 'expired', 'revoked', 'none'] as const;
export type EntitlementStatus = (typeof ENTITLEMENT_STATUSES)[number];

const SYSTEM_SIGN_UP = 'system:sign-up';
const SYSTEM_SEED = 'system:seed';
const SYSTEM_BOOTSTRAP = 'system:bootstrap';

const uniqueRoles = (roles: readonly StaffRole[]) => new Set(roles).size === roles.length;

/** What an admin sends to grant or change a member's entitlement. Everything else (status, origin, dates of revocation) is refused. */
export const GrantInput = /* @__PURE__ */ schema(() =>
  z.strictObject({
    tier: z.enum(MEMBER_TIERS),
    roles: z._default(z.array(z.enum(STAFF_ROLES)).check(z.maxLength(STAFF_ROLES.length), z.refine(uniqueRoles, 'roles must not repeat')), []),
    validUntil: z.optional(z.iso.datetime({ offset: true })),
  }),
);
export type GrantInput = z.infer<typeof GrantInput>;

/** What an admin sends to revoke a member's entitlement. */
export const RevokeInput = /* @__PURE__ */ schema(() =>
  z.strictObject({
    reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  }),
);
export type RevokeInput = z.infer<typeof RevokeInput>;

/** Member ids are Cognito `sub`s (UUIDs); anything else is refused before it reaches a key. */
export const UserId = /* @__PURE__ */ schema(() => z.string().check(z.regex(/^[A-Za-z0-9_-]{1,128}$/, 'must be a user id (the token `sub`)')));

function inRoleOrder(roles: readonly StaffRole[]): StaffRole[] {
  return STAFF_ROLES.filter((role) => roles.includes(role));
}

/** The Strategy Circle membership that sign-up confirmation grants. */
export function signUpEntitlement(userId: string, now: Date): Entitlement {
  const at = now.toISOString();
  return { userId, tier: 'strategy-circle', roles: [], origin: 'sign-up', grantedBy: SYSTEM_SIGN_UP, validFrom: at, version: 1, updatedAt: at };
}

/** The first admin of a deployment, written once by an operator (tools/bootstrap-admin.ts); every later grant goes through the API. */
export function bootstrapAdminEntitlement(userId: string, now: Date): Entitlement {
  const at = now.toISOString();
  return {
    userId,
    tier: 'strategy-circle',
    roles: ['admin'],
    origin: 'admin',
    grantedBy: SYSTEM_BOOTSTRAP,
    validFrom: at,
    version: 1,
    updatedAt: at,
  };
}

/** How close to its end a local user's seeded grant is renewed (see {@link renewedSeedGrant}). */
export const SEED_RENEWAL_MS = 30 * 24 * 3600 * 1000;

/**
 * A local user's seeded Leadership Alliance, renewed to `fresh`'s end date once
 * it has less than {@link SEED_RENEWAL_MS} to run, so a `.data/` kept for over a
 * year still has the demo users its banner promises. Undefined for any record an
 * admin granted or revoked since (those are left as they are), or still far from its end.
 */
export function renewedSeedGrant(current: Entitlement, fresh: Entitlement, now: Date): Entitlement | undefined {
  if (current.grantedBy !== SYSTEM_SEED || current.revokedAt || !current.validUntil || !fresh.validUntil) return undefined;
  if (Date.parse(current.validUntil) - now.getTime() > SEED_RENEWAL_MS) return undefined;
  return { ...current, validUntil: fresh.validUntil, version: current.version + 1, updatedAt: now.toISOString() };
}

/** A record for a user created with groups by the local stack (demo and test users), so tokens and record agree. */
export function provisionedEntitlement(userId: string, groups: readonly string[], ctx: { now: Date; validUntil?: Date }): Entitlement {
  const { tier, roles } = grantFromGroups(groups);
  const at = ctx.now.toISOString();
  return {
    userId,
    tier: tier === 'public' ? 'strategy-circle' : tier,
    roles: inRoleOrder(roles),
    origin: 'seed',
    grantedBy: SYSTEM_SEED,
    validFrom: at,
    ...(tier === 'leadership-alliance' && ctx.validUntil ? { validUntil: ctx.validUntil.toISOString() } : {}),
    version: 1,
    updatedAt: at,
  };
}

/**
 * An admin grants (or changes) a member's tier and roles. The new grant
 * replaces the current one, including a revocation (the history keeps both).
 * Returns `current` itself when nothing would change, so a retried PUT writes
 * and announces nothing.
 */
export function grantEntitlement(current: Entitlement | undefined, input: GrantInput, ctx: { userId: string; by: string; now: Date }): Entitlement {
  if (input.tier === 'leadership-alliance' && !input.validUntil) {
    throw new ValidationError('Leadership Alliance is granted with an end date', [
      { pointer: '#/validUntil', detail: 'required for leadership-alliance' },
    ]);
  }
  if (input.validUntil && Date.parse(input.validUntil) <= ctx.now.getTime()) {
    throw new ValidationError('the end date must be in the future', [{ pointer: '#/validUntil', detail: 'must be in the future' }]);
  }
  const roles = inRoleOrder(input.roles);
  if (ctx.by === ctx.userId && current?.roles.includes('admin') && !roles.includes('admin')) {
    throw new ConflictError('an admin cannot remove their own admin role; another admin must');
  }
  const validUntil = input.validUntil ? new Date(input.validUntil).toISOString() : undefined;
  if (current && !current.revokedAt && current.tier === input.tier && current.roles.join() === roles.join() && current.validUntil === validUntil) {
    return current;
  }
  const at = ctx.now.toISOString();
  return {
    userId: ctx.userId,
    tier: input.tier,
    roles,
    origin: 'admin',
    grantedBy: ctx.by,
    validFrom: at,
    ...(validUntil ? { validUntil } : {}),
    version: (current?.version ?? 0) + 1,
    updatedAt: at,
  };
}

/**
 * An admin revokes a member's entitlement. Revoking a revoked record returns
 * it unchanged (DELETE is idempotent); an admin cannot revoke their own.
 */
export function revokeEntitlement(current: Entitlement | undefined, input: RevokeInput, ctx: { by: string; now: Date }): Entitlement {
  if (!current) throw new NotFoundError('this member has no entitlement to revoke');
  if (current.revokedAt) return current;
  if (ctx.by === current.userId) throw new ConflictError('an admin cannot revoke their own entitlement; another admin must');
  const at = ctx.now.toISOString();
  return { ...current, revokedAt: at, revokedBy: ctx.by, revokedReason: input.reason, version: current.version + 1, updatedAt: at };
}

export function statusOf(record: Entitlement | undefined, now: Date): EntitlementStatus {
  if (!record) return 'none';
  if (record.revokedAt) return 'revoked';
  if (record.validUntil && Date.parse(record.validUntil) <= now.getTime()) return 'expired';
  return 'active';
}

/** What a record grants right now (see the module comment). */
export function grantOf(record: Entitlement | undefined, now: Date): Grant {
  switch (statusOf(record, now)) {
    case 'active':
      return { tier: record!.tier, roles: [...record!.roles] };
    case 'expired':
      return { tier: 'strategy-circle', roles: [] };
    default:
      return { tier: 'public', roles: [] };
  }
}

/**
 * The viewer the API serves: what the token's groups AND the record both
 * grant. The record bites at once when it takes something away (revocation,
 * end date), without waiting for the token to expire; a grant takes effect
 * with the next token, once the group sync has put the member in the group.
 */
export function entitledViewer(userId: string, tokenGroups: readonly string[], record: Entitlement | undefined, now: Date): Viewer {
  return viewerOf(userId, meetGrants(grantFromGroups(tokenGroups), grantOf(record, now)));
}

/** What the caller of `GET /me` learns: what the API grants them now and until when. Nothing about who granted it or why. */
export const MemberSelfView = /* @__PURE__ */ schema(() =>
  z
    .object({
      userId: z.string(),
      tier: Tier,
      roles: z.array(z.enum(STAFF_ROLES)),
      status: z.enum(ENTITLEMENT_STATUSES),
      validUntil: z.optional(z.iso.datetime()).check(z.describe('End of an active grant that has one')),
    })
    .check(z.describe('What the API grants the caller now, and until when.')),
);
export type MemberSelfView = z.output<typeof MemberSelfView>;

export function selfView(viewer: Viewer, record: Entitlement | undefined, now: Date): MemberSelfView {
  const status = statusOf(record, now);
  return {
    userId: viewer.userId ?? '',
    tier: viewer.tier,
    roles: viewer.roles,
    status,
    ...(status === 'active' && record?.validUntil ? { validUntil: record.validUntil } : {}),
  };
}

/** What an admin sees of a member: the record, its status and what it grants now. */
export const MemberAdminView = /* @__PURE__ */ schema(() =>
  z
    .object({
      userId: z.string(),
      status: z.enum(ENTITLEMENT_STATUSES),
      grants: Grant.check(z.describe('What the record grants now (a token may grant less until it is refreshed)')),
      record: z.optional(Entitlement),
    })
    .check(z.describe("A member's entitlement as an admin sees it.")),
);
export type MemberAdminView = z.output<typeof MemberAdminView>;

export function adminView(userId: string, record: Entitlement | undefined, now: Date): MemberAdminView {
  return { userId, status: statusOf(record, now), grants: grantOf(record, now), ...(record ? { record } : {}) };
}
