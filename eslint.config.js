// ESLint guards one thing here: no page text ever reaches an HTML sink (innerHTML, outerHTML,
// insertAdjacentHTML, document.write, srcdoc…). Type errors are tsc's job (npm run lint runs both).
import nounsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

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
];
