import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // postgres.js opens sockets at run time; pino writes through sonic-boom and would start thread-stream's
  // workers for a transport; prom-client reads the process's own figures; rate-limiter-flexible loads
  // drizzle-orm with an import() whose name is computed, which only Node's own loader can follow. Loaded
  // from node_modules, once.
  serverExternalPackages: ["postgres", "pino", "prom-client", "rate-limiter-flexible"],
  poweredByHeader: false,
  // `npm test` type-checks the whole repository with tsc; checking again here only slows every build.
  typescript: { ignoreBuildErrors: true },
  // `forbidden()` renders app/forbidden.tsx with a 403 when core refuses a page.
  experimental: { authInterrupts: true },
};

export default nextConfig;
