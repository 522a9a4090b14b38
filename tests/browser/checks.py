"""What every page visited in the browser must satisfy."""

from axe_playwright_python.sync_playwright import Axe

# WCAG 2.0, 2.1 and 2.2, levels A and AA.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
    },
    "resultTypes": ["violations"],
    # Wagtail's accessibility checker, which editors see in the page's userbar, also applies this
    # experimental rule: a bold, large paragraph read as a heading.
    "rules": {"p-as-heading": {"enabled": True}},
}
axe = Axe()


def axe_violations(page):
    """axe-core's WCAG A/AA violations on the page, as readable lines (empty when none)."""
    results = axe.run(page, options=AXE_OPTIONS)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]


def horizontal_overflow(page):
    """How many CSS pixels the page is wider than the window (0 when nothing scrolls sideways)."""
    return page.evaluate(
        "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth"
    )


def check_page(page, path, status=200):
    """Load `path` and assert what a visitor relies on; returns the page for further checks."""
    response = page.goto(path, wait_until="load")
    assert response.status == status, f"{path} answered {response.status}"
    page.wait_for_load_state("networkidle")
    assert horizontal_overflow(page) <= 0, f"{path} scrolls sideways"
    violations = axe_violations(page)
    assert not violations, f"axe on {path}:\n" + "\n".join(violations)
    problems = page.watch.problems
    assert not problems, f"{path}:\n" + "\n".join(problems)
    return page
