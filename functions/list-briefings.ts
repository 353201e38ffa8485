/** GET /briefings — published briefings, newest first, filtered, one page per request. */
import * as z from 'zod';
import { BriefingInput, EntityRef, SIGNAL_TYPES } from '../domain/briefing.ts';
import { GRADES } from '../domain/scoring.ts';
import { json } from './commons/http.ts';
import { publicRoute } from './commons/public-route.ts';
import { listFeed } from './commons/table/feed.ts';

export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 20;

/** Free-text filter values (region, market class) are matched case-insensitively; control characters are refused. */
const label = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}]+$/u, 'must be printable text');

const Query = z.strictObject({
  signalType: z.enum(SIGNAL_TYPES).optional(),
  region: label.optional(),
  marketClass: label.optional(),
  entity: EntityRef.shape.entityId.optional(),
  minGrade: z.enum(GRADES).optional(),
  language: BriefingInput.shape.language.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().min(1).max(1024).optional(),
});

export const handler = publicRoute({ viewer: 'ignored', query: Query }, async ({ query, now }) => {
  const { entity, limit, cursor, ...filter } = query;
  const page = await listFeed({ ...filter, ...(entity !== undefined ? { entityId: entity } : {}) }, { limit, now, ...(cursor !== undefined ? { cursor } : {}) });
  return json(200, page, { 'cache-control': 'public, max-age=30' });
});
