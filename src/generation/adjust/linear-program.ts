import loadHighs from "highs";

/**
 * A small linear program in the shape the portion LP needs, solved by HiGHS
 * (the HiGHS solver compiled to WebAssembly, npm `highs`). Variables are
 * named by the caller and passed to HiGHS through its model API (no text
 * format to write or parse).
 *
 *   minimise   Σ objective[v] · v
 *   subject to lower ≤ Σ terms[v] · v ≤ upper   (per constraint)
 *              bounds[v].lower ≤ v ≤ bounds[v].upper (default 0 ≤ v)
 */
export type LinearProgram = {
  objective: Readonly<Record<string, number>>;
  constraints: readonly { terms: Readonly<Record<string, number>>; lower?: number; upper?: number }[];
  bounds?: Readonly<Record<string, { lower: number; upper: number }>>;
};

export type LinearProgramSolution =
  | { status: "optimal"; objective: number; values: Record<string, number> }
  | { status: "infeasible" };

export type LinearProgramSolver = (program: LinearProgram) => LinearProgramSolution;

/** HiGHS options for every solve (see loadLinearProgramSolver). */
export type SolverOptions = { solver: "simplex" | "choose"; presolve: "off" | "on" | "choose" };

/**
 * A day's LP has a few dozen columns: dual simplex without presolve solves it
 * several times faster than letting HiGHS choose (bench/balance-step.ts
 * measures both side by side).
 */
export const DEFAULT_SOLVER_OPTIONS: SolverOptions = { solver: "simplex", presolve: "off" };

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highsPromise: Promise<Highs> | undefined;

/**
 * HiGHS, loaded once per process (compiling its WebAssembly takes ~100 ms;
 * each solve afterwards is synchronous). A failed load is not cached, so a
 * later call may try again.
 */
export async function loadLinearProgramSolver(
  options: SolverOptions = DEFAULT_SOLVER_OPTIONS,
): Promise<LinearProgramSolver> {
  highsPromise ??= loadHighs().catch((error: unknown) => {
    highsPromise = undefined;
    throw error;
  });
  const highs = await highsPromise;
  return (program) => solveWith(highs, options, program);
}

function solveWith(highs: Highs, options: SolverOptions, program: LinearProgram): LinearProgramSolution {
  const names = variableNames(program);
  const column = new Map(names.map((name, index) => [name, index]));
  // The matrix row by row (CSR), handed over in one call rather than one call per variable and row.
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const constraint of program.constraints) {
    for (const [name, value] of Object.entries(constraint.terms)) {
      if (value === 0) continue;
      indices.push(column.get(name) ?? 0);
      values.push(value);
    }
    starts.push(indices.length);
  }
  // One native model per solve, freed in `finally` (Wasm memory is not garbage-collected).
  const model = highs.createModel({
    numCols: names.length,
    numRows: program.constraints.length,
    colCost: names.map((name) => program.objective[name] ?? 0),
    colLower: names.map((name) => program.bounds?.[name]?.lower ?? 0),
    colUpper: names.map((name) => program.bounds?.[name]?.upper ?? highs.infinity),
    rowLower: program.constraints.map((constraint) => constraint.lower ?? -highs.infinity),
    rowUpper: program.constraints.map((constraint) => constraint.upper ?? highs.infinity),
    matrix: { format: "csr", numRows: program.constraints.length, numCols: names.length, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false, ...options });
    model.run();
    const status = model.getModelStatus();
    const codes = highs.constants.modelStatus;
    if (status === codes.optimal) {
      const primal = model.getSolution().colValue;
      return {
        status: "optimal",
        objective: model.getObjectiveValue(),
        values: Object.fromEntries(names.map((name, index) => [name, primal[index] ?? 0])),
      };
    }
    if (status === codes.infeasible || status === codes.unboundedOrInfeasible) return { status: "infeasible" };
    // Every variable of the portion LP is bounded, so anything else is a solver fault, not an answer.
    throw new Error(`The linear program solver stopped with model status ${status}`);
  } finally {
    model.dispose();
  }
}

/** Every variable the program names, in first-mention order (objective, bounds, then constraints). */
function variableNames(program: LinearProgram): string[] {
  const names = new Set<string>([...Object.keys(program.objective), ...Object.keys(program.bounds ?? {})]);
  for (const constraint of program.constraints) for (const name of Object.keys(constraint.terms)) names.add(name);
  return [...names];
}
