"""The element type the parsers read, and element-selecting XPath typed as such.

Pages are parsed into plain ``lxml.etree`` elements (docs/parser.md, "One tree"); every parser
annotates its elements as ``Element``.
"""

from __future__ import annotations

from typing import TypeAlias, cast

from lxml import etree

Element: TypeAlias = etree._Element


def select(xpath: etree.XPath, el: Element) -> list[Element]:
    """The elements ``xpath`` selects under ``el``.

    Only for expressions that select elements (``…/@attr/..``, ``descendant::a``): libxml2
    answers those with a node list, which lxml returns as elements."""
    return cast("list[Element]", xpath(el))


def attribute_values(xpath: etree.XPath, el: Element) -> list[etree._ElementUnicodeResult[Element]]:
    """The attribute values ``xpath`` selects under ``el`` (``descendant-or-self::*/@attr``), in
    document order, each knowing its element (``getparent()``).

    Cheaper than selecting the elements (``…/@attr/..``) and reading the attribute again: libxml2
    skips the parent step and its sort, and lxml hands over the value with the element it
    already built (docs/parser.md, "Speed")."""
    return cast("list[etree._ElementUnicodeResult[Element]]", xpath(el))


def xpath_elements(el: Element, expression: str) -> list[Element]:
    """``el.xpath(expression)`` for an element-selecting expression (see ``select``)."""
    return cast("list[Element]", el.xpath(expression))
