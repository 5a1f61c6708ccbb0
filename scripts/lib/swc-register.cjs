// Runs TypeScript under Node as Jest does (scripts/lib/swc-options.cjs, `@mvp/*` paths), for scripts
// that boot Nest: tsx (esbuild) emits no decorator metadata, so Nest and Swagger would see no
// parameter or property types. Use: `node --require ./scripts/lib/swc-register.cjs file.ts`.
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { resolve } = require('node:path');
const { transformSync } = require('@swc/core');
const swcOptions = require('./swc-options.cjs');

const jsc = {
  ...swcOptions.jsc,
  baseUrl: resolve(__dirname, '../..'),
  paths: {
    '@mvp/common': ['libs/common/src'],
    '@mvp/common/*': ['libs/common/src/*'],
    '@mvp/platform-contract': ['platform/src/contract'],
  },
};

Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swcOptions, jsc, filename });
  module._compile(code, filename);
};
