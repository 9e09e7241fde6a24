import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A Node-only driver: load it from node_modules at run time rather than bundle it.
  serverExternalPackages: ["postgres"],
  // `next dev` serves its scripts only to the origin it was started for and
  // blocks the rest, which leaves a page that renders but never hydrates (buttons
  // do nothing). People open the app at localhost and 127.0.0.1 alike.
  allowedDevOrigins: ["localhost", "127.0.0.1", "::1"],
};

export default nextConfig;
