"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

// The one way a ТЦК officer's form sends a server action: the form is submitted through onSubmit,
// not `action={…}` — React resets a form after its action, so a refused attempt (a past date, an
// hour outside working time) would wipe what was typed. While the action runs the submit button
// is disabled; a refusal shows the action's Ukrainian message (and its field messages), a success
// shows the form's notice and refreshes the page, or goes to the page the result names.

/** What a server action answers (lib/actions/action-client's ActionResult, as the browser sees it). */
type ActionOutcome<T> =
  { ok: true; data: T } | { ok: false; error: { message: string; fields?: Record<string, string> } };

/** After a success: a notice on this page (which is refreshed), or another page to go to. */
export type ActionDone = { notice: string } | { redirect: string };

type Message = { tone: "success" | "error"; text: string };
type RecordActionState = { pending: boolean; message: Message | null; fieldErrors: Record<string, string> };

const RecordActionContext = createContext<RecordActionState | null>(null);

function useRecordAction(): RecordActionState {
  const state = useContext(RecordActionContext);
  if (!state) throw new Error("RecordActionButton and RecordActionMessage belong inside a RecordActionForm");
  return state;
}

export function RecordActionForm<T>({
  action,
  done,
  resetKey,
  className,
  label,
  children,
}: {
  action: (form: FormData) => Promise<ActionOutcome<T>>;
  done: (data: T) => ActionDone;
  /** A new key empties the fields (e.g. the wanted form after the flag changed); the message stays. */
  resetKey?: string;
  className?: string;
  label?: string;
  /** The fields; a function receives the field messages of the last refusal. */
  children: ReactNode | ((fieldErrors: Record<string, string>) => ReactNode);
}) {
  const router = useRouter();
  const [state, setState] = useState<RecordActionState>({ pending: false, message: null, fieldErrors: {} });

  async function submit(form: FormData) {
    setState((current) => ({ ...current, pending: true, message: null }));
    const result = await action(form);
    if (!result.ok) {
      setState({
        pending: false,
        message: { tone: "error", text: result.error.message },
        fieldErrors: result.error.fields ?? {},
      });
      return;
    }
    const next = done(result.data);
    if ("redirect" in next) {
      router.push(next.redirect);
      return;
    }
    setState({ pending: false, message: { tone: "success", text: next.notice }, fieldErrors: {} });
    router.refresh();
  }

  return (
    <RecordActionContext.Provider value={state}>
      <form
        key={resetKey}
        onSubmit={(event) => {
          event.preventDefault();
          void submit(new FormData(event.currentTarget));
        }}
        className={className}
        aria-label={label}
      >
        {typeof children === "function" ? children(state.fieldErrors) : children}
      </form>
    </RecordActionContext.Provider>
  );
}

/** The submit button: disabled while the action runs (and when `disabled`), `pendingLabel` meanwhile. */
export function RecordActionButton({
  children,
  pendingLabel,
  variant,
  disabled,
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  disabled?: boolean;
}) {
  const { pending } = useRecordAction();
  return (
    <Button type="submit" variant={variant} disabled={pending || disabled}>
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}

/** The last refusal or success, in Ukrainian. */
export function RecordActionMessage({ className, testId }: { className?: string; testId?: string }) {
  const { message } = useRecordAction();
  if (!message) return null;
  return (
    <Notice tone={message.tone} className={className} testId={testId}>
      {message.text}
    </Notice>
  );
}

/** The usual end of a record form: the submit button, then the message, both across `className`'s columns. */
export function RecordActionFooter({
  children,
  variant,
  className,
}: {
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
}) {
  return (
    <>
      <div className={className}>
        <RecordActionButton variant={variant}>{children}</RecordActionButton>
      </div>
      <RecordActionMessage className={className} />
    </>
  );
}
