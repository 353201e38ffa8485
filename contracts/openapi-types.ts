/**
 * The HTTP API's types, generated from its OpenAPI document by openapi-typescript: do not edit.
 * Regenerate with `npm run client:types` (tools/client-types.ts); contracts/client.ts uses them.
 */

export interface paths {
    "/access-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List members' requests for a tier
         * @description Admins page through requests by `status`: `open` (the default) oldest first, the queue to decide; `approved` and `declined` newest decision first. `limit` 1-50 (default 20); `nextCursor` continues the same status. Each carries the member's reason.
         *
         *     **Who:** an admin (admins may call every staff route)
         */
        get: operations["listAccessRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/briefings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List published briefings
         * @description Published briefings, newest first, one page per request. The same for every caller.
         *
         *     **Who:** anyone (the same answer for every caller: no token is read)
         */
        get: operations["listBriefings"];
        put?: never;
        /**
         * Create a draft briefing
         * @description An analyst creates a draft with the sections of the brief and, optionally, `translations` (language tag → the same sections). Status, score and dates are never accepted from clients. An `autoPublish` rule is a proposal until an editor approves it (PATCH); below the publisher's floor (`AUTO_PUBLISH_FLOOR`, `B/C` unless configured) it is refused (`#/autoPublish/minGrade`).
         *
         *     **Who:** an analyst (admins may call every staff route)
         */
        post: operations["createBriefing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/briefings/{briefingId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a briefing
         * @description The briefing shaped for the caller's tier: sections above it are locked markers (`locked: true`, `unlockTier`), never content. Without a token the caller reads as the public. The language is `?lang=` when the briefing has it, else the best match of Accept-Language (q-values, `zh-CN` matches `zh`, `*` is the original), else the original language.
         *
         *     **Who:** anyone; a valid token unlocks the caller's tier, an invalid one is refused (401)
         */
        get: operations["getBriefing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a briefing
         * @description Staff edit written sections (each replaced whole), translations (each replaced whole; `null` removes one; the original language is refused, `#/translations/<lang>`), entities, related briefings or the auto-publish rule (`null` removes it), conditional on the version they read: send its staff ETag in If-Match. The edit is announced as Briefing Edited (`editedBy`) and the score follows through the normal events (Briefing Scored) when content gaps or the event date move it. An analyst's edit of a published briefing becomes its pending revision (`pendingRevision`; Briefing Edited with `pendingReview`): readers keep the published content until an editor publishes it (POST /briefings/{briefingId}/publish). An editor's own edit of a published briefing goes live as a new version and announces Briefing Published (`approvedBy`), unless a revision is pending, which it then extends. An analyst's `autoPublish` is a proposal (`proposedBy`); an editor's approves it (`approvedBy`); an analyst's later content edit of the draft sends an approved rule back to proposed; below the publisher's floor it is refused.
         *
         *     **Who:** an analyst or an editor (admins may call every staff route)
         */
        patch: operations["editBriefing"];
        trace?: never;
    };
    "/briefings/{briefingId}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a briefing
         * @description An editor publishes a complete draft, or the pending revision of a published briefing (its content replaces the published one as a new version); readers see it at once and Briefing Published is announced with `approvedBy` (the editor) and, for a revision, `proposedBy` (its author).
         *
         *     **Who:** an editor (admins may call every staff route)
         */
        post: operations["publishBriefing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/briefings/{briefingId}/retract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retract a briefing
         * @description An editor retracts a published briefing with a reason (for staff only). It leaves the feed and readers get 404 for it; staff still read it, with status `retracted`. Briefing Retracted is announced (without the reason). A retracted briefing is not edited or published again.
         *
         *     **Who:** an editor (admins may call every staff route)
         */
        post: operations["retractBriefing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/briefings/{briefingId}/score": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a briefing's score and its explanation
         * @description Staff read the confidence of a briefing (draft, published or retracted) with how each source was weighed.
         *
         *     **Who:** an analyst or an editor (admins may call every staff route)
         */
        get: operations["getBriefingScore"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/briefings/{briefingId}/score/override": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Assess the score in place of the model (analyst's override)
         * @description An analyst or editor sets the score, the grade, or both, with a mandatory reason, on the version they read (If-Match). A grade alone keeps the model's score brought into the grade's band; a score alone takes its band's grade. The override is stored with who, when, why and the evidence it rests on, recorded in the version history (`assessed`) and announced as Briefing Edited; scoring applies it, readers see `confidence.analystAssessed`, and any later change to the evidence lifts it unless it is set again.
         *
         *     **Who:** an analyst or an editor (admins may call every staff route)
         */
        put: operations["overrideScore"];
        post?: never;
        /**
         * Lift an analyst's override
         * @description An analyst or editor lifts the override on the version they read (If-Match); the model's score returns through Briefing Edited and Briefing Scored. Recorded in the version history (`unassessed`).
         *
         *     **Who:** an analyst or an editor (admins may call every staff route)
         */
        delete: operations["liftScoreOverride"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/briefings/{briefingId}/sources/{sourceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a source
         * @description Staff read a stored source (active, withdrawn or retracted by its publisher) with its state and history.
         *
         *     **Who:** an analyst or an editor (admins may call every staff route)
         */
        get: operations["getSource"];
        put?: never;
        post?: never;
        /**
         * Withdraw a source
         * @description An analyst or editor withdraws a source entered by mistake, with a `reason` in the body. Withdrawn is not erased: the source stays stored, with who withdrew it, when and why, and is listed (as withdrawn, weighing nothing) in the score report; it no longer counts. Source Updated re-scores the briefing. A POST of the same URL answers 409 naming the withdrawal; PATCH with `state: "active"` restores it.
         *
         *     **Who:** an analyst or an editor (admins may call every staff route)
         */
        delete: operations["withdrawSource"];
        options?: never;
        head?: never;
        /**
         * Correct a source, or change its state
         * @description An analyst or editor corrects a stored source (kind, stance, publisher, title, publishedAt, language, reliability, credibility, credits, sourcing, note; `null` unsets an optional field) or changes its state: `"retracted-by-publisher"` when the publisher retracted the article, `"active"` to restore a withdrawn or retracted source. Never both in one request, always with a `reason`; the URL cannot be corrected (withdraw the source and ingest the right URL). Each change is kept in the source history (who, when, why, what) and announced as Source Updated, which re-scores the briefing. A correction that changes nothing writes nothing.
         *
         *     **Who:** an analyst or an editor (admins may call every staff route)
         */
        patch: operations["correctSource"];
        trace?: never;
    };
    "/briefings/{briefingId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a briefing's version history
         * @description Staff read one line per editorial action (created, edited, proposed, published, retracted, assessed, unassessed), newest first. Rescoring alone adds no line.
         *
         *     **Who:** an analyst or an editor (admins may call every staff route)
         */
        get: operations["listBriefingVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/briefings/{briefingId}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one version of a briefing
         * @description Staff read the written content, entities, status and confidence of a briefing as one editorial action left it.
         *
         *     **Who:** an analyst or an editor (admins may call every staff route)
         */
        get: operations["getBriefingVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/confidence/legend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the confidence legend
         * @description The six confidence bands (range, grade, label) and what "Disputed" and "Analyst-assessed" mean, in every language served, from the scorer's own definitions: what a client needs to draw the confidence table. The same for every caller (no token is read).
         *
         *     **Who:** anyone (the same answer for every caller: no token is read)
         */
        get: operations["getConfidenceLegend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entities/{entityId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an entity
         * @description An entity's profile (names by language, kind, why it is covered), its relationships in both directions and its recent briefings. Relationship evidence is a locked marker below Leadership Alliance. Without a token the caller reads as the public.
         *
         *     **Who:** anyone; a valid token unlocks the caller's tier, an invalid one is refused (401)
         */
        get: operations["getEntity"];
        /**
         * Write an entity's profile and relationships
         * @description An analyst or editor writes the whole profile and every relationship the entity states, in one transaction: relationships no longer listed are removed, and each is mirrored on its target, so both pages show it. `publish: true` (editors only: an analyst sending it gets 403) makes the profile public; without it the profile stays as visible as it was (a new one is known to staff only until a published briefing names it).
         *
         *     **Who:** an analyst or an editor (admins may call every staff route)
         */
        put: operations["putEntity"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/{feed}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the feed as RSS, Atom or JSON Feed
         * @description The newest page of published briefings (`limit`, default 20), with the filters of GET /briefings, as RSS 2.0 (`briefings.rss`), Atom 1.0 (`briefings.atom`) or JSON Feed 1.1 (`briefings.json`), for feed readers. Public fields only, the same for every caller: a token is not read, so a member gets the public feed too. Each item links to the briefing (GET /briefings/{briefingId}, `?lang=` when its title is a translation), where their tier unlocks the rest, and carries the confidence grade and label as categories (RSS, Atom; scheme `…/confidence/legend#grade`, `#label`, `#mark`), as tags and in `_signal_briefings` (JSON Feed), and in words in its HTML summary.
         *
         *     **Who:** anyone (the same answer for every caller: no token is read)
         */
        get: operations["getBriefingFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read my membership
         * @description The caller's tier and roles as the API grants them now (the entitlement record bounds what the token says), and until when.
         *
         *     **Who:** any signed-in user, whether or not their membership is active
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/access-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my requests for a tier
         * @description The caller's own requests, newest first (at most 20), with their decisions: `validUntil` when approved, `declineReason` when declined. Any signed-in user.
         *
         *     **Who:** any signed-in user, whether or not their membership is active
         */
        get: operations["listMyAccessRequests"];
        put?: never;
        /**
         * Ask for Leadership Alliance
         * @description A member (Strategy Circle, or a Leadership Alliance that ended) asks for Leadership Alliance with a `reason`, which only they and admins read (no event carries it). One open request at a time; the same request again (same reason) answers the open one with 200 and writes nothing. Announced as Access Requested; the step is an entry of the member's entitlement history (`access-requested`). Lock screens point here (`unlock.action.href`) when the deployment names no request-access page.
         *
         *     **Who:** any signed-in member whose membership is active (revoked: 403 within 60 s)
         */
        post: operations["requestAccess"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read my alerts
         * @description Briefings published about entities the caller follows, newest first (at most 50, no cursor; alerts expire after 90 days). Each carries the public summary and which sections the caller's tier unlocks now.
         *
         *     **Who:** any signed-in member whose membership is active (revoked: 403 within 60 s)
         */
        get: operations["getAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read my email preference
         * @description Instant, daily or no emails of my alerts, their language, the address they go to, and whether it is suppressed (docs/email.md).
         *
         *     **Who:** any signed-in user, whether or not their membership is active
         */
        get: operations["getEmailPreferences"];
        /**
         * Choose instant or daily emails of my alerts, or none
         * @description `instant`: an email per alert as it is written; `daily`: one digest a day (07:00 UTC) of the last 24 hours' alerts; `off`: none. Each email is shaped for the member's tier when it is sent. The address is the account's verified one (never the body's); the language is `language` when given, else Accept-Language, else English (`en`, `zh`, `zh-Hant`). Setting a preference again after the unsubscribe link turned email off turns it back on.
         *
         *     **Who:** any signed-in user, whether or not their membership is active
         */
        put: operations["putEmailPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/watchlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the entities I follow
         * @description **Who:** any signed-in member whose membership is active (revoked: 403 within 60 s)
         */
        get: operations["getWatchlist"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/watchlist/{entityId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Follow an entity
         * @description Idempotent: following an entity again answers 200 with the entry as first stored. New briefings naming it raise alerts.
         *
         *     **Who:** any signed-in member whose membership is active (revoked: 403 within 60 s)
         */
        put: operations["followEntity"];
        post?: never;
        /**
         * Stop following an entity
         * @description Idempotent: 204 whether or not the caller followed it.
         *
         *     **Who:** any signed-in user, whether or not their membership is active
         */
        delete: operations["unfollowEntity"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/{userId}/access-requests/{requestId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide a member's request
         * @description `{ "outcome": "approve", "validUntil": … }` grants Leadership Alliance until then, exactly as PUT /members/{userId}/entitlement does (Entitlement Changed, group sync), keeping the member's roles; `{ "outcome": "decline", "reason": … }` declines, the reason written to the member. Either is announced as Access Decided (no reason text) and recorded in the member's entitlement history, in the same transaction as the request. The same decision again answers the decided request and writes nothing.
         *
         *     **Who:** an admin (admins may call every staff route)
         */
        post: operations["decideAccessRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/members/{userId}/entitlement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a member's entitlement
         * @description An admin reads a member's entitlement record, its status, what it grants now, its history (requests for a tier and their decisions included) and the member's requests with their reasons.
         *
         *     **Who:** an admin (admins may call every staff route)
         */
        get: operations["getEntitlement"];
        /**
         * Grant a member a tier or roles
         * @description An admin grants (or changes) a tier (Leadership Alliance with an end date) and staff roles. Repeating the same grant changes nothing. The new groups reach the member with their next token; Entitlement Changed is announced.
         *
         *     **Who:** an admin (admins may call every staff route)
         */
        put: operations["grantEntitlement"];
        post?: never;
        /**
         * Revoke a member's entitlement
         * @description An admin revokes a member's entitlement, with a reason. Gated reads stop within the entitlement cache window (at most 60 s) even with a still-valid token; the member is signed out everywhere. Revoking again changes nothing.
         *
         *     **Who:** an admin (admins may call every staff route)
         */
        delete: operations["revokeEntitlement"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a source to a briefing
         * @description An analyst adds evidence to a briefing; the briefing is re-scored asynchronously (Source Ingested → score-briefing). A source is stored once per canonical URL and briefing.
         *
         *     **Who:** an analyst (admins may call every staff route)
         */
        post: operations["ingestSource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The unsubscribe page of an email link
         * @description What the link in every email opens, without a login: a page with one button that POSTs the same URL. A GET changes nothing (mail scanners fetch links).
         *
         *     **Who:** anyone (the same answer for every caller: no token is read)
         */
        get: operations["unsubscribe"];
        put?: never;
        /**
         * Unsubscribe with the signed link (one click, no login)
         * @description Turns the member's email off at once: RFC 8058 one-click unsubscribe (`List-Unsubscribe-Post: List-Unsubscribe=One-Click`, whose form body is not read) or the button of the GET page. Idempotent; the answer is the same for every valid token.
         *
         *     **Who:** anyone (the same answer for every caller: no token is read)
         */
        post: operations["postUnsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List partners' webhooks
         * @description **Who:** an admin (admins may call every staff route)
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Register a partner's webhook
         * @description An admin registers an endpoint (https) with the tier its deliveries are shaped for and a filter (entities, signal types, regions, lowest grade, events). Its delivery path (an EventBridge connection, API destination and rule) is made now. The answer holds the signing secret, shown this once: deliveries carry `Signal-Signature: v1=<hex HMAC-SHA256 of "<Signal-Timestamp>.<body>">` (docs/webhooks.md).
         *
         *     **Who:** an admin (admins may call every staff route)
         */
        post: operations["registerWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a partner's webhook
         * @description **Who:** an admin (admins may call every staff route)
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Remove a partner's webhook
         * @description Its delivery path goes first, then the webhook and its secret. A delivery already being retried may still arrive.
         *
         *     **Who:** an admin (admins may call every staff route)
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{webhookId}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a partner's signing secret
         * @description A new secret, shown this once. The previous one keeps signing beside it (a second `v1=` in `Signal-Signature`) for `overlapHours` (default 24, at most 72), so the partner switches without refusing a delivery; after a leak send `{"overlapHours": 0}`.
         *
         *     **Who:** an admin (admins may call every staff route)
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        BriefingInput: {
            language: string;
            entities: {
                entityId: string;
                name: string;
                /**
                 * @default company
                 * @enum {string}
                 */
                kind?: "company" | "person" | "government" | "organisation" | "network";
            }[];
            /** @default [] */
            related?: string[];
            autoPublish?: {
                /** @enum {string} */
                minGrade: "D" | "C/D" | "B/C" | "A/B" | "A";
            };
            eventDate?: string;
            sections: {
                headline: string;
                coverage: string;
                publishedReporting: string;
                signalBrief: {
                    signal: string;
                    /** @enum {string} */
                    signalType: "Market" | "Infrastructure" | "Governance" | "Operational dependency";
                    region: string;
                    marketClass: string;
                };
                operatingSurface: {
                    /** @default [] */
                    affectedParties?: string[];
                    /** @default  */
                    operatingSurface?: string;
                    /** @default  */
                    marketExposure?: string;
                };
                marketContext: {
                    /** @enum {string} */
                    operationalRelevance: "Low" | "Medium" | "High" | "Critical";
                    timeHorizon: string;
                };
                /** @default [] */
                whatToWatch?: string[];
                /** @default  */
                trendContext?: string;
                /** @default [] */
                relationshipEvidence?: {
                    from: string;
                    to: string;
                    relation: string;
                    evidence: string;
                }[];
                /** @default [] */
                failurePaths?: {
                    path: string;
                    affected: string;
                }[];
            };
            translations?: {
                [key: string]: {
                    headline: string;
                    coverage: string;
                    publishedReporting: string;
                    signalBrief: {
                        signal: string;
                        /** @enum {string} */
                        signalType: "Market" | "Infrastructure" | "Governance" | "Operational dependency";
                        region: string;
                        marketClass: string;
                    };
                    operatingSurface: {
                        /** @default [] */
                        affectedParties?: string[];
                        /** @default  */
                        operatingSurface?: string;
                        /** @default  */
                        marketExposure?: string;
                    };
                    marketContext: {
                        /** @enum {string} */
                        operationalRelevance: "Low" | "Medium" | "High" | "Critical";
                        timeHorizon: string;
                    };
                    /** @default [] */
                    whatToWatch?: string[];
                    /** @default  */
                    trendContext?: string;
                    /** @default [] */
                    relationshipEvidence?: {
                        from: string;
                        to: string;
                        relation: string;
                        evidence: string;
                    }[];
                    /** @default [] */
                    failurePaths?: {
                        path: string;
                        affected: string;
                    }[];
                };
            };
        };
        BriefingPatch: {
            sections?: {
                headline?: string;
                coverage?: string;
                publishedReporting?: string;
                signalBrief?: {
                    signal: string;
                    /** @enum {string} */
                    signalType: "Market" | "Infrastructure" | "Governance" | "Operational dependency";
                    region: string;
                    marketClass: string;
                };
                operatingSurface?: {
                    /** @default [] */
                    affectedParties?: string[];
                    /** @default  */
                    operatingSurface?: string;
                    /** @default  */
                    marketExposure?: string;
                };
                marketContext?: {
                    /** @enum {string} */
                    operationalRelevance: "Low" | "Medium" | "High" | "Critical";
                    timeHorizon: string;
                };
                whatToWatch?: string[];
                trendContext?: string;
                relationshipEvidence?: {
                    from: string;
                    to: string;
                    relation: string;
                    evidence: string;
                }[];
                failurePaths?: {
                    path: string;
                    affected: string;
                }[];
            };
            entities?: {
                entityId: string;
                name: string;
                /**
                 * @default company
                 * @enum {string}
                 */
                kind?: "company" | "person" | "government" | "organisation" | "network";
            }[];
            related?: string[];
            autoPublish?: {
                /** @enum {string} */
                minGrade: "D" | "C/D" | "B/C" | "A/B" | "A";
            } | null;
            eventDate?: string | null;
            translations?: {
                [key: string]: {
                    headline: string;
                    coverage: string;
                    publishedReporting: string;
                    signalBrief: {
                        signal: string;
                        /** @enum {string} */
                        signalType: "Market" | "Infrastructure" | "Governance" | "Operational dependency";
                        region: string;
                        marketClass: string;
                    };
                    operatingSurface: {
                        /** @default [] */
                        affectedParties?: string[];
                        /** @default  */
                        operatingSurface?: string;
                        /** @default  */
                        marketExposure?: string;
                    };
                    marketContext: {
                        /** @enum {string} */
                        operationalRelevance: "Low" | "Medium" | "High" | "Critical";
                        timeHorizon: string;
                    };
                    /** @default [] */
                    whatToWatch?: string[];
                    /** @default  */
                    trendContext?: string;
                    /** @default [] */
                    relationshipEvidence?: {
                        from: string;
                        to: string;
                        relation: string;
                        evidence: string;
                    }[];
                    /** @default [] */
                    failurePaths?: {
                        path: string;
                        affected: string;
                    }[];
                } | null;
            };
        };
        RetractBriefingRequest: {
            reason: string;
        };
        SourceInput: {
            briefingId: string;
            /** Format: uri */
            url: string;
            publisher: string;
            /** @enum {string} */
            kind: "direct" | "reporting" | "secondary" | "social" | "internal";
            /**
             * @default supports
             * @enum {string}
             */
            stance?: "supports" | "contradicts";
            title: string;
            /** @default en */
            language?: string;
            /** Format: date-time */
            publishedAt?: string;
            /** Format: date-time */
            retrievedAt?: string;
            credits?: string[];
            /** @enum {string} */
            sourcing?: "on-record" | "unnamed" | "unspecified";
            text?: string;
            excerpt?: string;
            reliability?: {
                /** @enum {string} */
                grade: "A" | "B" | "C" | "D" | "E" | "F";
                reason: string;
            };
            /** @enum {number} */
            credibility?: 1 | 2 | 3 | 4 | 5 | 6;
            note?: string;
        };
        CorrectSourceRequest: {
            /** @enum {string} */
            kind?: "direct" | "reporting" | "secondary" | "social" | "internal";
            /** @enum {string} */
            stance?: "supports" | "contradicts";
            publisher?: string;
            title?: string;
            language?: string;
            publishedAt?: string | null;
            reliability?: {
                /** @enum {string} */
                grade: "A" | "B" | "C" | "D" | "E" | "F";
                reason: string;
            } | null;
            credibility?: (1 | 2 | 3 | 4 | 5 | 6) | null;
            credits?: string[] | null;
            sourcing?: ("on-record" | "unnamed" | "unspecified") | null;
            note?: string | null;
            /** @enum {string} */
            state?: "active" | "retracted-by-publisher";
            reason: string;
            url?: unknown;
        };
        OverrideScoreRequest: {
            score?: number;
            /** @enum {string} */
            grade?: "D" | "C/D" | "B/C" | "A/B" | "A";
            reason: string;
        };
        WithdrawSourceRequest: {
            reason: string;
        };
        GrantInput: {
            /** @enum {string} */
            tier: "strategy-circle" | "leadership-alliance";
            /** @default [] */
            roles?: ("analyst" | "editor" | "admin")[];
            /** Format: date-time */
            validUntil?: string;
        };
        RevokeInput: {
            reason: string;
        };
        RequestAccessRequest: {
            reason: string;
        };
        DecideAccessRequestRequest: {
            /** @constant */
            outcome: "approve";
            /** Format: date-time */
            validUntil: string;
        } | {
            /** @constant */
            outcome: "decline";
            reason: string;
        };
        PutEntityRequest: {
            name: string;
            /** @enum {string} */
            kind: "company" | "person" | "government" | "organisation" | "network";
            /** @default [] */
            aliases?: {
                language: string;
                name: string;
            }[];
            coverage: string;
            /** @default [] */
            relationships?: {
                /** @enum {string} */
                relation: "investor in" | "acquired" | "subsidiary of" | "partner of" | "partner paused" | "supplier to" | "customer of" | "competitor of" | "executive of" | "executive moved to" | "founder of" | "regulator of";
                target: string;
                since?: string;
                summary: string;
                /** @default [] */
                evidence?: {
                    text: string;
                    briefingId?: string;
                    /** Format: uri */
                    url?: string;
                }[];
            }[];
            /** @constant */
            publish?: true;
        };
        PutEmailPreferencesRequest: {
            /**
             * @description `instant`: an email per alert; `daily`: one digest a day; `off`: no email
             * @enum {string}
             */
            delivery: "instant" | "daily" | "off";
            /** @description The language of the emails (`en`, `zh`, `zh-Hant`; `zh-TW` reads `zh-Hant`); default: Accept-Language, else English */
            language?: string;
        };
        RegisterWebhookRequest: {
            /** @description The partner, for people */
            name: string;
            /** @description Where deliveries are POSTed: https (http only to 127.0.0.1 on the local stack) */
            url: string;
            /**
             * @description What the partner may read: deliveries are shaped for this tier
             * @enum {string}
             */
            tier: "public" | "strategy-circle" | "leadership-alliance";
            /**
             * @description Which briefings reach the partner: every condition given must hold
             * @default {}
             */
            filter?: {
                /** @description Only briefings with one of these entity ids among their entities; absent: any */
                entityIds?: string[];
                /** @description Only briefings with one of these signal types; absent: any */
                signalTypes?: string[];
                /** @description Only briefings with one of these regions; absent: any */
                regions?: string[];
                /**
                 * @description Only briefings graded this or better
                 * @enum {string}
                 */
                minGrade?: "D" | "C/D" | "B/C" | "A/B" | "A";
                /** @description Which events; absent: all */
                events?: ("briefing.published" | "briefing.retracted")[];
            };
            /** @default 10 */
            rateLimitPerSecond?: number;
        };
        RotateWebhookSecretRequest: {
            /** @description Hours the previous secret keeps signing beside the new one (default 24; 0 after a leak) */
            overlapHours: number;
        };
        /** @description An RFC 9457 problem (`application/problem+json`). */
        Problem: {
            /** @description `about:blank`: the status code says what happened */
            type: string;
            /** @description The status code's name */
            title: string;
            status: number;
            /** @description What went wrong, for a person to read */
            detail: string;
        };
        /** @description A 400: the request is invalid; nothing was written. */
        ValidationProblem: {
            /** @description `about:blank`: the status code says what happened */
            type: string;
            /** @description The status code's name */
            title: string;
            status: number;
            /** @description What went wrong, for a person to read */
            detail: string;
            /** @description Each failing field */
            errors: {
                /** @description `#/sections/headline` for a body field, `query:limit` or `path:briefingId` for a parameter */
                pointer: string;
                detail: string;
            }[];
        };
        /** @description A 422: the briefing is not complete. */
        IncompleteProblem: {
            /** @description `about:blank`: the status code says what happened */
            type: string;
            /** @description The status code's name */
            title: string;
            status: number;
            /** @description What went wrong, for a person to read */
            detail: string;
            /** @description What still blocks publishing, one line per issue (`<pointer>: <detail>`) */
            problems: string[];
            /** @description What still blocks publishing, per field */
            issues: {
                /** @description The field: `#/sections/operatingSurface/marketExposure`, `#/translations/zh/whatToWatch/1`; `#/sources` for missing evidence */
                pointer: string;
                /** @enum {string} */
                code: "empty" | "too-short" | "placeholder" | "template" | "section-title" | "repeated-sentence" | "no-sources";
                /** @description What is wrong with it, for a person to read */
                detail: string;
            }[];
        };
        /** @description Why a source no longer counts as evidence; absent on an active source. */
        SourceState: {
            /** @enum {string} */
            status: "withdrawn" | "retracted-by-publisher";
            /** @description Who withdrew it, or recorded its retraction by the publisher */
            by: string;
            /** Format: date-time */
            at: string;
            reason: string;
        };
        /** @description A 409: this briefing already has a source with the same canonical URL (possibly withdrawn: see `state`). */
        DuplicateSourceProblem: {
            /** @description `about:blank`: the status code says what happened */
            type: string;
            /** @description The status code's name */
            title: string;
            status: number;
            /** @description What went wrong, for a person to read */
            detail: string;
            /** @description The stored source with the same canonical URL */
            sourceId: string;
            canonicalUrl: string;
            /** @description Set when the stored source was withdrawn or retracted by its publisher */
            state?: components["schemas"]["SourceState"];
            /** @description With `state`: the request that restores the stored source (add a `reason` to the body) */
            restore?: {
                /** @constant */
                method: "PATCH";
                href: string;
                ifMatch: string;
                body: {
                    /** @constant */
                    state: "active";
                };
            };
        };
        /** @description API Gateway's own answer (its JWT authorizer, its limits); the function is not called. */
        GatewayMessage: {
            message: string;
        };
        /** @description One source as Leadership Alliance readers see it: how it was weighed and its share of the score. */
        SourceNote: {
            sourceId: string;
            /** @description Canonical URL */
            url: string;
            publisher: string;
            title: string;
            /** @enum {string} */
            kind: "direct" | "reporting" | "secondary" | "social" | "internal";
            /** @enum {string} */
            stance: "supports" | "contradicts";
            language: string;
            publishedAt?: string;
            reliability: {
                /**
                 * @description Admiralty source reliability (A completely reliable … F cannot be judged)
                 * @enum {string}
                 */
                grade: "A" | "B" | "C" | "D" | "E" | "F";
                /** @enum {string} */
                setBy: "analyst" | "default";
                reason?: string;
            };
            /**
             * @description Admiralty information credibility (1 confirmed … 5 improbable, 6 cannot be judged)
             * @enum {number}
             */
            credibility?: 1 | 2 | 3 | 4 | 5 | 6;
            /** @description The origin (group of copies of one text) the source belongs to */
            originId: string;
            /** @description Set on a copy: the member through which its origin is counted */
            copyOf?: string;
            weight: number;
            /** @description Points of the score this source accounts for; negative when it lowers it */
            contribution: number;
            /** @description Its share of the score (contribution ÷ score) */
            share: number;
            reasons: string[];
            note?: string;
            /** @description Set on a source that no longer counts (staff only: readers do not see such sources) */
            state?: components["schemas"]["SourceState"];
        };
        /** @description The briefing's confidence, computed from its sources (docs/scoring.md). */
        Confidence: {
            score: number;
            /** @enum {string} */
            grade: "D" | "C/D" | "B/C" | "A/B" | "A";
            label: string;
            /** @description Number of sources of each kind */
            sourceCounts: {
                direct: number;
                reporting: number;
                secondary: number;
                social: number;
                internal: number;
            };
            /** @description Independent lines of evidence that support the signal */
            independentOrigins: number;
            reasons: {
                /** @enum {string} */
                code: "no-evidence" | "capped-incomplete" | "capped-no-direct" | "capped-quality" | "capped-certainty" | "incomplete" | "corroboration" | "provenance" | "contradiction" | "disputed" | "event-time" | "no-event-date" | "undated" | "stale" | "reliability" | "credibility" | "export" | "analyst-assessed";
                text: string;
            }[];
            /** @description STIX 2.1 `confidence` from the Admiralty credibility (1→90, 2→70, 3→50, 4→30, 5→10); absent for 6 */
            stix?: number;
            admiralty: {
                /**
                 * @description Admiralty source reliability (A completely reliable … F cannot be judged)
                 * @enum {string}
                 */
                reliability: "A" | "B" | "C" | "D" | "E" | "F";
                /**
                 * @description Admiralty information credibility (1 confirmed … 5 improbable, 6 cannot be judged)
                 * @enum {number}
                 */
                credibility: 1 | 2 | 3 | 4 | 5 | 6;
                /** @description The pair as written, e.g. `B2` */
                code: string;
            };
            /** @description Set when an on-record denial or a contradicting primary source disputes the signal */
            disputed?: {
                label: string;
                reason: string;
            };
            /** @description Set when the score and grade are an analyst's assessment in place of the model's */
            analystAssessed?: {
                label: string;
            };
            /** @description Publication of the newest supporting source */
            lastConfirmedAt?: string;
            modelVersion: string;
        };
        /** @description What a client needs to draw the lock screen: fixed text per tier and language, the same for every briefing. */
        UnlockOffer: {
            /**
             * @description The language of the texts: `zh-Hant` for traditional Chinese (`zh-TW`, `zh-HK`, `zh-Hant`…), `zh` for any other Chinese, else `en`
             * @enum {string}
             */
            language: "en" | "zh" | "zh-Hant";
            /** @description The display name of the tier, e.g. "Strategy Circle" / "战略圈" */
            tierName: string;
            /** @description Who the tier is for and how it is granted */
            summary: string;
            /** @description The titles of the sections the tier opens */
            includes: string[];
            action: {
                /**
                 * @description `sign-up`: a free account and login (Strategy Circle); `request-access`: ask the publisher (Leadership Alliance)
                 * @enum {string}
                 */
                kind: "sign-up" | "request-access";
                /** @description The button text */
                label: string;
                free: boolean;
                /** @description Where to take the action: the page the deployment configured (`-c signUpUrl=…`, `-c requestAccessUrl=…`); for `request-access` without one, this API's `/me/access-requests` (with `method`) */
                href?: string;
                /**
                 * @description Set when `href` is this API's route, not a page: POST `{ reason }` there with the member's bearer token (sign in first)
                 * @constant
                 */
                method?: "POST";
            };
        };
        /** @description A section above the caller's tier: it says that it exists, which tier unlocks it and how to get that tier, nothing about its content. */
        LockedSection: {
            /** @enum {string} */
            name: "headline" | "coverage" | "publishedReporting" | "signalBrief" | "operatingSurface" | "marketContext" | "whatToWatch" | "confidence" | "trendContext" | "relationshipEvidence" | "failurePaths" | "sourceNotes";
            title: string;
            /** @enum {string} */
            tier: "public" | "strategy-circle" | "leadership-alliance";
            /** @constant */
            locked: true;
            /**
             * @description The tier that unlocks it
             * @enum {string}
             */
            unlockTier: "public" | "strategy-circle" | "leadership-alliance";
            /** @description How to unlock it (GET /briefings/{briefingId}), in the served language */
            unlock?: components["schemas"]["UnlockOffer"];
        };
        SectionView: {
            /** @constant */
            name: "headline";
            title: string;
            /**
             * @description The lowest tier that reads it
             * @enum {string}
             */
            tier: "public" | "strategy-circle" | "leadership-alliance";
            /** @constant */
            locked: false;
            content: string;
        } | {
            /** @constant */
            name: "coverage";
            title: string;
            /**
             * @description The lowest tier that reads it
             * @enum {string}
             */
            tier: "public" | "strategy-circle" | "leadership-alliance";
            /** @constant */
            locked: false;
            content: string;
        } | {
            /** @constant */
            name: "publishedReporting";
            title: string;
            /**
             * @description The lowest tier that reads it
             * @enum {string}
             */
            tier: "public" | "strategy-circle" | "leadership-alliance";
            /** @constant */
            locked: false;
            content: string;
        } | {
            /** @constant */
            name: "signalBrief";
            title: string;
            /**
             * @description The lowest tier that reads it
             * @enum {string}
             */
            tier: "public" | "strategy-circle" | "leadership-alliance";
            /** @constant */
            locked: false;
            content: {
                signal: string;
                /** @enum {string} */
                signalType: "Market" | "Infrastructure" | "Governance" | "Operational dependency";
                region: string;
                marketClass: string;
            };
        } | {
            /** @constant */
            name: "operatingSurface";
            title: string;
            /**
             * @description The lowest tier that reads it
             * @enum {string}
             */
            tier: "public" | "strategy-circle" | "leadership-alliance";
            /** @constant */
            locked: false;
            content: {
                /** @default [] */
                affectedParties: string[];
                /** @default  */
                operatingSurface: string;
                /** @default  */
                marketExposure: string;
            };
        } | {
            /** @constant */
            name: "marketContext";
            title: string;
            /**
             * @description The lowest tier that reads it
             * @enum {string}
             */
            tier: "public" | "strategy-circle" | "leadership-alliance";
            /** @constant */
            locked: false;
            content: {
                /** @enum {string} */
                operationalRelevance: "Low" | "Medium" | "High" | "Critical";
                timeHorizon: string;
            };
        } | {
            /** @constant */
            name: "whatToWatch";
            title: string;
            /**
             * @description The lowest tier that reads it
             * @enum {string}
             */
            tier: "public" | "strategy-circle" | "leadership-alliance";
            /** @constant */
            locked: false;
            /** @default [] */
            content: string[];
        } | {
            /** @constant */
            name: "confidence";
            title: string;
            /**
             * @description The lowest tier that reads it
             * @enum {string}
             */
            tier: "public" | "strategy-circle" | "leadership-alliance";
            /** @constant */
            locked: false;
            content: components["schemas"]["Confidence"];
        } | {
            /** @constant */
            name: "trendContext";
            title: string;
            /**
             * @description The lowest tier that reads it
             * @enum {string}
             */
            tier: "public" | "strategy-circle" | "leadership-alliance";
            /** @constant */
            locked: false;
            /** @default  */
            content: string;
        } | {
            /** @constant */
            name: "relationshipEvidence";
            title: string;
            /**
             * @description The lowest tier that reads it
             * @enum {string}
             */
            tier: "public" | "strategy-circle" | "leadership-alliance";
            /** @constant */
            locked: false;
            /** @default [] */
            content: {
                from: string;
                to: string;
                relation: string;
                evidence: string;
            }[];
        } | {
            /** @constant */
            name: "failurePaths";
            title: string;
            /**
             * @description The lowest tier that reads it
             * @enum {string}
             */
            tier: "public" | "strategy-circle" | "leadership-alliance";
            /** @constant */
            locked: false;
            /** @default [] */
            content: {
                path: string;
                affected: string;
            }[];
        } | {
            /** @constant */
            name: "sourceNotes";
            title: string;
            /**
             * @description The lowest tier that reads it
             * @enum {string}
             */
            tier: "public" | "strategy-circle" | "leadership-alliance";
            /** @constant */
            locked: false;
            content: components["schemas"]["SourceNote"][];
        } | components["schemas"]["LockedSection"];
        /** @description Staff only: the auto-publish rule. An analyst proposes it; it takes effect once an editor approves it (or sets it). */
        AutoPublishRule: {
            /**
             * @description Publish the draft once its grade reaches this (and the publisher's floor)
             * @enum {string}
             */
            minGrade: "D" | "C/D" | "B/C" | "A/B" | "A";
            /** @description Who set this grade: an analyst proposing it, or an editor setting it */
            proposedBy?: string;
            /** Format: date-time */
            proposedAt?: string;
            /** @description The editor who approved it; absent: proposed only, it publishes nothing */
            approvedBy?: string;
            /** Format: date-time */
            approvedAt?: string;
        };
        /** @description Staff only: an edit of a published briefing waiting for an editor (POST /briefings/{briefingId}/publish publishes it). Readers see the published sections until then. */
        PendingRevision: {
            sections: {
                headline: string;
                coverage: string;
                publishedReporting: string;
                signalBrief: {
                    signal: string;
                    /** @enum {string} */
                    signalType: "Market" | "Infrastructure" | "Governance" | "Operational dependency";
                    region: string;
                    marketClass: string;
                };
                operatingSurface: {
                    /** @default [] */
                    affectedParties: string[];
                    /** @default  */
                    operatingSurface: string;
                    /** @default  */
                    marketExposure: string;
                };
                marketContext: {
                    /** @enum {string} */
                    operationalRelevance: "Low" | "Medium" | "High" | "Critical";
                    timeHorizon: string;
                };
                /** @default [] */
                whatToWatch: string[];
                /** @default  */
                trendContext: string;
                /** @default [] */
                relationshipEvidence: {
                    from: string;
                    to: string;
                    relation: string;
                    evidence: string;
                }[];
                /** @default [] */
                failurePaths: {
                    path: string;
                    affected: string;
                }[];
            };
            translations?: {
                [key: string]: {
                    headline: string;
                    coverage: string;
                    publishedReporting: string;
                    signalBrief: {
                        signal: string;
                        /** @enum {string} */
                        signalType: "Market" | "Infrastructure" | "Governance" | "Operational dependency";
                        region: string;
                        marketClass: string;
                    };
                    operatingSurface: {
                        /** @default [] */
                        affectedParties: string[];
                        /** @default  */
                        operatingSurface: string;
                        /** @default  */
                        marketExposure: string;
                    };
                    marketContext: {
                        /** @enum {string} */
                        operationalRelevance: "Low" | "Medium" | "High" | "Critical";
                        timeHorizon: string;
                    };
                    /** @default [] */
                    whatToWatch: string[];
                    /** @default  */
                    trendContext: string;
                    /** @default [] */
                    relationshipEvidence: {
                        from: string;
                        to: string;
                        relation: string;
                        evidence: string;
                    }[];
                    /** @default [] */
                    failurePaths: {
                        path: string;
                        affected: string;
                    }[];
                };
            };
            entities: {
                entityId: string;
                name: string;
                /**
                 * @default company
                 * @enum {string}
                 */
                kind: "company" | "person" | "government" | "organisation" | "network";
            }[];
            related: string[];
            eventDate?: string;
            /** @description What the revision changes, over every edit that built it */
            changes: ("sections" | "translations" | "entities" | "related" | "autoPublish" | "eventDate" | "override" | "model")[];
            /** @description Who last edited the revision */
            proposedBy: string;
            /** Format: date-time */
            proposedAt: string;
        };
        /** @description A briefing shaped for the caller's tier: sections above it are locked markers. */
        BriefingView: {
            briefingId: string;
            /** @enum {string} */
            status: "draft" | "published" | "retracted";
            /** @description The language the sections are served in (`?lang=`, else Accept-Language, else the original) */
            language: string;
            /** @description The language the briefing was written in */
            originalLanguage: string;
            /** @description The original language first, then each translation */
            availableLanguages: string[];
            /** Format: date-time */
            publishedAt?: string;
            /** Format: date-time */
            updatedAt: string;
            entities: {
                entityId: string;
                name: string;
                /**
                 * @default company
                 * @enum {string}
                 */
                kind: "company" | "person" | "government" | "organisation" | "network";
            }[];
            /** @description Ids of related briefings */
            related: string[];
            /**
             * @description The tier the briefing was shaped for
             * @enum {string}
             */
            viewerTier: "public" | "strategy-circle" | "leadership-alliance";
            /** @description Every section of the brief, in page order */
            sections: components["schemas"]["SectionView"][];
            autoPublish?: components["schemas"]["AutoPublishRule"];
            pendingRevision?: components["schemas"]["PendingRevision"];
        };
        CreatedBriefing: {
            briefingId: string;
            /** @enum {string} */
            status: "draft" | "published" | "retracted";
            /** @description The language the sections are served in (`?lang=`, else Accept-Language, else the original) */
            language: string;
            /** @description The language the briefing was written in */
            originalLanguage: string;
            /** @description The original language first, then each translation */
            availableLanguages: string[];
            /** Format: date-time */
            publishedAt?: string;
            /** Format: date-time */
            updatedAt: string;
            entities: {
                entityId: string;
                name: string;
                /**
                 * @default company
                 * @enum {string}
                 */
                kind: "company" | "person" | "government" | "organisation" | "network";
            }[];
            /** @description Ids of related briefings */
            related: string[];
            /**
             * @description The tier the briefing was shaped for
             * @enum {string}
             */
            viewerTier: "public" | "strategy-circle" | "leadership-alliance";
            /** @description Every section of the brief, in page order */
            sections: components["schemas"]["SectionView"][];
            autoPublish?: components["schemas"]["AutoPublishRule"];
            pendingRevision?: components["schemas"]["PendingRevision"];
            completeness: {
                complete: boolean;
                /** @description What still blocks publishing, one line per issue (`<pointer>: <detail>`) */
                problems: string[];
                /** @description What still blocks publishing, per field */
                issues: {
                    /** @description The field: `#/sections/operatingSurface/marketExposure`, `#/translations/zh/whatToWatch/1`; `#/sources` for missing evidence */
                    pointer: string;
                    /** @enum {string} */
                    code: "empty" | "too-short" | "placeholder" | "template" | "section-title" | "repeated-sentence" | "no-sources";
                    /** @description What is wrong with it, for a person to read */
                    detail: string;
                }[];
            };
        };
        /** @description A feed item: public fields only, the same for every caller. */
        BriefingSummary: {
            briefingId: string;
            /** @description The headline's language: the original's, or a translation's when the feed is filtered by `language` */
            language: string;
            /** @description Present when the headline is a translation: the original language */
            originalLanguage?: string;
            /** Format: date-time */
            publishedAt: string;
            headline: string;
            signalType: string;
            region: string;
            score: number;
            /** @enum {string} */
            grade: "D" | "C/D" | "B/C" | "A/B" | "A";
            label: string;
            /**
             * @description Present while an on-record denial disputes the signal
             * @constant
             */
            disputed?: true;
            /**
             * @description Present while the score is an analyst's assessment
             * @constant
             */
            analystAssessed?: true;
        };
        BriefingPage: {
            items: components["schemas"]["BriefingSummary"][];
            /** @description Send as `cursor` for the next page; absent on the last page */
            nextCursor?: string;
        };
        Source: {
            briefingId: string;
            /** @description Derived from the canonical URL */
            sourceId: string;
            canonicalUrl: string;
            url: string;
            publisher: string;
            /** @enum {string} */
            kind: "direct" | "reporting" | "secondary" | "social" | "internal";
            /** @enum {string} */
            stance: "supports" | "contradicts";
            title: string;
            language: string;
            publishedAt?: string;
            retrievedAt?: string;
            excerpt?: string;
            reliability?: {
                /**
                 * @description Admiralty source reliability (A completely reliable … F cannot be judged)
                 * @enum {string}
                 */
                grade: "A" | "B" | "C" | "D" | "E" | "F";
                reason: string;
            };
            /**
             * @description Admiralty information credibility (1 confirmed … 5 improbable, 6 cannot be judged)
             * @enum {number}
             */
            credibility?: 1 | 2 | 3 | 4 | 5 | 6;
            /** @description Of the text (or excerpt): how copies, paraphrases and translations are recognised */
            fingerprint?: {
                scheme: string;
                shingles: number;
                sketch: string;
                words?: number;
                wordSketch?: string;
                figures?: string[];
                names?: string[];
                /** @enum {string} */
                script?: "latin" | "han" | "other";
                exact?: string;
            };
            /** @description What it credits: outlets, or `document:<kind>` */
            credits?: string[];
            /** @enum {string} */
            sourcing?: "on-record" | "unnamed" | "unspecified";
            note?: string;
            /** Format: date-time */
            ingestedAt: string;
            ingestedBy: string;
            state?: components["schemas"]["SourceState"];
            /** @description Absent until the first change: 1. The ETag is `"source-v<version>"` */
            version?: number;
            /** @description Every correction and change of state, oldest first */
            history?: {
                /** @enum {string} */
                action: "corrected" | "withdrawn" | "retracted-by-publisher" | "restored";
                by: string;
                /** Format: date-time */
                at: string;
                reason: string;
                changed?: {
                    /** @enum {string} */
                    field: "kind" | "stance" | "publisher" | "title" | "publishedAt" | "language" | "reliability" | "credibility" | "credits" | "sourcing" | "note";
                    from?: unknown;
                    to?: unknown;
                }[];
            }[];
        };
        /** @description A JSON Feed 1.1 of published briefings: public fields only, the same for every caller. */
        JsonFeed: {
            /** @constant */
            version: "https://jsonfeed.org/version/1.1";
            title: string;
            /** @description The same list as JSON: GET /briefings with the same filters */
            home_page_url: string;
            /** @description This feed */
            feed_url: string;
            description: string;
            /** @description The language asked for, when the feed is filtered by `language` */
            language?: string;
            authors: {
                name: string;
            }[];
            items: {
                /** @description The briefing on this API, `…/briefings/{briefingId}`: the same in every language */
                id: string;
                /** @description Where to read it: the briefing, with `?lang=` when the title is a translation */
                url: string;
                title: string;
                /** @description The confidence, signal type and region, as HTML */
                content_html: string;
                /** Format: date-time */
                date_published: string;
                language: string;
                /** @description The grade, the label, the signal type, and `disputed` or `analyst-assessed` when set */
                tags: string[];
                /** @description The confidence of the briefing (GET /confidence/legend explains grades and labels) */
                _signal_briefings: {
                    /** @enum {string} */
                    grade: "D" | "C/D" | "B/C" | "A/B" | "A";
                    label: string;
                    score: number;
                    signalType: string;
                    region: string;
                    /**
                     * @description Present while an on-record denial disputes the signal
                     * @constant
                     */
                    disputed?: true;
                    /**
                     * @description Present while the score is an analyst's assessment
                     * @constant
                     */
                    analystAssessed?: true;
                };
            }[];
        };
        /** @description How the score was computed, source by source (docs/scoring.md). */
        ScoreExplanation: {
            modelVersion: string;
            /**
             * @description How shares were computed
             * @enum {string}
             */
            method: "shapley" | "leave-one-out";
            /** @description The combined support before ceilings, floors, contradiction and rounding */
            raw: number;
            caps: {
                cap: number;
                why: string;
                binding: boolean;
            }[];
            floor?: {
                floor: number;
                why: string;
                binding: boolean;
            };
            origins: {
                originId: string;
                /** @enum {string} */
                stance: "supports" | "contradicts";
                members: string[];
                /** @description The member whose weight the origin carries */
                lead: string;
                weight: number;
                contribution: number;
                share: number;
            }[];
            sources: {
                sourceId: string;
                originId: string;
                /** @description False for a dependent source: its line is counted through another source */
                counted: boolean;
                copyOf?: string;
                dependsOn?: {
                    sourceId: string;
                    /** @enum {string} */
                    relation: "same outlet" | "credits" | "same credit" | "copy" | "paraphrase" | "translation";
                }[];
                line?: string;
                credits?: string[];
                /**
                 * @description Admiralty source reliability (A completely reliable … F cannot be judged)
                 * @enum {string}
                 */
                reliability: "A" | "B" | "C" | "D" | "E" | "F";
                /** @enum {string} */
                reliabilitySetBy: "analyst" | "default";
                /**
                 * @description Admiralty information credibility (1 confirmed … 5 improbable, 6 cannot be judged)
                 * @enum {number}
                 */
                credibility?: 1 | 2 | 3 | 4 | 5 | 6;
                ageDays: number;
                dated: boolean;
                factors: {
                    kind: number;
                    reliability: number;
                    credibility: number;
                    recency: number;
                };
                weight: number;
                contribution: number;
                share: number;
                reasons: string[];
            }[];
            /** @description The event window recency was judged against */
            event?: {
                from: string;
                to?: string;
            };
            /** @description An analyst's assessment standing in place of the model's, with the model's result it replaced */
            override?: {
                score: number;
                /** @enum {string} */
                grade: "D" | "C/D" | "B/C" | "A/B" | "A";
                reason: string;
                by: string;
                at: string;
                evidenceKey: string;
                model: {
                    score: number;
                    /** @enum {string} */
                    grade: "D" | "C/D" | "B/C" | "A/B" | "A";
                };
            };
        };
        /** @description An analyst's override accepted: the score follows through Briefing Edited and Briefing Scored. */
        ScoreOverrideAccepted: {
            briefingId: string;
            version: number;
            /** @description The override as stored (absent once lifted) */
            override?: {
                score: number;
                /** @enum {string} */
                grade: "D" | "C/D" | "B/C" | "A/B" | "A";
                reason: string;
                by: string;
                at: string;
                evidenceKey: string;
                model: {
                    score: number;
                    /** @enum {string} */
                    grade: "D" | "C/D" | "B/C" | "A/B" | "A";
                };
            };
        };
        ScoreReport: {
            briefingId: string;
            /** @enum {string} */
            status: "draft" | "published" | "retracted";
            /** Format: date-time */
            updatedAt: string;
            confidence: components["schemas"]["Confidence"];
            /** @description Absent for a briefing not scored since model v2 */
            explanation?: components["schemas"]["ScoreExplanation"];
            sources: components["schemas"]["SourceNote"][];
            /** @description How old the signal is now: when a supporting source last confirmed it, and the score it would carry if it decayed like old evidence (full 30 days, then halving every 180). For editors; never applied to the published score */
            freshness?: {
                lastConfirmedAt: string;
                daysSinceConfirmed: number;
                decayedScore: number;
            };
        };
        /** @description One editorial action in a briefing's history. */
        VersionSummary: {
            version: number;
            /** @enum {string} */
            action: "created" | "edited" | "proposed" | "published" | "retracted" | "assessed" | "unassessed";
            /** @description Who acted: a user id, or `rule:auto-publish` */
            by: string;
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            status: "draft" | "published" | "retracted";
            headline: string;
            score: number;
            /** @enum {string} */
            grade: "D" | "C/D" | "B/C" | "A/B" | "A";
            /** @description On a publication: the editor whose decision it is (who published, or who approved the auto-publish rule); on an editor's own live edit: that editor */
            approvedBy?: string;
            /** @description On a publication: who proposed what it made public (the revision's author, or the auto-publish rule's) */
            proposedBy?: string;
            /** @description The auto-publish rule at this version */
            autoPublish?: components["schemas"]["AutoPublishRule"];
        };
        VersionHistory: {
            briefingId: string;
            /** @description Newest first, at most 100; rescoring alone leaves no entry, so versions may skip numbers */
            versions: components["schemas"]["VersionSummary"][];
        };
        /** @description The written content of a briefing as one editorial action left it (for `proposed`: the revision proposed). */
        BriefingSnapshot: {
            briefingId: string;
            version: number;
            /** @enum {string} */
            action: "created" | "edited" | "proposed" | "published" | "retracted" | "assessed" | "unassessed";
            by: string;
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            status: "draft" | "published" | "retracted";
            language: string;
            sections: {
                headline: string;
                coverage: string;
                publishedReporting: string;
                signalBrief: {
                    signal: string;
                    /** @enum {string} */
                    signalType: "Market" | "Infrastructure" | "Governance" | "Operational dependency";
                    region: string;
                    marketClass: string;
                };
                operatingSurface: {
                    /** @default [] */
                    affectedParties: string[];
                    /** @default  */
                    operatingSurface: string;
                    /** @default  */
                    marketExposure: string;
                };
                marketContext: {
                    /** @enum {string} */
                    operationalRelevance: "Low" | "Medium" | "High" | "Critical";
                    timeHorizon: string;
                };
                /** @default [] */
                whatToWatch: string[];
                /** @default  */
                trendContext: string;
                /** @default [] */
                relationshipEvidence: {
                    from: string;
                    to: string;
                    relation: string;
                    evidence: string;
                }[];
                /** @default [] */
                failurePaths: {
                    path: string;
                    affected: string;
                }[];
            };
            translations: {
                [key: string]: {
                    headline: string;
                    coverage: string;
                    publishedReporting: string;
                    signalBrief: {
                        signal: string;
                        /** @enum {string} */
                        signalType: "Market" | "Infrastructure" | "Governance" | "Operational dependency";
                        region: string;
                        marketClass: string;
                    };
                    operatingSurface: {
                        /** @default [] */
                        affectedParties: string[];
                        /** @default  */
                        operatingSurface: string;
                        /** @default  */
                        marketExposure: string;
                    };
                    marketContext: {
                        /** @enum {string} */
                        operationalRelevance: "Low" | "Medium" | "High" | "Critical";
                        timeHorizon: string;
                    };
                    /** @default [] */
                    whatToWatch: string[];
                    /** @default  */
                    trendContext: string;
                    /** @default [] */
                    relationshipEvidence: {
                        from: string;
                        to: string;
                        relation: string;
                        evidence: string;
                    }[];
                    /** @default [] */
                    failurePaths: {
                        path: string;
                        affected: string;
                    }[];
                };
            };
            entities: {
                entityId: string;
                name: string;
                /**
                 * @default company
                 * @enum {string}
                 */
                kind: "company" | "person" | "government" | "organisation" | "network";
            }[];
            related: string[];
            confidence: components["schemas"]["Confidence"];
            /** @description On a publication: the editor whose decision it is (who published, or who approved the auto-publish rule); on an editor's own live edit: that editor */
            approvedBy?: string;
            /** @description On a publication: who proposed what it made public (the revision's author, or the auto-publish rule's) */
            proposedBy?: string;
            /** @description The auto-publish rule at this version */
            autoPublish?: components["schemas"]["AutoPublishRule"];
        };
        /** @description What the API grants the caller now, and until when. */
        MemberSelfView: {
            userId: string;
            /** @enum {string} */
            tier: "public" | "strategy-circle" | "leadership-alliance";
            roles: ("analyst" | "editor" | "admin")[];
            /** @enum {string} */
            status: "active" | "expired" | "revoked" | "none";
            /**
             * Format: date-time
             * @description End of an active grant that has one
             */
            validUntil?: string;
        };
        Entitlement: {
            userId: string;
            /** @enum {string} */
            tier: "strategy-circle" | "leadership-alliance";
            roles: ("analyst" | "editor" | "admin")[];
            /** @enum {string} */
            origin: "sign-up" | "admin" | "seed";
            /** @description The admin's user id, or `system:sign-up` / `system:seed` */
            grantedBy: string;
            /** Format: date-time */
            validFrom: string;
            /** Format: date-time */
            validUntil?: string;
            /** Format: date-time */
            revokedAt?: string;
            revokedBy?: string;
            revokedReason?: string;
            version: number;
            /** Format: date-time */
            updatedAt: string;
        };
        /** @description The record as a change left it, and who made the change. */
        EntitlementHistoryEntry: {
            userId: string;
            /** @enum {string} */
            tier: "strategy-circle" | "leadership-alliance";
            roles: ("analyst" | "editor" | "admin")[];
            /** @enum {string} */
            origin: "sign-up" | "admin" | "seed";
            /** @description The admin's user id, or `system:sign-up` / `system:seed` */
            grantedBy: string;
            /** Format: date-time */
            validFrom: string;
            /** Format: date-time */
            validUntil?: string;
            /** Format: date-time */
            revokedAt?: string;
            revokedBy?: string;
            revokedReason?: string;
            version: number;
            /** Format: date-time */
            updatedAt: string;
            /**
             * @description What happened: `signed-up`, `granted`, `revoked` (announced as Entitlement Changed), `provisioned` (local stack), or a step of a request for a tier that grants nothing by itself (`access-requested`, `access-declined`; an approval is `granted`)
             * @enum {string}
             */
            change: "signed-up" | "granted" | "revoked" | "provisioned" | "access-requested" | "access-declined";
            changedBy: string;
            /** @description The request for a tier this step belongs to */
            accessRequestId?: string;
        };
        /** @description A member's entitlement as an admin sees it. */
        MemberAdminView: {
            userId: string;
            /** @enum {string} */
            status: "active" | "expired" | "revoked" | "none";
            /** @description What the record grants now (a token may grant less until it is refreshed) */
            grants: {
                /** @enum {string} */
                tier: "public" | "strategy-circle" | "leadership-alliance";
                roles: ("analyst" | "editor" | "admin")[];
            };
            record?: components["schemas"]["Entitlement"];
        };
        /** @description A request for Leadership Alliance as its member reads it (not who decided it). */
        MemberAccessRequest: {
            /** @description Numbered per member: 1, 2, … */
            requestId: string;
            userId: string;
            /** @constant */
            tier: "leadership-alliance";
            /** @description The member's reason: read by the member and admins only, never in an event */
            reason: string;
            /** @enum {string} */
            status: "open" | "approved" | "declined";
            /** Format: date-time */
            requestedAt: string;
            /** Format: date-time */
            decidedAt?: string;
            /**
             * Format: date-time
             * @description Approved: the end date of the grant
             */
            validUntil?: string;
            /** @description Declined: why, written to the member */
            declineReason?: string;
        };
        MemberAccessRequests: {
            /** @description Newest first, at most 20; at most one is `open` */
            items: components["schemas"]["MemberAccessRequest"][];
        };
        /** @description A member's request for Leadership Alliance as admins read it. */
        AccessRequest: {
            /** @description Numbered per member: 1, 2, … */
            requestId: string;
            userId: string;
            /** @constant */
            tier: "leadership-alliance";
            /** @description The member's reason: read by the member and admins only, never in an event */
            reason: string;
            /** @enum {string} */
            status: "open" | "approved" | "declined";
            /** Format: date-time */
            requestedAt: string;
            /** Format: date-time */
            decidedAt?: string;
            /**
             * Format: date-time
             * @description Approved: the end date of the grant
             */
            validUntil?: string;
            /** @description Declined: why, written to the member */
            declineReason?: string;
            /** @description The deciding admin's user id */
            decidedBy?: string;
        };
        AccessRequestPage: {
            items: components["schemas"]["AccessRequest"][];
            /** @description Send as `cursor` (with the same `status`) for the next page; absent on the last page */
            nextCursor?: string;
        };
        MemberWithHistory: {
            userId: string;
            /** @enum {string} */
            status: "active" | "expired" | "revoked" | "none";
            /** @description What the record grants now (a token may grant less until it is refreshed) */
            grants: {
                /** @enum {string} */
                tier: "public" | "strategy-circle" | "leadership-alliance";
                roles: ("analyst" | "editor" | "admin")[];
            };
            record?: components["schemas"]["Entitlement"];
            /** @description Newest first, bounded */
            history: components["schemas"]["EntitlementHistoryEntry"][];
            /** @description The member's requests for a tier, newest first, at most 20 */
            accessRequests: components["schemas"]["AccessRequest"][];
        };
        /** @description The confidence bands and marks, from the scorer's own definitions. */
        ConfidenceLegend: {
            /** @description The confidence model the bands belong to */
            modelVersion: string;
            /** @description The languages every text below is given in */
            languages: ("en" | "zh")[];
            /** @description The six bands, highest first */
            bands: {
                /** @enum {string} */
                grade: "D" | "C/D" | "B/C" | "A/B" | "A";
                /** @description The lowest score in the band (closed below) */
                min: number;
                /** @description The highest score in the band, to two decimals (open above: the next band starts at max + 0.01) */
                max: number;
                /** @description `0.90 – 1.00` */
                range: string;
                /** @description The same text in each language served */
                label: {
                    en: string;
                    zh: string;
                };
            }[];
            /** @description How to read a band boundary, and what grade A requires */
            notes: {
                en: string;
                zh: string;
            };
            marks: {
                /** @description `confidence.disputed` on a briefing */
                disputed: {
                    /** @description The same text in each language served */
                    label: {
                        en: string;
                        zh: string;
                    };
                    /** @description The same text in each language served */
                    meaning: {
                        en: string;
                        zh: string;
                    };
                };
                /** @description `confidence.analystAssessed` on a briefing */
                analystAssessed: {
                    /** @description The same text in each language served */
                    label: {
                        en: string;
                        zh: string;
                    };
                    /** @description The same text in each language served */
                    meaning: {
                        en: string;
                        zh: string;
                    };
                };
            };
        };
        Evidence: {
            text: string;
            /** @description The briefing the evidence comes from */
            briefingId?: string;
            /** Format: uri */
            url?: string;
        };
        /** @description A relationship as one entity's page shows it: who, how, whom and a public summary; its evidence is Leadership Alliance content. */
        RelationshipView: {
            /**
             * @description `outgoing`: this entity states the link; `incoming`: another entity states it about this one
             * @enum {string}
             */
            direction: "outgoing" | "incoming";
            from: {
                entityId: string;
                /** @description Its name when the link was written */
                name: string;
            };
            /** @enum {string} */
            relation: "investor in" | "acquired" | "subsidiary of" | "partner of" | "partner paused" | "supplier to" | "customer of" | "competitor of" | "executive of" | "executive moved to" | "founder of" | "regulator of";
            to: {
                entityId: string;
                /** @description Its name when the link was written */
                name: string;
            };
            /** @description `YYYY`, `YYYY-MM` or `YYYY-MM-DD` */
            since?: string;
            /** @description One public line */
            summary: string;
            evidence: {
                /** @enum {string} */
                tier: "public" | "strategy-circle" | "leadership-alliance";
                /** @constant */
                locked: false;
                content: components["schemas"]["Evidence"][];
            } | {
                /** @enum {string} */
                tier: "public" | "strategy-circle" | "leadership-alliance";
                /** @constant */
                locked: true;
                /**
                 * @description The tier that unlocks it
                 * @enum {string}
                 */
                unlockTier: "public" | "strategy-circle" | "leadership-alliance";
                /** @description How to unlock it, as on a locked section of a briefing */
                unlock?: components["schemas"]["UnlockOffer"];
            };
        };
        /** @description An entity's profile and relationships, shaped for the caller's tier. */
        EntityView: {
            entityId: string;
            name: string;
            /** @enum {string} */
            kind: "company" | "person" | "government" | "organisation" | "network";
            /** @description Other names, by language */
            aliases: {
                language: string;
                name: string;
            }[];
            /** @description Why the entity is covered; absent until an analyst writes the profile */
            coverage?: string;
            /** Format: date-time */
            updatedAt: string;
            /**
             * Format: date-time
             * @description When the profile became public (a published briefing named it, or an editor published it); absent only for staff
             */
            publishedAt?: string;
            /**
             * @description The tier the page was shaped for
             * @enum {string}
             */
            viewerTier: "public" | "strategy-circle" | "leadership-alliance";
            /** @description Outgoing first, then incoming; readers see only links to public entities */
            relationships: components["schemas"]["RelationshipView"][];
        };
        EntityPage: {
            entityId: string;
            name: string;
            /** @enum {string} */
            kind: "company" | "person" | "government" | "organisation" | "network";
            /** @description Other names, by language */
            aliases: {
                language: string;
                name: string;
            }[];
            /** @description Why the entity is covered; absent until an analyst writes the profile */
            coverage?: string;
            /** Format: date-time */
            updatedAt: string;
            /**
             * Format: date-time
             * @description When the profile became public (a published briefing named it, or an editor published it); absent only for staff
             */
            publishedAt?: string;
            /**
             * @description The tier the page was shaped for
             * @enum {string}
             */
            viewerTier: "public" | "strategy-circle" | "leadership-alliance";
            /** @description Outgoing first, then incoming; readers see only links to public entities */
            relationships: components["schemas"]["RelationshipView"][];
            /** @description Its latest published briefings, newest first (at most 10) */
            recentBriefings: components["schemas"]["BriefingSummary"][];
        };
        WatchEntry: {
            entityId: string;
            name: string;
            /** @enum {string} */
            kind: "company" | "person" | "government" | "organisation" | "network";
            /** Format: date-time */
            followedAt: string;
        };
        Watchlist: {
            items: components["schemas"]["WatchEntry"][];
            /** @description The most entities a watchlist holds */
            limit: number;
        };
        AlertPage: {
            /** @enum {string} */
            viewerTier: "public" | "strategy-circle" | "leadership-alliance";
            items: ({
                briefingId: string;
                briefingVersion: number;
                /**
                 * Format: date-time
                 * @description When the announced version was made
                 */
                alertedAt: string;
                /** @description The followed entities the briefing names */
                entityIds: string[];
                briefing: components["schemas"]["BriefingSummary"];
                /** @constant */
                status: "published";
                /** @description Which of the briefing's sections the caller's tier reads now */
                sections: {
                    unlocked: ("headline" | "coverage" | "publishedReporting" | "signalBrief" | "operatingSurface" | "marketContext" | "whatToWatch" | "confidence" | "trendContext" | "relationshipEvidence" | "failurePaths" | "sourceNotes")[];
                    locked: {
                        /** @enum {string} */
                        name: "headline" | "coverage" | "publishedReporting" | "signalBrief" | "operatingSurface" | "marketContext" | "whatToWatch" | "confidence" | "trendContext" | "relationshipEvidence" | "failurePaths" | "sourceNotes";
                        /** @enum {string} */
                        unlockTier: "public" | "strategy-circle" | "leadership-alliance";
                        /** @description How to unlock it, as on a locked section of a briefing */
                        unlock?: components["schemas"]["UnlockOffer"];
                    }[];
                };
            } | {
                briefingId: string;
                briefingVersion: number;
                /**
                 * Format: date-time
                 * @description When the announced version was made
                 */
                alertedAt: string;
                /** @description The followed entities the briefing names */
                entityIds: string[];
                /** @constant */
                status: "retracted";
            })[];
        };
        /** @description The caller's email delivery preference. */
        EmailPreferences: {
            /** @enum {string} */
            delivery: "instant" | "daily" | "off";
            /** @enum {string} */
            language: "en" | "zh" | "zh-Hant";
            /** @description The address emails go to: the verified address of the account */
            email: string;
            /** @description True when the address bounced or complained: nothing is sent to it until support lifts the suppression */
            suppressed: boolean;
            /** Format: date-time */
            updatedAt: string;
            /**
             * Format: date-time
             * @description When the signed unsubscribe link turned email off
             */
            unsubscribedAt?: string;
        };
        /** @description The member's email is off; the same answer whether or not they had chosen any. */
        Unsubscribed: {
            /** @constant */
            unsubscribed: true;
            /** @constant */
            delivery: "off";
        };
        Webhook: {
            webhookId: string;
            name: string;
            url: string;
            /** @enum {string} */
            tier: "public" | "strategy-circle" | "leadership-alliance";
            /** @description Which briefings reach the partner: every condition given must hold */
            filter: {
                /** @description Only briefings with one of these entity ids among their entities; absent: any */
                entityIds?: string[];
                /** @description Only briefings with one of these signal types; absent: any */
                signalTypes?: string[];
                /** @description Only briefings with one of these regions; absent: any */
                regions?: string[];
                /**
                 * @description Only briefings graded this or better
                 * @enum {string}
                 */
                minGrade?: "D" | "C/D" | "B/C" | "A/B" | "A";
                /** @description Which events; absent: all */
                events?: ("briefing.published" | "briefing.retracted")[];
            };
            rateLimitPerSecond: number;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /**
             * Format: date-time
             * @description When the current signing secret was made
             */
            secretRotatedAt: string;
            /**
             * Format: date-time
             * @description After a rotation: until then deliveries also carry a signature with the previous secret
             */
            previousSecretValidUntil?: string;
        };
        WebhookWithSecret: {
            webhookId: string;
            name: string;
            url: string;
            /** @enum {string} */
            tier: "public" | "strategy-circle" | "leadership-alliance";
            /** @description Which briefings reach the partner: every condition given must hold */
            filter: {
                /** @description Only briefings with one of these entity ids among their entities; absent: any */
                entityIds?: string[];
                /** @description Only briefings with one of these signal types; absent: any */
                signalTypes?: string[];
                /** @description Only briefings with one of these regions; absent: any */
                regions?: string[];
                /**
                 * @description Only briefings graded this or better
                 * @enum {string}
                 */
                minGrade?: "D" | "C/D" | "B/C" | "A/B" | "A";
                /** @description Which events; absent: all */
                events?: ("briefing.published" | "briefing.retracted")[];
            };
            rateLimitPerSecond: number;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /**
             * Format: date-time
             * @description When the current signing secret was made
             */
            secretRotatedAt: string;
            /**
             * Format: date-time
             * @description After a rotation: until then deliveries also carry a signature with the previous secret
             */
            previousSecretValidUntil?: string;
            /** @description The HMAC-SHA256 key deliveries are signed with; shown once: store it now */
            signingSecret: string;
        };
        WebhookList: {
            items: components["schemas"]["Webhook"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAccessRequests: {
        parameters: {
            query?: {
                status?: "open" | "approved" | "declined";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of requests. */
            200: {
                headers: {
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRequestPage"];
                };
            };
            /** @description An unknown status or parameter, a limit out of range, or a cursor this list did not give (`query:cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an admin, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBriefings: {
        parameters: {
            query?: {
                signalType?: "Market" | "Infrastructure" | "Governance" | "Operational dependency";
                region?: string;
                marketClass?: string;
                entity?: string;
                minGrade?: "D" | "C/D" | "B/C" | "A/B" | "A";
                language?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the feed. */
            200: {
                headers: {
                    /** @description `public, max-age=30` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefingPage"];
                };
            };
            /** @description A limit out of range, an unknown parameter, a cursor this API did not issue, or an entity readers do not know (none, or only a draft names it). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createBriefing: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "language": "en",
                 *       "eventDate": "2025-07-16",
                 *       "entities": [
                 *         {
                 *           "entityId": "scale-ai",
                 *           "name": "Scale AI",
                 *           "kind": "company"
                 *         },
                 *         {
                 *           "entityId": "meta",
                 *           "name": "Meta",
                 *           "kind": "company"
                 *         },
                 *         {
                 *           "entityId": "alexandr-wang",
                 *           "name": "Alexandr Wang",
                 *           "kind": "person"
                 *         },
                 *         {
                 *           "entityId": "jason-droege",
                 *           "name": "Jason Droege",
                 *           "kind": "person"
                 *         }
                 *       ],
                 *       "autoPublish": {
                 *         "minGrade": "A/B"
                 *       },
                 *       "sections": {
                 *         "headline": "Scale AI lays off about 14% of its staff and folds its generative-AI teams weeks after Meta's 49% stake",
                 *         "coverage": "Scale AI is tracked for market relevance: its data-labelling work sits underneath many frontier model programmes, so changes there carry internet infrastructure, governance, market and operational-dependency signals.",
                 *         "publishedReporting": "Scale AI has laid off roughly 14% of its workforce, about 200 full-time employees, and ended work with around 500 contractors. The cuts come shortly after Meta's reported investment of about $14.3 billion for a 49% stake, and after co-founder Alexandr Wang left to lead Meta's new superintelligence lab. In an internal memo, interim chief executive Jason Droege wrote that the generative-AI business had expanded faster than it could sustain. Its sixteen teams are being folded into five groups (code, languages, experts, experimental and audio), and the go-to-market teams become a single demand-generation unit. Google and OpenAI have reportedly paused new projects with the company because of its ties to Meta. Scale AI maintains that it is well funded and says it will redirect investment toward enterprise, public-sector and government AI customers. This matters because a vendor that many model builders relied on is now partly owned by one of their competitors.",
                 *         "signalBrief": {
                 *           "signal": "Workforce cut and restructuring at Scale AI following Meta's minority investment and the founder's departure",
                 *           "signalType": "Market",
                 *           "region": "Global",
                 *           "marketClass": "Institutional"
                 *         },
                 *         "operatingSurface": {
                 *           "affectedParties": [
                 *             "Scale AI employees and contractors",
                 *             "Frontier model developers that buy labelled data, including Google and OpenAI",
                 *             "Meta",
                 *             "Enterprise and public-sector buyers of AI services",
                 *             "Rival data-annotation vendors"
                 *           ],
                 *           "operatingSurface": "Human data-labelling and evaluation pipelines used to train and test large language models; the contractor networks that supply expert annotation; account management for generative-AI customers.",
                 *           "marketExposure": "Revenue concentrated in a handful of frontier labs, some of which now compete with Scale AI's largest shareholder; an opening for rival annotation vendors; valuation pressure on the AI data-services segment."
                 *         },
                 *         "marketContext": {
                 *           "operationalRelevance": "High",
                 *           "timeHorizon": "Next quarter"
                 *         },
                 *         "whatToWatch": [
                 *           "Official statements from Scale AI, Meta, Google or OpenAI on the status of existing contracts.",
                 *           "Regulatory updates, including any competition review of Meta's stake and the governance rights attached to it.",
                 *           "Customer and partner exposure: which model developers move annotation work to other vendors.",
                 *           "Follow-up disclosures on headcount, contractor pay and the size of the enterprise and government pipeline."
                 *         ],
                 *         "trendContext": "The cuts fit a wider pattern in which large platforms secure AI talent and data supply through big minority stakes instead of full acquisitions, moving key people without a complete merger review. For a supplier whose value rests on neutrality, such an investment can cost more in customer trust than it brings in capital. Labs that treat their training data as a competitive secret are reluctant to route it through a vendor aligned with a rival. Demand for generic annotation is also softening as models produce more synthetic data and labs bring expert labelling in-house, leaving the value in specialised work such as code, languages and audio, which matches the groups the company kept. Enterprise and government buyers offer steadier contracts, but they buy slowly and expect security clearances, so revenue is likely to dip before any recovery. Competing annotation providers are the near-term winners if frontier labs keep spreading their work across vendors.",
                 *         "relationshipEvidence": [
                 *           {
                 *             "from": "Meta",
                 *             "to": "Scale AI",
                 *             "relation": "Investor (reported 49% stake)",
                 *             "evidence": "Investment of about $14.3 billion reported by several outlets in June 2025 and referred to in Scale AI’s own update."
                 *           },
                 *           {
                 *             "from": "Alexandr Wang",
                 *             "to": "Meta",
                 *             "relation": "Executive (moved from Scale AI)",
                 *             "evidence": "Scale AI's co-founder left the company to lead Meta's new superintelligence lab."
                 *           },
                 *           {
                 *             "from": "Jason Droege",
                 *             "to": "Scale AI",
                 *             "relation": "Interim chief executive",
                 *             "evidence": "Author of the internal memo announcing the layoffs and the consolidation of the generative-AI teams."
                 *           },
                 *           {
                 *             "from": "Google",
                 *             "to": "Scale AI",
                 *             "relation": "Customer (new projects reportedly paused)",
                 *             "evidence": "Press reports attribute the pause to the Meta relationship; Google has not confirmed it."
                 *           },
                 *           {
                 *             "from": "OpenAI",
                 *             "to": "Scale AI",
                 *             "relation": "Customer (new projects reportedly paused)",
                 *             "evidence": "Reported alongside the Google pause; no public statement from OpenAI on existing contracts."
                 *           }
                 *         ],
                 *         "failurePaths": [
                 *           {
                 *             "path": "More frontier-lab customers end their contracts, leaving revenue dependent on Meta and on slow government procurement.",
                 *             "affected": "Scale AI staff, investors and remaining contractors"
                 *           },
                 *           {
                 *             "path": "A competition or national-security review questions Meta's stake and delays the public-sector pivot.",
                 *             "affected": "Scale AI, Meta and public-sector buyers"
                 *           },
                 *           {
                 *             "path": "Experienced contractors leave, data quality in the retained groups slips, and model developers see it in their evaluations.",
                 *             "affected": "Model developers that rely on Scale AI data and their enterprise users"
                 *           }
                 *         ]
                 *       },
                 *       "translations": {
                 *         "zh": {
                 *           "headline": "Meta入股49%数周后，Scale AI裁员约14%并整合生成式AI团队",
                 *           "coverage": "Scale AI因其市场相关性被纳入跟踪：众多前沿模型项目依赖它的数据标注服务，因此该公司的变动会释放互联网基础设施、治理、市场及运营依赖方面的信号。",
                 *           "publishedReporting": "Scale AI裁减了约14%的员工，涉及约200名全职员工，并终止了与约500名外包人员的合作。在此之前，Meta据报道以约143亿美元取得该公司49%的股份，联合创始人Alexandr Wang随即离职，加入Meta新成立的超级智能实验室。临时首席执行官Jason Droege在内部备忘录中表示，生成式AI业务扩张过快，已难以为继。该业务原有的16个团队将合并为5个，分别是代码、语言、专家、实验和音频；市场拓展团队则并入统一的“需求生成”部门。据报道，谷歌和OpenAI因Scale AI与Meta的关系，已暂停与其开展新项目。Scale AI表示公司资金充足，并将把投资重点转向企业、公共部门和政府领域的AI业务。此事值得关注，是因为许多模型开发商所依赖的供应商，如今有近一半股权握在它们的竞争对手手中。",
                 *           "signalBrief": {
                 *             "signal": "Meta入股及创始人离职后，Scale AI裁员并重组生成式AI业务",
                 *             "signalType": "Market",
                 *             "region": "Global",
                 *             "marketClass": "Institutional"
                 *           },
                 *           "operatingSurface": {
                 *             "affectedParties": [
                 *               "Scale AI员工及外包人员",
                 *               "采购标注数据的前沿模型开发商（包括谷歌和OpenAI）",
                 *               "Meta",
                 *               "企业及公共部门的AI服务采购方",
                 *               "同业数据标注服务商"
                 *             ],
                 *             "operatingSurface": "用于训练和评测大语言模型的人工数据标注与评估流程；提供专家级标注的外包人员网络；面向生成式AI客户的客户管理。",
                 *             "marketExposure": "收入集中于少数前沿实验室，其中部分客户如今与Scale AI的最大股东存在竞争；同业标注服务商迎来机会；AI数据服务板块估值承压。"
                 *           },
                 *           "marketContext": {
                 *             "operationalRelevance": "High",
                 *             "timeHorizon": "下一季度"
                 *           },
                 *           "whatToWatch": [
                 *             "Scale AI、Meta、谷歌或OpenAI就现有合同状态发布的官方声明。",
                 *             "监管动态，包括对Meta所持股份及其附带治理权利可能开展的竞争审查。",
                 *             "客户与合作伙伴敞口：哪些模型开发商会把标注业务转给其他供应商。",
                 *             "后续披露：员工人数、外包人员报酬，以及企业和政府业务储备的规模。"
                 *           ],
                 *           "trendContext": "此次裁员契合一个更广泛的趋势：大型平台不再整体收购，而是通过大比例少数股权锁定AI人才和数据供应，既能带走关键人物，又无需经历完整的并购审查。对于一家以中立为核心价值的供应商而言，接受此类投资所损失的客户信任，可能超过它带来的资金。把训练数据视为竞争机密的实验室，不愿再通过与对手结盟的供应商处理数据。与此同时，随着模型生成更多合成数据、实验室把专家标注收回内部，通用标注需求正在走弱，价值集中到代码、语言、音频等专业领域，这与该公司保留的方向相吻合。企业和政府客户能带来更稳定的合同，但采购周期长，还要求安全资质，因此收入很可能先降后升。如果前沿实验室继续把业务分散给多家供应商，其他标注服务商将在短期内受益。",
                 *           "relationshipEvidence": [
                 *             {
                 *               "from": "Meta",
                 *               "to": "Scale AI",
                 *               "relation": "投资方（据报道持股49%）",
                 *               "evidence": "2025年6月多家媒体报道了约143亿美元的投资，Scale AI在其公告中亦有提及。"
                 *             },
                 *             {
                 *               "from": "Alexandr Wang",
                 *               "to": "Meta",
                 *               "relation": "高管（由Scale AI转投）",
                 *               "evidence": "Scale AI联合创始人离开公司，出任Meta新成立的超级智能实验室负责人。"
                 *             },
                 *             {
                 *               "from": "Jason Droege",
                 *               "to": "Scale AI",
                 *               "relation": "临时首席执行官",
                 *               "evidence": "宣布裁员及生成式AI团队整合的内部备忘录出自其手。"
                 *             },
                 *             {
                 *               "from": "谷歌",
                 *               "to": "Scale AI",
                 *               "relation": "客户（据报道已暂停新项目）",
                 *               "evidence": "媒体报道称暂停与Meta的关系有关，谷歌尚未证实。"
                 *             },
                 *             {
                 *               "from": "OpenAI",
                 *               "to": "Scale AI",
                 *               "relation": "客户（据报道已暂停新项目）",
                 *               "evidence": "与谷歌暂停合作的消息一同被报道，OpenAI未就现有合同发表公开声明。"
                 *             }
                 *           ],
                 *           "failurePaths": [
                 *             {
                 *               "path": "更多前沿实验室客户终止合同，使收入过度依赖Meta和进展缓慢的政府采购。",
                 *               "affected": "Scale AI员工、投资者及留任的外包人员"
                 *             },
                 *             {
                 *               "path": "竞争或国家安全审查对Meta的持股提出质疑，拖慢向公共部门的转型。",
                 *               "affected": "Scale AI、Meta及公共部门采购方"
                 *             },
                 *             {
                 *               "path": "资深外包人员流失，保留业务的数据质量下滑，模型开发商在评测中察觉到这一变化。",
                 *               "affected": "依赖Scale AI数据的模型开发商及其企业用户"
                 *             }
                 *           ]
                 *         }
                 *       },
                 *       "related": []
                 *     }
                 */
                "application/json": components["schemas"]["BriefingInput"];
            };
        };
        responses: {
            /** @description The draft, as its author sees it, with `completeness`: what still blocks publishing. */
            201: {
                headers: {
                    /** @description Where the created resource can be read */
                    location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "briefingId": "01JY7ZK6Q3W8Y2N4V5T6R7S8PA",
                     *       "status": "draft",
                     *       "language": "en",
                     *       "originalLanguage": "en",
                     *       "availableLanguages": [
                     *         "en",
                     *         "zh"
                     *       ],
                     *       "updatedAt": "2026-06-20T08:00:00.000Z",
                     *       "entities": [
                     *         {
                     *           "entityId": "scale-ai",
                     *           "name": "Scale AI",
                     *           "kind": "company"
                     *         },
                     *         {
                     *           "entityId": "meta",
                     *           "name": "Meta",
                     *           "kind": "company"
                     *         },
                     *         {
                     *           "entityId": "alexandr-wang",
                     *           "name": "Alexandr Wang",
                     *           "kind": "person"
                     *         },
                     *         {
                     *           "entityId": "jason-droege",
                     *           "name": "Jason Droege",
                     *           "kind": "person"
                     *         }
                     *       ],
                     *       "related": [],
                     *       "viewerTier": "leadership-alliance",
                     *       "sections": [
                     *         {
                     *           "name": "headline",
                     *           "title": "Headline / signal",
                     *           "tier": "public",
                     *           "locked": false,
                     *           "content": "Scale AI lays off about 14% of its staff and folds its generative-AI teams weeks after Meta's 49% stake"
                     *         },
                     *         {
                     *           "name": "coverage",
                     *           "title": "Coverage",
                     *           "tier": "public",
                     *           "locked": false,
                     *           "content": "Scale AI is tracked for market relevance: its data-labelling work sits underneath many frontier model programmes, so changes there carry internet infrastructure, governance, market and operational-dependency signals."
                     *         },
                     *         {
                     *           "name": "publishedReporting",
                     *           "title": "Published reporting",
                     *           "tier": "public",
                     *           "locked": false,
                     *           "content": "Scale AI has laid off roughly 14% of its workforce, about 200 full-time employees, and ended work with around 500 contractors. The cuts come shortly after Meta's reported investment of about $14.3 billion for a 49% stake, and after co-founder Alexandr Wang left to lead Meta's new superintelligence lab. In an internal memo, interim chief executive Jason Droege wrote that the generative-AI business had expanded faster than it could sustain. Its sixteen teams are being folded into five groups (code, languages, experts, experimental and audio), and the go-to-market teams become a single demand-generation unit. Google and OpenAI have reportedly paused new projects with the company because of its ties to Meta. Scale AI maintains that it is well funded and says it will redirect investment toward enterprise, public-sector and government AI customers. This matters because a vendor that many model builders relied on is now partly owned by one of their competitors."
                     *         },
                     *         {
                     *           "name": "signalBrief",
                     *           "title": "Signal brief",
                     *           "tier": "public",
                     *           "locked": false,
                     *           "content": {
                     *             "signal": "Workforce cut and restructuring at Scale AI following Meta's minority investment and the founder's departure",
                     *             "signalType": "Market",
                     *             "region": "Global",
                     *             "marketClass": "Institutional"
                     *           }
                     *         },
                     *         {
                     *           "name": "operatingSurface",
                     *           "title": "Operating surface",
                     *           "tier": "public",
                     *           "locked": false,
                     *           "content": {
                     *             "affectedParties": [
                     *               "Scale AI employees and contractors",
                     *               "Frontier model developers that buy labelled data, including Google and OpenAI",
                     *               "Meta",
                     *               "Enterprise and public-sector buyers of AI services",
                     *               "Rival data-annotation vendors"
                     *             ],
                     *             "operatingSurface": "Human data-labelling and evaluation pipelines used to train and test large language models; the contractor networks that supply expert annotation; account management for generative-AI customers.",
                     *             "marketExposure": "Revenue concentrated in a handful of frontier labs, some of which now compete with Scale AI's largest shareholder; an opening for rival annotation vendors; valuation pressure on the AI data-services segment."
                     *           }
                     *         },
                     *         {
                     *           "name": "marketContext",
                     *           "title": "Market context",
                     *           "tier": "public",
                     *           "locked": false,
                     *           "content": {
                     *             "operationalRelevance": "High",
                     *             "timeHorizon": "Next quarter"
                     *           }
                     *         },
                     *         {
                     *           "name": "whatToWatch",
                     *           "title": "What to watch",
                     *           "tier": "public",
                     *           "locked": false,
                     *           "content": [
                     *             "Official statements from Scale AI, Meta, Google or OpenAI on the status of existing contracts.",
                     *             "Regulatory updates, including any competition review of Meta's stake and the governance rights attached to it.",
                     *             "Customer and partner exposure: which model developers move annotation work to other vendors.",
                     *             "Follow-up disclosures on headcount, contractor pay and the size of the enterprise and government pipeline."
                     *           ]
                     *         },
                     *         {
                     *           "name": "confidence",
                     *           "title": "Confidence",
                     *           "tier": "public",
                     *           "locked": false,
                     *           "content": {
                     *             "score": 0,
                     *             "grade": "D",
                     *             "label": "Internal monitoring",
                     *             "sourceCounts": {
                     *               "direct": 0,
                     *               "reporting": 0,
                     *               "secondary": 0,
                     *               "social": 0,
                     *               "internal": 0
                     *             },
                     *             "independentOrigins": 0,
                     *             "reasons": [
                     *               {
                     *                 "code": "no-evidence",
                     *                 "text": "no sources yet"
                     *               }
                     *             ],
                     *             "admiralty": {
                     *               "reliability": "F",
                     *               "credibility": 6,
                     *               "code": "F6"
                     *             },
                     *             "modelVersion": "v3"
                     *           }
                     *         },
                     *         {
                     *           "name": "trendContext",
                     *           "title": "Deeper trend context",
                     *           "tier": "strategy-circle",
                     *           "locked": false,
                     *           "content": "The cuts fit a wider pattern in which large platforms secure AI talent and data supply through big minority stakes instead of full acquisitions, moving key people without a complete merger review. For a supplier whose value rests on neutrality, such an investment can cost more in customer trust than it brings in capital. Labs that treat their training data as a competitive secret are reluctant to route it through a vendor aligned with a rival. Demand for generic annotation is also softening as models produce more synthetic data and labs bring expert labelling in-house, leaving the value in specialised work such as code, languages and audio, which matches the groups the company kept. Enterprise and government buyers offer steadier contracts, but they buy slowly and expect security clearances, so revenue is likely to dip before any recovery. Competing annotation providers are the near-term winners if frontier labs keep spreading their work across vendors."
                     *         },
                     *         {
                     *           "name": "relationshipEvidence",
                     *           "title": "Relationship evidence",
                     *           "tier": "leadership-alliance",
                     *           "locked": false,
                     *           "content": [
                     *             {
                     *               "from": "Meta",
                     *               "to": "Scale AI",
                     *               "relation": "Investor (reported 49% stake)",
                     *               "evidence": "Investment of about $14.3 billion reported by several outlets in June 2025 and referred to in Scale AI’s own update."
                     *             },
                     *             {
                     *               "from": "Alexandr Wang",
                     *               "to": "Meta",
                     *               "relation": "Executive (moved from Scale AI)",
                     *               "evidence": "Scale AI's co-founder left the company to lead Meta's new superintelligence lab."
                     *             },
                     *             {
                     *               "from": "Jason Droege",
                     *               "to": "Scale AI",
                     *               "relation": "Interim chief executive",
                     *               "evidence": "Author of the internal memo announcing the layoffs and the consolidation of the generative-AI teams."
                     *             },
                     *             {
                     *               "from": "Google",
                     *               "to": "Scale AI",
                     *               "relation": "Customer (new projects reportedly paused)",
                     *               "evidence": "Press reports attribute the pause to the Meta relationship; Google has not confirmed it."
                     *             },
                     *             {
                     *               "from": "OpenAI",
                     *               "to": "Scale AI",
                     *               "relation": "Customer (new projects reportedly paused)",
                     *               "evidence": "Reported alongside the Google pause; no public statement from OpenAI on existing contracts."
                     *             }
                     *           ]
                     *         },
                     *         {
                     *           "name": "failurePaths",
                     *           "title": "Failure paths",
                     *           "tier": "leadership-alliance",
                     *           "locked": false,
                     *           "content": [
                     *             {
                     *               "path": "More frontier-lab customers end their contracts, leaving revenue dependent on Meta and on slow government procurement.",
                     *               "affected": "Scale AI staff, investors and remaining contractors"
                     *             },
                     *             {
                     *               "path": "A competition or national-security review questions Meta's stake and delays the public-sector pivot.",
                     *               "affected": "Scale AI, Meta and public-sector buyers"
                     *             },
                     *             {
                     *               "path": "Experienced contractors leave, data quality in the retained groups slips, and model developers see it in their evaluations.",
                     *               "affected": "Model developers that rely on Scale AI data and their enterprise users"
                     *             }
                     *           ]
                     *         },
                     *         {
                     *           "name": "sourceNotes",
                     *           "title": "Source notes",
                     *           "tier": "leadership-alliance",
                     *           "locked": false,
                     *           "content": []
                     *         }
                     *       ],
                     *       "autoPublish": {
                     *         "minGrade": "A/B",
                     *         "proposedBy": "analyst-sub",
                     *         "proposedAt": "2026-06-20T08:00:00.000Z"
                     *       },
                     *       "completeness": {
                     *         "complete": false,
                     *         "problems": [
                     *           "no sources yet"
                     *         ],
                     *         "issues": [
                     *           {
                     *             "pointer": "#/sources",
                     *             "code": "no-sources",
                     *             "detail": "no sources yet"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CreatedBriefing"];
                };
            };
            /** @description The input is invalid: `errors` names each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an analyst, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBriefing: {
        parameters: {
            query?: {
                lang?: string;
            };
            header?: {
                /** @description An ETag from an earlier read: when it is still current for this caller, the answer is 304 with no body. */
                "if-none-match"?: string;
                /** @description Preferred languages (RFC 9110), used when `lang` is not sent. */
                "accept-language"?: string;
            };
            path: {
                briefingId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The briefing, shaped for the caller's tier. */
            200: {
                headers: {
                    /** @description `public, max-age=60` for anonymous callers, `private, no-store` for signed-in ones */
                    "cache-control"?: string;
                    /** @description A strong validator, `"v<version>-<audience>"`: the audience is `public`, `strategy-circle` or `leadership-alliance` for readers, `staff` for staff; a translation adds `-<language>` (If-Match takes the original's) */
                    etag?: string;
                    /** @description The language served */
                    "content-language"?: string;
                    /** @description `authorization, accept-language`: the representation depends on the token and the language asked for */
                    vary?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "briefingId": "01JY7ZK6Q3W8Y2N4V5T6R7S8PA",
                     *       "status": "published",
                     *       "language": "en",
                     *       "originalLanguage": "en",
                     *       "availableLanguages": [
                     *         "en",
                     *         "zh"
                     *       ],
                     *       "publishedAt": "2026-06-20T08:15:02.000Z",
                     *       "updatedAt": "2026-06-20T08:00:00.000Z",
                     *       "entities": [
                     *         {
                     *           "entityId": "scale-ai",
                     *           "name": "Scale AI",
                     *           "kind": "company"
                     *         },
                     *         {
                     *           "entityId": "meta",
                     *           "name": "Meta",
                     *           "kind": "company"
                     *         },
                     *         {
                     *           "entityId": "alexandr-wang",
                     *           "name": "Alexandr Wang",
                     *           "kind": "person"
                     *         },
                     *         {
                     *           "entityId": "jason-droege",
                     *           "name": "Jason Droege",
                     *           "kind": "person"
                     *         }
                     *       ],
                     *       "related": [],
                     *       "viewerTier": "public",
                     *       "sections": [
                     *         {
                     *           "name": "headline",
                     *           "title": "Headline / signal",
                     *           "tier": "public",
                     *           "locked": false,
                     *           "content": "Scale AI lays off about 14% of its staff and folds its generative-AI teams weeks after Meta's 49% stake"
                     *         },
                     *         {
                     *           "name": "coverage",
                     *           "title": "Coverage",
                     *           "tier": "public",
                     *           "locked": false,
                     *           "content": "Scale AI is tracked for market relevance: its data-labelling work sits underneath many frontier model programmes, so changes there carry internet infrastructure, governance, market and operational-dependency signals."
                     *         },
                     *         {
                     *           "name": "publishedReporting",
                     *           "title": "Published reporting",
                     *           "tier": "public",
                     *           "locked": false,
                     *           "content": "Scale AI has laid off roughly 14% of its workforce, about 200 full-time employees, and ended work with around 500 contractors. The cuts come shortly after Meta's reported investment of about $14.3 billion for a 49% stake, and after co-founder Alexandr Wang left to lead Meta's new superintelligence lab. In an internal memo, interim chief executive Jason Droege wrote that the generative-AI business had expanded faster than it could sustain. Its sixteen teams are being folded into five groups (code, languages, experts, experimental and audio), and the go-to-market teams become a single demand-generation unit. Google and OpenAI have reportedly paused new projects with the company because of its ties to Meta. Scale AI maintains that it is well funded and says it will redirect investment toward enterprise, public-sector and government AI customers. This matters because a vendor that many model builders relied on is now partly owned by one of their competitors."
                     *         },
                     *         {
                     *           "name": "signalBrief",
                     *           "title": "Signal brief",
                     *           "tier": "public",
                     *           "locked": false,
                     *           "content": {
                     *             "signal": "Workforce cut and restructuring at Scale AI following Meta's minority investment and the founder's departure",
                     *             "signalType": "Market",
                     *             "region": "Global",
                     *             "marketClass": "Institutional"
                     *           }
                     *         },
                     *         {
                     *           "name": "operatingSurface",
                     *           "title": "Operating surface",
                     *           "tier": "public",
                     *           "locked": false,
                     *           "content": {
                     *             "affectedParties": [
                     *               "Scale AI employees and contractors",
                     *               "Frontier model developers that buy labelled data, including Google and OpenAI",
                     *               "Meta",
                     *               "Enterprise and public-sector buyers of AI services",
                     *               "Rival data-annotation vendors"
                     *             ],
                     *             "operatingSurface": "Human data-labelling and evaluation pipelines used to train and test large language models; the contractor networks that supply expert annotation; account management for generative-AI customers.",
                     *             "marketExposure": "Revenue concentrated in a handful of frontier labs, some of which now compete with Scale AI's largest shareholder; an opening for rival annotation vendors; valuation pressure on the AI data-services segment."
                     *           }
                     *         },
                     *         {
                     *           "name": "marketContext",
                     *           "title": "Market context",
                     *           "tier": "public",
                     *           "locked": false,
                     *           "content": {
                     *             "operationalRelevance": "High",
                     *             "timeHorizon": "Next quarter"
                     *           }
                     *         },
                     *         {
                     *           "name": "whatToWatch",
                     *           "title": "What to watch",
                     *           "tier": "public",
                     *           "locked": false,
                     *           "content": [
                     *             "Official statements from Scale AI, Meta, Google or OpenAI on the status of existing contracts.",
                     *             "Regulatory updates, including any competition review of Meta's stake and the governance rights attached to it.",
                     *             "Customer and partner exposure: which model developers move annotation work to other vendors.",
                     *             "Follow-up disclosures on headcount, contractor pay and the size of the enterprise and government pipeline."
                     *           ]
                     *         },
                     *         {
                     *           "name": "confidence",
                     *           "title": "Confidence",
                     *           "tier": "public",
                     *           "locked": false,
                     *           "content": {
                     *             "score": 0,
                     *             "grade": "D",
                     *             "label": "Internal monitoring",
                     *             "sourceCounts": {
                     *               "direct": 0,
                     *               "reporting": 0,
                     *               "secondary": 0,
                     *               "social": 0,
                     *               "internal": 0
                     *             },
                     *             "independentOrigins": 0,
                     *             "reasons": [
                     *               {
                     *                 "code": "no-evidence",
                     *                 "text": "no sources yet"
                     *               }
                     *             ],
                     *             "admiralty": {
                     *               "reliability": "F",
                     *               "credibility": 6,
                     *               "code": "F6"
                     *             },
                     *             "modelVersion": "v3"
                     *           }
                     *         },
                     *         {
                     *           "name": "trendContext",
                     *           "title": "Deeper trend context",
                     *           "tier": "strategy-circle",
                     *           "locked": true,
                     *           "unlockTier": "strategy-circle"
                     *         },
                     *         {
                     *           "name": "relationshipEvidence",
                     *           "title": "Relationship evidence",
                     *           "tier": "leadership-alliance",
                     *           "locked": true,
                     *           "unlockTier": "leadership-alliance"
                     *         },
                     *         {
                     *           "name": "failurePaths",
                     *           "title": "Failure paths",
                     *           "tier": "leadership-alliance",
                     *           "locked": true,
                     *           "unlockTier": "leadership-alliance"
                     *         },
                     *         {
                     *           "name": "sourceNotes",
                     *           "title": "Source notes",
                     *           "tier": "leadership-alliance",
                     *           "locked": true,
                     *           "unlockTier": "leadership-alliance"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["BriefingView"];
                };
            };
            /** @description The ETag in If-None-Match is current: no body. */
            304: {
                headers: {
                    /** @description As for 200 */
                    "cache-control"?: string;
                    /** @description A strong validator, `"v<version>-<audience>"`: the audience is `public`, `strategy-circle` or `leadership-alliance` for readers, `staff` for staff */
                    etag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A malformed `lang` (`query:lang`); a well-formed one the briefing lacks serves the original. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description The bearer token sent is invalid or expired (send none to read as the public). */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such briefing, or a draft or retracted briefing and the caller is not staff. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    editBriefing: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the briefing as staff read it, `"v<version>-staff"`. */
                "if-match": string;
            };
            path: {
                briefingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BriefingPatch"];
            };
        };
        responses: {
            /** @description The edited briefing, as staff see it (with `pendingRevision` when the edit waits for an editor). */
            200: {
                headers: {
                    /** @description A strong validator, `"v<version>-<audience>"`: the new version, `"v<version>-staff"`; send it in If-Match to edit again */
                    etag?: string;
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefingView"];
                };
            };
            /** @description The input is invalid: `errors` names each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an analyst or an editor, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such briefing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The briefing was retracted: it cannot be edited. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not name the current version: the briefing changed since it was read (or changed concurrently). Read it again. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The edit would leave a published briefing incomplete; `problems` says what. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["IncompleteProblem"];
                };
            };
            /** @description No If-Match (or `*`): edits must name the version they were made on. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishBriefing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                briefingId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The published briefing. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefingView"];
                };
            };
            /** @description The input is invalid: `errors` names each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an editor, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such briefing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already published with no revision pending, or retracted, or changed by someone else meanwhile (retry). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The draft (or the revision) is incomplete; `problems` says what is missing. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["IncompleteProblem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retractBriefing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                briefingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetractBriefingRequest"];
            };
        };
        responses: {
            /** @description The retracted briefing, as staff see it. */
            200: {
                headers: {
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefingView"];
                };
            };
            /** @description The input is invalid: `errors` names each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an editor, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such briefing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not published (a draft, or already retracted), or changed by someone else meanwhile (retry). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBriefingScore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                briefingId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The score, its explanation and the source notes. */
            200: {
                headers: {
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScoreReport"];
                };
            };
            /** @description The input is invalid: `errors` names each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an analyst or an editor, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such briefing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    overrideScore: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the briefing as staff read it, `"v<version>-staff"`. */
                "if-match": string;
            };
            path: {
                briefingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OverrideScoreRequest"];
            };
        };
        responses: {
            /** @description The override as stored; the score follows through Briefing Scored. */
            202: {
                headers: {
                    /** @description A strong validator, `"v<version>-<audience>"`: the new version, `"v<version>-staff"` */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScoreOverrideAccepted"];
                };
            };
            /** @description The input is invalid: `errors` names each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an analyst or an editor, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such briefing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The briefing was retracted. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not name the current version. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No If-Match (or `*`). */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    liftScoreOverride: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the briefing as staff read it, `"v<version>-staff"`. */
                "if-match": string;
            };
            path: {
                briefingId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Lifted; the score follows through Briefing Scored. */
            202: {
                headers: {
                    /** @description A strong validator, `"v<version>-<audience>"`: the new version, `"v<version>-staff"` */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScoreOverrideAccepted"];
                };
            };
            /** @description The input is invalid: `errors` names each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an analyst or an editor, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such briefing, or no override stands on it. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not name the current version. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No If-Match (or `*`). */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                briefingId: string;
                sourceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The source. */
            200: {
                headers: {
                    /** @description `"source-v<version>"`: send it in If-Match to correct or withdraw the source */
                    etag?: string;
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            /** @description The input is invalid: `errors` names each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an analyst or an editor, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such source in this briefing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawSource: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the source, `"source-v<version>"`. */
                "if-match": string;
            };
            path: {
                briefingId: string;
                sourceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawSourceRequest"];
            };
        };
        responses: {
            /** @description The withdrawn source, with its state and history. */
            200: {
                headers: {
                    /** @description The new version, `"source-v<version>"` */
                    etag?: string;
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            /** @description The input is invalid: `errors` names each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an analyst or an editor, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such source in this briefing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The source is already withdrawn. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not name the current version of the source: it changed since it was read. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No If-Match (or `*`). */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    correctSource: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the source, `"source-v<version>"`. */
                "if-match": string;
            };
            path: {
                briefingId: string;
                sourceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CorrectSourceRequest"];
            };
        };
        responses: {
            /** @description The source as the change left it, with its state and history. */
            200: {
                headers: {
                    /** @description The new version, `"source-v<version>"`: send it in If-Match for the next change */
                    etag?: string;
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            /** @description The input is invalid: `errors` names each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an analyst or an editor, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such source in this briefing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The state change does not apply (restoring an active source; retracting one that is withdrawn or already retracted), or the source is withdrawn: restore it before correcting it. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not name the current version of the source: it changed since it was read. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No If-Match (or `*`). */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBriefingVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                briefingId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The history. */
            200: {
                headers: {
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionHistory"];
                };
            };
            /** @description The input is invalid: `errors` names each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an analyst or an editor, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such briefing. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBriefingVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                briefingId: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The snapshot. */
            200: {
                headers: {
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BriefingSnapshot"];
                };
            };
            /** @description The version is not a positive integer (`path:version`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an analyst or an editor, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such briefing, or no snapshot of that version (rescoring alone leaves none). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConfidenceLegend: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier read: when the legend is unchanged, the answer is 304 with no body. */
                "if-none-match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The legend. */
            200: {
                headers: {
                    /** @description `public, max-age=86400`: it changes only with a deploy */
                    "cache-control"?: string;
                    /** @description A strong validator: a digest of the legend */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfidenceLegend"];
                };
            };
            /** @description The ETag in If-None-Match is current: no body. */
            304: {
                headers: {
                    /** @description As for 200 */
                    "cache-control"?: string;
                    /** @description As for 200 */
                    etag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any query parameter (the route takes none). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEntity: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier read: when the page is unchanged for this caller, the answer is 304 with no body. */
                "if-none-match"?: string;
                /** @description Preferred languages (RFC 9110): the language of the lock screens (`unlock`), English when none is served. */
                "accept-language"?: string;
            };
            path: {
                entityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entity page, shaped for the caller's tier. */
            200: {
                headers: {
                    /** @description `public, max-age=60` for anonymous callers, `private, no-store` for signed-in ones */
                    "cache-control"?: string;
                    /** @description A strong validator: a digest of the page and the audience it was shaped for */
                    etag?: string;
                    /** @description `authorization, accept-language`: the representation depends on the token, and its lock screens on the language asked for */
                    vary?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntityPage"];
                };
            };
            /** @description The ETag in If-None-Match is current: no body. */
            304: {
                headers: {
                    /** @description As for 200 */
                    "cache-control"?: string;
                    /** @description As for 200 */
                    etag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input is invalid: `errors` names each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description The bearer token sent is invalid or expired (send none to read as the public). */
            401: {
                headers: {
                    /** @description `Bearer` */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such entity, or none readers may know of yet: an entity becomes public once a published briefing names it or an editor publishes its profile; until then the answer is the same as for an id nobody used (staff see it). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putEntity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutEntityRequest"];
            };
        };
        responses: {
            /** @description The entity as staff see it (without recent briefings). */
            200: {
                headers: {
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntityView"];
                };
            };
            /** @description Invalid input; a relationship to an unknown entity, to itself or listed twice (`#/relationships/<i>/target`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an analyst or an editor, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The profile kept changing under concurrent writes (retry). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBriefingFeed: {
        parameters: {
            query?: {
                signalType?: "Market" | "Infrastructure" | "Governance" | "Operational dependency";
                region?: string;
                marketClass?: string;
                entity?: string;
                minGrade?: "D" | "C/D" | "B/C" | "A/B" | "A";
                language?: string;
                limit?: number;
            };
            header?: {
                /** @description An ETag from an earlier read: when the feed is unchanged, the answer is 304 with no body. */
                "if-none-match"?: string;
            };
            path: {
                /** @description The feed's format: briefings.rss, briefings.atom, briefings.json */
                feed: "briefings.rss" | "briefings.atom" | "briefings.json";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed, in the format the path names. */
            200: {
                headers: {
                    /** @description `public, max-age=60` */
                    "cache-control"?: string;
                    /** @description A strong validator: a digest of the document */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example <?xml version="1.0" encoding="utf-8"?>
                     *     <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
                     *         <channel>
                     *             <title>Signal Briefings</title>
                     *             <link>https://api.example.com/briefings</link>
                     *             <description>Published signal briefings, newest first, with their confidence grade and label. Public fields only: the sections a tier unlocks are read on the briefing itself.</description>
                     *             <lastBuildDate>Sat, 20 Jun 2026 08:15:02 GMT</lastBuildDate>
                     *             <docs>https://validator.w3.org/feed/docs/rss2.html</docs>
                     *             <generator>Signal Briefings</generator>
                     *             <atom:link href="https://api.example.com/feeds/briefings.rss" rel="self" type="application/rss+xml"/>
                     *             <item>
                     *                 <title><![CDATA[Scale AI lays off about 14% of its staff and folds its generative-AI teams weeks after Meta's 49% stake]]></title>
                     *                 <link>https://api.example.com/briefings/01JY7ZK6Q3W8Y2N4V5T6R7S8PA</link>
                     *                 <guid isPermaLink="false">https://api.example.com/briefings/01JY7ZK6Q3W8Y2N4V5T6R7S8PA</guid>
                     *                 <pubDate>Sat, 20 Jun 2026 08:15:02 GMT</pubDate>
                     *                 <description><![CDATA[<p>Confidence: D — Internal monitoring (0.00)</p><p>Market signal · Global</p>]]></description>
                     *                 <category domain="https://api.example.com/confidence/legend#grade">D</category>
                     *                 <category domain="https://api.example.com/confidence/legend#label">Internal monitoring</category>
                     *                 <category>Market</category>
                     *             </item>
                     *         </channel>
                     *     </rss>
                     */
                    "application/rss+xml": string;
                    /**
                     * @example <?xml version="1.0" encoding="utf-8"?>
                     *     <feed xmlns="http://www.w3.org/2005/Atom">
                     *         <id>https://api.example.com/feeds/briefings.atom</id>
                     *         <title>Signal Briefings</title>
                     *         <updated>2026-06-20T08:15:02.000Z</updated>
                     *         <generator>Signal Briefings</generator>
                     *         <author>
                     *             <name>Signal Briefings</name>
                     *         </author>
                     *         <link rel="alternate" href="https://api.example.com/briefings"/>
                     *         <link rel="self" href="https://api.example.com/feeds/briefings.atom"/>
                     *         <subtitle>Published signal briefings, newest first, with their confidence grade and label. Public fields only: the sections a tier unlocks are read on the briefing itself.</subtitle>
                     *         <entry>
                     *             <title type="html"><![CDATA[Scale AI lays off about 14% of its staff and folds its generative-AI teams weeks after Meta&#39;s 49% stake]]></title>
                     *             <id>https://api.example.com/briefings/01JY7ZK6Q3W8Y2N4V5T6R7S8PA</id>
                     *             <link href="https://api.example.com/briefings/01JY7ZK6Q3W8Y2N4V5T6R7S8PA"/>
                     *             <updated>2026-06-20T08:15:02.000Z</updated>
                     *             <summary type="html"><![CDATA[<p>Confidence: D — Internal monitoring (0.00)</p><p>Market signal · Global</p>]]></summary>
                     *             <category scheme="https://api.example.com/confidence/legend#grade" term="D"/>
                     *             <category scheme="https://api.example.com/confidence/legend#label" term="Internal monitoring"/>
                     *             <category term="Market"/>
                     *             <published>2026-06-20T08:15:02.000Z</published>
                     *         </entry>
                     *     </feed>
                     */
                    "application/atom+xml": string;
                    /**
                     * @example {
                     *       "version": "https://jsonfeed.org/version/1.1",
                     *       "title": "Signal Briefings",
                     *       "home_page_url": "https://api.example.com/briefings",
                     *       "feed_url": "https://api.example.com/feeds/briefings.json",
                     *       "description": "Published signal briefings, newest first, with their confidence grade and label. Public fields only: the sections a tier unlocks are read on the briefing itself.",
                     *       "authors": [
                     *         {
                     *           "name": "Signal Briefings"
                     *         }
                     *       ],
                     *       "items": [
                     *         {
                     *           "id": "https://api.example.com/briefings/01JY7ZK6Q3W8Y2N4V5T6R7S8PA",
                     *           "url": "https://api.example.com/briefings/01JY7ZK6Q3W8Y2N4V5T6R7S8PA",
                     *           "title": "Scale AI lays off about 14% of its staff and folds its generative-AI teams weeks after Meta's 49% stake",
                     *           "content_html": "<p>Confidence: D — Internal monitoring (0.00)</p><p>Market signal · Global</p>",
                     *           "date_published": "2026-06-20T08:15:02.000Z",
                     *           "language": "en",
                     *           "tags": [
                     *             "D",
                     *             "Internal monitoring",
                     *             "Market"
                     *           ],
                     *           "_signal_briefings": {
                     *             "grade": "D",
                     *             "label": "Internal monitoring",
                     *             "score": 0,
                     *             "signalType": "Market",
                     *             "region": "Global"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/feed+json": components["schemas"]["JsonFeed"];
                };
            };
            /** @description The ETag in If-None-Match is current: no body. */
            304: {
                headers: {
                    /** @description As for 200 */
                    "cache-control"?: string;
                    /** @description As for 200 */
                    etag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description As GET /briefings: a limit out of range, an unknown parameter, or an entity readers do not know. No `cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No such feed: the feeds are `briefings.rss`, `briefings.atom` and `briefings.json`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the API grants the caller. */
            200: {
                headers: {
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberSelfView"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyAccessRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's requests. */
            200: {
                headers: {
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberAccessRequests"];
                };
            };
            /** @description The input is invalid: `errors` names each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestAccess: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestAccessRequest"];
            };
        };
        responses: {
            /** @description The open request (200 when it was already open). */
            201: {
                headers: {
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberAccessRequest"];
                };
            };
            /** @description The input is invalid: `errors` names each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's membership is not active: revoked, or never recorded (the entitlement record decides, within the cache window of at most 60 s). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An open request with another reason is waiting for its decision, the caller already reads every Leadership Alliance section (a member of it, or staff), or the caller's record changed meanwhile (retry). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAlerts: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: {
                /** @description Preferred languages (RFC 9110): the language of the lock screens (`unlock`), else each briefing's own. */
                "accept-language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The latest alerts. */
            200: {
                headers: {
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertPage"];
                };
            };
            /** @description A limit out of range or an unknown parameter. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's membership is not active: revoked, or never recorded (the entitlement record decides, within the cache window of at most 60 s). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEmailPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The preference. */
            200: {
                headers: {
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailPreferences"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description No preference yet: nothing is emailed until one is set with PUT. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putEmailPreferences: {
        parameters: {
            query?: never;
            header?: {
                /** @description The language of the emails when the body names none. */
                "accept-language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutEmailPreferencesRequest"];
            };
        };
        responses: {
            /** @description The stored preference. */
            200: {
                headers: {
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailPreferences"];
                };
            };
            /** @description An unknown delivery or language, an unknown field, or an account without a verified address (`#/delivery`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWatchlist: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The watchlist, by entity id. */
            200: {
                headers: {
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Watchlist"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's membership is not active: revoked, or never recorded (the entitlement record decides, within the cache window of at most 60 s). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    followEntity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The watchlist entry. */
            200: {
                headers: {
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WatchEntry"];
                };
            };
            /** @description The input is invalid: `errors` names each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's membership is not active: revoked, or never recorded (the entitlement record decides, within the cache window of at most 60 s). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such entity, or one not public yet (as for an id nobody used). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The watchlist is full (200 entities): unfollow one first. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unfollowEntity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entityId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Not followed (any more). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input is invalid: `errors` names each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    decideAccessRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
                requestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideAccessRequestRequest"];
            };
        };
        responses: {
            /** @description The decided request. */
            200: {
                headers: {
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRequest"];
                };
            };
            /** @description Invalid input: no `validUntil` to approve, or one in the past; no `reason` to decline. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an admin, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such request for this member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already decided otherwise; approving a member whose entitlement is revoked; or the member's record changed meanwhile (retry). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEntitlement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entitlement and its history. */
            200: {
                headers: {
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberWithHistory"];
                };
            };
            /** @description The input is invalid: `errors` names each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an admin, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No entitlement was ever recorded for this member. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    grantEntitlement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantInput"];
            };
        };
        responses: {
            /** @description The entitlement as the grant left it. */
            200: {
                headers: {
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberAdminView"];
                };
            };
            /** @description Invalid input; Leadership Alliance without an end date, or an end date in the past. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an admin, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No entitlement record for this user: members have one once they confirm their sign-up. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An admin tried to remove their own admin role, or the record changed meanwhile (retry). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeEntitlement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeInput"];
            };
        };
        responses: {
            /** @description The revoked entitlement. */
            200: {
                headers: {
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberAdminView"];
                };
            };
            /** @description The input is invalid: `errors` names each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an admin, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The member has no entitlement to revoke. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An admin tried to revoke their own entitlement, or the record changed meanwhile (retry). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ingestSource: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "briefingId": "01JY7ZK6Q3W8Y2N4V5T6R7S8PA",
                 *       "url": "https://www.reuters.com/demo/scale-ai-layoffs",
                 *       "publisher": "Reuters",
                 *       "kind": "reporting",
                 *       "title": "Scale AI cuts 14% of staff after Meta investment (demo)",
                 *       "language": "en",
                 *       "publishedAt": "2025-07-16T18:20:00Z",
                 *       "retrievedAt": "2025-07-16T18:45:00Z",
                 *       "excerpt": "Scale AI is laying off about 14% of its staff, roughly 200 full-time employees, and ending contracts with around 500 contractors, according to an internal memo. The data-labelling company said its generative-AI unit had grown too fast. The cuts come weeks after Meta agreed to invest about $14.3 billion for a 49% stake.",
                 *       "note": "First wire report with the headcount figures; matches the memo as later quoted by other outlets."
                 *     }
                 */
                "application/json": components["schemas"]["SourceInput"];
            };
        };
        responses: {
            /** @description The stored source. */
            201: {
                headers: {
                    /** @description The briefing the source was added to, `/briefings/{briefingId}` */
                    location?: string;
                    /** @description `"source-v1"`: send it in If-Match to correct or withdraw the source */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            /** @description Invalid input, or the briefing does not exist (`#/briefingId`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an analyst, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The same canonical URL is already stored for the briefing; if it was withdrawn, `state` says so and `restore` how to count it again. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["DuplicateSourceProblem"];
                };
            };
            /** @description The body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unsubscribe: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page. */
            200: {
                headers: {
                    /** @description `no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html; charset=utf-8": string;
                };
            };
            /** @description A token this service did not sign, or an altered one (`query:token`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postUnsubscribe: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Email is off. */
            200: {
                headers: {
                    /** @description `no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unsubscribed"];
                };
            };
            /** @description A token this service did not sign, or an altered one (`query:token`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every webhook, without its secret. */
            200: {
                headers: {
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookList"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an admin, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterWebhookRequest"];
            };
        };
        responses: {
            /** @description The webhook and its signing secret. */
            201: {
                headers: {
                    /** @description Where the created resource can be read */
                    location?: string;
                    /** @description `no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            /** @description Invalid input, or a URL that cannot receive deliveries (`#/url`: https required). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an admin, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook, without its secret. */
            200: {
                headers: {
                    /** @description `private, no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description The input is invalid: `errors` names each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an admin, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such webhook. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input is invalid: `errors` names each failing field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an admin, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such webhook. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RotateWebhookSecretRequest"];
            };
        };
        responses: {
            /** @description The webhook and its new signing secret. */
            200: {
                headers: {
                    /** @description `no-store` */
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            /** @description `overlapHours` out of 0-72, or an unknown field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ValidationProblem"];
                };
            };
            /** @description No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called). */
            401: {
                headers: {
                    /** @description Why the token was refused */
                    "www-authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller is not an admin, or the membership that made them one has ended. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such webhook. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on our side; it has been logged. The body says nothing about internals. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
