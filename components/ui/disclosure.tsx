"use client";

import { useState, type ReactNode } from "react";
import { cn } from "./cn";

// On a phone, secondary controls (a list's filters) fold behind a button so that the list, not
// its controls, fills the first screen; from `sm` up they are always shown. The wrapper is
// `display: contents`, so the children keep their places in the parent's grid.

export function PhoneDisclosure({ id, label, children }: { id: string; label: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="flex h-11 items-center justify-between rounded-xl px-4 text-[15px] font-medium ring-1 ring-inset ring-line sm:hidden"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        data-testid="filters-toggle"
      >
        <span>{label}</span>
        <span aria-hidden>{open ? "▴" : "▾"}</span>
      </button>
      <div id={id} className={cn(open ? "contents" : "hidden sm:contents")}>
        {children}
      </div>
    </>
  );
}
