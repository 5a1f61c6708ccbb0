// Runs TypeScript under Node the way Jest does (SWC with decorator metadata, `@mvp/*` paths),
// for scripts that boot Nest: tsx (esbuild) emits no decorator metadata, so Nest and Swagger
// would see no parameter or property types. Use: `node --require ./scripts/lib/swc-register.cjs file.ts`.
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { resolve } = require('node:path');
const { transformSync } = require('@swc/core');

const repoRoot = resolve(__dirname, '../..');

Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
      baseUrl: repoRoot,
      paths: {
        '@mvp/common': ['libs/common/src'],
        '@mvp/common/*': ['libs/common/src/*'],
        '@mvp/platform-contract': ['platform/src/contract'],
      },
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
