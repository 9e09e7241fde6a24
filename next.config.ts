import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Compression is the host's job (Netlify's CDN compresses at the edge). Next's
  // own gzip ran on every API answer, each a few hundred bytes, and was ~7 % of
  // the server's CPU under load (bench:load, --cpu-prof): see bench/README.md.
  compress: false,
  // Loaded from node_modules at run time rather than bundled: postgres is a
  // Node-only driver; highs (the balance step's LP solver) finds its
  // WebAssembly file beside its own script, which a bundle would move.
  serverExternalPackages: ["postgres", "highs"],
  // `next dev` serves its scripts only to the origin it was started for and
  // blocks the rest, which leaves a page that renders but never hydrates (buttons
  // do nothing). People open the app at localhost and 127.0.0.1 alike.
  allowedDevOrigins: ["localhost", "127.0.0.1", "::1"],
};

export default nextConfig;
