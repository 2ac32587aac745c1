"""The last touches to WeasyPrint's tag tree that a screen reader and PDF/UA ask for.

WeasyPrint (70) tags the document well, with two gaps that this module closes on the written
file (pikepdf, on qpdf):

- **Page furniture**: the running footer (site name, "3 / 32") lives in page margin boxes,
  which WeasyPrint marks as tagged content and then leaves out of the tree. A screen reader
  may still meet it on every page. PDF/UA wants it an Artifact of type Pagination: that is
  what it becomes here, in the content stream itself, and its loose tags are dropped.
- **Table headers**: a TH gets the IDs its cells point to but no Scope; a header in the
  table head gets Scope Column, a header in a body row Scope Row (our tables: figures
  with a column head and a row head per year or group).

- **Figure boxes**: WeasyPrint writes a figure's bounding box in CSS pixels from the top of
  the page; PDF wants points from the bottom. Converted here, so the box is where the figure is.
- **Images**: no /Interpolate (PDF/A-2 wants it false; WeasyPrint writes true for photos).
- **Licence**: the content's licence as Dublin Core rights and an XMP rights web statement.
- **PDF/UA identification**: WeasyPrint writes one standard into the metadata (here PDF/A-2a);
  the PDF/UA-1 part is added to the same RDF, with the extension schema that PDF/A asks for
  every property outside its own list.

The file is saved with qpdf's deterministic ID, so two builds of one commit stay the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Dictionary, Name

_FOOTER = Dictionary(Type=Name.Pagination, Subtype=Name.Footer)
_UA = b"""<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part></rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Part of ISO 14289 that the file follows</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
"""


def _elements(root: pikepdf.Object) -> list[pikepdf.Dictionary]:
    """Every structure element reachable from the structure tree root, in reading order."""
    found: list[pikepdf.Dictionary] = []
    stack = [root]
    while stack:
        item = stack.pop()
        if not isinstance(item, pikepdf.Dictionary):
            continue
        if item.get("/Type") == Name.StructElem or item.get("/S") is not None:
            found.append(item)
        kids = item.get("/K")
        if isinstance(kids, pikepdf.Array):
            stack.extend(reversed(list(kids)))
        elif kids is not None:
            stack.append(kids)
    return found


def _to_artifacts(pdf: pikepdf.Pdf, loose: dict[int, set[int]]) -> None:
    """Rewrite each page's loose marked content (by MCID) as Pagination artifacts."""
    for number, mcids in loose.items():
        if not mcids:
            continue
        page = pdf.pages[number]
        streams = [page]
        for form in ((page.get("/Resources") or {}).get("/XObject") or {}).values():
            if form.get("/Subtype") == Name.Form:
                streams.append(form)
        for holder in streams:
            commands = pikepdf.parse_content_stream(holder)
            changed = False
            for index, (operands, operator) in enumerate(commands):
                if str(operator) != "BDC" or len(operands) != 2:
                    continue
                properties = operands[1]
                if isinstance(properties, pikepdf.Dictionary) and int(properties.get("/MCID", -1)) in mcids:
                    commands[index] = pikepdf.ContentStreamInstruction([Name.Artifact, _FOOTER], pikepdf.Operator("BDC"))
                    changed = True
            if changed:
                data = pikepdf.unparse_content_stream(commands)
                if holder is page:
                    page.Contents = pdf.make_stream(data)
                else:
                    holder.write(data)


def _declare(pdf: pikepdf.Pdf, rights: dict[str, Any] | None) -> None:
    """Add the PDF/UA-1 identification, the licence (Dublin Core rights, the XMP rights mark,
    web statement and usage terms in each language), the file's source (its address online)
    and its dates (when the content was first published and last changed, also in the
    document information, which PDF/A wants equal) to the metadata's RDF, once. Every property
    is in a schema PDF/A knows (Dublin Core, XMP basic, XMP Rights Management): no extension
    schema is needed."""
    stream = pdf.Root.Metadata
    data = stream.read_bytes()
    if b"pdfuaid:part" in data:
        return
    extra = _UA
    if rights is not None:
        text, url, source = (escape(rights[key]) for key in ("text", "url", "source"))
        terms = "".join(f'<rdf:li xml:lang="{lang}">{escape(value)}</rdf:li>' for lang, value in rights["terms"].items())
        first = escape(next(iter(rights["terms"].values())))
        extra += (
            '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:rights><rdf:Alt><rdf:li xml:lang="x-default">'
            f"{text}</rdf:li></rdf:Alt></dc:rights><dc:source>{source}</dc:source></rdf:Description>\n"
            '<rdf:Description rdf:about="" xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/">'
            f"<xmpRights:Marked>True</xmpRights:Marked><xmpRights:WebStatement>{url}</xmpRights:WebStatement>"
            f'<xmpRights:UsageTerms><rdf:Alt><rdf:li xml:lang="x-default">{first}</rdf:li>{terms}</rdf:Alt></xmpRights:UsageTerms>'
            "</rdf:Description>\n"
        ).encode()
        if "created" in rights:
            created, modified = (f"{rights[key].isoformat()}T00:00:00Z" for key in ("created", "modified"))
            extra += (
                f'<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreateDate>{created}</xmp:CreateDate>'
                f"<xmp:ModifyDate>{modified}</xmp:ModifyDate><xmp:MetadataDate>{modified}</xmp:MetadataDate></rdf:Description>\n"
            ).encode()
            pdf.docinfo[Name.CreationDate] = pikepdf.String(f"D:{rights['created']:%Y%m%d}000000Z")
            pdf.docinfo[Name.ModDate] = pikepdf.String(f"D:{rights['modified']:%Y%m%d}000000Z")
    end = data.index(b"</rdf:RDF>")
    stream.write(data[:end] + extra + data[end:])


# CSS pixels per PDF point: 96 px and 72 pt to the inch.
_PX = 0.75


def _fix_bbox(element: pikepdf.Dictionary, pages: dict[tuple[int, int], pikepdf.Page]) -> None:
    """A figure's layout box in the page's own space (points, from the bottom left)."""
    attributes = element.get("/A")
    page = element.get("/Pg")
    if not isinstance(attributes, pikepdf.Dictionary) or "/BBox" not in attributes or page is None:
        return
    height = float(pages[page.objgen].mediabox[3])
    left, top, right, bottom = (float(value) for value in attributes.BBox)
    attributes.BBox = pikepdf.Array([round(left * _PX, 3), round(height - bottom * _PX, 3), round(right * _PX, 3), round(height - top * _PX, 3)])


def finish(path: Path, rights: dict[str, Any] | None = None) -> None:
    """Mark the page furniture as artifacts and give every table header its scope, in place."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        tree = pdf.Root.StructTreeRoot
        reachable = {element.objgen for element in _elements(tree)}
        nums = tree.ParentTree.Nums
        loose: dict[int, set[int]] = {}
        for index in range(0, len(nums), 2):
            key, value = int(nums[index]), nums[index + 1]
            if not isinstance(value, pikepdf.Array) or key >= len(pdf.pages):
                continue
            loose[key] = {mcid for mcid, element in enumerate(value) if isinstance(element, pikepdf.Dictionary) and element.objgen not in reachable}
            for mcid in loose[key]:
                value[mcid] = None
        _to_artifacts(pdf, loose)
        # PDF/A forbids asking viewers to smooth images (WeasyPrint writes /Interpolate true).
        for page in pdf.pages:
            for image in ((page.get("/Resources") or {}).get("/XObject") or {}).values():
                if image.get("/Subtype") == Name.Image and "/Interpolate" in image:
                    image.Interpolate = False
        pages = {page.obj.objgen: page for page in pdf.pages}
        for element in _elements(tree):
            if element.get("/S") == Name.Figure:
                _fix_bbox(element, pages)
            if element.get("/S") != Name.TH:
                continue
            row = element.get("/P")
            group = row.get("/P") if isinstance(row, pikepdf.Dictionary) else None
            in_head = isinstance(group, pikepdf.Dictionary) and group.get("/S") == Name.THead
            attributes = element.get("/A")
            if not isinstance(attributes, pikepdf.Dictionary):
                attributes = Dictionary(O=Name.Table)
                element.A = attributes
            attributes.Scope = Name.Column if in_head else Name.Row
        _declare(pdf, rights)
        pdf.save(path, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)

