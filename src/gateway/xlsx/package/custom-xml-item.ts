/**
 * Where Excel keeps custom XML parts: customXml/item1.xml … (the itemProps parts beside them are not items). Apart from
 * confirmations-part.ts so the file reader can look for our part without loading the package writer (and JSZip).
 */
export const CUSTOM_XML_ITEM = /^customXml\/item\d+\.xml$/i;
