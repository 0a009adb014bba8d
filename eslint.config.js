// @ts-check
/**
 * Lint enforces the architecture, not taste: which folder may import which. Formatting is
 * Prettier's job (npm run format), so no stylistic rules here.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

/** Code that runs in the browser (or in both): it must never pull in server, build-time or Node code. */
const browserCode = ['src/islands/**', 'src/shared/**', 'src/components/**/client/**'];

/**
 * Routes rendered per request (`prerender = false`). They run from dist/ without seeds/ or content/,
 * so they must not import the build-time reading code. tests/unit/architecture.test.ts checks that
 * every on-demand page is covered here.
 */
export const onDemandCode = [
  'src/pages/index.astro',
  'src/pages/500.astro',
  'src/pages/admin/**',
  'src/pages/api/**',
  'src/pages/baosong/**',
  'src/pages/search/**',
  'src/pages/youxiu/**',
  'src/server/**',
  'src/middleware.ts',
];

const climbing = { group: ['../../*'], message: '请使用 #server/、#shared/、#reading/ 等别名，不要跨两层以上的相对路径。' };

export default defineConfig(
  { ignores: ['dist/', '.astro/', '.test-build/', '.bundle/', 'node_modules/', 'data/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // TypeScript already reports undefined names, and knows DOM types such as AutoFill that this rule does not.
      'no-undef': 'off',
      // Official Chinese text uses the ideographic space (U+3000) on purpose.
      'no-irregular-whitespace': 'off',
      // The input-hygiene and file-name rules strip control characters, so their patterns name them.
      'no-control-regex': 'off',
      // Dates and sets built inside derived values are fresh values, never mutated in place.
      'svelte/prefer-svelte-reactivity': 'off',
      'no-restricted-imports': ['error', { patterns: [climbing] }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: browserCode,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            climbing,
            { group: ['#server/*', '**/server/**'], message: '浏览器端代码不能引用服务器代码（src/server）。' },
            { group: ['#reading/*', '**/reading/*.ts', '**/reading/**/*.ts'], message: '浏览器端代码不能引用构建期代码（src/reading）。' },
            { group: ['node:*', 'sharp', 'fs', 'path', 'crypto'], message: '浏览器端代码不能使用 Node 模块或 sharp。' },
          ],
        },
      ],
    },
  },
  {
    files: onDemandCode,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            climbing,
            {
              group: ['#reading/*', '**/reading/*.ts', '**/reading/**/*.ts'],
              message: '按需渲染的路由和服务器代码不能引用构建期代码（src/reading）：dist/ 运行时没有 seeds/ 和 content/。',
            },
          ],
        },
      ],
    },
  },
);
