import { describe, expect, it } from "vitest";
import { foldForSearch } from "./search-text.js";

describe("foldForSearch", () => {
  it("drops accents, case and hyphens so residents can type names as they say them", () => {
    expect(foldForSearch("Chivy-lès-Étouvelles")).toBe("chivy les etouvelles");
    expect(foldForSearch("  CRÉPY ")).toBe("crepy");
    expect(foldForSearch("Montchâlons")).toBe("montchalons");
  });
  it("keeps other characters", () => {
    expect(foldForSearch("Laon 02000")).toBe("laon 02000");
  });
});
