// The house rules on dependencies (shared STYLE.md rules 4 and 6, docs/CODE_STYLE.md), checked by `npm run lint`.
// Why dependency-cruiser and how to add a rule: docs/adr/0080-dependency-rules.md.
// Paths are relative to the repository root; `$1` in a `to` refers to the first group of the `from` path.

const SERVER = '^apps/server/src/';
const MODULES = `${SERVER}modules/`;
/** test code: `*.test.ts` anywhere and the helpers in apps/server/src/test/ */
const TEST_CODE = ['\\.test\\.tsx?$', `${SERVER}test/`];
/** drizzle-orm as resolved in node_modules, or by its bare name where it cannot be resolved */
const DRIZZLE = '(^|/)node_modules/drizzle-orm/|^drizzle-orm(/|$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'verify-standalone',
      severity: 'error',
      comment:
        'packages/verify is the verifier a court or bank runs without trusting the platform: it imports nothing ' +
        'of the server, the web app or the other packages, only its own files and its declared libraries.',
      from: { path: '^packages/verify/' },
      to: { path: '^(apps/|packages/(?!verify/))' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Zero cycles in apps/server/src, apps/web/src and packages/contracts/src. Break a cycle with an event or by ' +
        'moving the code to the module that owns it, never with a common/ folder (STYLE.md "What they got wrong").',
      from: {},
      to: { circular: true },
    },
    {
      name: 'server-module-through-index',
      severity: 'error',
      comment:
        'A module is reached from outside only through its index.ts (house rule 6): from another module, app.ts, ' +
        "demo/, cli/ and test/ alike. Export what you need from the module's index.ts, or publish an event.",
      // $1: the module's folder, or for code outside modules/ its first path segment (never a module's name)
      from: { path: `${SERVER}(?:modules/)?([^/]+)` },
      to: { path: `${MODULES}[^/]+/`, pathNot: [`${MODULES}$1/`, `${MODULES}[^/]+/index\\.ts$`] },
    },
    {
      name: 'server-infra-imports-no-module',
      severity: 'error',
      comment:
        'infra/ holds no business rules and knows no module: modules depend on infra, never the other way. ' +
        'A module plugs into infra by registering (jobs, events, routes) from its index.ts.',
      from: { path: `${SERVER}infra/` },
      to: { path: MODULES },
    },
    {
      name: 'server-module-not-composition',
      severity: 'error',
      comment:
        'Modules are composed by app.ts/main.ts and driven by demo/ and cli/; module code never imports them ' +
        '(tests may, to drive a whole app or a command).',
      from: { path: MODULES, pathNot: TEST_CODE },
      to: { path: [`${SERVER}(app|main)\\.ts$`, `${SERVER}(demo|cli)/`] },
    },
    {
      name: 'server-test-helpers-only-in-tests',
      severity: 'error',
      comment:
        'apps/server/src/test/ (test databases, inject clients, fixtures) is for tests; code that runs in the ' +
        'server, the demo or the CLI does not import it.',
      from: { path: SERVER, pathNot: TEST_CODE },
      to: { path: `${SERVER}test/` },
    },
    {
      name: 'server-drizzle-only-in-repositories',
      severity: 'error',
      comment:
        'Repositories hold queries; services hold rules (house rule 4). drizzle-orm, type-only imports included, ' +
        'is imported only by *.repository.ts, *.tables.ts, infra/ (database client, audit chain, job queue), ' +
        'the migrations in db/, the demo seeders in demo/ (they read back what they seeded) and test code. ' +
        'Services take a DbOrTx from infra/db/client and call their repository.',
      from: {
        path: SERVER,
        pathNot: ['\\.repository\\.ts$', '\\.tables\\.ts$', `${SERVER}(infra|db|demo)/`, ...TEST_CODE],
      },
      to: { path: DRIZZLE },
    },
    {
      name: 'server-routes-no-database',
      severity: 'error',
      comment:
        'A route validates, authorises, calls one service function and presents (house rule 2); it never touches ' +
        'the database: no repository, tables, drizzle-orm, infra/db, or infra that queries (audit chain, jobs). ' +
        'Put the work in a service function; export the types a presenter needs from the service.',
      from: { path: '\\.routes\\.ts$' },
      to: {
        path: ['\\.repository\\.ts$', '\\.tables\\.ts$', DRIZZLE, `${SERVER}infra/(db|audit|jobs)/`],
      },
    },
    {
      name: 'web-i18n-only-from-entry',
      severity: 'error',
      comment:
        'apps/web/src/app/i18n.ts registers every namespace, so it imports the whole app; only the entry ' +
        '(main.tsx) may import it. Components read the language from react-i18next (useTranslation).',
      from: { path: '^apps/web/src/', pathNot: '^apps/web/src/main\\.tsx$' },
      to: { path: '^apps/web/src/app/i18n\\.ts$' },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      comment: 'The web app shares only @zhuhe/contracts with the server; it never imports server code.',
      from: { path: '^apps/web/' },
      to: { path: '^apps/server/' },
    },
    {
      name: 'contracts-import-no-app',
      severity: 'error',
      comment: 'packages/contracts is the shared schema both apps derive from; it imports neither app.',
      from: { path: '^packages/contracts/' },
      to: { path: '^apps/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // type-only imports are dependencies too: a service must not reach drizzle-orm even for a type
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
