/**
 * Tiers, staff roles and the Cognito groups that carry them.
 * The group names are the contract between the user pool (infra/), the local
 * emulator and the gating decision below: they are defined here only.
 */

/** Reader tiers, lowest first. */
export const TIERS = ['public', 'strategy-circle', 'leadership-alliance'] as const;
export type Tier = (typeof TIERS)[number];

export const STAFF_ROLES = ['analyst', 'editor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Cognito group → what membership of it grants. */
export const GROUPS = {
  'strategy-circle': { tier: 'strategy-circle', description: 'Strategy Circle: any registered, logged-in reader' },
  'leadership-alliance': { tier: 'leadership-alliance', description: 'Leadership Alliance: granted by an admin, with an end date' },
  analysts: { role: 'analyst', description: 'Staff: ingest sources, draft briefings' },
  editors: { role: 'editor', description: 'Staff: review, publish, retract' },
  admins: { role: 'admin', description: 'Staff: grant and revoke tiers and roles' },
} as const satisfies Record<string, { tier?: Tier; role?: StaffRole; description: string }>;
export type GroupName = keyof typeof GROUPS;
export const GROUP_NAMES = Object.keys(GROUPS) as GroupName[];

/** Who is asking: derived from verified token claims, or anonymous. */
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
 * Builds the viewer from the groups in a verified token. Any logged-in user is
 * at least Strategy Circle ("unlock after joining and logging in"); staff read
 * every section, because editors review the whole briefing before publishing.
 */
export function viewerFromGroups(userId: string, groups: readonly string[]): Viewer {
  let tier: Tier = 'strategy-circle';
  const roles: StaffRole[] = [];
  for (const name of groups) {
    const grant = (GROUPS as Record<string, { tier?: Tier; role?: StaffRole }>)[name];
    if (!grant) continue;
    if (grant.tier && tierRank(grant.tier) > tierRank(tier)) tier = grant.tier;
    if (grant.role && !roles.includes(grant.role)) roles.push(grant.role);
  }
  if (roles.length > 0) tier = 'leadership-alliance';
  return { userId, tier, roles };
}

export function hasAnyRole(viewer: Viewer, allowed: readonly StaffRole[]): boolean {
  return viewer.roles.some((role) => role === 'admin' || allowed.includes(role));
}
