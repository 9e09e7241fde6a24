"use client";

/** Opens the browser's print dialog; the print stylesheet lays out the days and the grocery list. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {label}
    </button>
  );
}
