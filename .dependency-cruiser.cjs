/**
 * The import rules of the tree (docs/decisions/0017-imports-run-down-the-layers.md): imports run down the layers only, never up, and
 * never in a loop. Checked by test/unit/architecture.test.ts and `npm run deps`.
 *
 *   domain                      pure rules, no I/O
 *   events, contracts           event and API contracts, built on the domain
 *   functions                   the Lambda handlers and their commons
 *   infra, tools                the CDK app; generators and operator scripts
 *   local                       the local emulators, running functions/ as infra/ deploys them
 *   test, bench                 anything
 */
const below = {
  domain: [],
  events: ['domain'],
  contracts: ['domain', 'events'],
  functions: ['domain', 'events', 'contracts'],
  infra: ['domain', 'events', 'contracts', 'functions'],
  tools: ['domain', 'events', 'contracts', 'functions', 'infra'],
  local: ['domain', 'events', 'contracts', 'functions', 'infra', 'tools'],
};
const LAYERS = ['domain', 'events', 'contracts', 'functions', 'infra', 'tools', 'local', 'test', 'bench'];

module.exports = {
  forbidden: [
    {
      name: 'no-import-loop',
      comment: 'Modules import each other in a loop (type-only imports included): move what both need into a module of its own.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...Object.entries(below).map(([layer, allowed]) => ({
      name: `${layer}-imports-down-only`,
      comment: `${layer}/ may import ${allowed.length ? allowed.map((l) => `${l}/`).join(', ') : 'no other layer'} and packages, nothing above it.`,
      severity: 'error',
      from: { path: `^${layer}/` },
      to: { path: `^(${LAYERS.filter((l) => l !== layer && !allowed.includes(l)).join('|')})/` },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
