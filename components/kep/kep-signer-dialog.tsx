"use client";

import { useState, type ComponentProps, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { KepSigner } from "./kep-signer";

// The signer behind a button, in a modal dialog: the page stays readable until the holder
// chooses to sign; Escape or «Скасувати» closes it and forgets the key, and the focus returns
// to the button.

type Props = Omit<ComponentProps<typeof KepSigner>, "onCancel"> & {
  openLabel: string;
  title: ReactNode;
  /** Above the title, e.g. the wizard's steps with this one current. */
  header?: ReactNode;
};

export function KepSignerDialog({ openLabel, title, header, ...signer }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="lg" onClick={() => setOpen(true)} aria-haspopup="dialog" data-testid="kep-open">
        {openLabel}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title} header={header} testId="kep-dialog">
        <KepSigner {...signer} onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
