#!/usr/bin/python3
"""Writes the foreign-workbooks corpus: the sample's four input tables in packages made by other programs, each
with parts exceljs does not model, so the package writer (src/gateway/xlsx/package) can be shown to keep them.

    /usr/bin/python3 scripts/make-foreign-workbooks.py [--out DIR] [--only a.xlsx,b.xlsx]
    (default: every file, into a new temporary folder)

Needs Debian's python3-openpyxl (apt-get install -y python3-openpyxl) and, for the LibreOffice-made files,
`soffice` (apt-get install -y libreoffice-calc-nogui); without soffice those files are skipped and the script says so.
The committed copy is tests/fixtures/foreign/ (run with --out tests/fixtures/foreign to refresh it).

openpyxl writes its own package layout (absolute relationship targets, no docProps/app.xml titles, its own styles),
which is the point. What openpyxl cannot write (threaded comments, custom XML, a VBA project, rich text, prefixed
namespaces, a package without styles) is added to its output afterwards by editing the zip, as other tools write it.
Formulas are replaced by their cached values: openpyxl cannot store a formula's result, and a formula without one is
another issue's subject (the formula engine), not this corpus's.
"""
import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "assets", "sample", "2023年度部门整体支出绩效自评-样例.xlsx")
BUDGET = "表一 预算执行情况"
EXPENDITURE = "表二 支出决算表"
INDICATORS = "表三 绩效指标"
DEPARTMENT = "部门基本情况"

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def sample():
    """The sample with each formula replaced by its cached value (openpyxl would drop the values)."""
    wb = openpyxl.load_workbook(SAMPLE)
    values = openpyxl.load_workbook(SAMPLE, data_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.value = values[ws.title][cell.coordinate].value
    return wb


def png_bytes():
    """A small picture (PIL comes with python3-openpyxl's dependencies)."""
    from PIL import Image as PilImage

    picture = PilImage.new("RGB", (64, 32), (200, 30, 30))
    out = io.BytesIO()
    picture.save(out, format="PNG")
    out.seek(0)
    return out


def plain(wb):
    return wb


def chart(wb):
    ws = wb[BUDGET]
    bars = BarChart()
    bars.title = "预算与执行"
    data = Reference(ws, min_col=3, max_col=4, min_row=4, max_row=7)
    bars.add_data(data, titles_from_data=True)
    bars.set_categories(Reference(ws, min_col=1, min_row=5, max_row=7))
    ws.add_chart(bars, "I2")
    return wb


def image(wb):
    wb[DEPARTMENT].add_image(Image(png_bytes()), "D2")
    return wb


def validation_and_formatting(wb):
    ws = wb[INDICATORS]
    rule = DataValidation(type="list", formula1='"达成,部分达成,未达成"', allow_blank=True)
    ws.add_data_validation(rule)
    rule.add("I4:I17")
    red = PatternFill(start_color="FFFFC7CE", end_color="FFFFC7CE", fill_type="solid")
    ws.conditional_formatting.add("F4:F17", CellIsRule(operator="lessThan", formula=["5"], fill=red))
    ws.conditional_formatting.add(
        "G4:G17", ColorScaleRule(start_type="min", start_color="FFF8696B", end_type="max", end_color="FF63BE7B")
    )
    return wb


def comments(wb):
    wb[BUDGET]["A5"].comment = Comment("年度资金总额含上年结转。", "财务科")
    wb[INDICATORS]["C4"].comment = Comment("以签约合同为准。", "综合管理部")
    return wb


def sheets(wb):
    hidden = wb.create_sheet("隐藏的备注")
    hidden["A1"] = "内部备注，不打印"
    hidden.sheet_state = "hidden"
    very = wb.create_sheet("深度隐藏")
    very["A1"] = "宏用的常量"
    very.sheet_state = "veryHidden"
    wb[BUDGET].sheet_properties.tabColor = "FF0070C0"
    wb[INDICATORS].sheet_properties.tabColor = "FF00B050"
    wb[INDICATORS].freeze_panes = "D4"
    wb[EXPENDITURE].freeze_panes = "A5"
    return wb


def names_filter_table(wb):
    wb.defined_names.append(DefinedName("预算总额", attr_text=f"'{BUDGET}'!$C$5"))
    wb.defined_names.append(DefinedName("指标表", attr_text=f"'{INDICATORS}'!$A$3:$H$17"))
    local = DefinedName("本表单位", attr_text=f"'{DEPARTMENT}'!$B$3", localSheetId=3)
    wb.defined_names.append(local)
    wb[INDICATORS].auto_filter.ref = "A3:H17"
    detail = wb.create_sheet("附表 明细")
    detail.append(["序号", "事项", "备注"])
    for n, (item, note) in enumerate([("招商活动", "三次"), ("园区巡查", "每月"), ("培训", "两期")], start=1):
        detail.append([n, item, note])
    table = Table(displayName="明细表", ref="A1:C4")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    detail.add_table(table)
    return wb


def chartsheet(wb):
    """A chart on a sheet of its own (a chartsheet: in the tab list, but not a worksheet)."""
    ws = wb[BUDGET]
    bars = BarChart()
    bars.title = "执行数"
    bars.add_data(Reference(ws, min_col=4, max_col=4, min_row=4, max_row=7), titles_from_data=True)
    wb.create_chartsheet("执行图").add_chart(bars)
    return wb


RICH_PLACEHOLDER = "RICH-TEXT-PLACEHOLDER"


def links_and_rich_text(wb):
    ws = wb.create_sheet("链接与说明")
    ws["A1"] = "财政部绩效管理"
    ws["A1"].hyperlink = "https://www.mof.gov.cn/"
    ws["A2"] = "回到预算表"
    ws["A2"].hyperlink = f"#'{BUDGET}'!A1"
    ws["A3"] = RICH_PLACEHOLDER  # becomes rich text below (openpyxl 3.0 writes none)
    return wb


def rich_text(package):
    """The placeholder as two runs, bold red then plain (openpyxl writes its strings inline, so the cell holds them)."""
    part = sheet_part(package, "链接与说明")
    text = package[part].decode("utf-8")
    rich = '<is><r><rPr><b/><sz val="11"/><color rgb="FFC00000"/></rPr><t>注意：</t></r><r><t>本表为示例。</t></r></is>'
    placeholder = f"<is><t>{RICH_PLACEHOLDER}</t></is>"
    if placeholder not in text:
        raise ValueError("rich text placeholder not found")
    package[part] = text.replace(placeholder, rich).encode("utf-8")


def add_relationship(package, rels_path, rel_id, rel_type, target):
    text = package[rels_path].decode("utf-8")
    rel = f'<Relationship Id="{rel_id}" Type="{rel_type}" Target="{target}"/>'
    package[rels_path] = text.replace("</Relationships>", rel + "</Relationships>").encode("utf-8")


def add_content_type(package, element):
    text = package["[Content_Types].xml"].decode("utf-8")
    package["[Content_Types].xml"] = text.replace("</Types>", element + "</Types>").encode("utf-8")


def sheet_part(package, name):
    """The worksheet part of a sheet, through workbook.xml and its relationships (openpyxl's targets are absolute)."""
    book = ET.fromstring(package["xl/workbook.xml"])
    rels = ET.fromstring(package["xl/_rels/workbook.xml.rels"])
    for sheet in book.iter(f"{{{MAIN_NS}}}sheet"):
        if sheet.get("name") == name:
            rid = sheet.get(f"{{{REL_NS}}}id")
            for rel in rels:
                if rel.get("Id") == rid:
                    return rel.get("Target").lstrip("/")
    raise KeyError(name)


def threaded_comments_and_custom_xml(package):
    """A threaded comment on 表一!A5 (with its person list) and a custom XML part, as Excel 365 writes them."""
    part = sheet_part(package, BUDGET)
    folder, base = part.rsplit("/", 1)
    rels = f"{folder}/_rels/{base}.rels"
    package["xl/threadedComments/threadedComment1.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" '
        'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<threadedComment ref="A5" dT="2024-01-15T09:30:00.00" personId="{6A3F4A7C-0000-4000-8000-000000000001}" '
        'id="{6A3F4A7C-0000-4000-8000-000000000101}"><text>请核对结转资金。</text></threadedComment>'
        "</ThreadedComments>"
    ).encode("utf-8")
    package["xl/persons/person.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" '
        'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<person displayName="财务科" id="{6A3F4A7C-0000-4000-8000-000000000001}" userId="caiwu" providerId="None"/>'
        "</personList>"
    ).encode("utf-8")
    add_relationship(
        package, rels, "rIdThreaded1",
        "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
        "../threadedComments/threadedComment1.xml",
    )
    add_relationship(
        package, "xl/_rels/workbook.xml.rels", "rIdPersons1",
        "http://schemas.microsoft.com/office/2017/10/relationships/person", "persons/person.xml",
    )
    add_content_type(
        package,
        '<Override PartName="/xl/threadedComments/threadedComment1.xml" '
        'ContentType="application/vnd.ms-excel.threadedcomments+xml"/>'
        '<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>',
    )
    package["customXml/item1.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<selfevalDemo xmlns="urn:example:demo"><unit>岳阳市君山产业开发区管委会</unit></selfevalDemo>'
    ).encode("utf-8")
    package["customXml/itemProps1.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        '<ds:datastoreItem ds:itemID="{1B2C3D4E-0000-4000-8000-000000000001}" '
        'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>'
    ).encode("utf-8")
    package["customXml/_rels/item1.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" '
        'Target="itemProps1.xml"/></Relationships>'
    ).encode("utf-8")
    add_relationship(
        package, "_rels/.rels", "rIdCustom1",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml", "customXml/item1.xml",
    )
    add_content_type(
        package,
        '<Override PartName="/customXml/itemProps1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>',
    )


PIVOT_SOURCE = "附表 明细"


def pivot_table(package):
    """A pivot table (count of 序号 by 事项) over the 明细 table, with its cache, as Excel lays the parts out;
    openpyxl keeps pivot tables it reads but cannot make one."""
    main = f'xmlns="{MAIN_NS}"'
    package["xl/pivotCache/pivotCacheDefinition1.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<pivotCacheDefinition {main} xmlns:r="{REL_NS}" r:id="rId1" refreshOnLoad="1" recordCount="3" '
        'createdVersion="6" refreshedVersion="6" minRefreshableVersion="3">'
        f'<cacheSource type="worksheet"><worksheetSource ref="A1:C4" sheet="{PIVOT_SOURCE}"/></cacheSource>'
        '<cacheFields count="3">'
        '<cacheField name="序号" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" '
        'containsNumber="1" containsInteger="1" minValue="1" maxValue="3"/></cacheField>'
        '<cacheField name="事项" numFmtId="0"><sharedItems count="3"><s v="招商活动"/><s v="园区巡查"/><s v="培训"/>'
        "</sharedItems></cacheField>"
        '<cacheField name="备注" numFmtId="0"><sharedItems/></cacheField>'
        "</cacheFields></pivotCacheDefinition>"
    ).encode("utf-8")
    package["xl/pivotCache/pivotCacheRecords1.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<pivotCacheRecords {main} count="3">'
        '<r><n v="1"/><x v="0"/><s v="三次"/></r><r><n v="2"/><x v="1"/><s v="每月"/></r>'
        '<r><n v="3"/><x v="2"/><s v="两期"/></r></pivotCacheRecords>'
    ).encode("utf-8")
    package["xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>'
    ).encode("utf-8")
    package["xl/pivotTables/pivotTable1.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<pivotTableDefinition {main} name="数据透视表1" cacheId="7" dataCaption="值" updatedVersion="6" '
        'minRefreshableVersion="3" createdVersion="6" applyNumberFormats="0" applyBorderFormats="0" '
        'applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" '
        'useAutoFormatting="1" outline="1" outlineData="1" indent="0">'
        '<location ref="E1:F5" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>'
        '<pivotFields count="3"><pivotField dataField="1" showAll="0"/>'
        '<pivotField axis="axisRow" showAll="0"><items count="4"><item x="0"/><item x="1"/><item x="2"/>'
        '<item t="default"/></items></pivotField><pivotField showAll="0"/></pivotFields>'
        '<rowFields count="1"><field x="1"/></rowFields>'
        '<rowItems count="4"><i><x/></i><i><x v="1"/></i><i><x v="2"/></i><i t="grand"><x/></i></rowItems>'
        '<colItems count="1"><i/></colItems>'
        '<dataFields count="1"><dataField name="计数项:序号" fld="0" subtotal="count" baseField="0" baseItem="0"/>'
        "</dataFields></pivotTableDefinition>"
    ).encode("utf-8")
    package["xl/pivotTables/_rels/pivotTable1.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>'
    ).encode("utf-8")
    part = sheet_part(package, PIVOT_SOURCE)
    folder, base = part.rsplit("/", 1)
    add_relationship(
        package, f"{folder}/_rels/{base}.rels", "rIdPivot1",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotTable",
        "/xl/pivotTables/pivotTable1.xml",
    )
    add_relationship(
        package, "xl/_rels/workbook.xml.rels", "rIdPivotCache1",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheDefinition",
        "/xl/pivotCache/pivotCacheDefinition1.xml",
    )
    book = package["xl/workbook.xml"].decode("utf-8")
    caches = f'<pivotCaches><pivotCache xmlns:r="{REL_NS}" cacheId="7" r:id="rIdPivotCache1"/></pivotCaches>'
    package["xl/workbook.xml"] = book.replace("</workbook>", caches + "</workbook>").encode("utf-8")
    add_content_type(
        package,
        '<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>'
        '<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/>'
        '<Override PartName="/xl/pivotTables/pivotTable1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/>',
    )


# Not a working VBA project: an OLE2 signature and filler. Excel would report the macros as damaged, but the part's
# bytes are what the package writer must keep, and a real project cannot be built without Excel.
VBA_BYTES = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(range(256)) * 4


def macro_enabled(package):
    package["xl/vbaProject.bin"] = VBA_BYTES
    add_relationship(
        package, "xl/_rels/workbook.xml.rels", "rIdVba1",
        "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin",
    )
    types = package["[Content_Types].xml"].decode("utf-8")
    types = types.replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    package["[Content_Types].xml"] = types.encode("utf-8")
    add_content_type(package, '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>')


def prefixed_namespaces(package):
    """Every spreadsheetml part (workbook, styles, worksheets, shared strings) with the namespace prefixed (x:), as
    the .NET Open XML SDK writes it; sheet ids not 1..n, and no docProps parts (they are optional)."""
    ET.register_namespace("x", MAIN_NS)
    ET.register_namespace("r", REL_NS)
    ET.register_namespace("loext", "http://schemas.libreoffice.org/")
    book = ET.fromstring(package["xl/workbook.xml"])
    for sheet, sheet_id in zip(book.iter(f"{{{MAIN_NS}}}sheet"), [3, 7, 11, 42, 43, 44, 45]):
        sheet.set("sheetId", str(sheet_id))
    package["xl/workbook.xml"] = ET.tostring(book, xml_declaration=True, encoding="UTF-8")
    parts = ["xl/styles.xml", "xl/sharedStrings.xml"]
    parts += sorted(p for p in package if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", p))
    for part in [p for p in parts if p in package]:
        package[part] = ET.tostring(ET.fromstring(package[part]), xml_declaration=True, encoding="UTF-8")
    for part in [p for p in package if p.startswith("docProps/")]:
        del package[part]
    rels = package["_rels/.rels"].decode("utf-8")
    rels = re.sub(r'<Relationship [^>]*Target="/?docProps/[^"]*"[^>]*/>', "", rels)
    package["_rels/.rels"] = rels.encode("utf-8")
    types = package["[Content_Types].xml"].decode("utf-8")
    package["[Content_Types].xml"] = re.sub(r'<Override PartName="/docProps/[^"]*" [^>]*/>', "", types).encode("utf-8")


def without_styles(package):
    """No styles part at all (it is optional): every s/style attribute goes with it."""
    ET.register_namespace("", MAIN_NS)
    ET.register_namespace("r", REL_NS)
    for part in [p for p in package if p.startswith("xl/worksheets/") and p.endswith(".xml")]:
        sheet = ET.fromstring(package[part])
        for element in sheet.iter():
            for attribute in ("s", "style"):
                element.attrib.pop(attribute, None)
        package[part] = ET.tostring(sheet, xml_declaration=True, encoding="UTF-8")
    del package["xl/styles.xml"]
    rels = package["xl/_rels/workbook.xml.rels"].decode("utf-8")
    package["xl/_rels/workbook.xml.rels"] = re.sub(r'<Relationship [^>]*Target="[^"]*styles.xml"[^>]*/>', "", rels).encode()
    types = package["[Content_Types].xml"].decode("utf-8")
    package["[Content_Types].xml"] = re.sub(r'<Override PartName="/xl/styles.xml" [^>]*/>', "", types).encode()


def read_package(path):
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def write_package(package, path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(package, key=lambda n: (n != "[Content_Types].xml", n)):
            z.writestr(name, package[name])


# (file, openpyxl features, package edits afterwards)
OPENPYXL_FILES = [
    ("openpyxl-plain.xlsx", [plain], []),
    ("openpyxl-chart.xlsx", [chart], []),
    ("openpyxl-image.xlsx", [image], []),
    ("openpyxl-validation-formatting.xlsx", [validation_and_formatting], []),
    ("openpyxl-comments-custom-xml.xlsx", [comments], [threaded_comments_and_custom_xml]),
    ("openpyxl-sheet-states.xlsx", [sheets], []),
    ("openpyxl-names-filter-table.xlsx", [names_filter_table], []),
    ("openpyxl-links-rich-text.xlsx", [links_and_rich_text], [rich_text]),
    ("openpyxl-pivot-chartsheet.xlsx", [names_filter_table, chartsheet], [pivot_table]),
    ("openpyxl-macro.xlsm", [plain], [macro_enabled]),
    ("openpyxl-prefixed-namespaces.xlsx", [chart], [prefixed_namespaces]),
    ("openpyxl-no-styles.xlsx", [plain], [without_styles]),
]

# (file, the corpus file LibreOffice opens and saves again as .xlsx, package edits afterwards)
LIBREOFFICE_FILES = [
    ("libreoffice-chart.xlsx", "openpyxl-chart.xlsx", []),
    ("libreoffice-image.xlsx", "openpyxl-image.xlsx", []),
    ("libreoffice-comments.xlsx", "openpyxl-comments-custom-xml.xlsx", []),
    ("libreoffice-sheet-states.xlsx", "openpyxl-sheet-states.xlsx", []),
    ("libreoffice-names-filter-table.xlsx", "openpyxl-names-filter-table.xlsx", []),
    ("libreoffice-pivot-chartsheet.xlsx", "openpyxl-pivot-chartsheet.xlsx", []),
    # LibreOffice writes a shared string table (openpyxl's files here hold inline strings): prefixed <x:sst> too.
    ("libreoffice-prefixed-namespaces.xlsx", "openpyxl-chart.xlsx", [prefixed_namespaces]),
]


def libreoffice_resave(source, target, profile):
    """LibreOffice Calc opens `source` and writes its own .xlsx package to `target`."""
    out = tempfile.mkdtemp(prefix="lo-out-")
    try:
        subprocess.run(
            [
                "soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, source,
            ],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300,
        )
        produced = os.path.join(out, os.path.splitext(os.path.basename(source))[0] + ".xlsx")
        shutil.move(produced, target)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=None, help="folder to write into (default: a new temporary folder)")
    parser.add_argument("--only", default=None, help="comma-separated file names to write (default: all)")
    args = parser.parse_args()
    out = args.out or tempfile.mkdtemp(prefix="foreign-workbooks-")
    only = set(args.only.split(",")) if args.only else None
    os.makedirs(out, exist_ok=True)
    for name, features, edits in OPENPYXL_FILES:
        if only is not None and name not in only:
            continue
        wb = sample()
        for feature in features:
            wb = feature(wb)
        path = os.path.join(out, name)
        wb.save(path)
        if edits:
            package = read_package(path)
            for edit in edits:
                edit(package)
            write_package(package, path)
        print(f"openpyxl     {path}")
    if shutil.which("soffice") is None:
        print("soffice not found: the LibreOffice-made files are skipped", file=sys.stderr)
        return
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    try:
        for name, source, edits in LIBREOFFICE_FILES:
            if only is not None and name not in only:
                continue
            path = os.path.join(out, name)
            libreoffice_resave(os.path.join(out, source), path, profile)
            if edits:
                package = read_package(path)
                for edit in edits:
                    edit(package)
                write_package(package, path)
            print(f"LibreOffice  {path}")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
