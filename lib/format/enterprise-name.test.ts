import { describe, expect, it } from "vitest";
import { shortEnterpriseName } from "./enterprise-name";

describe("shortEnterpriseName", () => {
  it("abbreviates the legal form and keeps the brand", () => {
    expect(
      shortEnterpriseName("Приватне акціонерне товариство «Дніпровський завод енергетичного машинобудування»"),
    ).toBe("ПрАТ «Дніпровський завод енергетичного машинобудування»");
    expect(shortEnterpriseName("Товариство з обмеженою відповідальністю «Поділля-Агро»")).toBe("ТОВ «Поділля-Агро»");
    expect(shortEnterpriseName("Комунальне некомерційне підприємство «Лікарня № 1»")).toBe("КНП «Лікарня № 1»");
    expect(shortEnterpriseName("Акціонерне товариство «Укрзалізниця»")).toBe("АТ «Укрзалізниця»");
  });

  it("prefers the longer form that shares a prefix (КНП before КП) and ignores case", () => {
    expect(shortEnterpriseName("комунальне підприємство «Водоканал»")).toBe("КП «Водоканал»");
  });

  it("leaves names without a known legal form as they are", () => {
    expect(shortEnterpriseName("ТОВ «Вже коротко»")).toBe("ТОВ «Вже коротко»");
    expect(shortEnterpriseName("Міністерство економіки України")).toBe("Міністерство економіки України");
    expect(shortEnterpriseName("  Державне підприємство  ")).toBe("ДП");
  });
});
