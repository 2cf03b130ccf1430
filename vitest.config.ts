import { readFileSync } from 'node:fs'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [
    {
      // The inlined @actions/workflow-parser (below) ships source maps pointing at sources it does not ship; without
      // its sourceMappingURL comments Vite does not warn about each file.
      name: 'workflow-parser-without-source-maps',
      load(id) {
        if (!/[\\/]@actions[\\/]workflow-parser[\\/]dist[\\/].*\.js$/.test(id)) return null
        return readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '')
      },
    },
  ],
  test: {
    include: ['packages/*/src/**/*.test.ts', 'actions/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // @actions/workflow-parser imports its JSON schema without an import attribute, which Node rejects; inlined,
    // Vite transforms the import (packages/workflow-sim, tests/workflows.test.ts).
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
})
