import { InngestTestEngine, mockCtx } from "@inngest/test";
import { planDaysFunction } from "@/inngest/binding/plan-days-function";

/**
 * A transformCtx for InngestTestEngine. @inngest/test does not model
 * step.invoke: here each invocation of plan-days is run by its own test
 * engine (the real function, its schema and handler), inside a step of the
 * same id, so the parent memoises its result as Inngest would. The other
 * step tools are @inngest/test's mocks.
 */
export function invokingPlanDays(raw: Parameters<typeof mockCtx>[0]): ReturnType<typeof mockCtx> {
  const ctx = mockCtx(raw) as unknown as {
    step: { run: (id: string, work: () => unknown) => unknown; invoke: unknown };
  };
  ctx.step.invoke = (id: string, options: { data: Record<string, unknown> }) =>
    ctx.step.run(id, async () => {
      const child = new InngestTestEngine({
        function: planDaysFunction,
        events: [{ name: "inngest/function.invoked", data: options.data }],
      });
      const { result, error } = await child.execute();
      if (error) throw error;
      return result;
    });
  return ctx as never;
}
