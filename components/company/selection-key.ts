// The storage key of an enterprise's selection. Pure, so that server pages can name it without
// importing the client-side store.
export function selectionKey(kind: "reservation" | "annulment", edrpou: string) {
  return `bronya:selection:${kind}:${edrpou}`;
}
