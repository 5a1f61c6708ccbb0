// How our TypeScript is compiled wherever tsc does not do it (Jest, scripts that boot Nest): SWC with
// legacy decorators and their metadata, which Nest's injection and Swagger's DTO types read.
module.exports = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
