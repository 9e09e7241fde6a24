import { connection } from "next/server";
import { checkHealth } from "@/server/health";

export default async function HomePage() {
  await connection();
  const health = await checkHealth();
  return (
    <main>
      <h1>Meal plans</h1>
      <p>The app is up.</p>
      <p>
        Database:{" "}
        {health.database === "up" ? (
          <strong>answering ({health.foods} foods in the catalogue)</strong>
        ) : (
          <strong>not answering ({health.detail})</strong>
        )}
      </p>
    </main>
  );
}
