import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Encrypts secrets kept at rest (Slack bot tokens) with AES-256-GCM. The sealed form names its version
 * so that a later change of algorithm or key derivation can still open what is already stored:
 * `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
 */
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
// A fixed label rather than a salt: the key must be the same in every process that opens the secrets.
const KEY_INFO = "plaudit secret-box v1";

// Derived once per key material: Slack requests open a bot token each, on the acknowledgement's path.
const derivedKeys = new Map<string, Buffer>();

/** Read on every call, never at import: `next build` loads this module without any secret set. */
function secretKey(): Buffer {
  const material = process.env.PLAUDIT_SECRET_KEY || process.env.AUTH_SECRET;
  if (!material) {
    throw new Error(
      "Set PLAUDIT_SECRET_KEY (or AUTH_SECRET) to encrypt secrets at rest; generate one with `openssl rand -base64 32`.",
    );
  }
  let key = derivedKeys.get(material);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", material, "", KEY_INFO, 32));
    derivedKeys.set(material, key);
  }
  return key;
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", secretKey(), iv);
  // Authenticating the version too means a sealed secret cannot be replayed under another format.
  cipher.setAAD(Buffer.from(VERSION));
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url"));
  return [VERSION, ...parts].join(".");
}

export function openSecret(sealed: string): string {
  const [version, ...encoded] = sealed.split(".");
  const [iv, tag, ciphertext] = encoded.map((part) => Buffer.from(part, "base64url"));
  if (
    version !== VERSION ||
    encoded.length !== 3 ||
    iv?.length !== IV_BYTES ||
    tag?.length !== TAG_BYTES ||
    !ciphertext
  ) {
    throw new Error(`Not a sealed secret: expected ${VERSION}.<iv>.<tag>.<ciphertext>.`);
  }
  const decipher = createDecipheriv("aes-256-gcm", secretKey(), iv);
  decipher.setAAD(Buffer.from(VERSION));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(
      "A sealed secret could not be opened: it was altered, or sealed with another PLAUDIT_SECRET_KEY.",
    );
  }
}
