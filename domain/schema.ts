/**
 * Builds a module-level schema (or event contract) so that a bundle which never
 * uses it leaves it out. Write it as
 *
 *   export const X = /* @__PURE__ *\/ schema(() => z.strictObject({ … }));
 *
 * A zod schema is a chain of calls, and esbuild keeps every top-level call it
 * cannot prove free of side effects: without the wrapper each function bundled
 * (and built, at cold start) every request schema and event contract of every
 * module it imports, the reads carrying the write schemas. The annotation goes
 * at the call site because esbuild does not carry `@__NO_SIDE_EFFECTS__` across
 * files. test/unit/bundles.test.ts checks the reads leave the write schemas out.
 */
export const schema = <T>(build: () => T): T => build();
