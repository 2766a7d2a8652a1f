import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // The conditions below do not reach dependencies Vitest leaves to Node, and `server-only`'s
      // default export throws; tests are server code, so give them its react-server (empty) module.
      "server-only": path.resolve(__dirname, "node_modules/server-only/empty.js"),
    },
    // Server-only modules are plain Node code under test.
    conditions: ["react-server", "node", "import", "default"],
  },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts"],
    environment: "node",
    // A forgotten .only must not pass CI with the rest of the suite skipped.
    allowOnly: !process.env.CI,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A real PostgreSQL for the run (embedded unless TEST_DATABASE_URL is set) with a migrated
    // template database; every test file gets its own copy in DATABASE_URL.
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/fresh-database.ts"],
  },
});
