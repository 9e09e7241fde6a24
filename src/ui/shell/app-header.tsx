import Link from "next/link";
import { SignOutButton } from "./sign-out-button";

/** The signed-in pages' header: the app name back to the plans list, and sign-out. */
export function AppHeader() {
  return (
    <header className="app-header no-print">
      <div className="app-header-inner">
        <Link href="/plans" className="app-name">
          Meal plans
        </Link>
        <nav aria-label="Account">
          <SignOutButton />
        </nav>
      </div>
    </header>
  );
}
