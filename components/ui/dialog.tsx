"use client";

import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "./cn";

// A modal dialog on the native <dialog> (showModal makes the rest of the page inert and gives
// Escape), plus what the browser leaves to us: Tab and Shift+Tab go round inside the dialog
// instead of escaping to the browser's own controls, the first control gets the focus on open,
// and the control that opened the dialog gets it back on close. The content is mounted only
// while open, so whatever it held (a key, a password) is forgotten on close.

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

type Props = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** Above the title, e.g. the wizard's steps. */
  header?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
};

export function Dialog({ open, onClose, title, header, children, testId, className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      (focusables(dialog)[0] ?? dialog).focus();
    } else if (!open && dialog.open) {
      dialog.close();
      opener.current?.focus();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Escape: the browser would close the dialog behind React's back; let the owner close it.
    const onCancel = (event: Event) => {
      event.preventDefault();
      close.current();
    };
    dialog.addEventListener("cancel", onCancel);
    return () => dialog.removeEventListener("cancel", onCancel);
  }, []);

  // Unmounted while open (the page navigated on): hand the focus back all the same.
  useEffect(() => () => opener.current?.focus(), []);

  function trapTab(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== "Tab" || !ref.current) return;
    const items = focusables(ref.current);
    if (items.length === 0) return event.preventDefault();
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = document.activeElement;
    const inside = active instanceof Node && ref.current.contains(active) && active !== ref.current;
    if (!inside) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    } else if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-modal="true"
      onKeyDown={trapTab}
      data-testid={testId}
      className={cn(
        "m-auto max-h-[calc(100dvh-2rem)] w-[calc(100%-1.5rem)] max-w-2xl overflow-y-auto rounded-[var(--radius-card)] bg-white p-5 text-ink shadow-xl backdrop:bg-black/50 sm:p-6",
        className,
      )}
    >
      {open ? (
        <>
          {header}
          <h2 id={titleId} className="mb-4 text-xl font-bold">
            {title}
          </h2>
          {children}
        </>
      ) : null}
    </dialog>
  );
}
