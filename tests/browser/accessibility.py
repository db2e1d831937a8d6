"""Checks the browser tests run in a loaded page: axe-core's rules and horizontal overflow.

axe-core is evaluated in the page through the DevTools protocol (``page.evaluate``), so the
site's Content-Security-Policy (``script-src 'self'``, no inline scripts) stays in force and the
engine comes from this repository (``vendor/axe-core``), never from the internet.
"""

from functools import cache
from pathlib import Path

AXE_SOURCE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"

# WCAG 2.1 A and AA plus axe's best practices (landmarks, heading order, unique regions): what
# BITV 2.0 asks of a German public body, and what the audit reported.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

RUN_AXE = """async (tags) => {
    const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
    return result.violations.map((violation) => ({
        rule: violation.id,
        impact: violation.impact,
        nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    }));
}"""

# Everything that sticks out on the right, for the failure message.
OVERFLOWING = """(width) => [...document.querySelectorAll('body *')]
    .filter((element) => element.getBoundingClientRect().right > width + 0.5)
    .slice(0, 8)
    .map((element) => `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}`
        + `${element.className && typeof element.className === 'string'
            ? '.' + element.className.trim().split(/\\s+/).join('.') : ''}`
        + ` right=${Math.round(element.getBoundingClientRect().right)}`)"""


@cache
def axe_source() -> str:
    return AXE_SOURCE.read_text(encoding="utf-8")


def axe_violations(page) -> list[dict]:
    """axe-core's violations in the page as it is now (rule, impact, first elements)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    return page.evaluate(RUN_AXE, AXE_TAGS)


def horizontal_overflow(page, width: int) -> list[str] | None:
    """None if the page fits ``width`` CSS pixels, else the elements that stick out."""
    if page.evaluate("document.documentElement.scrollWidth") <= width:
        return None
    return page.evaluate(OVERFLOWING, width)
