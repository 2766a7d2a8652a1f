import { defineConfig } from "prisma/config";

// Only `prisma generate`/`validate`/`format` are run through the CLI here; migrations go through
// lib/db/migrations (Prisma's WebAssembly schema engine), see README.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/magnet" },
});
