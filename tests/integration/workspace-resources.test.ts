import { readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { insertNamedWorkspaces } from "#db/migrations/0006_workspaces";
import { listAudit } from "~/audit/audit.server";
import { grantRole } from "~/auth/roles.server";
import { nowIso } from "~/clock.server";
import { config } from "~/config.server";
import { onePagePdf } from "~/files/generated-pdf.server";
import { exportMemberData } from "~/privacy/export.server";
import * as downloadRoute from "~/routes/workspaces.$slug.resources_.$resourceId.file";
import * as resourcesRoute from "~/routes/workspaces.$slug.resources";
import { RESOURCE_FILES } from "~/workspaces/resource-files";
import type { ListedResource } from "~/workspaces/resources.server";
import { zip } from "../support/files";
import { createMember, outcome, pageData, pageRequest, sessionCookieFor, setUpDatabaseTests, testContext } from "../support/fixtures";

/** Files on a workspace's resources list: added by leads, checked from content, downloaded only by those who may read the workspace. */
const { database } = setUpDatabaseTests();

const LONDON = "london";
const CHAMPIONS = "social-prescribing-champions";

/** An answer to the form: its status and the errors conform shows by each field. */
function answer(result: unknown): { status: number | undefined; errors: Record<string, string[]> } {
  const value = result as { data: { error?: Record<string, string[]> }; init: ResponseInit | null };
  return { status: value.init?.status, errors: value.data.error ?? {} };
}

const storedFiles = async () => (await readdir(config().storagePath).catch(() => [] as string[])).sort();

async function setUp(slug = LONDON) {
  await insertNamedWorkspaces(database, nowIso());
  const lead = await createMember({ email: "kiran.lead@nhs.net" });
  const member = await createMember({ email: "tom.member@nhs.net" });
  const outsider = await createMember({ email: "grace.outsider@nhs.net" });
  const workspace = await database.selectFrom("workspaces").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
  await grantRole(lead.id, "workspace_lead", { scope: slug });
  for (const user of [lead, member]) {
    await database.insertInto("workspace_memberships").values({ workspace_id: workspace.id, user_id: user.id, status: "member", joined_at: nowIso() }).execute();
  }
  const leadCookie = await sessionCookieFor(lead.id);
  const add = (fields: Record<string, string>, file?: { data: Buffer; name: string }, cookie = leadCookie) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append("file", new Blob(file ? [new Uint8Array(file.data)] : []), file?.name ?? "");
    const request = new Request(`http://localhost/workspaces/${slug}/resources`, { method: "POST", body: form, headers: { Cookie: cookie } });
    return outcome(() => resourcesRoute.action({ request, params: { slug }, context: testContext }));
  };
  const list = async (cookie = leadCookie) =>
    pageData<{ resources: ListedResource[] }>(await resourcesRoute.loader({ request: pageRequest(`/workspaces/${slug}/resources`, { cookie }), params: { slug }, context: testContext })).resources;
  const download = (id: number, cookie: string | undefined, inSlug = slug) =>
    outcome(() => downloadRoute.loader({ request: pageRequest(`/workspaces/${inSlug}/resources/${id}/file`, { cookie }), params: { slug: inSlug, resourceId: String(id) }, context: testContext }));
  return { lead, member, outsider, leadCookie, add, list, download };
}

describe("the same form sent twice", () => {
  it("adds one file and keeps one stored copy, and one link; the repeat is answered as the first", async () => {
    const { add, list, leadCookie } = await setUp();
    const token = async () =>
      pageData<{ once: string }>(await resourcesRoute.loader({ request: pageRequest(`/workspaces/${LONDON}/resources`, { cookie: leadCookie }), params: { slug: LONDON }, context: testContext })).once;
    const pdf = { data: onePagePdf("Referral guide", ["Ask first"]), name: "guide.pdf" };
    const storedBefore = (await storedFiles()).length;
    const fileForm = { kind: "file", title: "Referral guide", once: await token() };
    expect(((await add(fileForm, pdf)) as Response).status).toBe(302);
    expect(((await add(fileForm, pdf)) as Response).status).toBe(302);
    const linkForm = { kind: "link", title: "Council housing", url: "https://council.example.org/housing", once: await token() };
    expect(((await add(linkForm)) as Response).status).toBe(302);
    expect(((await add(linkForm)) as Response).status).toBe(302);
    expect((await list()).map((resource) => resource.title).sort()).toEqual(["Council housing", "Referral guide"]);
    expect(await storedFiles()).toHaveLength(storedBefore + 1);
  });
});

describe("adding a file", () => {
  it("lists a lead's PDF with its type and size; a member downloads exactly its bytes, as an attachment of its sniffed type, never cached publicly (nosniff comes with every response: server/security.ts)", async () => {
    const { member, add, list, download } = await setUp();
    const pdf = onePagePdf("Referral guide", ["Ask first"]);
    const added = (await add({ kind: "file", title: "Referral guide", description: "How we refer." }, { data: pdf, name: "Siân's guide.pdf" })) as Response;
    expect(added.status).toBe(302);

    const [listed] = await list(await sessionCookieFor(member.id));
    expect(listed).toMatchObject({ kind: "file", title: "Referral guide", description: "How we refer.", type: "PDF", bytes: pdf.length, fileName: "Siân's guide.pdf" });
    if (listed?.kind !== "file") throw new Error("not a file");
    expect(listed.href).toBe(`/workspaces/${LONDON}/resources/${listed.id}/file`);

    const response = (await download(listed.id, await sessionCookieFor(member.id))) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="Sian's guide.pdf"; filename*=UTF-8''Si%C3%A2n%27s%20guide.pdf`);
    expect(response.headers.get("Cache-Control")).toMatch(/^private\b/);
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);

    const [audit] = (await listAudit({ action: "workspace.resource_added" })).entries;
    expect(audit?.detailLines).toEqual(expect.arrayContaining([{ label: "File", value: "Siân's guide.pdf" }, { label: "Size", value: "1 KB" }]));
  });

  it("recognises Word, Excel, PowerPoint, text and images from their content, and names each file for what it is", async () => {
    const { add, list } = await setUp();
    const office = (folder: string) => zip({ "[Content_Types].xml": "<Types/>", [`${folder}/document.xml`]: "<x/>" });
    const files = [
      { data: office("word"), name: "minutes.docx", type: "Word document" },
      { data: office("xl"), name: "budget", type: "Excel spreadsheet", saved: "budget.xlsx" },
      { data: office("ppt"), name: "deck.pptx", type: "PowerPoint presentation" },
      { data: Buffer.from("Opening times\r\nMonday to Friday, 9am to 5pm – ask for Siân\n"), name: "times.txt", type: "Text file" },
      { data: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]), name: "map.png", type: "PNG image" },
      { data: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]), name: "photo.jpg", type: "JPEG image" },
    ];
    for (const file of files) expect(((await add({ kind: "file", title: file.name }, file)) as Response).status, file.name).toBe(302);
    const listed = await list();
    for (const file of files) expect(listed.find((resource) => resource.title === file.name), file.name).toMatchObject({ type: file.type, fileName: file.saved ?? file.name });
  });

  it("refuses a program renamed .pdf, saying which types are allowed, and keeps nothing", async () => {
    const { add, list } = await setUp();
    const before = await storedFiles();
    const program = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04]), Buffer.alloc(200)]);
    const refused = answer(await add({ kind: "file", title: "Guide" }, { data: program, name: "guide.pdf" }));
    expect(refused.status).toBe(415);
    expect(refused.errors.file).toEqual(["The selected file must be a PDF, Word (.docx), PowerPoint (.pptx), Excel (.xlsx), plain text (.txt), PNG or JPEG file"]);
    // A ZIP that is no Office file, and text that turns out to be something else further in.
    const plainZip = answer(await add({ kind: "file", title: "Guide" }, { data: zip({ "readme.txt": "hello" }), name: "guide.docx" }));
    expect(plainZip.errors.file?.[0]).toMatch(/\(this one is a ZIP file that is not a Word document, a presentation or a spreadsheet\)$/);
    const notText = answer(await add({ kind: "file", title: "Guide" }, { data: Buffer.concat([Buffer.alloc(100, "a"), Buffer.from([0, 1, 2])]), name: "notes.txt" }));
    expect(notText.status).toBe(415);
    expect(await storedFiles()).toEqual(before);
    expect(await list()).toEqual([]);
  });

  it("refuses a file over the limit as it streams in, with the limit in words by the field (413)", async () => {
    const { add } = await setUp();
    const before = await storedFiles();
    const tooBig = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(RESOURCE_FILES.maxBytes, "a")]);
    const refused = answer(await add({ kind: "file", title: "Big" }, { data: tooBig, name: "big.pdf" }));
    expect(refused.status).toBe(413);
    expect(refused.errors.file).toEqual(["The selected file must be smaller than 20 MB"]);
    expect(await storedFiles()).toEqual(before);
  });

  it("asks for a title and a file when they are missing, by each field", async () => {
    const { add } = await setUp();
    const refused = answer(await add({ kind: "file", title: "" }));
    expect(refused.status).toBe(400);
    expect(refused.errors).toMatchObject({ title: ["Enter a title"], file: ["Choose a file to upload"] });
  });

  it("adds a link as before, ignoring a file chosen by mistake", async () => {
    const { add, list } = await setUp();
    const before = await storedFiles();
    const added = (await add({ kind: "link", title: "Directory", url: "https://example.org/directory" }, { data: onePagePdf("Stray", []), name: "stray.pdf" })) as Response;
    expect(added.status).toBe(302);
    expect(await list()).toEqual([expect.objectContaining({ kind: "link", title: "Directory", url: "https://example.org/directory" })]);
    expect(await storedFiles()).toEqual(before);
  });

  it("answers a multipart form it cannot read (an empty boundary) by the file field, not with an error page", async () => {
    const { leadCookie } = await setUp();
    const request = new Request(`http://localhost/workspaces/${LONDON}/resources`, {
      method: "POST",
      body: "--\r\n",
      headers: { Cookie: leadCookie, "Content-Type": "multipart/form-data; boundary=" },
    });
    const refused = answer(await outcome(() => resourcesRoute.action({ request, params: { slug: LONDON }, context: testContext })));
    expect(refused.status).toBe(400);
    expect(refused.errors.file).toEqual(["The upload did not finish. Check your connection and try again"]);
  });

  it("keeps hidden characters out of a file's title, description and name (bidi overrides would show them in another order)", async () => {
    const { add, list } = await setUp();
    const added = (await add(
      { kind: "file", title: "Guide\u202Efdp.exe", description: "Line one\u2066\nLine two" },
      { data: onePagePdf("Guide", []), name: "notes\u202Efdp.exe.pdf" },
    )) as Response;
    expect(added.status).toBe(302);
    const [listed] = await list();
    expect(listed).toMatchObject({ title: "Guidefdp.exe", description: "Line one\nLine two", fileName: "notesfdp.exe.pdf" });
  });

  it("is for leads only: a member's upload is refused before anything is stored", async () => {
    const { member, add } = await setUp();
    const before = await storedFiles();
    const refused = (await add({ kind: "file", title: "Mine" }, { data: onePagePdf("Mine", []), name: "mine.pdf" }, await sessionCookieFor(member.id))) as Response;
    expect(refused.status).toBe(403);
    expect(await storedFiles()).toEqual(before);
  });
});

describe("downloading", () => {
  it("is refused for a private workspace's file to a non-member (not found) and to visitors (sign in), and through another workspace's address", async () => {
    const { outsider, member, add, list, download } = await setUp(CHAMPIONS);
    await add({ kind: "file", title: "Champions' plan" }, { data: onePagePdf("Plan", []), name: "plan.pdf" });
    const [file] = await list();
    const id = file!.id;
    expect(((await download(id, await sessionCookieFor(member.id))) as Response).status).toBe(200);
    expect(((await download(id, await sessionCookieFor(outsider.id))) as Response).status).toBe(404);
    const signedOut = (await download(id, undefined)) as Response;
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toMatch(/^\/sign-in\?/);
    // An open workspace's address with the private file's id: the file belongs to another workspace.
    expect(((await download(id, await sessionCookieFor(outsider.id), LONDON)) as Response).status).toBe(404);
    expect(((await download(id + 1, await sessionCookieFor(member.id))) as Response).status).toBe(404);
  });
});

describe("removing a file", () => {
  it("takes it off the list, deletes the stored file and records that it was a file", async () => {
    const { leadCookie, add, list, download } = await setUp();
    const before = await storedFiles();
    await add({ kind: "file", title: "Old guide" }, { data: onePagePdf("Old", []), name: "old.pdf" });
    expect((await storedFiles()).length).toBe(before.length + 1);
    const [file] = await list();
    const remove = pageRequest(`/workspaces/${LONDON}/resources`, { cookie: leadCookie, form: { intent: "remove", kind: "file", resourceId: String(file!.id) } });
    expect(((await outcome(() => resourcesRoute.action({ request: remove, params: { slug: LONDON }, context: testContext }))) as Response).status).toBe(302);
    expect(await list()).toEqual([]);
    expect(await storedFiles()).toEqual(before);
    expect(((await download(file!.id, leadCookie)) as Response).status).toBe(404);
    const [audit] = (await listAudit({ action: "workspace.resource_removed" })).entries;
    expect(audit).toMatchObject({ subjectType: "workspace_resource_file", subjectName: `Workspace resource file ${file!.id}`, details: expect.objectContaining({ file: "old.pdf" }) });
  });
});

describe("personal data", () => {
  it("lists the files a lead added by name in their download, not their contents", async () => {
    const { lead, add } = await setUp();
    await add({ kind: "file", title: "Referral guide" }, { data: onePagePdf("Guide", []), name: "guide.pdf" });
    const data = JSON.stringify(await exportMemberData(lead.id));
    expect(data).toContain("workspaceResourceFilesYouAdded");
    expect(data).toContain("guide.pdf");
    expect(data).not.toContain("%PDF");
  });
});
