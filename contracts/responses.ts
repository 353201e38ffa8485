/**
 * What the HTTP routes answer, for the OpenAPI document (tools/openapi.ts).
 * Requests are documented from the zod schemas the handlers validate with.
 * Responses are built by domain functions whose types are inferred from zod
 * schemas in domain/ (visibility.ts, briefing.ts, scoring.ts, source.ts, …):
 * this module names them as components and adds only what is the API's own,
 * never a second copy of a domain type (docs/decisions/0001-contracts.md):
 * problem bodies, envelopes (pages, lists), and per route its summary,
 * success, failures and headers. To document a new route, add its entry to
 * ROUTE_RESPONSES.
 *
 * Still declared here, until their modules infer their types from them: the
 * membership views (domain/entitlement.ts, domain/access-request.ts) and the
 * watchlist entry (functions/commons/table/watchlist.ts);
 * test/contracts/responses.test.ts holds those types to these schemas.
 */
import * as z from 'zod/mini';
import { Tier } from '#domain/access.ts';
import { AccessRequest as DomainAccessRequest, MemberAccessRequest as DomainMemberAccessRequest } from '#domain/access-request.ts';
import {
  AutoPublishRule as DomainAutoPublishRule,
  BriefingSnapshot as DomainBriefingSnapshot,
  PendingRevision as DomainPendingRevision,
  ScoreReport as DomainScoreReport,
  SourceNote as DomainSourceNote,
  VersionSummary as DomainVersionSummary,
} from '#domain/briefing.ts';
import { CompletenessIssue } from '#domain/completeness.ts';
import { PreferencesView as DomainPreferencesView } from '#domain/email.ts';
import {
  MemberAdminView as DomainAdminView,
  Entitlement as DomainEntitlement,
  EntitlementHistoryEntry as DomainHistoryEntry,
  MemberSelfView as DomainSelfView,
} from '#domain/entitlement.ts';
import { FieldIssue } from '#domain/errors.ts';
import { ConfidenceLegend as DomainConfidenceLegend } from '#domain/legend.ts';
import { Confidence as DomainConfidence, Explanation as DomainExplanation, Override } from '#domain/scoring.ts';
import { Source as DomainSource, SourceState as DomainSourceState } from '#domain/source.ts';
import { JsonFeed as DomainJsonFeed, FEEDS } from '#domain/syndication.ts';
import { UnlockOffer as DomainUnlockOffer } from '#domain/unlock.ts';
import {
  EntityView as DomainEntityView,
  LockedSection as DomainLockedSection,
  RelationshipView as DomainRelationshipView,
  SectionView as DomainSectionView,
  BriefingSummary as DomainSummary,
  BriefingView as DomainView,
  EvidenceItem,
} from '#domain/visibility.ts';
import { AlertView as DomainAlertView, WatchEntry as DomainWatchEntry } from '#domain/watchlist.ts';
import { WebhookView as DomainWebhookView, WebhookWithSecret as DomainWebhookWithSecret } from '#domain/webhooks.ts';

/** Named response components: the id is the name under `#/components/schemas`. */
export const responseSchemas = z.registry<{ id: string }>();
const named = <S extends z.ZodMiniType>(id: string, schema: S): S => {
  responseSchemas.add(schema, { id });
  return schema;
};

// ---- problem+json (functions/commons/problem.ts) ----------------------------------------------

export const Problem = named(
  'Problem',
  z
    .object({
      type: z.string().check(z.describe('`about:blank`: the status code says what happened')),
      title: z.string().check(z.describe("The status code's name")),
      status: z.number().check(z.int(), z.minimum(400), z.maximum(599)),
      detail: z.string().check(z.describe('What went wrong, for a person to read')),
    })
    .check(z.describe('An RFC 9457 problem (`application/problem+json`).')),
);

export const ValidationProblem = named(
  'ValidationProblem',
  z
    .extend(Problem, { errors: z.array(FieldIssue).check(z.describe('Each failing field')) })
    .check(z.describe('A 400: the request is invalid; nothing was written.')),
);

const completenessFields = {
  problems: z.array(z.string()).check(z.describe('What still blocks publishing, one line per issue (`<pointer>: <detail>`)')),
  issues: z.array(CompletenessIssue).check(z.describe('What still blocks publishing, per field')),
};

export const IncompleteProblem = named(
  'IncompleteProblem',
  z.extend(Problem, completenessFields).check(z.describe('A 422: the briefing is not complete.')),
);

const SourceState = named('SourceState', DomainSourceState);

export const DuplicateSourceProblem = named(
  'DuplicateSourceProblem',
  z
    .extend(Problem, {
      sourceId: z.string().check(z.describe('The stored source with the same canonical URL')),
      canonicalUrl: z.string(),
      state: z.optional(SourceState).check(z.describe('Set when the stored source was withdrawn or retracted by its publisher')),
      restore: z
        .optional(z.object({ method: z.literal('PATCH'), href: z.string(), ifMatch: z.string(), body: z.object({ state: z.literal('active') }) }))
        .check(z.describe('With `state`: the request that restores the stored source (add a `reason` to the body)')),
    })
    .check(z.describe('A 409: this briefing already has a source with the same canonical URL (possibly withdrawn: see `state`).')),
);

export const GatewayMessage = named(
  'GatewayMessage',
  z.object({ message: z.string() }).check(z.describe("API Gateway's own answer (its JWT authorizer, its limits); the function is not called.")),
);

// ---- briefings (domain/visibility.ts, domain/briefing.ts, domain/source.ts) --------------------

export const SourceNote = named('SourceNote', DomainSourceNote);

export const Confidence = named('Confidence', DomainConfidence);

export const UnlockOffer = named('UnlockOffer', DomainUnlockOffer);

export const LockedSection = named('LockedSection', DomainLockedSection);

export const SectionView = named('SectionView', DomainSectionView);

export const AutoPublishRule = named('AutoPublishRule', DomainAutoPublishRule);

export const PendingRevision = named('PendingRevision', DomainPendingRevision);

export const BriefingView = named('BriefingView', DomainView);

export const CreatedBriefing = named(
  'CreatedBriefing',
  // A new object over the same fields: extending BriefingView would carry its description along.
  z.object({ ...DomainView.shape, completeness: z.object({ complete: z.boolean(), ...completenessFields }) }),
);

export const BriefingSummary = named('BriefingSummary', DomainSummary);

export const BriefingPage = named(
  'BriefingPage',
  z.object({
    items: z.array(BriefingSummary),
    nextCursor: z.optional(z.string()).check(z.describe('Send as `cursor` for the next page; absent on the last page')),
  }),
);

export const Source = named('Source', DomainSource);

export const JsonFeed = named('JsonFeed', DomainJsonFeed);

// ---- the score and its explanation (domain/scoring.ts), for staff --------------------------------

export const ScoreExplanation = named('ScoreExplanation', DomainExplanation);

export const ScoreOverrideAccepted = named(
  'ScoreOverrideAccepted',
  z
    .object({
      briefingId: z.string(),
      version: z.number().check(z.int(), z.minimum(1)),
      override: z.optional(Override).check(z.describe('The override as stored (absent once lifted)')),
    })
    .check(z.describe("An analyst's override accepted: the score follows through Briefing Edited and Briefing Scored.")),
);

export const ScoreReport = named('ScoreReport', DomainScoreReport);

export const VersionSummary = named('VersionSummary', DomainVersionSummary);

export const VersionHistory = named(
  'VersionHistory',
  z.object({
    briefingId: z.string(),
    versions: z.array(VersionSummary).check(z.describe('Newest first, at most 100; rescoring alone leaves no entry, so versions may skip numbers')),
  }),
);

export const BriefingSnapshot = named('BriefingSnapshot', DomainBriefingSnapshot);

// ---- membership (domain/entitlement.ts, domain/access-request.ts) ----

export const MemberSelfView = named('MemberSelfView', DomainSelfView);
export const Entitlement = named('Entitlement', DomainEntitlement);
export const EntitlementHistoryEntry = named('EntitlementHistoryEntry', DomainHistoryEntry);
export const MemberAdminView = named('MemberAdminView', DomainAdminView);
export const MemberAccessRequest = named('MemberAccessRequest', DomainMemberAccessRequest);

export const MemberAccessRequests = named(
  'MemberAccessRequests',
  z.object({ items: z.array(MemberAccessRequest).check(z.describe('Newest first, at most 20; at most one is `open`')) }),
);

export const AccessRequest = named('AccessRequest', DomainAccessRequest);

export const AccessRequestPage = named(
  'AccessRequestPage',
  z.object({
    items: z.array(AccessRequest),
    nextCursor: z.optional(z.string()).check(z.describe('Send as `cursor` (with the same `status`) for the next page; absent on the last page')),
  }),
);

export const MemberWithHistory = named(
  'MemberWithHistory',
  z.object({
    ...DomainAdminView.shape,
    history: z.array(EntitlementHistoryEntry).check(z.describe('Newest first, bounded')),
    accessRequests: z.array(AccessRequest).check(z.describe("The member's requests for a tier, newest first, at most 20")),
  }),
);

// ---- the confidence legend (domain/legend.ts) ----------------------------------------------------

export const ConfidenceLegend = named('ConfidenceLegend', DomainConfidenceLegend);

// ---- entities, watchlists and alerts (domain/entity.ts, domain/watchlist.ts) ---------------------

export const Evidence = named('Evidence', EvidenceItem);

export const RelationshipView = named('RelationshipView', DomainRelationshipView);

export const EntityView = named('EntityView', DomainEntityView);

export const EntityPage = named(
  'EntityPage',
  z.object({
    ...DomainEntityView.shape,
    recentBriefings: z.array(BriefingSummary).check(z.describe('Its latest published briefings, newest first (at most 10)')),
  }),
);

export const WatchEntry = named('WatchEntry', DomainWatchEntry);

export const Watchlist = named(
  'Watchlist',
  z.object({ items: z.array(WatchEntry), limit: z.number().check(z.int(), z.describe('The most entities a watchlist holds')) }),
);

export const AlertPage = named('AlertPage', z.object({ viewerTier: Tier, items: z.array(DomainAlertView) }));

// ---- email digests (domain/email.ts, docs/email.md) ---------------------------------------------

export const EmailPreferences = named('EmailPreferences', DomainPreferencesView);
export const Unsubscribed = named(
  'Unsubscribed',
  z
    .object({ unsubscribed: z.literal(true), delivery: z.literal('off') })
    .check(z.describe("The member's email is off; the same answer whether or not they had chosen any.")),
);

// ---- partners' webhooks (domain/webhooks.ts, docs/webhooks.md) ------------------------------------

export const Webhook = named('Webhook', DomainWebhookView);
export const WebhookWithSecret = named('WebhookWithSecret', DomainWebhookWithSecret);
export const WebhookList = named('WebhookList', z.object({ items: z.array(Webhook) }));

// ---- per route -------------------------------------------------------------------------------

export interface ResponseDoc {
  description: string;
  schema: z.ZodMiniType;
  /**
   * When the body is not only `application/json`: every media type it may be in, each with the registered
   * schema of its JSON or `'text'` for a document the description explains (XML). Replaces `application/json`.
   */
  mediaTypes?: Record<string, z.ZodMiniType | 'text'>;
  headers?: Record<string, { description: string; schema?: { type: 'string'; format?: string } }>;
}

/**
 * What a route answers beyond what the generator derives from its spec (400
 * for invalid input, 401, 403 for roles, 413/415 for bodies): its success and
 * its own failures.
 */
export interface RouteResponses {
  summary: string;
  description?: string;
  success: { status: 200 | 201 | 202 | 204 } & ResponseDoc;
  failures?: Partial<Record<400 | 404 | 409 | 412 | 422 | 428, { description: string; schema?: z.ZodMiniType }>>;
  /** Request headers the route reads (conditional requests). */
  requestHeaders?: Record<string, { description: string; required?: boolean }>;
  /** A 304 Not Modified the route may answer (If-None-Match), with its headers. */
  notModified?: Pick<ResponseDoc, 'description' | 'headers'>;
}

const location = {
  location: { description: 'Where the created resource can be read', schema: { type: 'string' as const, format: 'uri-reference' } },
};
const cacheControl = (value: string) => ({ 'cache-control': { description: value } });
const etag = (what: string) => ({ etag: { description: `A strong validator, \`"v<version>-<audience>"\`: ${what}` } });
const BRIEFING_ETAG = 'the audience is `public`, `strategy-circle` or `leadership-alliance` for readers, `staff` for staff';

/** The email capability's routes (docs/email.md), in ROUTE_RESPONSES. */
const EMAIL_ROUTES: Record<string, RouteResponses> = {
  'GET /me/preferences': {
    summary: 'Read my email preference',
    description: 'Instant, daily or no emails of my alerts, their language, the address they go to, and whether it is suppressed (docs/email.md).',
    success: { status: 200, description: 'The preference.', schema: EmailPreferences, headers: cacheControl('`private, no-store`') },
    failures: { 404: { description: 'No preference yet: nothing is emailed until one is set with PUT.' } },
  },
  'PUT /me/preferences': {
    summary: 'Choose instant or daily emails of my alerts, or none',
    description:
      "`instant`: an email per alert as it is written; `daily`: one digest a day (07:00 UTC) of the last 24 hours' alerts; `off`: none. " +
      "Each email is shaped for the member's tier when it is sent. The address is the account's verified one (never the body's); " +
      'the language is `language` when given, else Accept-Language, else English (`en`, `zh`, `zh-Hant`). Setting a preference again ' +
      'after the unsubscribe link turned email off turns it back on.',
    success: { status: 200, description: 'The stored preference.', schema: EmailPreferences, headers: cacheControl('`private, no-store`') },
    failures: { 400: { description: 'An unknown delivery or language, an unknown field, or an account without a verified address (`#/delivery`).' } },
    requestHeaders: { 'accept-language': { description: 'The language of the emails when the body names none.' } },
  },
  'GET /unsubscribe': {
    summary: 'The unsubscribe page of an email link',
    description:
      'What the link in every email opens, without a login: a page with one button that POSTs the same URL. A GET changes nothing ' +
      '(mail scanners fetch links).',
    success: {
      status: 200,
      description: 'An HTML page.',
      schema: Unsubscribed,
      mediaTypes: { 'text/html; charset=utf-8': 'text' },
      headers: cacheControl('`no-store`'),
    },
    failures: { 400: { description: 'A token this service did not sign, or an altered one (`query:token`).' } },
  },
  'POST /unsubscribe': {
    summary: 'Unsubscribe with the signed link (one click, no login)',
    description:
      "Turns the member's email off at once: RFC 8058 one-click unsubscribe (`List-Unsubscribe-Post: List-Unsubscribe=One-Click`, " +
      'whose form body is not read) or the button of the GET page. Idempotent; the answer is the same for every valid token.',
    success: { status: 200, description: 'Email is off.', schema: Unsubscribed, headers: cacheControl('`no-store`') },
    failures: { 400: { description: 'A token this service did not sign, or an altered one (`query:token`).' } },
  },
};

/** Keyed by API Gateway route key (`METHOD /path`), as in functions/manifest.ts ROUTES. */
export const ROUTE_RESPONSES: Record<string, RouteResponses> = {
  'POST /briefings': {
    summary: 'Create a draft briefing',
    description:
      'An analyst creates a draft with the sections of the brief and, optionally, `translations` (language tag → the same sections). ' +
      'Status, score and dates are never accepted from clients. An `autoPublish` rule is a proposal until an editor approves it ' +
      "(PATCH); below the publisher's floor (`AUTO_PUBLISH_FLOOR`, `B/C` unless configured) it is refused (`#/autoPublish/minGrade`).",
    success: {
      status: 201,
      description: 'The draft, as its author sees it, with `completeness`: what still blocks publishing.',
      schema: CreatedBriefing,
      headers: location,
    },
  },
  'GET /briefings': {
    summary: 'List published briefings',
    description: 'Published briefings, newest first, one page per request. The same for every caller.',
    success: { status: 200, description: 'A page of the feed.', schema: BriefingPage, headers: cacheControl('`public, max-age=30`') },
    failures: {
      400: {
        description:
          'A limit out of range, an unknown parameter, a cursor this API did not issue, or an entity readers do not know (none, or only a draft names it).',
      },
    },
  },
  'GET /briefings/{briefingId}': {
    summary: 'Read a briefing',
    description:
      "The briefing shaped for the caller's tier: sections above it are locked markers (`locked: true`, `unlockTier`), never content. " +
      'Without a token the caller reads as the public. The language is `?lang=` when the briefing has it, else the best match of ' +
      'Accept-Language (q-values, `zh-CN` matches `zh`, `*` is the original), else the original language.',
    success: {
      status: 200,
      description: "The briefing, shaped for the caller's tier.",
      schema: BriefingView,
      headers: {
        ...cacheControl('`public, max-age=60` for anonymous callers, `private, no-store` for signed-in ones'),
        ...etag(`${BRIEFING_ETAG}; a translation adds \`-<language>\` (If-Match takes the original's)`),
        'content-language': { description: 'The language served' },
        vary: { description: '`authorization, accept-language`: the representation depends on the token and the language asked for' },
      },
    },
    failures: {
      400: { description: 'A malformed `lang` (`query:lang`); a well-formed one the briefing lacks serves the original.' },
      404: { description: 'No such briefing, or a draft or retracted briefing and the caller is not staff.' },
    },
    requestHeaders: {
      'if-none-match': { description: 'An ETag from an earlier read: when it is still current for this caller, the answer is 304 with no body.' },
      'accept-language': { description: 'Preferred languages (RFC 9110), used when `lang` is not sent.' },
    },
    notModified: {
      description: 'The ETag in If-None-Match is current: no body.',
      headers: { ...cacheControl('As for 200'), ...etag(BRIEFING_ETAG) },
    },
  },
  'GET /feeds/{feed}': {
    summary: 'Read the feed as RSS, Atom or JSON Feed',
    description:
      'The newest page of published briefings (`limit`, default 20), with the filters of GET /briefings, as RSS 2.0 ' +
      '(`briefings.rss`), Atom 1.0 (`briefings.atom`) or JSON Feed 1.1 (`briefings.json`), for feed readers. Public fields only, ' +
      'the same for every caller: a token is not read, so a member gets the public feed too. Each item links to the briefing ' +
      '(GET /briefings/{briefingId}, `?lang=` when its title is a translation), where their tier unlocks the rest, and carries the ' +
      'confidence grade and label as categories (RSS, Atom; scheme `…/confidence/legend#grade`, `#label`, `#mark`), as tags and in ' +
      '`_signal_briefings` (JSON Feed), and in words in its HTML summary.',
    success: {
      status: 200,
      description: 'The feed, in the format the path names.',
      schema: JsonFeed,
      mediaTypes: {
        [FEEDS['briefings.rss'].mediaType]: 'text',
        [FEEDS['briefings.atom'].mediaType]: 'text',
        [FEEDS['briefings.json'].mediaType]: JsonFeed,
      },
      headers: {
        ...cacheControl('`public, max-age=60`'),
        etag: { description: 'A strong validator: a digest of the document' },
      },
    },
    failures: {
      400: { description: 'As GET /briefings: a limit out of range, an unknown parameter, or an entity readers do not know. No `cursor`.' },
      404: { description: 'No such feed: the feeds are `briefings.rss`, `briefings.atom` and `briefings.json`.' },
    },
    requestHeaders: {
      'if-none-match': { description: 'An ETag from an earlier read: when the feed is unchanged, the answer is 304 with no body.' },
    },
    notModified: {
      description: 'The ETag in If-None-Match is current: no body.',
      headers: { ...cacheControl('As for 200'), etag: { description: 'As for 200' } },
    },
  },
  'PATCH /briefings/{briefingId}': {
    summary: 'Edit a briefing',
    description:
      'Staff edit written sections (each replaced whole), translations (each replaced whole; `null` removes one; the original ' +
      'language is refused, `#/translations/<lang>`), entities, related briefings or the auto-publish rule (`null` removes it), ' +
      'conditional on the version they read: send its staff ETag in If-Match. The edit is announced as Briefing Edited (`editedBy`) and ' +
      'the score follows through the normal events (Briefing Scored) when content gaps or the event date move it. ' +
      "An analyst's edit of a published briefing becomes its pending revision (`pendingRevision`; Briefing Edited with `pendingReview`): " +
      "readers keep the published content until an editor publishes it (POST /briefings/{briefingId}/publish). An editor's own edit " +
      'of a published briefing goes live as a new version and announces Briefing Published (`approvedBy`), unless a revision is pending, ' +
      "which it then extends. An analyst's `autoPublish` is a proposal (`proposedBy`); an editor's approves it (`approvedBy`); an " +
      "analyst's later content edit of the draft sends an approved rule back to proposed; below the publisher's floor it is refused.",
    success: {
      status: 200,
      description: 'The edited briefing, as staff see it (with `pendingRevision` when the edit waits for an editor).',
      schema: BriefingView,
      headers: { ...etag('the new version, `"v<version>-staff"`; send it in If-Match to edit again'), ...cacheControl('`private, no-store`') },
    },
    failures: {
      404: { description: 'No such briefing.' },
      409: { description: 'The briefing was retracted: it cannot be edited.' },
      412: {
        description: 'If-Match does not name the current version: the briefing changed since it was read (or changed concurrently). Read it again.',
      },
      422: { description: 'The edit would leave a published briefing incomplete; `problems` says what.', schema: IncompleteProblem },
      428: { description: 'No If-Match (or `*`): edits must name the version they were made on.' },
    },
    requestHeaders: {
      'if-match': { required: true, description: 'The ETag of the briefing as staff read it, `"v<version>-staff"`.' },
    },
  },
  'PUT /briefings/{briefingId}/score/override': {
    summary: "Assess the score in place of the model (analyst's override)",
    description:
      'An analyst or editor sets the score, the grade, or both, with a mandatory reason, on the version they read (If-Match). A grade ' +
      "alone keeps the model's score brought into the grade's band; a score alone takes its band's grade. The override is stored with " +
      'who, when, why and the evidence it rests on, recorded in the version history (`assessed`) and announced as Briefing Edited; ' +
      'scoring applies it, readers see `confidence.analystAssessed`, and any later change to the evidence lifts it unless it is set again.',
    success: {
      status: 202,
      description: 'The override as stored; the score follows through Briefing Scored.',
      schema: ScoreOverrideAccepted,
      headers: { ...etag('the new version, `"v<version>-staff"`') },
    },
    failures: {
      404: { description: 'No such briefing.' },
      409: { description: 'The briefing was retracted.' },
      412: { description: 'If-Match does not name the current version.' },
      428: { description: 'No If-Match (or `*`).' },
    },
    requestHeaders: { 'if-match': { required: true, description: 'The ETag of the briefing as staff read it, `"v<version>-staff"`.' } },
  },
  'DELETE /briefings/{briefingId}/score/override': {
    summary: "Lift an analyst's override",
    description:
      "An analyst or editor lifts the override on the version they read (If-Match); the model's score returns through Briefing Edited " +
      'and Briefing Scored. Recorded in the version history (`unassessed`).',
    success: {
      status: 202,
      description: 'Lifted; the score follows through Briefing Scored.',
      schema: ScoreOverrideAccepted,
      headers: { ...etag('the new version, `"v<version>-staff"`') },
    },
    failures: {
      404: { description: 'No such briefing, or no override stands on it.' },
      412: { description: 'If-Match does not name the current version.' },
      428: { description: 'No If-Match (or `*`).' },
    },
    requestHeaders: { 'if-match': { required: true, description: 'The ETag of the briefing as staff read it, `"v<version>-staff"`.' } },
  },
  'POST /briefings/{briefingId}/publish': {
    summary: 'Publish a briefing',
    description:
      'An editor publishes a complete draft, or the pending revision of a published briefing (its content replaces the published one as ' +
      'a new version); readers see it at once and Briefing Published is announced with `approvedBy` (the editor) and, for a revision, ' +
      '`proposedBy` (its author).',
    success: { status: 200, description: 'The published briefing.', schema: BriefingView },
    failures: {
      404: { description: 'No such briefing.' },
      409: { description: 'Already published with no revision pending, or retracted, or changed by someone else meanwhile (retry).' },
      422: { description: 'The draft (or the revision) is incomplete; `problems` says what is missing.', schema: IncompleteProblem },
    },
  },
  'POST /briefings/{briefingId}/retract': {
    summary: 'Retract a briefing',
    description:
      'An editor retracts a published briefing with a reason (for staff only). It leaves the feed and readers get 404 for it; staff still ' +
      'read it, with status `retracted`. Briefing Retracted is announced (without the reason). A retracted briefing is not edited or published again.',
    success: {
      status: 200,
      description: 'The retracted briefing, as staff see it.',
      schema: BriefingView,
      headers: cacheControl('`private, no-store`'),
    },
    failures: {
      404: { description: 'No such briefing.' },
      409: { description: 'Not published (a draft, or already retracted), or changed by someone else meanwhile (retry).' },
    },
  },
  'POST /sources': {
    summary: 'Add a source to a briefing',
    description:
      'An analyst adds evidence to a briefing; the briefing is re-scored asynchronously (Source Ingested → score-briefing). ' +
      'A source is stored once per canonical URL and briefing.',
    success: {
      status: 201,
      description: 'The stored source.',
      schema: Source,
      headers: {
        location: {
          description: 'The briefing the source was added to, `/briefings/{briefingId}`',
          schema: { type: 'string', format: 'uri-reference' },
        },
        etag: { description: '`"source-v1"`: send it in If-Match to correct or withdraw the source' },
      },
    },
    failures: {
      400: { description: 'Invalid input, or the briefing does not exist (`#/briefingId`).' },
      409: {
        description:
          'The same canonical URL is already stored for the briefing; if it was withdrawn, `state` says so and `restore` how to count it again.',
        schema: DuplicateSourceProblem,
      },
    },
  },
  'GET /briefings/{briefingId}/sources/{sourceId}': {
    summary: 'Read a source',
    description: 'Staff read a stored source (active, withdrawn or retracted by its publisher) with its state and history.',
    success: {
      status: 200,
      description: 'The source.',
      schema: Source,
      headers: {
        etag: { description: '`"source-v<version>"`: send it in If-Match to correct or withdraw the source' },
        ...cacheControl('`private, no-store`'),
      },
    },
    failures: { 404: { description: 'No such source in this briefing.' } },
  },
  'PATCH /briefings/{briefingId}/sources/{sourceId}': {
    summary: 'Correct a source, or change its state',
    description:
      'An analyst or editor corrects a stored source (kind, stance, publisher, title, publishedAt, language, reliability, credibility, ' +
      'credits, sourcing, note; `null` unsets an optional field) or changes its state: `"retracted-by-publisher"` when the publisher retracted the article, ' +
      '`"active"` to restore a withdrawn or retracted source. Never both in one request, always with a `reason`; the URL cannot be ' +
      'corrected (withdraw the source and ingest the right URL). Each change is kept in the source history (who, when, why, what) and ' +
      'announced as Source Updated, which re-scores the briefing. A correction that changes nothing writes nothing.',
    success: {
      status: 200,
      description: 'The source as the change left it, with its state and history.',
      schema: Source,
      headers: {
        etag: { description: 'The new version, `"source-v<version>"`: send it in If-Match for the next change' },
        ...cacheControl('`private, no-store`'),
      },
    },
    failures: {
      404: { description: 'No such source in this briefing.' },
      409: {
        description:
          'The state change does not apply (restoring an active source; retracting one that is withdrawn or already retracted), or the source is withdrawn: restore it before correcting it.',
      },
      412: { description: 'If-Match does not name the current version of the source: it changed since it was read.' },
      428: { description: 'No If-Match (or `*`).' },
    },
    requestHeaders: { 'if-match': { required: true, description: 'The ETag of the source, `"source-v<version>"`.' } },
  },
  'DELETE /briefings/{briefingId}/sources/{sourceId}': {
    summary: 'Withdraw a source',
    description:
      'An analyst or editor withdraws a source entered by mistake, with a `reason` in the body. Withdrawn is not erased: the source stays ' +
      'stored, with who withdrew it, when and why, and is listed (as withdrawn, weighing nothing) in the score report; it no longer counts. ' +
      'Source Updated re-scores the briefing. A POST of the same URL answers 409 naming the withdrawal; PATCH with `state: "active"` restores it.',
    success: {
      status: 200,
      description: 'The withdrawn source, with its state and history.',
      schema: Source,
      headers: { etag: { description: 'The new version, `"source-v<version>"`' }, ...cacheControl('`private, no-store`') },
    },
    failures: {
      404: { description: 'No such source in this briefing.' },
      409: { description: 'The source is already withdrawn.' },
      412: { description: 'If-Match does not name the current version of the source: it changed since it was read.' },
      428: { description: 'No If-Match (or `*`).' },
    },
    requestHeaders: { 'if-match': { required: true, description: 'The ETag of the source, `"source-v<version>"`.' } },
  },
  'GET /briefings/{briefingId}/score': {
    summary: "Read a briefing's score and its explanation",
    description: 'Staff read the confidence of a briefing (draft, published or retracted) with how each source was weighed.',
    success: {
      status: 200,
      description: 'The score, its explanation and the source notes.',
      schema: ScoreReport,
      headers: cacheControl('`private, no-store`'),
    },
    failures: { 404: { description: 'No such briefing.' } },
  },
  'GET /briefings/{briefingId}/versions': {
    summary: "Read a briefing's version history",
    description:
      'Staff read one line per editorial action (created, edited, proposed, published, retracted, assessed, unassessed), newest first. ' +
      'Rescoring alone adds no line.',
    success: { status: 200, description: 'The history.', schema: VersionHistory, headers: cacheControl('`private, no-store`') },
    failures: { 404: { description: 'No such briefing.' } },
  },
  'GET /briefings/{briefingId}/versions/{version}': {
    summary: 'Read one version of a briefing',
    description: 'Staff read the written content, entities, status and confidence of a briefing as one editorial action left it.',
    success: { status: 200, description: 'The snapshot.', schema: BriefingSnapshot, headers: cacheControl('`private, no-store`') },
    failures: {
      400: { description: 'The version is not a positive integer (`path:version`).' },
      404: { description: 'No such briefing, or no snapshot of that version (rescoring alone leaves none).' },
    },
  },
  'GET /me': {
    summary: 'Read my membership',
    description: "The caller's tier and roles as the API grants them now (the entitlement record bounds what the token says), and until when.",
    success: { status: 200, description: 'What the API grants the caller.', schema: MemberSelfView, headers: cacheControl('`private, no-store`') },
  },
  'GET /members/{userId}/entitlement': {
    summary: "Read a member's entitlement",
    description:
      "An admin reads a member's entitlement record, its status, what it grants now, its history (requests for a tier and their decisions included) and the member's requests with their reasons.",
    success: {
      status: 200,
      description: 'The entitlement and its history.',
      schema: MemberWithHistory,
      headers: cacheControl('`private, no-store`'),
    },
    failures: { 404: { description: 'No entitlement was ever recorded for this member.' } },
  },
  'PUT /members/{userId}/entitlement': {
    summary: 'Grant a member a tier or roles',
    description:
      'An admin grants (or changes) a tier (Leadership Alliance with an end date) and staff roles. Repeating the same grant changes nothing. ' +
      'The new groups reach the member with their next token; Entitlement Changed is announced.',
    success: {
      status: 200,
      description: 'The entitlement as the grant left it.',
      schema: MemberAdminView,
      headers: cacheControl('`private, no-store`'),
    },
    failures: {
      400: { description: 'Invalid input; Leadership Alliance without an end date, or an end date in the past.' },
      404: { description: 'No entitlement record for this user: members have one once they confirm their sign-up.' },
      409: { description: 'An admin tried to remove their own admin role, or the record changed meanwhile (retry).' },
    },
  },
  'DELETE /members/{userId}/entitlement': {
    summary: "Revoke a member's entitlement",
    description:
      "An admin revokes a member's entitlement, with a reason. Gated reads stop within the entitlement cache window (at most 60 s) " +
      'even with a still-valid token; the member is signed out everywhere. Revoking again changes nothing.',
    success: { status: 200, description: 'The revoked entitlement.', schema: MemberAdminView, headers: cacheControl('`private, no-store`') },
    failures: {
      404: { description: 'The member has no entitlement to revoke.' },
      409: { description: 'An admin tried to revoke their own entitlement, or the record changed meanwhile (retry).' },
    },
  },
  'POST /me/access-requests': {
    summary: 'Ask for Leadership Alliance',
    description:
      'A member (Strategy Circle, or a Leadership Alliance that ended) asks for Leadership Alliance with a `reason`, which only they and admins ' +
      'read (no event carries it). One open request at a time; the same request again (same reason) answers the open one with 200 and writes ' +
      "nothing. Announced as Access Requested; the step is an entry of the member's entitlement history (`access-requested`). Lock screens " +
      'point here (`unlock.action.href`) when the deployment names no request-access page.',
    success: {
      status: 201,
      description: 'The open request (200 when it was already open).',
      schema: MemberAccessRequest,
      headers: cacheControl('`private, no-store`'),
    },
    failures: {
      409: {
        description:
          'An open request with another reason is waiting for its decision, the caller already reads every Leadership Alliance section (a member of it, or staff), ' +
          "or the caller's record changed meanwhile (retry).",
      },
    },
  },
  'GET /me/access-requests': {
    summary: 'List my requests for a tier',
    description:
      "The caller's own requests, newest first (at most 20), with their decisions: `validUntil` when approved, `declineReason` when declined. Any signed-in user.",
    success: { status: 200, description: "The caller's requests.", schema: MemberAccessRequests, headers: cacheControl('`private, no-store`') },
  },
  'GET /access-requests': {
    summary: "List members' requests for a tier",
    description:
      'Admins page through requests by `status`: `open` (the default) oldest first, the queue to decide; `approved` and `declined` newest ' +
      "decision first. `limit` 1-50 (default 20); `nextCursor` continues the same status. Each carries the member's reason.",
    success: { status: 200, description: 'One page of requests.', schema: AccessRequestPage, headers: cacheControl('`private, no-store`') },
    failures: { 400: { description: 'An unknown status or parameter, a limit out of range, or a cursor this list did not give (`query:cursor`).' } },
  },
  'POST /members/{userId}/access-requests/{requestId}/decision': {
    summary: "Decide a member's request",
    description:
      '`{ "outcome": "approve", "validUntil": … }` grants Leadership Alliance until then, exactly as PUT /members/{userId}/entitlement does ' +
      '(Entitlement Changed, group sync), keeping the member\'s roles; `{ "outcome": "decline", "reason": … }` declines, the reason written to ' +
      "the member. Either is announced as Access Decided (no reason text) and recorded in the member's entitlement history, in the same " +
      'transaction as the request. The same decision again answers the decided request and writes nothing.',
    success: { status: 200, description: 'The decided request.', schema: AccessRequest, headers: cacheControl('`private, no-store`') },
    failures: {
      400: { description: 'Invalid input: no `validUntil` to approve, or one in the past; no `reason` to decline.' },
      404: { description: 'No such request for this member.' },
      409: {
        description: "Already decided otherwise; approving a member whose entitlement is revoked; or the member's record changed meanwhile (retry).",
      },
    },
  },
  'GET /entities/{entityId}': {
    summary: 'Read an entity',
    description:
      "An entity's profile (names by language, kind, why it is covered), its relationships in both directions and its recent briefings. " +
      'Relationship evidence is a locked marker below Leadership Alliance. Without a token the caller reads as the public.',
    success: {
      status: 200,
      description: "The entity page, shaped for the caller's tier.",
      schema: EntityPage,
      headers: {
        ...cacheControl('`public, max-age=60` for anonymous callers, `private, no-store` for signed-in ones'),
        etag: { description: 'A strong validator: a digest of the page and the audience it was shaped for' },
        vary: {
          description: '`authorization, accept-language`: the representation depends on the token, and its lock screens on the language asked for',
        },
      },
    },
    failures: {
      404: {
        description:
          'No such entity, or none readers may know of yet: an entity becomes public once a published briefing names it or an editor ' +
          'publishes its profile; until then the answer is the same as for an id nobody used (staff see it).',
      },
    },
    requestHeaders: {
      'if-none-match': { description: 'An ETag from an earlier read: when the page is unchanged for this caller, the answer is 304 with no body.' },
      'accept-language': { description: 'Preferred languages (RFC 9110): the language of the lock screens (`unlock`), English when none is served.' },
    },
    notModified: {
      description: 'The ETag in If-None-Match is current: no body.',
      headers: { ...cacheControl('As for 200'), etag: { description: 'As for 200' } },
    },
  },
  'PUT /entities/{entityId}': {
    summary: "Write an entity's profile and relationships",
    description:
      'An analyst or editor writes the whole profile and every relationship the entity states, in one transaction: relationships no longer ' +
      'listed are removed, and each is mirrored on its target, so both pages show it. `publish: true` (editors only: an analyst sending it gets 403) makes the profile ' +
      'public; without it the profile stays as visible as it was (a new one is known to staff only until a published briefing names it).',
    success: {
      status: 200,
      description: 'The entity as staff see it (without recent briefings).',
      schema: EntityView,
      headers: cacheControl('`private, no-store`'),
    },
    failures: {
      400: { description: 'Invalid input; a relationship to an unknown entity, to itself or listed twice (`#/relationships/<i>/target`).' },
      409: { description: 'The profile kept changing under concurrent writes (retry).' },
    },
  },
  'GET /me/watchlist': {
    summary: 'List the entities I follow',
    success: { status: 200, description: 'The watchlist, by entity id.', schema: Watchlist, headers: cacheControl('`private, no-store`') },
  },
  'PUT /me/watchlist/{entityId}': {
    summary: 'Follow an entity',
    description: 'Idempotent: following an entity again answers 200 with the entry as first stored. New briefings naming it raise alerts.',
    success: { status: 200, description: 'The watchlist entry.', schema: WatchEntry, headers: cacheControl('`private, no-store`') },
    failures: {
      404: { description: 'No such entity, or one not public yet (as for an id nobody used).' },
      409: { description: 'The watchlist is full (200 entities): unfollow one first.' },
    },
  },
  'DELETE /me/watchlist/{entityId}': {
    summary: 'Stop following an entity',
    description: 'Idempotent: 204 whether or not the caller followed it.',
    // A 204 has no body; the generator still names a registered schema, which it leaves out of the document.
    success: { status: 204, description: 'Not followed (any more).', schema: WatchEntry },
  },
  'GET /confidence/legend': {
    summary: 'Read the confidence legend',
    description:
      'The six confidence bands (range, grade, label) and what "Disputed" and "Analyst-assessed" mean, in every language served, ' +
      "from the scorer's own definitions: what a client needs to draw the confidence table. The same for every caller (no token is read).",
    success: {
      status: 200,
      description: 'The legend.',
      schema: ConfidenceLegend,
      headers: {
        ...cacheControl('`public, max-age=86400`: it changes only with a deploy'),
        etag: { description: 'A strong validator: a digest of the legend' },
      },
    },
    failures: { 400: { description: 'Any query parameter (the route takes none).' } },
    requestHeaders: {
      'if-none-match': { description: 'An ETag from an earlier read: when the legend is unchanged, the answer is 304 with no body.' },
    },
    notModified: {
      description: 'The ETag in If-None-Match is current: no body.',
      headers: { ...cacheControl('As for 200'), etag: { description: 'As for 200' } },
    },
  },
  'GET /me/alerts': {
    summary: 'Read my alerts',
    description:
      "Briefings published about entities the caller follows, newest first (at most 50, no cursor; alerts expire after 90 days). Each carries the public summary and which sections the caller's tier unlocks now.",
    success: { status: 200, description: 'The latest alerts.', schema: AlertPage, headers: cacheControl('`private, no-store`') },
    failures: { 400: { description: 'A limit out of range or an unknown parameter.' } },
    requestHeaders: {
      'accept-language': { description: "Preferred languages (RFC 9110): the language of the lock screens (`unlock`), else each briefing's own." },
    },
  },
  ...EMAIL_ROUTES,
  'POST /webhooks': {
    summary: "Register a partner's webhook",
    description:
      'An admin registers an endpoint (https) with the tier its deliveries are shaped for and a filter (entities, signal types, regions, ' +
      'lowest grade, events). Its delivery path (an EventBridge connection, API destination and rule) is made now. The answer holds the ' +
      'signing secret, shown this once: deliveries carry `Signal-Signature: v1=<hex HMAC-SHA256 of "<Signal-Timestamp>.<body>">` (docs/webhooks.md).',
    success: {
      status: 201,
      description: 'The webhook and its signing secret.',
      schema: WebhookWithSecret,
      headers: { ...location, ...cacheControl('`no-store`') },
    },
    failures: { 400: { description: 'Invalid input, or a URL that cannot receive deliveries (`#/url`: https required).' } },
  },
  'GET /webhooks': {
    summary: "List partners' webhooks",
    success: { status: 200, description: 'Every webhook, without its secret.', schema: WebhookList, headers: cacheControl('`private, no-store`') },
  },
  'GET /webhooks/{webhookId}': {
    summary: "Read a partner's webhook",
    success: { status: 200, description: 'The webhook, without its secret.', schema: Webhook, headers: cacheControl('`private, no-store`') },
    failures: { 404: { description: 'No such webhook.' } },
  },
  'DELETE /webhooks/{webhookId}': {
    summary: "Remove a partner's webhook",
    description: 'Its delivery path goes first, then the webhook and its secret. A delivery already being retried may still arrive.',
    // A 204 has no body; the generator still names a registered schema, which it leaves out of the document.
    success: { status: 204, description: 'Removed.', schema: Webhook },
    failures: { 404: { description: 'No such webhook.' } },
  },
  'POST /webhooks/{webhookId}/secret': {
    summary: "Rotate a partner's signing secret",
    description:
      'A new secret, shown this once. The previous one keeps signing beside it (a second `v1=` in `Signal-Signature`) for ' +
      '`overlapHours` (default 24, at most 72), so the partner switches without refusing a delivery; after a leak send `{"overlapHours": 0}`.',
    success: { status: 200, description: 'The webhook and its new signing secret.', schema: WebhookWithSecret, headers: cacheControl('`no-store`') },
    failures: { 400: { description: '`overlapHours` out of 0-72, or an unknown field.' }, 404: { description: 'No such webhook.' } },
  },
};

/** Tags: the first path segment of a route. */
export const TAGS: Record<string, string> = {
  briefings: 'Draft, publish and read briefings.',
  sources: 'The evidence behind a briefing.',
  me: "The caller's own membership, watchlist and alerts.",
  members: 'Entitlements of members and decisions on their requests (admins).',
  'access-requests': "Members' requests for Leadership Alliance (admins).",
  entities: 'Companies, people and networks: profiles, relationships, recent briefings.',
  confidence: 'How to read a confidence score: bands, grades, labels and marks.',
  feeds: 'The published feed as RSS 2.0, Atom and JSON Feed, for feed readers: public fields only.',
  unsubscribe: 'The signed one-click unsubscribe link of every email (no login).',
  webhooks: "Partners' signed webhooks: registration, secrets (admins).",
};
