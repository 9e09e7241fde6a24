/** The coaches supabase/seed.sql creates, one per org, for local sign-in on the embedded default. */
export const SEEDED_COACHES = [
  { email: "coach@demo.test", organisation: "demo organisation", testId: "sign-in-demo" },
  { email: "coach@other.test", organisation: "second organisation", testId: "sign-in-other" },
] as const;
