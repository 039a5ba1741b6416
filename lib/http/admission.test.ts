import { describe, expect, it } from "vitest";
import { createAdmission, type Release } from "./admission";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("createAdmission", () => {
  it("lets `limit` in at once and the rest in arrival order as places are released", async () => {
    const admission = createAdmission({ limit: 2, queueLimit: 10 });
    const order: number[] = [];
    const releases: Release[] = [];
    for (let i = 0; i < 5; i++)
      void admission.enter()!.then((release) => {
        order.push(i);
        releases.push(release);
      });
    await tick();
    expect(order).toEqual([0, 1]);
    expect([admission.active, admission.waiting]).toEqual([2, 3]);
    releases[1]!();
    await tick();
    expect(order).toEqual([0, 1, 2]);
    releases[0]!();
    releases[0]!(); // a second release of the same place frees nothing more
    await tick();
    expect(order).toEqual([0, 1, 2, 3]);
    expect([admission.active, admission.waiting]).toEqual([2, 1]);
    for (const release of releases) release();
    await tick();
    expect(order).toEqual([0, 1, 2, 3, 4]);
    for (const release of releases) release();
    expect([admission.active, admission.waiting]).toEqual([0, 0]);
  });

  it("refuses at once when `queueLimit` already wait, and admits again when the line moves", async () => {
    const admission = createAdmission({ limit: 1, queueLimit: 2 });
    const first = await admission.enter()!;
    const waiting = [admission.enter(), admission.enter()];
    expect(waiting.every((entry) => entry instanceof Promise)).toBe(true);
    expect(admission.enter()).toBeNull();
    first();
    const second = await waiting[0]!;
    expect(admission.enter()).toBeInstanceOf(Promise);
    second();
  });

  it("takes a request that went away out of the line, without giving it a place", async () => {
    const admission = createAdmission({ limit: 1, queueLimit: 10 });
    const first = await admission.enter()!;
    const leaving = new AbortController();
    const gone = admission.enter(leaving.signal)!;
    const next = admission.enter()!;
    leaving.abort(new Error("the client closed the connection"));
    await expect(gone).rejects.toThrow("the client closed the connection");
    expect(admission.waiting).toBe(1);
    first();
    const release = await next;
    expect(admission.active).toBe(1);
    release();
    expect([admission.active, admission.waiting]).toEqual([0, 0]);
    // Aborted before it asked: refused, nothing held.
    await expect(admission.enter(AbortSignal.abort(new Error("gone")))).rejects.toThrow("gone");
    expect([admission.active, admission.waiting]).toEqual([0, 0]);
  });

  it("an abort after the place was given changes nothing: the holder releases it", async () => {
    const admission = createAdmission({ limit: 1, queueLimit: 10 });
    const controller = new AbortController();
    const release = await admission.enter(controller.signal)!;
    controller.abort();
    expect(admission.active).toBe(1);
    release();
    expect(admission.active).toBe(0);
  });

  it("keeps order through a long line (the line's storage is compacted as it drains)", async () => {
    const admission = createAdmission({ limit: 1, queueLimit: 10_000 });
    const order: number[] = [];
    const holder = await admission.enter()!;
    const done = Array.from({ length: 5_000 }, (_, i) =>
      admission.enter()!.then((release) => {
        order.push(i);
        release();
      }),
    );
    holder();
    await Promise.all(done);
    expect(order).toEqual(Array.from({ length: 5_000 }, (_, i) => i));
    expect([admission.active, admission.waiting]).toEqual([0, 0]);
  });

  it("refuses a limit below 1 and a negative line", () => {
    expect(() => createAdmission({ limit: 0, queueLimit: 1 })).toThrow(RangeError);
    expect(() => createAdmission({ limit: 1.5, queueLimit: 1 })).toThrow(RangeError);
    expect(() => createAdmission({ limit: 1, queueLimit: -1 })).toThrow(RangeError);
  });
});
