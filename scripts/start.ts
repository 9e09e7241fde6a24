// npm start — like dev, but serves the production build from `npm run build`.
import { runNext } from "./lib/run-next";

await runNext("start");
