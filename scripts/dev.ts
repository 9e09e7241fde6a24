// npm run dev — embedded PostgreSQL (or DATABASE_URL), migrations and seed, then `next dev`.
import { runNext } from "./lib/run-next";

await runNext("dev");
