import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hashApiKey } from "../../core/org/api-key-secret";
import { authenticateApiKey } from "../../core/org/authenticate-api-key";
import { createApiKey } from "../../core/org/create-api-key";
import { listApiKeys } from "../../core/org/list-api-keys";
import { revokeApiKey } from "../../core/org/revoke-api-key";
import type { Role } from "../../core/shared/actor";
import type { ApiScope } from "../../core/shared/api-scopes";
import { apiKeys, auditLog } from "../../db/schema";
import { defined, expectDomainError } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg } from "../support/factories";
import { expectOrgUntouched, expectRefusedWithoutWrites } from "../support/footprint";

const database = workerDatabase();

const at = (iso: string) => () => new Date(iso);

const SUMMARY_FIELDS = [
  "createdAt",
  "createdBy",
  "id",
  "lastUsedAt",
  "name",
  "prefix",
  "revokedAt",
  "scopes",
];
/** Scopes for keys whose scopes the test doesn't look at. */
const SOME: ApiScope[] = ["people:read"];

describe("API keys", () => {
  it("returns the key once, stores only its hash, and authenticates as the org's system actor with its scopes", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);

    const created = await createApiKey(db, org.admin.actor, {
      name: "  HRIS sync ",
      scopes: ["people:write", "people:read", "people:write"],
    });
    expect(created.name).toBe("HRIS sync");
    // Each once, in the order the scopes are listed everywhere.
    expect(created.scopes).toEqual(["people:read", "people:write"]);
    expect(created.key).toMatch(/^plaudit_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    expect(created.prefix).toHaveLength("plaudit_".length + 8);

    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(defined(row).secretHash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key.slice(created.prefix.length));
    expect(defined(row).createdBy).toBe(org.admin.id);
    expect(defined(row).scopes).toEqual(["people:read", "people:write"]);

    const auth = await authenticateApiKey(db, created.key);
    expect(auth).toEqual({
      actor: {
        kind: "system",
        orgId: org.id,
        apiKey: { id: created.id, scopes: ["people:read", "people:write"] },
      },
      apiKeyId: created.id,
    });
  });

  it("issues a different key every time", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const first = await createApiKey(db, org.admin.actor, { name: "A", scopes: SOME });
    const second = await createApiKey(db, org.admin.actor, { name: "A", scopes: SOME });
    expect(first.key).not.toBe(second.key);
    expect((await authenticateApiKey(db, second.key)).apiKeyId).toBe(second.id);
  });

  it("lists the org's keys without the secret or its hash", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const older = await createApiKey(
      db,
      org.admin.actor,
      { name: "Older", scopes: SOME },
      at("2026-03-01T10:00:00Z"),
    );
    const newer = await createApiKey(
      db,
      org.admin.actor,
      { name: "Newer", scopes: SOME },
      at("2026-03-02T10:00:00Z"),
    );

    const listed = await listApiKeys(db, org.admin.actor);
    expect(listed.map((key) => key.id)).toEqual([newer.id, older.id]);
    expect(listed[0]).toEqual({
      id: newer.id,
      name: "Newer",
      prefix: newer.prefix,
      scopes: SOME,
      createdBy: org.admin.id,
      createdAt: new Date("2026-03-02T10:00:00Z"),
      lastUsedAt: null,
      revokedAt: null,
    });
    const text = JSON.stringify(listed);
    for (const created of [older, newer]) {
      expect(text).not.toContain(created.key);
      expect(text).not.toContain(hashApiKey(created.key));
    }
    for (const key of listed) expect(Object.keys(key).sort()).toEqual(SUMMARY_FIELDS);
  });

  it("refreshes last_used_at at most once a minute", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const created = await createApiKey(db, org.admin.actor, { name: "Bot", scopes: SOME });
    const lastUsed = async () =>
      defined((await listApiKeys(db, org.admin.actor)).find((key) => key.id === created.id)).lastUsedAt;

    await authenticateApiKey(db, created.key, at("2026-03-01T10:00:00Z"));
    expect(await lastUsed()).toEqual(new Date("2026-03-01T10:00:00Z"));
    await authenticateApiKey(db, created.key, at("2026-03-01T10:00:59Z"));
    expect(await lastUsed()).toEqual(new Date("2026-03-01T10:00:00Z"));
    await authenticateApiKey(db, created.key, at("2026-03-01T10:01:01Z"));
    expect(await lastUsed()).toEqual(new Date("2026-03-01T10:01:01Z"));
  });

  it("refuses a revoked key; revoking again is a no-op that keeps the first time", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const created = await createApiKey(db, org.admin.actor, { name: "Old integration", scopes: SOME });
    const other = await createApiKey(db, org.admin.actor, { name: "Still in use", scopes: SOME });
    await authenticateApiKey(db, created.key);

    const first = await revokeApiKey(db, org.admin.actor, { id: created.id }, at("2026-03-01T10:00:00Z"));
    expect(first).toEqual({ id: created.id, revokedAt: new Date("2026-03-01T10:00:00Z") });
    await expectDomainError(authenticateApiKey(db, created.key), "unauthenticated");
    expect((await authenticateApiKey(db, other.key)).apiKeyId).toBe(other.id);

    // A repeat writes nothing: no second audit entry, no new revoked_at.
    const second = await expectOrgUntouched(db, org.id, () =>
      revokeApiKey(db, org.admin.actor, { id: created.id }, at("2026-03-05T10:00:00Z")),
    );
    expect(second).toEqual(first);

    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(defined(row).revokedBy).toBe(org.admin.id);
    const revocations = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "api_key.revoke")));
    expect(revocations).toHaveLength(1);
    const listed = await listApiKeys(db, org.admin.actor);
    expect(listed.find((key) => key.id === created.id)?.revokedAt).toEqual(first.revokedAt);
  });

  it("keeps orgs apart: another org's admin can neither revoke nor list a key", async () => {
    const { db } = await database();
    const owner = await createTestOrg(db);
    const stranger = await createTestOrg(db);
    const created = await createApiKey(db, owner.admin.actor, { name: "Owner's key", scopes: SOME });
    const strangers = await createApiKey(db, stranger.admin.actor, { name: "Stranger's key", scopes: SOME });

    await expectRefusedWithoutWrites(db, [owner.id, stranger.id], "not_found", () =>
      revokeApiKey(db, stranger.admin.actor, { id: created.id }),
    );
    expect((await listApiKeys(db, stranger.admin.actor)).map((key) => key.id)).toEqual([strangers.id]);
    expect((await listApiKeys(db, owner.admin.actor)).map((key) => key.id)).toEqual([created.id]);
    expect((await authenticateApiKey(db, created.key)).actor).toMatchObject({
      kind: "system",
      orgId: owner.id,
    });
    expect((await authenticateApiKey(db, strangers.key)).actor).toMatchObject({
      kind: "system",
      orgId: stranger.id,
    });
  });

  it("reports an unknown key id as not found", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    await expectRefusedWithoutWrites(db, [org.id], "not_found", () =>
      revokeApiKey(db, org.admin.actor, { id: "00000000-0000-4000-8000-000000000000" }),
    );
    await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      revokeApiKey(db, org.admin.actor, { id: "not-a-uuid" }),
    );
    await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      createApiKey(db, org.admin.actor, { name: "   ", scopes: SOME }),
    );
  });

  it.each<{ roles: Role[] }>([
    { roles: ["employee"] },
    { roles: ["employee", "manager"] },
    { roles: ["employee", "finance"] },
  ])("forbids $roles from managing keys, writing nothing", async ({ roles }) => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const person = await org.addPerson({ roles });
    const created = await createApiKey(db, org.admin.actor, { name: "Existing", scopes: SOME });

    await expectRefusedWithoutWrites(db, [org.id], "forbidden", () =>
      createApiKey(db, person.actor, { name: "Mine", scopes: SOME }),
    );
    await expectRefusedWithoutWrites(db, [org.id], "forbidden", () =>
      revokeApiKey(db, person.actor, { id: created.id }),
    );
    await expectDomainError(listApiKeys(db, person.actor), "forbidden");
    await expectRefusedWithoutWrites(db, [org.id], "forbidden", () =>
      createApiKey(db, org.system, { name: "From a key", scopes: SOME }),
    );
    expect((await authenticateApiKey(db, created.key)).apiKeyId).toBe(created.id);
  });

  it("refuses malformed and unknown keys alike", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const created = await createApiKey(db, org.admin.actor, { name: "Real", scopes: SOME });
    const candidates = [
      "",
      "plaudit_",
      created.prefix,
      created.key.slice(0, -1),
      `${created.key}A`,
      ` ${created.key}`,
      created.key.toUpperCase(),
      created.key.replace("plaudit_", "pk_"),
      hashApiKey(created.key),
      `plaudit_${"A".repeat(43)}`,
      `plaudit_${"é".repeat(43)}`,
    ];
    for (const candidate of candidates) {
      const error = await expectDomainError(authenticateApiKey(db, candidate), "unauthenticated");
      expect(error.message).toBe("That API key is not valid.");
    }
    expect((await authenticateApiKey(db, created.key)).apiKeyId).toBe(created.id);
  });

  it.each<{ scopes: unknown; message: string }>([
    { scopes: [], message: "Choose at least one thing the key may do." },
    { scopes: undefined, message: "Choose at least one thing the key may do." },
    { scopes: ["people:read", "admin"], message: "Choose from the scopes listed." },
  ])("refuses a key with scopes $scopes beside the scopes, writing nothing", async ({ scopes, message }) => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const error = await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      createApiKey(db, org.admin.actor, { name: "Payroll", scopes: scopes as ApiScope[] }),
    );
    expect(error.message).toBe(message);
    expect(String(error.details.field)).toMatch(/^scopes/);
  });

  it("refuses at the database a key with no scope", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const created = await createApiKey(db, org.admin.actor, { name: "Payroll", scopes: SOME });
    await expect(db.update(apiKeys).set({ scopes: [] }).where(eq(apiKeys.id, created.id))).rejects.toThrow();
    expect((await authenticateApiKey(db, created.key)).actor.apiKey.scopes).toEqual(SOME);
  });

  it("audits creation and revocation without the secret or its hash", async () => {
    const { db } = await database();
    const org = await createTestOrg(db);
    const created = await createApiKey(db, org.admin.actor, { name: "Payroll", scopes: SOME });
    await revokeApiKey(db, org.admin.actor, { id: created.id });

    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.targetType, "api_key")))
      .orderBy(auditLog.id);
    expect(entries.map((entry) => [entry.action, entry.targetId, entry.actorPersonId])).toEqual([
      ["api_key.create", created.id, org.admin.id],
      ["api_key.revoke", created.id, org.admin.id],
    ]);
    expect(entries[0]?.after).toEqual({ name: "Payroll", prefix: created.prefix, scopes: SOME });
    const text = JSON.stringify(entries);
    expect(text).not.toContain(created.key);
    expect(text).not.toContain(created.key.slice(created.prefix.length));
    expect(text).not.toContain(hashApiKey(created.key));
  });
});
