// ESLint guards three things here. No page text ever reaches an HTML sink (innerHTML, outerHTML,
// insertAdjacentHTML, document.write, srcdoc…). The layers stay apart: the pipeline is pure (no Preact, no
// browser APIs, no UI, no app code) and utils/ never imports components/. Files and functions stay small
// (300 and 60 lines). Type errors are tsc's job and layout Prettier's (npm run lint runs all three).
import nounsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

const UI = { group: ['@/components/*', '**/components/**'], message: 'utils/ does not import UI code.' };
const PIPELINE_BANS = [
  { group: ['preact', 'preact/*'], message: 'The pipeline is pure: no Preact.' },
  { group: ['wxt/*', 'webextension-polyfill'], message: 'The pipeline is pure: no browser APIs.' },
  UI,
  { group: ['@/utils/content/*', '**/content/**'], message: 'The pipeline does not know the content-script app.' },
  {
    group: ['@/utils/platform/*', '**/platform/**'],
    allowTypeImports: true,
    message: 'The pipeline may read the preference types, nothing else of the platform.',
  },
];

export default [
  { ignores: ['.output/**', '.output-test/**', '.wxt/**', 'node_modules/**', 'screenshots/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { 'no-unsanitized': nounsanitized },
    rules: {
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render page text with Preact elements, never as HTML.',
        },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
      ],
    },
  },
  {
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'utils/**/*.ts', 'scripts/**/*.mjs'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    files: ['utils/**/*.ts'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [UI] }] },
  },
  {
    files: ['utils/pipeline/**/*.ts'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: PIPELINE_BANS }] },
  },
];
