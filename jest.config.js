// One Jest workspace, four projects: `unit` (pure logic, beside the code), `e2e` (the API over
// real HTTP with real PostgreSQL and Redis), `faults` (the API as a process while a server it needs
// is stopped under load) and `browser` (Chromium through playwright-core).
const swcTransform = ['@swc/jest', require('./scripts/lib/swc-options.cjs')];

// ESM-only packages that tests load (Jest on Node 20 cannot require(esm)): compiled to CommonJS like our code.
const esmPackages = [
  'jose',
  'oidc-provider',
  // file-type and what it loads
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer/inflate',
  '@borewit/text-codec',
  'uint8array-extras',
];
const swcEsmTransform = [
  '@swc/jest',
  { jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } },
];

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swcTransform, [`/node_modules/(${esmPackages.join('|')})/.+\\.js$`]: swcEsmTransform },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@mvp/common(|/.*)$': '<rootDir>/libs/common/src$1',
    '^@mvp/platform-contract$': '<rootDir>/platform/src/contract',
    // Its exports offer Node only `import`, which Jest's CommonJS resolver does not look for.
    '^file-type$': '<rootDir>/node_modules/file-type/index.js',
  },
};

module.exports = {
  // Global only: Jest ignores testTimeout inside projects. Unit tests never come near it.
  testTimeout: 90_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      // The web app's pure functions (parsing, time zones, formatting) run here too: no Angular needed.
      // scripts/: the check that the committed API client is current.
      testMatch: ['<rootDir>/{api,platform,libs,web}/**/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{api,platform,deploy}/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/api/test/support/e2e-global-setup.ts',
    },
    {
      ...shared,
      displayName: 'faults',
      testMatch: ['<rootDir>/api/test/faults/**/*.fault-spec.ts'],
      globalSetup: '<rootDir>/api/test/support/e2e-global-setup.ts',
    },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/web/e2e/**/*.browser-spec.ts'],
    },
  ],
};
