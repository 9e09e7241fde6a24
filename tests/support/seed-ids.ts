/** Ids fixed by supabase/seed.sql, so tests can name the seeded orgs and coaches. */
export const DEMO_ORG_ID = "a0000000-0000-4000-8000-000000000001";
export const OTHER_ORG_ID = "a0000000-0000-4000-8000-000000000002";
export const DEMO_COACH_ID = "b0000000-0000-4000-8000-000000000001";
export const OTHER_COACH_ID = "b0000000-0000-4000-8000-000000000002";
export const DEMO_CLIENT_ID = "c0000000-0000-4000-8000-000000000001";
export const OTHER_CLIENT_ID = "c0000000-0000-4000-8000-000000000002";
export const DEMO_COACH_EMAIL = "coach@demo.test";
export const OTHER_COACH_EMAIL = "coach@other.test";
