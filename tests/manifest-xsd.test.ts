/**
 * scripts/validate-manifest-xsd.js: manifests checked against a manifest schema with xmllint, offline, after the
 * mechanical fixes libxml2 needs. Microsoft's real schemas (vendored in schemas/office-addin-manifest/) are tested in
 * manifest-xsd-vendored.test.ts; these tests write small schemas and manifests of their own into a temporary folder, with the three defects the script repairs (a W3C namespace URI in
 * https, a lazy `{0,3}?` in a pattern, an import of a schema that is not there), and check that a manifest without
 * <Id> fails.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const xsd = require("../scripts/validate-manifest-xsd.js") as {
  fixSchemaText(text: string, present: (file: string) => boolean): { text: string; fixes: string[] };
  ROOT_SCHEMA: string;
  XMLLINT_SCHEMA_ERROR: number;
};

const SCRIPT = path.resolve(__dirname, "..", "scripts", "validate-manifest-xsd.js");
const APP_NS = "http://schemas.microsoft.com/office/appforoffice/1.1";
const BT_NS = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const CONTENT_NS = "http://schemas.microsoft.com/office/contentappversionoverrides";

/** A tiny manifest schema in the published files' shape, with their three defects. */
const ROOT_XSD = `<?xml version="1.0" encoding="utf-8"?>
<xs:schema targetNamespace="${APP_NS}" elementFormDefault="qualified"
    xmlns="${APP_NS}" xmlns:bt="${BT_NS}" xmlns:contentor="${CONTENT_NS}"
    xmlns:xs="https://www.w3.org/2001/XMLSchema">
  <xs:import schemaLocation="BasicTypes.xsd" namespace="${BT_NS}" />
  <xs:import schemaLocation="ContentAppVersionOverridesV1_0.xsd" namespace="${CONTENT_NS}" />
  <xs:simpleType name="Version">
    <xs:restriction base="xs:string">
      <xs:pattern value="([0-9]{1,5})(\\.[0-9]{1,5}){0,3}?"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:element name="OfficeApp">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="Id" type="bt:Guid"/>
        <xs:element name="Version" type="Version"/>
        <xs:element name="ProviderName" type="xs:string"/>
        <xs:element ref="contentor:VersionOverrides" minOccurs="0" maxOccurs="1"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;

const BASIC_TYPES_XSD = `<?xml version="1.0" encoding="utf-8"?>
<xs:schema targetNamespace="${BT_NS}" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:simpleType name="Guid">
    <xs:restriction base="xs:string">
      <xs:pattern value="[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"/>
    </xs:restriction>
  </xs:simpleType>
</xs:schema>
`;

function manifest(parts: { id?: string | null; version?: string }): string {
  const id = parts.id === null ? "" : `<Id>${parts.id ?? "b67575c4-cb1c-4eec-8703-59902a0bd7b2"}</Id>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<OfficeApp xmlns="${APP_NS}">
  ${id}
  <Version>${parts.version ?? "0.1.0.0"}</Version>
  <ProviderName>测试</ProviderName>
</OfficeApp>
`;
}

let work: string;
/** The schema folder as Microsoft's repository lays it out: schemas/taskpane/*.xsd. */
let schemas: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-xsd-test-"));
  schemas = path.join(work, "schemas");
  fs.mkdirSync(path.join(schemas, "taskpane"), { recursive: true });
  fs.writeFileSync(path.join(schemas, "taskpane", xsd.ROOT_SCHEMA), ROOT_XSD);
  fs.writeFileSync(path.join(schemas, "taskpane", "BasicTypes.xsd"), BASIC_TYPES_XSD);
  fs.writeFileSync(path.join(work, "valid.xml"), manifest({}));
  fs.writeFileSync(path.join(work, "no-id.xml"), manifest({ id: null }));
  fs.writeFileSync(path.join(work, "bad-version.xml"), manifest({ version: "1.2.3.4.5" }));
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], {
    encoding: "utf8",
    env: { ...process.env, OFFICE_MANIFEST_XSD_DIR: "" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the fixes", () => {
  test("each defect is repaired and named", () => {
    const present = (file: string) => file === "BasicTypes.xsd";
    const { text, fixes } = xsd.fixSchemaText(ROOT_XSD, present);
    expect(fixes).toEqual([
      "https://www.w3.org/ → http://www.w3.org/ (1×)",
      "lazy quantifier removed: ([0-9]{1,5})(\\.[0-9]{1,5}){0,3}? → ([0-9]{1,5})(\\.[0-9]{1,5}){0,3}",
      "import of ContentAppVersionOverridesV1_0.xsd dropped (not in the folder)",
      "1 element ref(s) into contentor: dropped",
    ]);
    expect(text).toContain('xmlns:xs="http://www.w3.org/2001/XMLSchema"');
    expect(text).toContain('<xs:pattern value="([0-9]{1,5})(\\.[0-9]{1,5}){0,3}"/>');
    expect(text).not.toContain("ContentAppVersionOverridesV1_0.xsd");
    expect(text).not.toContain("contentor:VersionOverrides");
    // What is there stays: the other import, the optional `?` after a group, the elements.
    expect(text).toContain('<xs:import schemaLocation="BasicTypes.xsd"');
    expect(text).toContain('<xs:element name="Id" type="bt:Guid"/>');
  });

  test("a schema without the defects is left as it is", () => {
    expect(xsd.fixSchemaText(BASIC_TYPES_XSD, () => true)).toEqual({ text: BASIC_TYPES_XSD, fixes: [] });
  });

  test("without them xmllint cannot compile the schema; with them it can", () => {
    const raw = spawnSync(
      "xmllint",
      [
        "--noout",
        "--nonet",
        "--schema",
        path.join(schemas, "taskpane", xsd.ROOT_SCHEMA),
        path.join(work, "valid.xml"),
      ],
      { encoding: "utf8" },
    );
    expect(raw.error).toBeUndefined();
    expect(raw.status).toBe(xsd.XMLLINT_SCHEMA_ERROR);
    expect(run("--schemas", schemas, path.join(work, "valid.xml")).status).toBe(0);
  });
});

describe("npm run validate:xsd", () => {
  test("a manifest that follows the schema is valid", () => {
    const valid = path.join(work, "valid.xml");
    const result = run("--schemas", schemas, "--verbose", valid);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      `${valid}: valid against ${xsd.ROOT_SCHEMA} (${path.join(schemas, "taskpane")})`,
    );
    expect(result.stdout).toContain(
      `fixed ${xsd.ROOT_SCHEMA}: import of ContentAppVersionOverridesV1_0.xsd dropped (not in the folder)`,
    );
    expect(result.stderr).toBe("");
  });

  test("a manifest with a missing <Id> fails, and xmllint says where", () => {
    const noId = path.join(work, "no-id.xml");
    const result = run("--schemas", schemas, noId);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${noId}: not valid against ${xsd.ROOT_SCHEMA}`);
    expect(result.stderr).toContain(
      `Element '{${APP_NS}}Version': This element is not expected. Expected is ( {${APP_NS}}Id ).`,
    );
  });

  test("the repaired pattern still checks: a five-part version fails", () => {
    const result = run("--schemas", schemas, path.join(work, "bad-version.xml"));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("'1.2.3.4.5' is not accepted by the pattern");
  });

  test("several manifests: one invalid makes the run fail, each is reported", () => {
    const result = run("--schemas", schemas, path.join(work, "valid.xml"), path.join(work, "no-id.xml"));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("valid.xml: valid");
    expect(result.stderr).toContain("no-id.xml: not valid");
  });

  test("a folder without the root schema: exit 2 with a sentence, not a stack trace", () => {
    const empty = run("--schemas", work, path.join(work, "valid.xml"));
    expect(empty.status).toBe(2);
    expect(empty.stderr.trim()).toBe(`${work} has no ${xsd.ROOT_SCHEMA} (nor a taskpane/ folder with one).`);
    expect(empty.stderr).not.toMatch(/\n\s+at /);
  });

  test("--schemas with no folder after it: exit 2 with the usage", () => {
    const result = run("--schemas");
    expect(result.status).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe("--schemas needs a folder");
    expect(result.stderr).toContain("Default schemas: the vendored schemas/office-addin-manifest/.");
  });
});
