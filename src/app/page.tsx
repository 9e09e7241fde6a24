import { redirect } from "next/navigation";

/** The plans list is the home page; signed-out visitors are sent on to sign-in by its first API call. */
export default function HomePage() {
  redirect("/plans");
}
