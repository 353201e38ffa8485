/** What the routes of one stored source share: its path parameters and the If-Match they require. */
import * as z from 'zod/mini';

/** `/briefings/{briefingId}/sources/{sourceId}`: sources are stored under their briefing (functions/commons/table/sources.ts). */
export const SourcePath = /* @__PURE__ */ z.object({
  briefingId: z.string().check(z.minLength(1), z.maxLength(64)),
  sourceId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a source id as POST /sources returned it')),
});

/** The 428 answer when If-Match is missing. */
export const SOURCE_IF_MATCH_HINT =
  'send If-Match with the ETag of the source, "source-v<version>" (GET /briefings/{briefingId}/sources/{sourceId} answers it)';

/** Where a source is corrected, withdrawn or restored. */
export const sourcePath = (briefingId: string, sourceId: string) => `/briefings/${briefingId}/sources/${sourceId}`;
