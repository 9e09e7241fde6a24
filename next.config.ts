import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { fixedSecurityHeaders } from "./src/server/http/security-headers";

const nextConfig = (phase: string): NextConfig => ({
  poweredByHeader: false,
  // Compression is the host's job (Netlify's CDN compresses at the edge). Next's
  // own gzip ran on every API answer, each a few hundred bytes, and was ~7 % of
  // the server's CPU under load (bench:load, --cpu-prof): see bench/README.md.
  compress: false,
  // Loaded from node_modules at run time rather than bundled: postgres is a
  // Node-only driver; highs (the balance step's LP solver) finds its
  // WebAssembly file beside its own script, which a bundle would move; jspdf
  // (the plan PDF) would pull its optional browser-only modules into the bundle.
  serverExternalPackages: ["postgres", "highs", "jspdf"],
  // `next dev` serves its scripts only to the origin it was started for and
  // blocks the rest, which leaves a page that renders but never hydrates (buttons
  // do nothing). People open the app at localhost and 127.0.0.1 alike.
  allowedDevOrigins: ["localhost", "127.0.0.1", "::1"],
  // Every path, static files included; the Content-Security-Policy is src/proxy.ts's (it needs a nonce per page).
  headers: async () => [
    { source: "/:path*", headers: fixedSecurityHeaders({ production: phase !== PHASE_DEVELOPMENT_SERVER }) },
  ],
});

export default nextConfig;
