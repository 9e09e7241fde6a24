import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

// An inline icon (a plate), so browsers do not ask for /favicon.ico and log a 404 on every page.
const PLATE_ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='7' fill='%230b5cad'/%3E%3Ccircle cx='16' cy='16' r='9' fill='none' stroke='white' stroke-width='3'/%3E%3C/svg%3E";

export const metadata: Metadata = {
  title: { default: "Meal plans", template: "%s · Meal plans" },
  description: "Multi-day meal plans for coaching businesses, generated durably.",
  icons: { icon: PLATE_ICON },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/**
 * Every page's frame. The runtime banner is the coach's pages' (plans/layout.tsx
 * and the sign-in page): the client's shared page shows nothing of how the app runs.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to the main content
        </a>
        {children}
      </body>
    </html>
  );
}
