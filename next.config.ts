import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Loaded from node_modules at run time rather than bundled: postgres is a
  // Node-only driver; highs (the balance step's LP solver) finds its
  // WebAssembly file beside its own script, which a bundle would move.
  serverExternalPackages: ["postgres", "highs"],
};

export default nextConfig;
