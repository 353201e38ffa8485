/**
 * Tiers, staff roles and the Cognito groups that carry them.
 * The group names are the contract between the user pool (infra/), the local
 * emulator and the gating decision below: they are defined here only.
 */
import * as z from 'zod/mini';
import { schema } from './schema.ts';

/** Reader tiers, lowest first. */
export const TIERS = ['public', 'strategy-circle', 'leadership-alliance'] as const;
export type Tier = (typeof TIERS)[number];
export const Tier = /* @__PURE__ */ schema(() => z.enum(TIERS));

/** The tiers a member can hold (public needs no membership). */
export const MEMBER_TIERS = ['strategy-circle', 'leadership-alliance'] as const;
export type MemberTier = (typeof MEMBER_TIERS)[number];

export const STAFF_ROLES = ['analyst', 'editor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Cognito group → what membership of it grants. */
export const GROUPS = {
  'strategy-circle': { tier: 'strategy-circle' },
  'leadership-alliance': { tier: 'leadership-alliance' },
  analysts: { role: 'analyst' },
  editors: { role: 'editor' },
  admins: { role: 'admin' },
} as const satisfies Record<string, { tier?: Tier; role?: StaffRole }>;
export type GroupName = keyof typeof GROUPS;

/** Each group's description in the user pool. Apart from GROUPS so that no function bundle carries the text (only infra reads it). */
export const GROUP_DESCRIPTIONS: Record<GroupName, string> = {
  'strategy-circle': 'Strategy Circle: any registered, logged-in reader',
  'leadership-alliance': 'Leadership Alliance: granted by an admin, with an end date',
  analysts: 'Staff: ingest sources, draft briefings',
  editors: 'Staff: review, publish, retract',
  admins: 'Staff: grant and revoke tiers and roles',
};
export const GROUP_NAMES = Object.keys(GROUPS) as GroupName[];

/** Who is asking: derived from verified token claims (and the entitlement record), or anonymous. */
export interface Viewer {
  userId?: string;
  tier: Tier;
  roles: StaffRole[];
}

export const ANONYMOUS: Viewer = { tier: 'public', roles: [] };

export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

/**
 * What a token or an entitlement record grants, before the staff rule of
 * {@link viewerOf} is applied. The API grants the meet of the two (see
 * domain/entitlement.ts), so each is kept apart until then.
 */
export const Grant = /* @__PURE__ */ schema(() => z.object({ tier: z.enum(TIERS), roles: z.array(z.enum(STAFF_ROLES)) }));
export type Grant = z.output<typeof Grant>;

/** The group that carries each tier into tokens (public has none). */
export const TIER_GROUP: Record<MemberTier, GroupName> = {
  'strategy-circle': 'strategy-circle',
  'leadership-alliance': 'leadership-alliance',
};

/**
 * What the groups of a verified token grant. Any signed-in user is at least
 * Strategy Circle as far as the token goes ("unlock after joining and logging
 * in"); whether the user still is a member is the entitlement record's call.
 */
export function grantFromGroups(groups: readonly string[]): Grant {
  let tier: Tier = 'strategy-circle';
  const roles: StaffRole[] = [];
  for (const name of groups) {
    const grant = (GROUPS as Record<string, { tier?: Tier; role?: StaffRole }>)[name];
    if (!grant) continue;
    if (grant.tier && tierRank(grant.tier) > tierRank(tier)) tier = grant.tier;
    if (grant.role && !roles.includes(grant.role)) roles.push(grant.role);
  }
  return { tier, roles };
}

/** What two sources both grant: the lower tier and the roles both name. */
export function meetGrants(a: Grant, b: Grant): Grant {
  return {
    tier: tierRank(a.tier) <= tierRank(b.tier) ? a.tier : b.tier,
    roles: a.roles.filter((role) => b.roles.includes(role)),
  };
}

/** The Cognito groups that carry a grant into tokens. */
export function groupsForGrant(grant: Grant): GroupName[] {
  const roleGroups = (Object.entries(GROUPS) as [GroupName, { role?: StaffRole }][])
    .filter(([, g]) => g.role && grant.roles.includes(g.role))
    .map(([name]) => name);
  return [...(grant.tier === 'public' ? [] : [TIER_GROUP[grant.tier]]), ...roleGroups];
}

/**
 * The viewer a grant makes. Staff read every section, because editors review
 * the whole briefing before publishing.
 */
export function viewerOf(userId: string, grant: Grant): Viewer {
  const roles = [...grant.roles];
  return { userId, tier: roles.length > 0 ? 'leadership-alliance' : grant.tier, roles };
}

/** The viewer the groups of a token alone would make (no entitlement record consulted). */
export function viewerFromGroups(userId: string, groups: readonly string[]): Viewer {
  return viewerOf(userId, grantFromGroups(groups));
}

/**
 * Whether the viewer is a member now: their entitlement (token and record, see domain/entitlement.ts)
 * grants at least Strategy Circle. A revoked member, or a user with no record, is signed in but no member.
 */
export function isMember(viewer: Viewer): boolean {
  return viewer.userId !== undefined && tierRank(viewer.tier) >= tierRank('strategy-circle');
}

export function hasAnyRole(viewer: Viewer, allowed: readonly StaffRole[]): boolean {
  return viewer.roles.some((role) => role === 'admin' || allowed.includes(role));
}
