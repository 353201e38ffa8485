/**
 * The OpenAPI 3.1 document of the HTTP API, generated from what the code
 * enforces, never written by hand:
 *
 * - routes, methods and authorizers: `ROUTES` in functions/manifest.ts;
 * - path, query and body schemas: the zod schemas each handler validates with
 *   (`handler.route`, exposed by `httpRoute` in functions/commons/http.ts);
 * - the failures every route shares: derived from that spec (400 when it
 *   validates input, 401, 403 for staff roles, 413/415 when it takes a body);
 * - successes and route-specific failures: contracts/responses.ts, which
 *   names the domain's response schemas (docs/decisions/0001-contracts.md);
 * - examples: the fixtures of contracts/examples.ts.
 *
 * Schemas are converted with zod's own `z.toJSONSchema` (JSON Schema 2020-12,
 * the dialect of OpenAPI 3.1). Served by the local stack at `/openapi.json`;
 * `npm run docs` writes it to `.data/api/`.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as z from 'zod/mini';
import { EXAMPLE_BRIEFING_INPUT, EXAMPLE_SOURCE_INPUT } from '#contracts/examples.ts';
import { Problem, type ResponseDoc, ROUTE_RESPONSES, responseSchemas, TAGS, ValidationProblem } from '#contracts/responses.ts';
import { ANONYMOUS } from '#domain/access.ts';
import { assessCompleteness, BriefingInput, BriefingPatch, createDraft } from '#domain/briefing.ts';
import { GrantInput, RevokeInput } from '#domain/entitlement.ts';
import { SourceInput } from '#domain/source.ts';
import { FEED_NAMES, FEEDS, type FeedName, feedHead } from '#domain/syndication.ts';
import { summarize, syndicate, viewBriefing } from '#domain/visibility.ts';
import { renderFeed } from '#functions/briefings/render-feed.ts';
import { type Access, type RouteSpec as HandlerSpec, MAX_BODY_BYTES, type Schema } from '#functions/commons/http.ts';
import { FUNCTIONS, ROUTES, type RouteSpec } from '#functions/manifest.ts';

type Json = { [key: string]: unknown };

/** What the generator knows of one route: the manifest entry and the spec its handler enforces. */
export interface DocumentedRoute {
  route: RouteSpec;
  /** Undefined when the handler module does not export an `httpRoute` handler. */
  spec: HandlerSpec<Schema, Schema, Schema> | undefined;
  /** Why the handler module could not be imported. */
  loadError?: string;
}

export interface OpenApiOptions {
  /** Servers to list; the local stack passes its own URL. */
  servers?: Array<{ url: string; description: string; variables?: Json }>;
}

/** The document, and what keeps it from being complete (an empty list in a healthy tree; the tests require it). */
export interface GeneratedOpenApi {
  document: Json;
  gaps: string[];
}

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** Names of request bodies in `#/components/schemas`; a body not listed is named after its function. */
const REQUEST_NAMES = new Map<Schema, string>([
  [BriefingInput, 'BriefingInput'],
  [BriefingPatch, 'BriefingPatch'],
  [SourceInput, 'SourceInput'],
  [GrantInput, 'GrantInput'],
  [RevokeInput, 'RevokeInput'],
]);

const DEFAULT_SERVERS = [
  { url: 'http://127.0.0.1:3000', description: 'The local stack (npm start)' },
  {
    url: 'https://{apiId}.execute-api.{region}.amazonaws.com',
    description: 'A deployed stage (stack output ApiUrl)',
    variables: {
      apiId: { default: 'api-id', description: 'The HTTP API id' },
      region: { default: 'eu-west-1', description: 'The AWS region of the stack' },
    },
  },
];

/** Imports every route's handler and documents them. */
export async function generateOpenApi(opts: OpenApiOptions = {}): Promise<GeneratedOpenApi> {
  return buildOpenApi(await loadRoutes(), opts);
}

/** The manifest's routes with the spec each handler enforces (handler modules are imported, not run). */
export async function loadRoutes(routes: readonly RouteSpec[] = ROUTES): Promise<DocumentedRoute[]> {
  return Promise.all(
    routes.map(async (route) => {
      const url = new URL(`../${FUNCTIONS[route.fn].entry}`, import.meta.url).href;
      try {
        const mod = (await import(url)) as { handler?: { route?: DocumentedRoute['spec'] } };
        return { route, spec: mod.handler?.route };
      } catch (error) {
        return { route, spec: undefined, loadError: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
}

/** Builds the document from routes and their specs. */
export function buildOpenApi(routes: readonly DocumentedRoute[], opts: OpenApiOptions = {}): GeneratedOpenApi {
  const gaps: string[] = [];
  const requests = z.registry<{ id: string }>();
  const paths: Record<string, Json> = {};
  const operationIds = new Set<string>();

  for (const { route, spec, loadError } of routes) {
    const key = `${route.method} ${route.path}`;
    const doc = ROUTE_RESPONSES[key];
    if (loadError) gaps.push(`${key}: ${FUNCTIONS[route.fn].entry} could not be imported: ${loadError}`);
    else if (!spec) gaps.push(`${key}: ${FUNCTIONS[route.fn].entry} does not export a handler made with httpRoute (functions/commons/http.ts)`);
    if (!doc) gaps.push(`${key}: no entry in ROUTE_RESPONSES (contracts/responses.ts): add its summary, success response and own failures`);

    let operationId = camel(route.fn);
    if (operationIds.has(operationId)) operationId = camel(`${route.method.toLowerCase()} ${route.fn}`);
    operationIds.add(operationId);

    const parameters = [...pathParameters(route, spec, gaps), ...queryParameters(spec), ...headerParameters(doc)];
    let requestBody: Json | undefined;
    if (spec?.body) {
      const name = REQUEST_NAMES.get(spec.body) ?? `${pascal(route.fn)}Request`;
      if (!requests.has(spec.body)) requests.add(spec.body, { id: name });
      const example = REQUEST_EXAMPLES.get(spec.body);
      requestBody = {
        required: true,
        content: { 'application/json': { schema: ref(name), ...(example ? { example } : {}) } },
      };
    }

    const operation: Json = {
      operationId,
      summary: doc?.summary ?? FUNCTIONS[route.fn].description,
      description: [doc?.description, `**Who:** ${who(spec?.access, route)}`].filter(Boolean).join('\n\n'),
      tags: [tagOf(route.path)],
      // jwt routes sit behind the API's JWT authorizer; optional ones take a token if sent; `none` reads no token.
      security: securityOf(route.auth),
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses: responsesOf(route, spec, doc),
    };
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }

  const requestSchemas = componentSchemas(requests, 'input', false);
  const responseComponents = componentSchemas(responseSchemas, 'output', true);
  for (const name of Object.keys(requestSchemas)) {
    if (name in responseComponents) gaps.push(`schema name ${name} is both a request body and a response (contracts/responses.ts): rename one`);
  }
  const schemas = { ...requestSchemas, ...responseComponents };
  const usedTags = [...new Set(routes.map(({ route }) => tagOf(route.path)))].sort();
  const document: Json = {
    openapi: '3.1.0',
    info: {
      title: 'Signal Briefings API',
      version,
      description: INFO_DESCRIPTION,
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: opts.servers ?? DEFAULT_SERVERS,
    tags: usedTags.map((name) => ({ name, description: TAGS[name] ?? `Routes under /${name}.` })),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      schemas,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A Cognito access or ID token of the user pool (stack outputs `UserPoolId`, `UserPoolClientId`); locally `npm run -s token -- <user>`.',
        },
      },
    },
  };
  return { document, gaps };
}

const INFO_DESCRIPTION = `Scored intelligence briefings with tiered membership.

Readers see the sections their tier unlocks: the public without a token, members and staff with a bearer token.
Errors are \`application/problem+json\` (RFC 9457); a rejected request writes nothing. Responses may gain fields:
ignore the ones you do not know. Generated from the handlers' own zod schemas (tools/openapi.ts).`;

function pathParameters(route: RouteSpec, spec: DocumentedRoute['spec'], gaps: string[]): Json[] {
  const names = [...route.path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1] as string);
  const shape = objectShape(spec?.path);
  for (const name of Object.keys(shape)) {
    if (!names.includes(name))
      gaps.push(`${route.method} ${route.path}: the handler validates path parameter "${name}", which the route does not have`);
  }
  return names.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: shape[name] ? fieldSchema(shape[name]) : { type: 'string' },
    ...(shape[name] && descriptionOf(shape[name]) ? { description: descriptionOf(shape[name]) } : {}),
  }));
}

function queryParameters(spec: DocumentedRoute['spec']): Json[] {
  return Object.entries(objectShape(spec?.query)).map(([name, schema]) => ({
    name,
    in: 'query',
    required: !z.safeParse(schema, undefined).success,
    schema: fieldSchema(schema),
    ...(descriptionOf(schema) ? { description: descriptionOf(schema) } : {}),
  }));
}

function headerParameters(doc: (typeof ROUTE_RESPONSES)[string] | undefined): Json[] {
  return Object.entries(doc?.requestHeaders ?? {}).map(([name, h]) => ({
    name,
    in: 'header',
    required: h.required ?? false,
    schema: { type: 'string' },
    description: h.description,
  }));
}

// Through zod core, so that classic and mini schemas read alike.
const descriptionOf = (schema: Schema) => z.globalRegistry.get(schema)?.description;

function objectShape(schema: Schema | undefined): Record<string, Schema> {
  if (!schema) return {};
  if (!(schema instanceof z.core.$ZodObject)) throw new Error('path and query schemas must be zod objects');
  return schema._zod.def.shape;
}

function fieldSchema(schema: Schema): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Json;
  return rest;
}

function responsesOf(route: RouteSpec, spec: DocumentedRoute['spec'], doc: (typeof ROUTE_RESPONSES)[string] | undefined): Json {
  const responses: Record<string, Json> = {};
  if (doc) responses[String(doc.success.status)] = success(doc.success, route);
  else responses['200'] = { description: 'Undocumented (see contracts/responses.ts)' };
  const failures = doc?.failures ?? {};
  const validates = Boolean(spec?.body || spec?.path || spec?.query);
  if (validates || failures[400]) {
    responses['400'] = problem(
      failures[400]?.description ?? 'The input is invalid: `errors` names each failing field.',
      failures[400]?.schema ?? ValidationProblem,
    );
  }
  if (route.auth !== 'none') {
    responses['401'] =
      route.auth === 'jwt'
        ? {
            description: "No bearer token, or an invalid or expired one (API Gateway's JWT authorizer; the function is not called).",
            headers: { 'www-authenticate': { description: 'Why the token was refused', schema: { type: 'string' } } },
            content: { 'application/json': { schema: ref('GatewayMessage') } },
          }
        : problem('The bearer token sent is invalid or expired (send none to read as the public).', Problem, {
            'www-authenticate': { description: '`Bearer`', schema: { type: 'string' } },
          });
  }
  const access = spec?.access;
  if (access === 'member') {
    responses['403'] = problem(
      "The caller's membership is not active: revoked, or never recorded (the entitlement record decides, within the cache window of at most 60 s).",
      Problem,
    );
  } else if (access && access !== 'public' && access !== 'signed-in') {
    responses['403'] = problem(`The caller is not ${roles(access)}, or the membership that made them one has ended.`, Problem);
  }
  if (doc?.notModified) {
    const { description, headers } = doc.notModified;
    responses['304'] = {
      description,
      ...(headers
        ? {
            headers: Object.fromEntries(
              Object.entries(headers).map(([h, d]) => [h, { description: d.description, schema: d.schema ?? { type: 'string' } }]),
            ),
          }
        : {}),
    };
  }
  for (const status of [404, 409, 412, 422, 428] as const) {
    const failure = failures[status];
    if (failure) responses[String(status)] = problem(failure.description, failure.schema ?? Problem);
  }
  if (spec?.body) {
    responses['413'] = problem(`The body is larger than ${MAX_BODY_BYTES / 1024} KB.`, Problem);
    responses['415'] = problem('The body is not `application/json`.', Problem);
  }
  responses['500'] = problem('Something failed on our side; it has been logged. The body says nothing about internals.', Problem);
  return responses;
}

function success(s: ResponseDoc & { status: number }, route: RouteSpec): Json {
  const name = schemaName(s.schema);
  const example = RESPONSE_EXAMPLES.get(`${route.method} ${route.path}`);
  return {
    description: s.description,
    ...(s.headers
      ? {
          headers: Object.fromEntries(
            Object.entries(s.headers).map(([h, d]) => [h, { description: d.description, schema: d.schema ?? { type: 'string' } }]),
          ),
        }
      : {}),
    ...(s.status === 204
      ? {}
      : {
          content: s.mediaTypes ? mediaContent(s.mediaTypes, route) : { 'application/json': { schema: ref(name), ...(example ? { example } : {}) } },
        }),
  };
}

/**
 * The content of a response that comes in several media types (`mediaTypes` in contracts/responses.ts): a registered
 * schema's JSON by reference, anything else as a string; each with its example when RESPONSE_EXAMPLES has one for it.
 */
function mediaContent(mediaTypes: NonNullable<ResponseDoc['mediaTypes']>, route: RouteSpec): Json {
  const examples = MEDIA_EXAMPLES.get(`${route.method} ${route.path}`) ?? {};
  return Object.fromEntries(
    Object.entries(mediaTypes).map(([type, schema]) => [
      type,
      {
        schema: schema === 'text' ? { type: 'string' } : ref(schemaName(schema)),
        ...(examples[type] !== undefined ? { example: examples[type] } : {}),
      },
    ]),
  );
}

function problem(description: string, schema: Schema, headers?: Json): Json {
  return { description, ...(headers ? { headers } : {}), content: { 'application/problem+json': { schema: ref(schemaName(schema)) } } };
}

function schemaName(schema: Schema): string {
  const meta = responseSchemas.get(schema);
  if (!meta) throw new Error('a response schema must be registered in responseSchemas (contracts/responses.ts)');
  return meta.id;
}

/**
 * A registry's schemas as OpenAPI components. Request schemas keep
 * `additionalProperties: false` (unknown fields are refused); response schemas
 * drop it, because a response may gain fields.
 */
function componentSchemas(registry: z.core.$ZodRegistry<{ id: string }>, io: 'input' | 'output', open: boolean): Record<string, Json> {
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', io, uri: (id) => `#/components/schemas/${id}` }) as {
    schemas: Record<string, Json>;
  };
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _, $id: __, ...rest } = schema;
      return [id, tidy(rest, open)];
    }),
  );
}

/**
 * Two rewrites for readers and linters: a record over an enum (`propertyNames`
 * + `required`, zod's rendering of `z.record(z.enum(...))`) becomes one named
 * property per key; in an `open` (response) schema, closed objects are opened.
 */
function tidy(value: unknown, open: boolean): Json {
  if (Array.isArray(value)) return value.map((v) => tidy(v, open)) as unknown as Json;
  if (typeof value !== 'object' || value === null) return value as Json;
  const schema = { ...(value as Json) };
  const keys = (schema['propertyNames'] as Json | undefined)?.['enum'];
  if (Array.isArray(keys) && !schema['properties'] && typeof schema['additionalProperties'] === 'object') {
    schema['properties'] = Object.fromEntries(keys.map((key) => [String(key), schema['additionalProperties']]));
    schema['additionalProperties'] = false;
    delete schema['propertyNames'];
  }
  if (open && schema['additionalProperties'] === false) delete schema['additionalProperties'];
  return Object.fromEntries(Object.entries(schema).map(([key, v]) => [key, tidy(v, open)]));
}

/** OpenAPI security requirements of a route: a bearer token required, optional (`{}` = none), or not read at all. */
export function securityOf(auth: RouteSpec['auth']): Json[] {
  if (auth === 'jwt') return [{ bearer: [] }];
  return auth === 'optional' ? [{}, { bearer: [] }] : [];
}

function who(access: Access | undefined, route: RouteSpec): string {
  if (route.auth === 'none') return 'anyone (the same answer for every caller: no token is read)';
  if (access === undefined) return route.auth === 'jwt' ? 'signed-in callers' : 'anyone';
  if (access === 'public') return "anyone; a valid token unlocks the caller's tier, an invalid one is refused (401)";
  if (access === 'signed-in') return 'any signed-in user, whether or not their membership is active';
  if (access === 'member') return 'any signed-in member whose membership is active (revoked: 403 within 60 s)';
  return `${roles(access)} (admins may call every staff route)`;
}

function roles(access: readonly string[]): string {
  return `${access.map((r) => `an ${r}`.replace(/^an ([^aeiou])/, 'a $1')).join(' or ')}`;
}

function tagOf(path: string): string {
  return path.split('/').filter(Boolean)[0] ?? 'root';
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const camel = (name: string) => name.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase());
const pascal = (name: string) => camel(name).replace(/^./, (c) => c.toUpperCase());

// ---- examples: the fixtures (contracts/examples.ts), through the domain functions that shape real responses ----

const exampleBriefing = (() => {
  const draft = createDraft(BriefingInput.parse(EXAMPLE_BRIEFING_INPUT), {
    briefingId: '01JY7ZK6Q3W8Y2N4V5T6R7S8PA',
    by: 'analyst-sub',
    now: new Date('2026-06-20T08:00:00.000Z'),
  });
  return {
    draft,
    published: { ...draft, status: 'published' as const, publishedAt: '2026-06-20T08:15:02.000Z', publishedBy: 'editor-sub', version: 4 },
  };
})();

const REQUEST_EXAMPLES = new Map<Schema, unknown>([
  [BriefingInput, EXAMPLE_BRIEFING_INPUT],
  [SourceInput, { briefingId: exampleBriefing.draft.briefingId, ...EXAMPLE_SOURCE_INPUT }],
]);

const RESPONSE_EXAMPLES = new Map<string, unknown>([
  [
    'POST /briefings',
    {
      ...viewBriefing(exampleBriefing.draft, { userId: 'analyst-sub', tier: 'leadership-alliance', roles: ['analyst'] }),
      completeness: assessCompleteness(exampleBriefing.draft),
    },
  ],
  ['GET /briefings/{briefingId}', viewBriefing(exampleBriefing.published, ANONYMOUS)],
]);

/** Examples of routes whose body comes in several media types, by media type: the example briefing in each feed. */
const MEDIA_EXAMPLES = new Map<string, Record<string, unknown>>([
  [
    'GET /feeds/{feed}',
    (() => {
      const items = [syndicate(summarize(exampleBriefing.published))];
      const feed = (name: FeedName) =>
        renderFeed(FEEDS[name].format, items, {
          origin: 'https://api.example.com',
          selfPath: `/feeds/${name}`,
          listPath: '/briefings',
          head: feedHead({}),
          updated: new Date(items[0]!.publishedAt),
        });
      return Object.fromEntries(FEED_NAMES.map((name) => [FEEDS[name].mediaType, name === 'briefings.json' ? JSON.parse(feed(name)) : feed(name)]));
    })(),
  ],
]);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { document, gaps } = await generateOpenApi();
  for (const gap of gaps) console.error(`gap: ${gap}`);
  console.log(JSON.stringify(document, null, 2));
}
