import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // postgres.js opens sockets at run time; keep it out of the server bundle. rate-limiter-flexible loads
  // drizzle-orm with an import() whose name is computed, which only Node's own loader can follow.
  serverExternalPackages: ["postgres", "rate-limiter-flexible"],
  poweredByHeader: false,
  // `npm test` type-checks the whole repository with tsc; checking again here only slows every build.
  typescript: { ignoreBuildErrors: true },
  // `forbidden()` renders app/forbidden.tsx with a 403 when core refuses a page.
  experimental: { authInterrupts: true },
};

export default nextConfig;
