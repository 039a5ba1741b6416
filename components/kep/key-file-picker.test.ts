import { describe, expect, it } from "vitest";
import { MAX_KEY_FILE_BYTES } from "@/lib/kep/browser";
import { describeUnsupportedKeyFile } from "./key-file-picker";

const file = (name: string, size: number) => new File([new Uint8Array(size)], name);

describe("describeUnsupportedKeyFile", () => {
  it("accepts PKCS#12, Key-6.dat and .jks files and files of unknown kind (the signer tells then)", () => {
    for (const name of ["key.p12", "KEY.PFX", "ключ.pfx", "Key-6.dat", "privat.jks", "key", "key.bin"])
      expect(describeUnsupportedKeyFile(file(name, 3000)), name).toBeNull();
  });

  it("names the containers the portal does not read", () => {
    expect(describeUnsupportedKeyFile(file("key.zs2", 3000))).toMatch(
      /\.zs2 .*не підтримує: потрібен Key-6\.dat, \.pfx\/\.p12 або \.jks/,
    );
  });

  it("refuses empty and oversized files on both sides of the limit", () => {
    expect(describeUnsupportedKeyFile(file("key.p12", 0))).toMatch(/порожній/);
    expect(describeUnsupportedKeyFile(file("key.p12", MAX_KEY_FILE_BYTES))).toBeNull();
    expect(describeUnsupportedKeyFile(file("key.p12", MAX_KEY_FILE_BYTES + 1))).toMatch(/завеликий/);
  });
});
