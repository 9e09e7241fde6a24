import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A Node-only driver: load it from node_modules at run time rather than bundle it.
  serverExternalPackages: ["postgres"],
};

export default nextConfig;
