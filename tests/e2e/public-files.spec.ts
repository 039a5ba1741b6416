import { expect, test } from "@playwright/test";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test.describe("what a real site serves from public/", () => {
  test("the web app manifest names the app, starts at /me and lists 192, 512 and maskable icons that exist", async ({
    request,
  }) => {
    const response = await request.get("/manifest.webmanifest");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/application\/manifest\+json/);
    const manifest = await response.json();
    expect(manifest).toMatchObject({
      name: "Броня",
      start_url: "/me",
      display: "standalone",
      theme_color: "#e2ecf4",
      background_color: "#e2ecf4",
    });
    const purposes = new Set<string>();
    for (const icon of manifest.icons as { src: string; sizes: string; purpose: string }[]) {
      const file = await request.get(icon.src);
      expect(file.status(), icon.src).toBe(200);
      expect(file.headers()["content-type"]).toBe("image/png");
      const { width, height } = pngSize(await file.body());
      expect(`${width}x${height}`).toBe(icon.sizes);
      purposes.add(`${icon.sizes} ${icon.purpose}`);
    }
    expect([...purposes].sort()).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
  });

  test("every page links the manifest, the favicon and the touch icon", async ({ page, request }) => {
    await page.goto("/login");
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    for (const href of await page
      .locator('link[rel="icon"], link[rel="apple-touch-icon"]')
      .evaluateAll((links) => links.map((l) => l.getAttribute("href")!))) {
      expect((await request.get(href)).status(), href).toBe(200);
    }
    expect((await request.get("/favicon.ico")).headers()["content-type"]).toMatch(/icon/);
  });

  test("robots.txt keeps the cabinets, the login, checked documents and the APIs out of search engines", async ({
    request,
  }) => {
    const robots = await (await request.get("/robots.txt")).text();
    for (const path of ["/company", "/ministry", "/me", "/unit", "/admin", "/login", "/verify/", "/api/"]) {
      expect(robots).toContain(`Disallow: ${path}\n`);
    }
  });

  test("security.txt says whom to tell about a vulnerability and has not expired", async ({ request }) => {
    const response = await request.get("/.well-known/security.txt");
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^Contact: mailto:\S+@\S+$/m);
    const expires = /^Expires: (\S+)$/m.exec(text)?.[1];
    expect(new Date(expires!).getTime()).toBeGreaterThan(Date.now());
  });
});
