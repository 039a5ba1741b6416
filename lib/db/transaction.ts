import type { Db, DbTx } from "./client";

/** The handle a domain function runs on: the process's client, or a transaction it joins. */
export type DbClient = Db | DbTx;

type TransactionOptions = {
  maxWait?: number;
  timeout?: number;
  isolationLevel?: "ReadCommitted" | "RepeatableRead" | "Serializable";
};

/**
 * Runs `work` in a transaction on `client`: opens one on a client, joins the caller's when
 * `client` already is a transaction (so functions compose, and a caller decides the boundary).
 */
export function inTransaction<T>(
  client: DbClient,
  work: (tx: DbTx) => Promise<T>,
  options?: TransactionOptions,
): Promise<T> {
  // Not `"$transaction" in client`: the shared db is a Proxy without a `has` trap.
  const transact = (client as Partial<Db>).$transaction;
  if (typeof transact === "function") return (client as Db).$transaction((tx) => work(tx), options);
  return work(client);
}
