import type { Metadata } from "next";
import { SignInPanel } from "@/ui/sign-in/sign-in-panel";

export const metadata: Metadata = { title: "Sign in" };

type SignInPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const { next } = await searchParams;
  return (
    <main id="main" className="narrow">
      <h1>Sign in</h1>
      <SignInPanel next={typeof next === "string" ? next : undefined} />
    </main>
  );
}
