/**
 * manifest.xml against Microsoft's REAL manifest schemas, vendored unchanged in schemas/office-addin-manifest/ (see
 * ORIGIN.md there): `npm run validate:xsd` uses them by default, our manifest is valid, and manifests broken in the
 * ways a hand edit breaks them (a missing <Id>, elements out of order, a bad version, a misplaced element inside the
 * task-pane VersionOverrides) fail with xmllint naming the element. Also: the files are byte for byte the blobs that
 * ORIGIN.md lists, and as published they do not compile without the script's fixes.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const xsd = require("../scripts/validate-manifest-xsd.js") as {
  ROOT_SCHEMA: string;
  VENDORED_SCHEMAS: string;
  XMLLINT_SCHEMA_ERROR: number;
};

const ROOT = path.resolve(__dirname, "..");
const SCRIPT = path.join(ROOT, "scripts", "validate-manifest-xsd.js");
const VENDORED = path.join(ROOT, "schemas", "office-addin-manifest");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const APP = "{http://schemas.microsoft.com/office/appforoffice/1.1}";
const TASKPANE_OV = "{http://schemas.microsoft.com/office/taskpaneappversionoverrides}";

let work: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-xsd-vendored-"));
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The script as `npm run validate:xsd` runs it, from the repository root, with no schema folder given. */
function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, OFFICE_MANIFEST_XSD_DIR: "" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** manifest.xml with one edit, written to the temporary folder; the edit must change the text. */
function variant(name: string, edit: (text: string) => string): string {
  const text = edit(MANIFEST);
  expect(text).not.toBe(MANIFEST);
  const file = path.join(work, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Git's blob id of a file: what `git hash-object` prints and `git ls-tree` lists in the source repository. */
function blobId(file: string): string {
  const bytes = fs.readFileSync(file);
  return createHash("sha1")
    .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
    .digest("hex");
}

describe("the vendored schemas", () => {
  const FILES = {
    "OfficeAppManifestV1_1.xsd": "2d0a8befb824c4bc6d43d25d1fd8b3e77cf2e488",
    "OfficeAppBasicTypesV1_0.xsd": "bd7d7711bdd0aa368673243e1b980d8ebe3ae4c1",
    "TaskPaneAppVersionOverridesV1_0.xsd": "f3720256847a98cafc9324c944f16fc17f8989c8",
    "MailAppVersionOverridesV1_0.xsd": "816377c190a74b24d5135f791436e1120166e221",
    "MailAppVersionOverridesV1_1.xsd": "b55b123fca1d10daf2c2228cb9972e4f5e0a9a27",
  };

  test("are the script's default folder", () => {
    expect(xsd.VENDORED_SCHEMAS).toBe(VENDORED);
  });

  test("are byte for byte the published blobs ORIGIN.md lists, and nothing else", () => {
    const origin = fs.readFileSync(path.join(VENDORED, "ORIGIN.md"), "utf8");
    expect(origin).toContain("`706263ef3a977dde6fc3b7b88bdac852cfe6d32f`");
    const schemas = fs.readdirSync(VENDORED).filter((f) => f.endsWith(".xsd"));
    expect(schemas.sort()).toEqual(Object.keys(FILES).sort());
    for (const [file, blob] of Object.entries(FILES)) {
      expect([file, blobId(path.join(VENDORED, file))]).toEqual([file, blob]);
      expect(origin).toMatch(new RegExp(`\\| \`${file.replace(/\./g, "\\.")}\`\\s+\\|[^\\n]*\`${blob}\``));
    }
  });

  test("travel with their licences and notice", () => {
    expect(fs.readFileSync(path.join(VENDORED, "LICENSE-CC-BY-4.0"), "utf8")).toMatch(
      /^Attribution 4\.0 International/,
    );
    expect(fs.readFileSync(path.join(VENDORED, "LICENSE-CODE-MIT"), "utf8")).toContain(
      "Copyright (c) Microsoft Corporation",
    );
    expect(fs.readFileSync(path.join(VENDORED, "ThirdPartyNotices"), "utf8")).toContain(
      "Creative Commons Attribution 4.0 International Public License",
    );
  });

  test("as published, xmllint cannot compile them (hence the fixes)", () => {
    const raw = spawnSync(
      "xmllint",
      [
        "--noout",
        "--nonet",
        "--schema",
        path.join(VENDORED, xsd.ROOT_SCHEMA),
        path.join(ROOT, "manifest.xml"),
      ],
      { encoding: "utf8" },
    );
    expect(raw.error).toBeUndefined();
    expect(raw.status).toBe(xsd.XMLLINT_SCHEMA_ERROR);
    expect(raw.stderr).toContain("is not a schema document");
  });
});

describe("npm run validate:xsd on the vendored schemas", () => {
  test("manifest.xml is valid, and exactly the fixes ORIGIN.md lists are applied", () => {
    const result = run("--verbose");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split("\n")).toEqual([
      "fixed MailAppVersionOverridesV1_0.xsd: https://www.w3.org/ → http://www.w3.org/ (1×)",
      "fixed MailAppVersionOverridesV1_1.xsd: https://www.w3.org/ → http://www.w3.org/ (1×)",
      "fixed OfficeAppBasicTypesV1_0.xsd: https://www.w3.org/ → http://www.w3.org/ (1×)",
      "fixed OfficeAppBasicTypesV1_0.xsd: lazy quantifier removed: ([0-9]{1,5})(\\.[0-9]{1,5}){0,3}? → ([0-9]{1,5})(\\.[0-9]{1,5}){0,3}",
      "fixed OfficeAppManifestV1_1.xsd: https://www.w3.org/ → http://www.w3.org/ (4×)",
      "fixed OfficeAppManifestV1_1.xsd: lazy quantifier removed: ([0-9]{1,5})(\\.[0-9]{1,5}){0,3}? → ([0-9]{1,5})(\\.[0-9]{1,5}){0,3}",
      "fixed OfficeAppManifestV1_1.xsd: import of ContentAppVersionOverridesV1_0.xsd dropped (not in the folder)",
      "fixed OfficeAppManifestV1_1.xsd: 1 element ref(s) into contentor: dropped",
      `manifest.xml: valid against ${xsd.ROOT_SCHEMA} (${VENDORED})`,
    ]);
  });

  test("a manifest with a missing <Id> fails, and xmllint names the element it expected", () => {
    const noId = variant("no-id.xml", (t) => t.replace(/\s*<Id>[^<]*<\/Id>/, ""));
    const result = run(noId);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${noId}: not valid against ${xsd.ROOT_SCHEMA}`);
    expect(result.stderr).toContain(
      `${noId}:12: element Version: Schemas validity error : Element '${APP}Version': This element is not expected. Expected is ( ${APP}Id ).`,
    );
  });

  test("elements out of order fail: <ProviderName> before <Version>", () => {
    const swapped = variant("order.xml", (t) =>
      t.replace(/(<Version>[^<]*<\/Version>)(\s*)(<ProviderName>[^<]*<\/ProviderName>)/, "$3$2$1"),
    );
    const result = run(swapped);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `Element '${APP}ProviderName': This element is not expected. Expected is one of ( ${APP}AlternateId, ${APP}Version ).`,
    );
  });

  test("the repaired Version pattern still checks: a five-part version fails", () => {
    const bad = variant("version.xml", (t) =>
      t.replace("<Version>0.1.0.0</Version>", "<Version>0.1.0.0.1</Version>"),
    );
    const result = run(bad);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `Element '${APP}Version': [facet 'pattern'] The value '0.1.0.0.1' is not accepted by the pattern '([0-9]{1,5})(\\.[0-9]{1,5}){0,3}'.`,
    );
  });

  test("the task-pane VersionOverrides schema is applied too: <FunctionFile> before <GetStarted> fails", () => {
    const moved = variant("overrides.xml", (t) =>
      t.replace(/(<GetStarted>[\s\S]*?<\/GetStarted>)(\s*)(<FunctionFile [^>]*\/>)/, "$3$2$1"),
    );
    const result = run(moved);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Element '${TASKPANE_OV}GetStarted': This element is not expected.`);
  });

  test("OFFICE_MANIFEST_XSD_DIR and --schemas still choose another folder", () => {
    const empty = fs.mkdtempSync(path.join(work, "empty-"));
    const byFlag = run("--schemas", empty);
    expect(byFlag.status).toBe(2);
    expect(byFlag.stderr.trim()).toBe(
      `${empty} has no ${xsd.ROOT_SCHEMA} (nor a taskpane/ folder with one).`,
    );
    const byEnv = spawnSync(process.execPath, [SCRIPT], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, OFFICE_MANIFEST_XSD_DIR: empty },
    });
    expect(byEnv.status).toBe(2);
    expect(byEnv.stderr.trim()).toBe(`${empty} has no ${xsd.ROOT_SCHEMA} (nor a taskpane/ folder with one).`);
  });
});
