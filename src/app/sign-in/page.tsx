import type { Metadata } from "next";
import { connection } from "next/server";
import { selectedRunner } from "@/inngest/dispatch";
import { runtimeMode } from "@/server/runtime-mode";
import { RuntimeBanner } from "@/ui/shell/runtime-banner";
import { SignInPanel } from "@/ui/sign-in/sign-in-panel";

export const metadata: Metadata = { title: "Sign in" };

type SignInPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: SignInPageProps) {
  // Which sign-in to offer depends on this server's environment: read it per request, not at build time.
  await connection();
  const { next, key } = await searchParams;
  const mode = runtimeMode(selectedRunner());
  return (
    <>
      <RuntimeBanner mode={mode} />
      <main id="main" className="narrow">
        <h1>Sign in</h1>
        <SignInPanel
          next={typeof next === "string" ? next : undefined}
          localSignInKey={typeof key === "string" ? key : undefined}
          supabase={
            mode.auth === "supabase" && mode.supabase_url && mode.supabase_anon_key
              ? { url: mode.supabase_url, anonKey: mode.supabase_anon_key }
              : null
          }
        />
      </main>
    </>
  );
}
