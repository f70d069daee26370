import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layers point one way: core ← sheets ← host ← practice ← verify ← taskpane ← preview; functions →
 * core; i18n (the wording catalogue) sits below everything but core and imports nothing;
 * tools may use anything; nothing imports tests. Each entry lists what a layer may NOT
 * import (every layer above it, plus packages that do not belong there).
 */
/** A folder imported by its index or by any file in it. */
const folder = (name) => [`**/${name}`, `**/${name}/**`];
const UI = ['react', 'react/*', 'react-dom', 'react-dom/*', '@fluentui/*', 'katex'];
const TESTS = [...folder('tests')];
const ABOVE_HOST = [
  ...folder('practice'),
  ...folder('verify'),
  ...folder('taskpane'),
  ...folder('preview'),
  ...folder('functions'),
];
/** What neither the practice actions nor the check above them may import. */
const ABOVE_PRACTICE = [
  ...folder('taskpane'),
  ...folder('preview'),
  ...folder('functions'),
  ...UI,
  'hyperformula',
];
const LAYERS = [
  {
    files: ['src/core/**/*.ts'],
    forbid: [
      ...folder('sheets'),
      ...folder('host'),
      ...folder('i18n'),
      ...ABOVE_HOST,
      ...UI,
      'hyperformula',
      'exceljs',
    ],
  },
  {
    files: ['src/i18n/**/*.ts'],
    forbid: [
      ...folder('core'),
      ...folder('sheets'),
      ...folder('host'),
      ...ABOVE_HOST,
      ...UI,
      'hyperformula',
      'exceljs',
    ],
  },
  {
    files: ['src/sheets/**/*.ts'],
    forbid: [...folder('host'), ...ABOVE_HOST, ...UI, 'hyperformula', 'exceljs'],
  },
  // HyperFormula is GPL: only the preview's own host files (never bundled in dist/) may import it.
  {
    files: ['src/host/**/*.ts'],
    ignores: ['src/host/preview-*.ts'],
    forbid: [...ABOVE_HOST, ...UI, 'hyperformula'],
  },
  { files: ['src/host/preview-*.ts'], forbid: [...ABOVE_HOST, ...UI] },
  { files: ['src/practice/**/*.ts'], forbid: [...folder('verify'), ...ABOVE_PRACTICE] },
  // "Check this Excel" drives a host like the practice actions, one layer above them.
  { files: ['src/verify/**/*.ts'], forbid: ABOVE_PRACTICE },
  {
    files: ['taskpane/**/*.{ts,tsx}'],
    forbid: [...folder('preview'), ...folder('functions'), 'hyperformula'],
  },
  { files: ['preview/**/*.{ts,tsx}'], forbid: [] },
  {
    files: ['functions/**/*.ts'],
    forbid: [
      ...folder('src/sheets'),
      ...folder('src/host'),
      ...folder('src/practice'),
      ...folder('src/verify'),
      ...folder('src/i18n'),
      ...folder('taskpane'),
      ...folder('preview'),
      ...UI,
      'hyperformula',
    ],
  },
  { files: ['tools/**/*.{ts,mjs,js}'], forbid: [] },
];

function layerRules() {
  return LAYERS.map(({ files, ignores, forbid }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...forbid, ...TESTS], message: 'Layers point one way (see docs/ARCHITECTURE.md).' },
          ],
        },
      ],
    },
  }));
}

const EQUALITY = 'BinaryExpression[operator=/^[!=]==?$/]';
const LANGUAGE_NAME = '/^(lang|language)$/';
const MESSAGE = 'Ask the wording catalogue (src/i18n) instead of comparing languages.';
const LANGUAGE_COMPARISONS = [
  `${EQUALITY} > Literal[value=/^(en|zh)$/]`,
  `${EQUALITY} > Identifier[name=${LANGUAGE_NAME}]`,
  `${EQUALITY} > MemberExpression[property.name=${LANGUAGE_NAME}]`,
  "ConditionalExpression[test.name='zh']",
  `SwitchStatement[discriminant.name=${LANGUAGE_NAME}]`,
].map((selector) => ({ selector, message: MESSAGE }));

export default tseslint.config(
  {
    ignores: ['dist/**', 'dist-preview/**', 'node_modules/**', 'test-output/**', 'coverage/**', '.cache/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        ...globals.browser,
        ...globals.node,
        Office: 'readonly',
        Excel: 'readonly',
        CustomFunctions: 'readonly',
      },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layerRules(),
  {
    // Wording is asked of the catalogue by key; only src/i18n/ may compare languages.
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['src/i18n/**'],
    rules: { 'no-restricted-syntax': ['error', ...LANGUAGE_COMPARISONS] },
  },
);
