import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const frameworkAndDrivers = [
  '@nestjs/*',
  'typeorm',
  'kafkajs',
  'pg',
  'better-sqlite3',
  '@eventstore/*',
  'graphql',
  'express',
];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/data/**', '**/tmp/**', '**/coverage/**'] },
  ...tseslint.configs.recommended,
  { files: ['**/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // Pure decision code: no framework, no driver, no I/O (ARCHITECTURE.md principle 5).
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:kernel'],
              bannedExternalImports: frameworkAndDrivers,
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:kernel'],
              bannedExternalImports: frameworkAndDrivers,
            },
            { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: [], bannedExternalImports: frameworkAndDrivers },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:kernel', 'type:infra', 'type:test-support'] },
            // Shared test harnesses (PostgreSQL databases per suite); only specs and test kits import them.
            { sourceTag: 'type:test-support', onlyDependOnLibsWithTags: [] },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:kernel', 'type:infra', 'type:test-support'],
            },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
            // A context never imports another context; shared libraries import no context.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:aid-deliveries', onlyDependOnLibsWithTags: ['scope:aid-deliveries', 'scope:shared'] },
            { sourceTag: 'scope:planning', onlyDependOnLibsWithTags: ['scope:planning', 'scope:shared'] },
            { sourceTag: 'scope:liaison', onlyDependOnLibsWithTags: ['scope:liaison', 'scope:shared'] },
            { sourceTag: 'scope:action-plans', onlyDependOnLibsWithTags: ['scope:action-plans', 'scope:shared'] },
          ],
        },
      ],
    },
  },
];
