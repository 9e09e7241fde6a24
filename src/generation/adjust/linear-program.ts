import loadHighs from "highs";

/**
 * A small linear or mixed-integer program in the shape the day's portion
 * program needs, solved by HiGHS (the HiGHS solver compiled to WebAssembly,
 * npm `highs`). Variables are named by the caller and passed to HiGHS through
 * its model API (no text format to write or parse).
 *
 *   minimise   Σ objective[v] · v
 *   subject to lower ≤ Σ terms[v] · v ≤ upper   (per constraint)
 *              bounds[v].lower ≤ v ≤ bounds[v].upper (default 0 ≤ v)
 *              v ∈ {0, 1} for every v in `binaries`
 */
export type LinearProgram = {
  objective: Readonly<Record<string, number>>;
  constraints: readonly { terms: Readonly<Record<string, number>>; lower?: number; upper?: number }[];
  bounds?: Readonly<Record<string, { lower: number; upper: number }>>;
  /** 0/1 variables (keep or drop a food, bring one in): with any, HiGHS solves a MIP by branch and bound. */
  binaries?: readonly string[];
};

export type LinearProgramSolution =
  | { status: "optimal"; objective: number; values: Record<string, number> }
  | { status: "infeasible" };

export type LinearProgramSolver = (program: LinearProgram) => LinearProgramSolution;

/**
 * HiGHS options for every solve (see loadLinearProgramSolver). Every program
 * the day's portion program builds has 0/1 variables, so it goes to HiGHS's
 * MIP solver, which stops once its incumbent is within `mipRelativeGap` or
 * `mipAbsoluteGap` of the best bound, or after `mipTimeLimitSeconds` with the
 * best day found.
 */
export type SolverOptions = {
  mipRelativeGap: number;
  mipAbsoluteGap: number;
  mipTimeLimitSeconds: number;
};

/**
 * The day's program is a MIP of a few hundred columns; its objective is
 * counted in usual portions (portion-program.ts), so an absolute gap of 1 is one portion's worth of closeness, well under
 * what a coach sees in grams, and stops the search long before proving the
 * last fraction (bench/balance-step.ts times it against HiGHS's own default
 * gap). The seed catalogue's days solve at the root node, in milliseconds;
 * the time limit is only a backstop against a pathological day (the best day
 * found by then is kept). It is wall-clock time, so it is generous: on a
 * loaded machine a tight one would cut ordinary days short.
 */
export const DEFAULT_SOLVER_OPTIONS: SolverOptions = {
  mipRelativeGap: 0.01,
  mipAbsoluteGap: 1,
  mipTimeLimitSeconds: 10,
};

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

// Size: 64 lines, one straight pass that hands the program to HiGHS and reads its answer back.
function solveWith(highs: Highs, options: SolverOptions, program: LinearProgram): LinearProgramSolution {
  const names = variableNames(program);
  const binaries = new Set(program.binaries ?? []);
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
    ...(binaries.size > 0
      ? {
          integrality: names.map((name) =>
            binaries.has(name) ? highs.constants.variableType.integer : highs.constants.variableType.continuous,
          ),
        }
      : {}),
  });
  try {
    model.options.set({
      output_flag: false,
      mip_rel_gap: options.mipRelativeGap,
      mip_abs_gap: options.mipAbsoluteGap,
      time_limit: options.mipTimeLimitSeconds,
    });
    model.run();
    const status = model.getModelStatus();
    const codes = highs.constants.modelStatus;
    // A MIP stopped by its time limit still answers with its best day, if it found one.
    const stoppedWithSolution =
      binaries.size > 0 &&
      status === codes.timeLimit &&
      model.info.get("primal_solution_status") === highs.constants.solutionStatus.feasible;
    if (status === codes.optimal || stoppedWithSolution) {
      const primal = model.getSolution().colValue;
      return {
        status: "optimal",
        objective: model.getObjectiveValue(),
        values: Object.fromEntries(names.map((name, index) => [name, primal[index] ?? 0])),
      };
    }
    if (status === codes.infeasible || status === codes.unboundedOrInfeasible) return { status: "infeasible" };
    // Every variable of the portion program is bounded, so anything else is a solver fault, not an answer.
    throw new Error(`The HiGHS solver stopped with model status ${status}`);
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
