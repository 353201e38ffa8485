/**
 * Entity tags of briefings (RFC 9110 §8.8.3) and the preconditions built on
 * them. A briefing's representation depends on its version and on who reads it
 * (the sections a tier unlocks; staff see drafts), so its strong ETag names
 * both: `"v<version>-<tier>"` for readers (`public`, `strategy-circle`,
 * `leadership-alliance`) and `"v<version>-staff"` for staff.
 * Writes take the staff ETag in `If-Match`: only its version part decides.
 * Sources, which read the same for all staff, carry `"source-v<version>"`.
 */
import { createHash } from 'node:crypto';
import type { Viewer } from '#domain/access.ts';
import { HttpError } from './problem.ts';

/** Who a representation is shaped for: the part of the ETag after the version. */
export const audienceOf = (viewer: Viewer): string => (viewer.roles.length > 0 ? 'staff' : viewer.tier);

export const etagOf = (version: number, viewer: Viewer): string => `"v${version}-${audienceOf(viewer)}"`;

/** The entity tags of an `If-Match` / `If-None-Match` list; `*` stays `*`. */
function tagsOf(header: string): string[] {
  return header
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** If-None-Match (weak comparison, RFC 9110 §13.1.2): true when the caller already holds this representation. */
export function noneMatchHolds(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return tagsOf(header).some((t) => t === '*' || t.replace(/^W\//, '') === etag);
}

/**
 * If-Match on a briefing write is required: 428 without it, before anything is
 * read. `*` is refused like a missing header: it would let a blind write through.
 */
export function requireIfMatch(
  header: string | undefined,
  hint = 'send If-Match with the ETag of the briefing as you read it (GET /briefings/{briefingId} as staff)',
): string {
  if (header === undefined || header.trim() === '' || header.trim() === '*') throw new HttpError(428, hint);
  return header;
}

/** Strong comparison with the staff ETag of the current version: 412 when the caller's copy is stale (or not a staff ETag of this briefing). */
export function assertIfMatch(header: string, current: number): void {
  if (!tagsOf(header).includes(`"v${current}-staff"`)) throw staleVersion(current);
}

/** 412: the stored briefing is newer than the version the caller edited (`undefined`: it changed while the edit was saved). */
export const staleVersion = (current?: number) =>
  new HttpError(
    412,
    current === undefined
      ? 'the briefing changed while this edit was being saved: its current version is newer than the one in If-Match; read it again and reapply the edit'
      : `If-Match does not name the current version: the briefing is now at "v${current}-staff", newer than the copy that was edited; read it again and reapply the edit`,
  );

/**
 * The strong ETag of a representation no single version names (a page joining several records, a generated
 * document): a digest of its body, `"<22 base64url chars>"`, with `-<audience>` when it differs by reader.
 */
export const digestEtag = (body: string, audience?: string): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}${audience ? `-${audience}` : ''}"`;

/** The ETag of a source: `"source-v<version>"`, the same for every staff reader. */
export const sourceEtag = (version: number): string => `"source-v${version}"`;

/** 412 unless If-Match names the source's current version. */
export function assertSourceIfMatch(header: string, current: number): void {
  if (!tagsOf(header).includes(sourceEtag(current))) throw staleSource(current);
}

/** 412: the source changed since the caller read it (`undefined`: while this change was being saved). */
export const staleSource = (current?: number) =>
  new HttpError(
    412,
    current === undefined
      ? 'the source changed while this change was being saved; read it again and reapply the change'
      : `If-Match does not name the current version of the source: it is now at ${sourceEtag(current)}; read it again and reapply the change`,
  );
