import { generateKeyPairSync } from "node:crypto";
import { dkimVerify } from "mailauth/lib/dkim/verify";
import { expect, it } from "vitest";
import { parseConfig } from "~/config.server";
import { deliverAll, sendAndQueue, writeBulletin } from "../support/bulletin";
import { createAdmin, createMember, setUpDatabaseTests } from "../support/fixtures";
import { useRawSmtpSink } from "../support/raw-smtp-sink";

setUpDatabaseTests();
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const publicKeyBase64 = publicKey.export({ type: "spki", format: "der" }).toString("base64");
const mail = useRawSmtpSink(
  // As an operator would configure it: the key in one line with \n for newlines.
  () => parseConfig({ DKIM_PRIVATE_KEY: pem.replace(/\n/g, "\\n"), DKIM_SELECTOR: "portal2027", DKIM_DOMAIN: "spn.example.org" }).dkim,
);
const { sink } = mail;

/** DNS as the receiving server would see it: only the published selector's key record exists. */
async function stubResolver(name: string, type: string): Promise<string[][]> {
  if (type === "TXT" && name === "portal2027._domainkey.spn.example.org") return [[`v=DKIM1; k=rsa; p=${publicKeyBase64}`]];
  throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: "ENOTFOUND" });
}

it("signs each bulletin copy with the configured key, covering both unsubscribe headers, and the signature verifies", async () => {
  const admin = await createAdmin();
  await createMember({ bulletin_opt_in: 1 });
  await sendAndQueue(admin.id, await writeBulletin(admin.id));
  await deliverAll(mail.transport);
  expect(sink.received).toHaveLength(1);

  const result = await dkimVerify(sink.received[0]!.raw, { resolver: stubResolver as never });
  expect(result.results).toHaveLength(1);
  // mailauth 4's types leave out signingHeaders, which it does return (the signature's h= list).
  const [signature] = result.results as Array<(typeof result.results)[number] & { signingHeaders?: { keys: string } }>;
  expect(signature?.status.result, signature?.info).toBe("pass");
  if (!signature?.signingHeaders) throw new Error("no signing headers");
  expect(signature).toMatchObject({ signingDomain: "spn.example.org", selector: "portal2027" });
  expect(signature?.status.aligned).toBe("spn.example.org");
  // The h= list, as "From: List-Unsubscribe: …" text.
  const signed = String(signature.signingHeaders.keys).toLowerCase().split(/[:,\s]+/).filter(Boolean);
  expect(signed).toEqual(expect.arrayContaining(["from", "subject", "message-id", "list-unsubscribe", "list-unsubscribe-post"]));

  // Changing a signed header afterwards breaks the signature.
  const altered = sink.received[0]!.raw.replace("List-Unsubscribe-Post: List-Unsubscribe=One-Click", "List-Unsubscribe-Post: List-Unsubscribe=Two-Click");
  const tampered = await dkimVerify(altered, { resolver: stubResolver as never });
  expect(tampered.results[0]?.status.result).toBe("fail");
});

it("refuses a partial or unusable DKIM configuration, naming the variable", () => {
  expect(() => parseConfig({ DKIM_SELECTOR: "portal2027", DKIM_DOMAIN: "spn.example.org" })).toThrow(/^Invalid configuration: DKIM_PRIVATE_KEY is required/);
  expect(() => parseConfig({ DKIM_PRIVATE_KEY: pem, DKIM_DOMAIN: "spn.example.org" })).toThrow(/DKIM_SELECTOR is required/);
  expect(() => parseConfig({ DKIM_PRIVATE_KEY: "not a key", DKIM_SELECTOR: "s", DKIM_DOMAIN: "spn.example.org" })).toThrow(/DKIM_PRIVATE_KEY must be a PEM private key/);
  expect(() => parseConfig({ DKIM_PRIVATE_KEY: pem, DKIM_SELECTOR: "has space", DKIM_DOMAIN: "spn.example.org" })).toThrow(/DKIM_SELECTOR/);
  expect(() => parseConfig({ DKIM_PRIVATE_KEY: pem, DKIM_SELECTOR: "s", DKIM_DOMAIN: "not a domain" })).toThrow(/DKIM_DOMAIN/);
  expect(parseConfig({}).dkim).toBeUndefined();
});
