/**
 * xml-namespaces.ts: spreadsheetml and relationship names reach exceljs's parsers as it expects them, whatever
 * prefix the part binds their namespace to; other namespaces and the usual unprefixed parts pass unchanged.
 */
import { byNamespace, type SaxEvent } from "../../src/gateway/xlsx/xml-namespaces";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- exceljs's SAX wrapper has no typings
const parseSax = require("exceljs/lib/utils/parse-sax") as (
  source: AsyncIterable<string>,
) => AsyncIterable<SaxEvent[]>;

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The events of `xml` after byNamespace, as "<name attr=value>", "</name>" and text. */
async function events(xml: string, chunk = 7): Promise<string[]> {
  async function* chunks(): AsyncIterable<string> {
    for (let i = 0; i < xml.length; i += chunk) yield xml.slice(i, i + chunk);
  }
  const out: string[] = [];
  for await (const batch of byNamespace(parseSax(chunks()))) {
    for (const e of batch) {
      if (e.eventType === "text") out.push(e.value);
      else if (e.eventType === "closetag") out.push(`</${e.value.name}>`);
      else {
        const attributes = Object.entries(e.value.attributes)
          .filter(([k]) => !k.startsWith("xmlns"))
          .map(([k, v]) => ` ${k}=${v}`)
          .join("");
        out.push(`<${e.value.name}${attributes}>`);
      }
    }
  }
  return out;
}

test("a prefixed spreadsheetml part reads as the unprefixed one, r:id under any prefix", async () => {
  const prefixed = `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:sheets><x:sheet name="A" sheetId="3" rel:id="rId1"/></x:sheets></x:workbook>`;
  const plain = `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="A" sheetId="3" r:id="rId1"/></sheets></workbook>`;
  const expected = [
    "<workbook>",
    "<sheets>",
    "<sheet name=A sheetId=3 r:id=rId1>",
    "</sheet>",
    "</sheets>",
    "</workbook>",
  ];
  expect(await events(prefixed)).toEqual(expected);
  expect(await events(plain)).toEqual(expected);
});

test("cells and shared strings keep their text; xml:space and foreign namespaces stay as written", async () => {
  const xml =
    `<s:worksheet xmlns:s="${MAIN}" xmlns:x14ac="urn:x14ac" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<s:sheetData><s:row r="1" x14ac:dyDescent="0.25"><s:c r="A1" t="inlineStr"><s:is><s:t xml:space="preserve"> 甲 </s:t></s:is></s:c></s:row></s:sheetData>` +
    `<x:ClientData/></s:worksheet>`;
  expect(await events(xml, 5)).toEqual([
    "<worksheet>",
    "<sheetData>",
    "<row r=1 x14ac:dyDescent=0.25>",
    "<c r=A1 t=inlineStr>",
    "<is>",
    "<t xml:space=preserve>",
    " 甲 ",
    "</t>",
    "</is>",
    "</c>",
    "</row>",
    "</sheetData>",
    // VML's x: is another namespace than spreadsheetml's: kept.
    "<x:ClientData>",
    "</x:ClientData>",
    "</worksheet>",
  ]);
});

test("declarations hold for the element that makes them and what it contains, then end", async () => {
  const xml =
    `<x:worksheet xmlns:x="${MAIN}"><x:extLst><x:ext xmlns:x="urn:vml" xmlns:m="${MAIN}"><x:c/><m:c/></x:ext>` +
    `<m:c/><x:c/></x:extLst></x:worksheet>`;
  expect(await events(xml)).toEqual([
    "<worksheet>",
    "<extLst>",
    // Inside <ext>, x: is bound to another namespace and m: to spreadsheetml.
    "<x:ext>",
    "<x:c>",
    "</x:c>",
    "<c>",
    "</c>",
    "</x:ext>",
    // After it, m: is bound to nothing and x: to spreadsheetml again.
    "<m:c>",
    "</m:c>",
    "<c>",
    "</c>",
    "</extLst>",
    "</worksheet>",
  ]);
});

test("a part written the usual way passes as the very events the parser made (nothing copied on the 200,000-row path)", async () => {
  const xml = `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData><row r="1"><c r="A1" s="2"><v>1</v></c></row></sheetData><hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks></worksheet>`;
  const seen: SaxEvent[] = [];
  async function* tap(): AsyncIterable<SaxEvent[]> {
    for await (const batch of parseSax([xml] as unknown as AsyncIterable<string>)) {
      seen.push(...batch);
      yield batch;
    }
  }
  const passed: SaxEvent[] = [];
  for await (const batch of byNamespace(tap())) passed.push(...batch);
  expect(seen.length).toBe(15);
  expect(passed.length).toBe(seen.length);
  expect(passed.every((e, i) => e === seen[i])).toBe(true);
});
