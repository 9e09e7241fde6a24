import { redirect } from "next/navigation";

/** The plans list is the home page (it sends a visitor without a session on to sign-in itself). */
export default function HomePage() {
  redirect("/plans");
}
