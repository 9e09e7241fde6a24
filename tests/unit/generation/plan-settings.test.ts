import { describe, expect, it } from "vitest";
import { clientFacingTitle, PlanSettingsBodySchema, PlanStartDateSchema } from "@/generation/intake/plan-settings";

describe("the title the client reads", () => {
  it("is the coach's client title when there is one", () => {
    expect(clientFacingTitle("  Your December plan ", "Alex Rivera")).toBe("Your December plan");
  });

  it("is 'Meal plan for' the client's first name otherwise, else 'Your meal plan'", () => {
    expect(clientFacingTitle(null, "Alex Rivera")).toBe("Meal plan for Alex");
    expect(clientFacingTitle("   ", " Sam ")).toBe("Meal plan for Sam");
    expect(clientFacingTitle(null, null)).toBe("Your meal plan");
    expect(clientFacingTitle(null, "  ")).toBe("Your meal plan");
  });
});

describe("a plan's start date", () => {
  it.each(["2026-12-07", "2028-02-29", "2000-01-01", "2100-12-31"])("accepts %s", (date) => {
    expect(PlanStartDateSchema.safeParse(date).success).toBe(true);
  });

  it.each(["2027-02-29", "2026-13-01", "07/12/2026", "2026-12-07T00:00:00Z", "1999-12-31", "2101-01-01", ""])(
    "refuses %s with one message",
    (date) => {
      const parsed = PlanStartDateSchema.safeParse(date);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues).toHaveLength(1);
    },
  );
});

describe("PATCH body of a plan's settings", () => {
  it("takes one or both settings, null clearing one", () => {
    expect(PlanSettingsBodySchema.parse({ start_date: null })).toEqual({ start_date: null });
    expect(PlanSettingsBodySchema.parse({ client_title: " Plan ", start_date: "2026-12-07" })).toEqual({
      client_title: "Plan",
      start_date: "2026-12-07",
    });
  });

  it("refuses an empty body and any other field", () => {
    expect(PlanSettingsBodySchema.safeParse({}).success).toBe(false);
    expect(PlanSettingsBodySchema.safeParse({ name: "Renamed" }).success).toBe(false);
    expect(PlanSettingsBodySchema.safeParse({ client_title: "x".repeat(121) }).success).toBe(false);
  });
});
