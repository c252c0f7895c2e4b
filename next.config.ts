import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // postgres.js opens sockets at run time; keep it out of the server bundle.
  serverExternalPackages: ["postgres"],
  poweredByHeader: false,
};

export default nextConfig;
