import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { logArguments, sendConsoleToLogger } from "../../observability/console-logging";
import { loggerOptions } from "../../observability/logger";
import { inRequest, requestIdFrom } from "../../observability/request-context";

/** A Plaudit logger writing into an array, one parsed object a line. */
function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const log = pino({ ...loggerOptions(), level: "debug" }, stream);
  return { log, lines, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("log lines", () => {
  it("are one JSON object a line, with the level's name, an ISO time and the message", () => {
    const { log, entries } = capturedLogger();
    log.info({ task: "bills" }, "2 bills closed");
    const [entry] = entries();
    expect(entry).toMatchObject({ level: "info", task: "bills", msg: "2 bills closed" });
    expect(new Date(String(entry?.time)).toISOString()).toBe(entry?.time);
  });

  it("carry the id of the request being served, in everything that request starts, and none outside one", async () => {
    const { log, entries } = capturedLogger();
    await inRequest({ requestId: "req-1" }, async () => {
      log.info("inside");
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.info("after a timer");
    });
    log.info("outside");
    expect(entries().map((entry) => [entry.msg, entry.requestId])).toEqual([
      ["inside", "req-1"],
      ["after a timer", "req-1"],
      ["outside", undefined],
    ]);
  });
});

describe("request ids", () => {
  it("keep a well-formed incoming X-Request-ID", () => {
    for (const id of ["abc", "01J9ZKQ3-trace.id:7", "a".repeat(128), "Zm9vYmFy+/="]) {
      expect(requestIdFrom(id)).toBe(id);
    }
  });

  it("replace a missing or malformed one with a new UUID", () => {
    for (const header of [
      undefined,
      null,
      "",
      "has space",
      "line\nbreak",
      '"quoted"',
      "a".repeat(129),
      ["a", "b"],
    ]) {
      const id = requestIdFrom(header);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});

describe("errors in log lines", () => {
  it("keep the type, code, message, stack and causes, and nothing an HTTP client's error carries", () => {
    const { log, lines, entries } = capturedLogger();
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const failure = Object.assign(new Error("Request failed with status code 500", { cause }), {
      name: "AxiosError",
      code: "ERR_BAD_RESPONSE",
      config: {
        headers: { Authorization: "Bearer some-provider-key-123456" },
        data: '{"recipient":"ana@acme.example"}',
      },
      response: { status: 500, data: { token: "a-token-value-7890" } },
    });
    log.error({ err: failure }, "The provider failed");
    const [entry] = entries();
    expect(entry?.err).toEqual({
      type: "AxiosError",
      code: "ERR_BAD_RESPONSE",
      message: "Request failed with status code 500",
      stack: expect.stringMatching(/^AxiosError: Request failed with status code 500\n\s+at /),
      cause: {
        type: "Error",
        code: "ECONNREFUSED",
        message: "connect ECONNREFUSED 127.0.0.1:5432",
        stack: expect.any(String),
      },
    });
    expect(lines.join("\n")).not.toMatch(/some-provider-key|ana@acme|a-token-value/);
  });

  it("keep a failed query's statement but not its parameters, in the message and in the stack", () => {
    const { log, lines, entries } = capturedLogger();
    const query = new Error("Failed query: select id from people where email = $1\nparams: ana@acme.example");
    log.error({ err: query }, "A lookup failed");
    expect(entries()[0]?.err).toMatchObject({
      message: "Failed query: select id from people where email = $1",
    });
    expect(lines.join("\n")).not.toContain("ana@acme.example");
  });
});

describe("secrets in log lines", () => {
  it("are redacted by field name wherever a log call passes them, at the top and one level down", () => {
    const { log, lines } = capturedLogger();
    log.info(
      {
        authorization: "Bearer x1",
        headers: { authorization: "Bearer x2", cookie: "authjs.session-token=x3", accept: "text/html" },
        install: { botToken: "x4", team: "T1" },
        connection: { apiKey: "x5", password: "x6" },
      },
      "request",
    );
    const text = lines.join("\n");
    for (const secret of ["x1", "x2", "x3", "x4", "x5", "x6"]) expect(text).not.toContain(`${secret}"`);
    expect(text).toContain('"accept":"text/html"');
    expect(text).toContain('"team":"T1"');
  });

  it("are scrubbed from any text by their shape: tokens, keys, cookies, passwords in URLs, gift links", () => {
    const { log, lines } = capturedLogger();
    const planted = [
      "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
      "xapp-1-A0123456789-1234567890123-abcdef0123456789",
      "plaudit_Oq7e_GG_ufMO7IpHiJeLUECs4gKYFQmthPdE9ShLfus",
      "TEST_a1b2c3d4e5f6g7h8i9j0",
      "sandbox_0123456789abcdef",
      "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0.session",
      "s3cr3t-db-password",
      "Hk3vQ9xYz_Lm2PqRsT7u",
      "payoutid0123456",
    ];
    log.warn(
      [
        `token ${planted[0]} app ${planted[1]} key ${planted[2]} provider ${planted[3]} sandbox ${planted[4]}`,
        `cookie: authjs.session-token=${planted[5]}; other=1`,
        `postgres://plaudit:${planted[6]}@db.internal:5432/plaudit`,
        `http://127.0.0.1:4010/redeem/${planted[7]} https://testflight.tremendous.com/rewards/payout/${planted[8]}`,
        "Authorization: Bearer anything-at-all",
      ].join(" | "),
    );
    const text = lines.join("\n");
    for (const secret of planted) expect(text).not.toContain(secret);
    expect(text).not.toContain("anything-at-all");
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ level: "warn" });
    expect(text).toContain("postgres://plaudit:[redacted]@db.internal:5432/plaudit");
  });

  it("are scrubbed by value when they are the deployment's configured secrets, whatever their shape", () => {
    vi.stubEnv("AUTH_SECRET", "q8W+/z1=configured-auth-secret");
    vi.stubEnv("SLACK_SIGNING_SECRET", "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    vi.stubEnv("PLAUDIT_METRICS_TOKEN", "metrics-scraper-token");
    const { log, lines } = capturedLogger();
    log.info(
      { note: "q8W+/z1=configured-auth-secret" },
      "signing 0f1e2d3c4b5a69788796a5b4c3d2e1f0 metrics-scraper-token",
    );
    const text = lines.join("\n");
    expect(text).not.toContain("configured-auth-secret");
    expect(text).not.toContain("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    expect(text).not.toContain("metrics-scraper-token");
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ note: "[redacted]" });
  });
});

describe("console output of libraries", () => {
  it("becomes log lines at the matching level, an Error among the arguments as `err`", () => {
    const { log, entries } = capturedLogger();
    const original = { ...console };
    try {
      sendConsoleToLogger(log);
      console.warn("Request body exceeded %s", "10MB");
      console.error(" ⨯", new Error("boom"));
      console.log({ answer: 42 });
    } finally {
      Object.assign(console, original);
    }
    expect(
      entries().map(({ level, msg, err }) => ({ level, msg, err: (err as { message?: string })?.message })),
    ).toEqual([
      { level: "warn", msg: "Request body exceeded 10MB", err: undefined },
      { level: "error", msg: "⨯", err: "boom" },
      { level: "info", msg: "{ answer: 42 }", err: undefined },
    ]);
  });

  it("of an error alone takes the error's message", () => {
    const { log, entries } = capturedLogger();
    logArguments(log, "error", [new TypeError("bad thing")]);
    expect(entries()[0]).toMatchObject({ msg: "bad thing", err: { type: "TypeError" } });
  });
});
