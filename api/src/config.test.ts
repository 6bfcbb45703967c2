import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("has safe local defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: "127.0.0.1", port: 4000, nodeEnv: "development", logLevel: "info", bodyLimit: "1mb" });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.schedulingSweepSeconds).toBe(60);
    expect(config.consoleModules.map((module) => [module.id, module.route, module.title])).toEqual([
      ["portal", "/portail", "Portail famille"],
      ["intranet", "/intranet", "Intranet"],
      ["training", "/formations", "Inclusion numérique"],
      ["telehealth", "/telesante", "Télésanté"],
    ]);
    expect(config.consoleModules[0]).toEqual({
      id: "portal",
      name: "mfe_portal",
      title: "Portail famille",
      icon: "family",
      role: "PORTAL",
      route: "/portail",
      entry: "http://127.0.0.1:4101/mf-manifest.json",
      exposedModule: "./module",
    });
  });

  it("reads the environment, treating empty variables as unset", () => {
    const config = loadConfig({
      HOST: "0.0.0.0",
      PORT: "0",
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      DATABASE_URL: "postgres://couronne@db/couronne",
      BODY_LIMIT: "200kb",
      MFE_TRAINING_ENTRY: "https://formations.example.org/mf-manifest.json",
      MFE_PORTAL_ENTRY: "",
    });
    expect(config).toMatchObject({
      host: "0.0.0.0",
      port: 0,
      nodeEnv: "production",
      logLevel: "warn",
      databaseUrl: "postgres://couronne@db/couronne",
      bodyLimit: "200kb",
    });
    expect(config.consoleModules.find((module) => module.id === "training")?.entry).toBe(
      "https://formations.example.org/mf-manifest.json",
    );
    expect(config.consoleModules.find((module) => module.id === "portal")?.entry).toBe("http://127.0.0.1:4101/mf-manifest.json");
  });

  it("accepts a PGlite directory or memory:// as database", () => {
    expect(loadConfig({ DATABASE_URL: "./.data/pglite" }).databaseUrl).toBe("./.data/pglite");
    expect(loadConfig({ DATABASE_URL: "memory://" }).databaseUrl).toBe("memory://");
  });

  it("sweeps the booking engine's expiries every 60 s by default, never by default in tests, as often as asked", () => {
    expect(loadConfig({ NODE_ENV: "production" }).schedulingSweepSeconds).toBe(60);
    expect(loadConfig({ NODE_ENV: "test" }).schedulingSweepSeconds).toBe(0);
    expect(loadConfig({ NODE_ENV: "test", SCHEDULING_SWEEP_SECONDS: "5" }).schedulingSweepSeconds).toBe(5);
    expect(loadConfig({ SCHEDULING_SWEEP_SECONDS: "0" }).schedulingSweepSeconds).toBe(0);
    expect(loadConfig({ SCHEDULING_SWEEP_SECONDS: "" }).schedulingSweepSeconds).toBe(60);
    for (const bad of ["-1", "1.5", "soon", "86401"]) expect(() => loadConfig({ SCHEDULING_SWEEP_SECONDS: bad })).toThrow(/SCHEDULING_SWEEP_SECONDS: /);
  });

  it("names every bad variable in one clear error", () => {
    const load = () =>
      loadConfig({ PORT: "eighty", NODE_ENV: "staging", DATABASE_URL: "mysql://x", MFE_INTRANET_ENTRY: "not a url" });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT: .*\n.*NODE_ENV: .*\n.*DATABASE_URL: .*\n.*MFE_INTRANET_ENTRY: /s);
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT: must be between 0 and 65535/);
    expect(() => loadConfig({ BODY_LIMIT: "lots" })).toThrow(/BODY_LIMIT/);
  });
});
