// @ts-check
import eslint from '@eslint/js';
import angular from 'angular-eslint';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';

/** The folders directly under `dir` (capsules, web features): the boundary rules are built per folder. */
const foldersIn = (dir) =>
  readdirSync(new URL(dir, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An import of another capsule's (or web feature's) file other than its public `index`. */
const deepImportOf = (other) => ({
  regex: `^(\\.\\./)+${escape(other)}/(?!index$).+`,
  message: `Use what ${other} exports from its index.ts (its public surface), not its files.`,
});
const restricted = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

const capsules = foldersIn('./api/src/features/');
const webFeatures = foldersIn('./web/src/app/features/');
/** Layers inside a capsule run one way: api/ → domain/ → data/. */
const layerRules = {
  data: [
    {
      regex: '^\\.\\./(api|domain|external)(/|$)',
      message: 'data/ is the bottom layer: it imports neither api/ nor domain/.',
    },
  ],
  domain: [
    {
      regex: '^\\.\\./api(/|$)',
      message: 'domain/ takes plain inputs and returns entities or plain results; api/ maps them to DTOs.',
    },
  ],
};
const boundaries = [
  ...capsules.flatMap((capsule) => {
    const others = capsules.filter((other) => other !== capsule).map(deepImportOf);
    return [
      restricted([`api/src/features/${capsule}/**/*.ts`], others),
      ...Object.entries(layerRules).map(([layer, patterns]) =>
        restricted([`api/src/features/${capsule}/${layer}/**/*.ts`], [...others, ...patterns]),
      ),
    ];
  }),
  restricted(
    ['api/src/core/**/*.ts'],
    [
      {
        regex: '(^|/)features(/|$)',
        message: 'core/ never knows the capsules; compose them in api/src (app.module.ts, migrations.ts).',
      },
    ],
  ),
  ...webFeatures.map((feature) =>
    restricted(
      [`web/src/app/features/${feature}/**/*.ts`],
      webFeatures.filter((other) => other !== feature).map(deepImportOf),
    ),
  ),
];

export default tseslint.config(
  { ignores: ['dist/', 'data/', '.angular/', 'coverage/', 'node_modules/', 'bench/results/', 'scratch/'] },
  {
    files: ['**/*.ts'],
    extends: [eslint.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['web/src/**/*.ts'],
    extends: [...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'mvp', style: 'camelCase' }],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'mvp', style: 'kebab-case' }],
    },
  },
  {
    files: ['web/src/**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [eslint.configs.recommended],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        URL: 'readonly',
      },
    },
  },
  ...boundaries,
  prettier,
);
